"""The project's audit-log actions (learning/core/audit.py) and the admin's "Erase this person's data"."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from learning.core.audit import ACTIONS

from . import views_erasure


@hooks.register("register_log_actions")
def project_log_actions(actions):
    for action, label in ACTIONS.items():
        actions.register_action(action, label, label)


@hooks.register("register_admin_urls")
def erasure_admin_urls():
    return [path("privacy/erase/<int:user_id>/", views_erasure.person_erase, name="privacy_person_erase")]


@hooks.register("register_user_listing_buttons")
def erase_button(user, request_user):
    if request_user.is_superuser and user.pk != request_user.pk:
        yield ListingButton(
            _("Erase this person's data"),
            reverse("privacy_person_erase", args=[user.pk]),
            priority=90,
            icon_name="bin",
        )
