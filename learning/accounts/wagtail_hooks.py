"""Deleting people in the Wagtail admin is refused, with the reason, while they hold records to be kept.

Certificates (and the completions they certify) protect their holder from deletion, so that what an employer
verified stays verifiable. The admin explains instead of failing with a server error, and points at erasure
(learning/privacy/erasure.py), which anonymises the person and keeps the records. Pages and snippets are
learning/core/wagtail_hooks.py's; both use kept_records.py.
"""

from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request

from learning.core.kept_records import kept_message, kept_reason


def _refuse(request, reasons, url, *, several=False, erase_url=None):
    advice = _(
        "To stop someone signing in, edit their account and untick “Active”. To remove their personal "
        "data and keep these records as anonymised counts, use “Erase this person's data”."
    )
    # The erase page is superusers' only (learning/privacy):
    # others are not offered a button that refuses them.
    buttons = (
        [messages.button(erase_url, _("Erase this person's data"))]
        if erase_url and request.user.is_superuser
        else []
    )
    messages.error(
        request, f"{kept_message(reasons, get_user_model(), several=several)} {advice}", buttons=buttons
    )
    return redirect(url)


@hooks.register("before_delete_user")
def refuse_deleting_kept_records(request, user):
    """Runs before the user's delete screen, on GET and POST: back to their account, saying why."""
    if reason := kept_reason(user):
        return _refuse(
            request,
            [reason],
            reverse("wagtailusers_users:edit", args=[user.pk]),
            erase_url=reverse("privacy_person_erase", args=[user.pk]),
        )
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_kept_records(request, action_type, objects, action_class_instance):
    """Runs when a bulk delete of users is confirmed: nobody is deleted if anyone holds kept records."""
    if action_type != "delete" or action_class_instance.model is not get_user_model():
        return None
    if reasons := [reason for user in objects if (reason := kept_reason(user))]:
        back = get_valid_next_url_from_request(request) or reverse("wagtailusers_users:index")
        return _refuse(request, reasons, back, several=True)
    return None
