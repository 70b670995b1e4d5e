"""The reads other parts of the platform rely on: signed-off evidence per module, and counts per team."""

from datetime import timedelta

import pytest
from django.utils import timezone

from assessments.practice.selectors.reflections import reflection_counts_by_team, reflection_signed_off
from learning.organisations.factories import MembershipFactory, TeamFactory
from modules.factories import ModulePageFactory
from modules.seed import site_structure_ensure

pytestmark = pytest.mark.django_db


def test_reflection_signed_off_per_module_and_since(world, make_entry):
    index = site_structure_ensure()
    girfec = ModulePageFactory(parent=index, title="GIRFEC")
    other = ModulePageFactory(parent=index, title="Other")
    user = world.author.user
    make_entry("submitted", module=girfec)
    assert not reflection_signed_off(user=user, module=girfec)
    entry = make_entry("signed_off", module=girfec)
    assert reflection_signed_off(user=user, module=girfec)
    assert not reflection_signed_off(user=user, module=other)
    assert not reflection_signed_off(user=world.supervisor.user, module=girfec)
    assert reflection_signed_off(user=user, module=girfec, since=entry.signed_off_at)
    assert not reflection_signed_off(
        user=user, module=girfec, since=entry.signed_off_at + timedelta(seconds=1)
    )
    assert reflection_signed_off(user=user, module=girfec, since=timezone.now() - timedelta(days=1))


def test_counts_by_team_count_shared_entries_only(world, make_entry, django_assert_num_queries):
    empty_team = TeamFactory(organisation=world.home, name="Aftercare")
    no_team = MembershipFactory(organisation=world.home, supervisor=world.supervisor)
    make_entry("draft"), make_entry("submitted"), make_entry("changes"), make_entry("signed_off")
    make_entry("signed_off", membership=world.colleague)
    make_entry("signed_off", membership=no_team)
    make_entry("submitted", membership=MembershipFactory(organisation=world.other, supervisor=world.stranger))
    with django_assert_num_queries(2):
        rows = reflection_counts_by_team(organisation=world.home)
    assert [(r.team_id, r.team_name, r.submitted, r.signed_off) for r in rows] == [
        (empty_team.pk, "Aftercare", 0, 0),
        (world.team.pk, "Outreach", 2, 2),
        (None, "No team", 0, 1),
    ]
