"""One way to send a person an email written as a pair of templates: `<name>.txt` and `<name>.html`."""
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def email_send(*, to: str, subject: str, template: str, context: dict) -> None:
    """Send the plain-text and HTML versions of `template` (a name without its extension) to one address.
    HTML mail readers get the formatted version; everyone else, and every filter, reads the text."""
    message = EmailMultiAlternatives(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
        body=render_to_string(f"{template}.txt", context),
        to=[to],
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    message.send()
