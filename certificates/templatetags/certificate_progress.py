"""The quiz result page's way to the certificate: assessments sits below certificates, so its template asks
this tag, and no assessments code imports certificates."""

from django import template
from django.urls import reverse

from certificates.selectors import certificate_progress as progress_for

register = template.Library()

STATES = ("recording", "incomplete", "preparing", "ready")


@register.inclusion_tag("certificates/_certificate_progress.html", takes_context=True)
def certificate_progress(context, module):
    """Module complete (or being recorded) and the certificate being prepared, then its links; the page's
    script polls `certificate_status` for the next state. Not enrolled: the module is not complete."""
    request = context["request"]
    progress = progress_for(user=request.user, module_id=module.pk) or {"state": "incomplete", "links": None}
    return {
        "request": request,
        "module": module,
        "state": progress["state"],
        "links": progress["links"],
        "states": STATES,
        "status_url": reverse("certificate_status", args=[module.pk]),
    }
