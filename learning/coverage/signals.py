"""Membership and team changes move coverage, and they are saved from places this app does not own (invitation
acceptance, the Wagtail admin, imports); so does a learner's progress (the `learner_progress_changed` event,
sent by progress and the completion rule). These receivers write nothing: they only queue the recounts once
the change commits (once per transaction, however many rows were saved)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from learning.core.events import learner_progress_changed
from learning.organisations.models import Membership, Team

from .services.events import coverage_changed, organisation_changed


@receiver(post_save, sender=Membership, dispatch_uid="coverage_membership_saved")
@receiver(post_delete, sender=Membership, dispatch_uid="coverage_membership_deleted")
@receiver(post_delete, sender=Team, dispatch_uid="coverage_team_deleted")
def _organisation_people_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        organisation_changed(organisation_id=instance.organisation_id)


@receiver(learner_progress_changed, dispatch_uid="coverage_learner_progress_changed")
def _learner_progress_changed(sender, user_id, module_id, **kwargs):
    coverage_changed(user_id=user_id, module_id=module_id)
