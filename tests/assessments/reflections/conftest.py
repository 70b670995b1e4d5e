"""A small world for reflective practice: one organisation with a supervisor, their supervisee (the author), a
second supervisor, a workforce lead, a Wagtail editor and a platform admin; and a second organisation."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group

from assessments.models import ReflectiveEntry
from assessments.practice.services import reflections, reviews
from assessments.quizzes.factories import ReflectiveEntryFactory
from learning.organisations.factories import MembershipFactory, OrganisationFactory, TeamFactory, UserFactory


@pytest.fixture
def world(db):
    home, other = OrganisationFactory(name="NHS Home"), OrganisationFactory(name="Other Org")
    team = TeamFactory(organisation=home, name="Outreach")
    supervisor = MembershipFactory(
        organisation=home,
        is_supervisor=True,
        job_title="Team leader",
        user=UserFactory(first_name="Sam", last_name="Reid"),
    )
    author = MembershipFactory(organisation=home, supervisor=supervisor, team=team)
    other_supervisor = MembershipFactory(organisation=home, is_supervisor=True)
    colleague = MembershipFactory(organisation=home, supervisor=other_supervisor, team=team)
    lead = MembershipFactory(organisation=home, is_learner=False, is_lead=True)
    # Someone in another organisation who holds every role there.
    stranger = MembershipFactory(organisation=other, is_supervisor=True, is_lead=True)
    editor = UserFactory(is_staff=True)
    editor.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
    admin = UserFactory(is_superuser=True, is_staff=True)
    return SimpleNamespace(
        home=home,
        other=other,
        team=team,
        supervisor=supervisor,
        author=author,
        other_supervisor=other_supervisor,
        colleague=colleague,
        lead=lead,
        stranger=stranger,
        editor=editor,
        admin=admin,
    )


def user_of(world, actor):
    value = getattr(world, actor)
    return value if actor in ("editor", "admin") else value.user


def entry_in(world, status, membership=None, **kwargs) -> ReflectiveEntry:
    """An entry by `membership` (the world's author by default) brought to `status` through the services."""
    membership = membership or world.author
    entry = ReflectiveEntryFactory(membership=membership, **kwargs)
    if status == "draft":
        return entry
    entry = reflections.reflection_submit(entry=entry, user=membership.user)
    if status == "submitted":
        return entry
    reviewer = membership.supervisor.user
    if status == "changes":
        return reviews.reflection_request_changes(
            entry=entry, user=reviewer, body="Say more about the analysis."
        )
    return reviews.reflection_sign_off(entry=entry, user=reviewer)


@pytest.fixture
def person():
    """The user behind an actor's name in the world."""
    return user_of


@pytest.fixture
def make_entry(world):
    def make(status="draft", membership=None, **kwargs):
        return entry_in(world, status, membership, **kwargs)

    return make
