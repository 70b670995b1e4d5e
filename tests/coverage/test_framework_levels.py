"""Framework levels on the coverage dashboard (issue #16): a completion counts at a level only through its
module's framework mapping, and each level is shown under its framework's name."""

import re

import pytest
from django.urls import reverse

from learning.coverage.models import WHOLE_ORGANISATION, FrameworkRollup
from learning.coverage.selectors.aggregates import framework_counts
from learning.organisations.models import Membership
from modules.models import FrameworkLevel

pytestmark = pytest.mark.django_db
NES = "NES Transforming Psychological Trauma"
SAFE = "Safe and Together Model"


@pytest.fixture
def completed(org, make_module, complete):
    """The NES levels and the Safe and Together introduction; one learner completed the Safe and Together
    module, which maps only to its own framework."""
    FrameworkLevel.objects.create(slug="informed", framework=NES, name="Trauma-informed", order=0)
    FrameworkLevel.objects.create(slug="skilled", framework=NES, name="Trauma-skilled", order=1)
    FrameworkLevel.objects.create(slug="safe-and-together-introduction", framework=SAFE, name="Introduction")
    module = make_module(lessons=1, levels=["safe-and-together-introduction"], title="Safe and Together")
    complete(org.learners[0].user, module)
    return org


def _trained(rows):
    return {(row.level.framework, row.level.name): row.trained for row in rows}


def test_completers_count_under_their_modules_framework_only(completed):
    organisation = completed.organisation
    stored = FrameworkRollup.objects.filter(organisation=organisation, team_key=WHOLE_ORGANISATION)
    expected = {(NES, "Trauma-informed"): 0, (NES, "Trauma-skilled"): 0, (SAFE, "Introduction"): 1}
    assert _trained(stored.select_related("level")) == expected
    levels, rows = framework_counts(
        Membership.objects.filter(organisation=organisation), group_by=("organisation_id",)
    )
    assert {(level.framework, level.name): rows[0][f"level_{level.pk}"] for level in levels} == expected


def test_the_dashboard_shows_each_level_under_its_framework(client, completed):
    client.force_login(completed.lead.user)
    for query in ("", "?job_title=Nurse"):  # stored rollups, and a live count
        html = client.get(reverse("coverage_dashboard", args=[completed.organisation.pk]) + query).content
        groups = re.findall(r"<tbody>(.*?)</tbody>", html.decode(), re.S)
        levels = {
            re.search(r'scope="rowgroup"[^>]*>([^<]+)<', group).group(1): re.findall(
                r'<th scope="row">([^<]+)<span class="visually-hidden">[^<]*</span></th><td>(\d+)</td>', group
            )
            for group in groups
            if 'scope="rowgroup"' in group
        }
        assert levels == {
            NES: [("Trauma-informed", "0"), ("Trauma-skilled", "0")],
            SAFE: [("Introduction", "1")],
        }, query
