"""The audited actions on learning done elsewhere (learning/records/services.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .services import DECLINED_ACTION, RECORDED_ACTION, VERIFIED_ACTION


@hooks.register("register_log_actions")
def records_log_actions(actions):
    actions.register_action(VERIFIED_ACTION, _("Verify external learning"), _("External learning verified"))
    actions.register_action(DECLINED_ACTION, _("Decline external learning"), _("External learning declined"))
    actions.register_action(
        RECORDED_ACTION, _("Record a completion"), _("Completion recorded by a lead for a member of staff")
    )
