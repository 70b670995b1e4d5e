"""A small world for follow-ups on practice: an organisation with a supervisor (Sam Reid), the learner they
supervise, a second learner, a second supervisor and a workforce lead; another organisation's supervisor; a
platform admin; a module that asks for a follow-up six weeks after completion and one that does not."""

from datetime import timedelta
from types import SimpleNamespace

from django.utils import timezone

from assessments.models import FollowUp
from assessments.practice.services.follow_ups import follow_up_submit, follow_ups_schedule
from learning.organisations.factories import MembershipFactory, OrganisationFactory, TeamFactory, UserFactory
from learning.progress.factories import ModuleCompletionFactory
from modules.factories import ModulePageFactory
from modules.seed import site_structure_ensure

WEEKS = 6
TEXT = "I now ask each parent how the week went before we plan, and write the plan with them."


def world_build():
    index = site_structure_ensure()
    home, other = OrganisationFactory(name="NHS Home"), OrganisationFactory(name="Other Org")
    team = TeamFactory(organisation=home, name="Outreach")
    supervisor = MembershipFactory(
        organisation=home,
        is_supervisor=True,
        job_title="Team leader",
        user=UserFactory(first_name="Sam", last_name="Reid"),
    )
    learner = MembershipFactory(organisation=home, supervisor=supervisor, team=team)
    return SimpleNamespace(
        home=home,
        other=other,
        team=team,
        supervisor=supervisor,
        learner=learner,
        other_learner=MembershipFactory(organisation=home, supervisor=supervisor, team=team),
        other_supervisor=MembershipFactory(organisation=home, is_supervisor=True),
        lead=MembershipFactory(organisation=home, is_learner=False, is_lead=True),
        stranger=MembershipFactory(organisation=other, is_supervisor=True, is_lead=True),
        admin=UserFactory(is_superuser=True, is_staff=True),
        module=ModulePageFactory(parent=index, title="Working with families", follow_up_after_weeks=WEEKS),
        plain=ModulePageFactory(parent=index, title="No follow-up module"),
    )


def completed_weeks_ago(user, module, weeks=WEEKS, **kwargs):
    """A completion of `module` by `user` that many weeks (and an hour) ago: its follow-up is due today."""
    return ModuleCompletionFactory(
        user=user, module=module, completed_at=timezone.now() - timedelta(weeks=weeks, hours=1), **kwargs
    )


def follow_up_due(user, module):
    """A due follow-up, made by the daily schedule as it would be (its invitation left owed)."""
    completion = completed_weeks_ago(user, module)
    follow_ups_schedule(today=timezone.localdate())
    return FollowUp.objects.get(completion=completion)


def follow_up_submitted(world, membership=None, text=TEXT):
    membership = membership or world.learner
    follow_up = follow_up_due(membership.user, world.module)
    return follow_up_submit(
        follow_up=follow_up, user=membership.user, text=text, supervisor=membership.supervisor
    )
