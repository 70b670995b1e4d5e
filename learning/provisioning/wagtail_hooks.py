"""Provisioning's audit-log actions, so the site history report labels and filters them."""

from wagtail import hooks

from .actions import ACTIONS


@hooks.register("register_log_actions")
def provisioning_log_actions(actions):
    for action, label in ACTIONS.items():
        actions.register_action(action, label, label)
