"""The sign-in page's "Sign in with <organisation>" buttons, and the account hub's note on this session's
single sign-on (the hub belongs to learning.accounts, below: its template loads this tag)."""

from django import template

from learning.sso import selectors
from learning.sso.services import SESSION_KEY

register = template.Library()


@register.simple_tag(takes_context=True)
def sso_sign_in_options(context):
    """The buttons; and the providers' origins, which the page's form-action must allow (the browser checks
    the redirect a form's POST is answered with against it): SignOnGuardMiddleware adds them."""
    request = context["request"]
    options = selectors.sign_in_options(request)
    request.sso_form_action = {origin for _name, _url, origin in options if origin}
    return [(name, url) for name, url, _origin in options]


@register.inclusion_tag("sso/hub_card.html", takes_context=True)
def sso_session_card(context):
    return {"sign_in": context["request"].session.get(SESSION_KEY)}
