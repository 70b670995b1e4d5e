"""The one way the platform writes an email: a pair of templates, `<name>.txt` and `<name>.html`, each
extending the branded base (templates/email/base.txt, base.html). Every email has both parts, the site's name
(SITE_NAME) in its subject, and links on WAGTAILADMIN_BASE_URL (learning.core.links), never on the host a
request came in on. allauth's account emails come here too, through learning.accounts.adapter.
See docs/emails.md."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context, engines
from django.template.loader import render_to_string

from .links import site_root


def text_render(template_name: str, context: dict) -> str:
    """Render a plain-text template with autoescaping off: escaping is for HTML, and in a text email it only
    shows the reader entities such as "&#x27;" where an apostrophe should be."""
    template = engines["django"].engine.get_template(template_name)
    return template.render(Context(context, autoescape=False))


def email_message(
    *, to: str, subject: str, template: str, context: dict, attachments=(), headers: dict | None = None
) -> EmailMultiAlternatives:
    """The message for `template` (a name without its extension) to one address, not yet sent: the text part
    is what every filter and plain-text reader sees; HTML mail readers get the formatted version."""
    subject = f"[{settings.SITE_NAME}] {' '.join(subject.split())}"
    context = {**context, "subject": subject, "site_name": settings.SITE_NAME, "site_url": site_root() + "/"}
    body = text_render(f"{template}.txt", context).strip() + "\n"
    message = EmailMultiAlternatives(subject=subject, body=body, to=[to], headers=headers)
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    for attachment in attachments:
        message.attach(*attachment)
    return message


def email_send(*, to: str, subject: str, template: str, context: dict, attachments=()) -> None:
    """Send `template` to one address: see email_message."""
    email_message(to=to, subject=subject, template=template, context=context, attachments=attachments).send()
