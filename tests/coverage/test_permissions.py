"""The permission matrix of the coverage pages: role x page x organisation. A lead of one organisation sees
nothing of another; a partnership lead sees partners' combined figures and nothing about their people."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from learning.coverage import services
from learning.organisations.factories import MembershipFactory, OrganisationFactory, UserFactory
from learning.organisations.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(org, make_module, committed):
    adp = OrganisationFactory(name="Testshire ADP", kind=Organisation.Kind.ADP)
    org.organisation.partnership, org.organisation.shares_with_partnership = adp, True
    org.organisation.save()
    other = OrganisationFactory(name="Elsewhere Trust")
    module = make_module(title="GIRFEC basics")
    committed(
        services.assignment_create,
        organisation=org.organisation,
        module=module,
        created_by=org.lead.user,
        due_on=date.today() - timedelta(days=3),
    )
    supervisee, colleague = org.learners[0], org.learners[1]
    return {
        "lead": org.lead.user,
        "supervisor": org.supervisor.user,
        "learner": supervisee.user,
        "other_lead": committed(MembershipFactory, organisation=other, is_learner=False, is_lead=True).user,
        "partnership_lead": committed(
            MembershipFactory, organisation=adp, is_learner=False, is_lead=True
        ).user,
        "admin": UserFactory(is_superuser=True),
        "org": org.organisation,
        "adp": adp,
        "supervisee": supervisee,
        "colleague": colleague,
    }


def _urls(world):
    org, record = world["org"].pk, world["supervisee"].pk
    return {
        "dashboard": reverse("coverage_dashboard", args=[org]),
        "people": reverse("coverage_people", args=[org, "overdue"]),
        "export": reverse("coverage_export_xlsx", args=[org]),
        "record": reverse("coverage_record", args=[record]),
        "record_export": reverse("coverage_record_export_csv", args=[record]),
        "colleague_record": reverse("coverage_record", args=[world["colleague"].pk]),
        "import": reverse("coverage_import", args=[org]),
        "assignments": reverse("coverage_assignments", args=[org]),
        "partnership": reverse("coverage_partnership", args=[world["adp"].pk]),
    }


ALLOWED = {
    #                 dashboard people export record r_export colleague import assign partnership
    "lead": (1, 1, 1, 1, 1, 1, 1, 1, 0),
    "supervisor": (1, 1, 1, 1, 1, 0, 0, 0, 0),
    "learner": (0, 0, 0, 1, 1, 0, 0, 0, 0),
    "other_lead": (0, 0, 0, 0, 0, 0, 0, 0, 0),
    "partnership_lead": (0, 0, 0, 0, 0, 0, 0, 0, 1),
    "admin": (1, 1, 1, 1, 1, 1, 1, 1, 1),
}


@pytest.mark.parametrize("actor", list(ALLOWED))
def test_permission_matrix(client, world, actor):
    client.force_login(world[actor])
    for (page, url), allowed in zip(_urls(world).items(), ALLOWED[actor], strict=True):
        status = client.get(url).status_code
        assert status == (200 if allowed else 403), (actor, page, status)


def test_supervisor_sees_only_their_own_staff(client, world):
    client.force_login(world["supervisor"])
    page = client.get(reverse("coverage_dashboard", args=[world["org"].pk])).content.decode()
    assert world["supervisee"].user.get_full_name() in page
    assert world["colleague"].user.get_full_name() not in page
    assert "The people you supervise here." in page


def test_partnership_view_names_no_person(client, world):
    client.force_login(world["partnership_lead"])
    page = client.get(reverse("coverage_partnership", args=[world["adp"].pk])).content.decode()
    assert "NHS Testshire" in page and "GIRFEC basics" in page
    for membership in [world["supervisee"], world["colleague"]]:
        assert membership.user.get_full_name() not in page and membership.user.email not in page
    assert "Red" not in page  # no team breakdown either


def test_assignment_and_import_posts_are_refused_to_others(client, world):
    client.force_login(world["other_lead"])
    assert client.post(reverse("coverage_assignments", args=[world["org"].pk]), {}).status_code == 403
    assert client.post(reverse("coverage_import", args=[world["org"].pk]), {}).status_code == 403
    assert client.post(reverse("coverage_sharing", args=[world["org"].pk]), {}).status_code == 403


def test_coverage_home_leads_each_person_to_their_places(client, world):
    client.force_login(world["supervisor"])
    assert client.get(reverse("coverage_home")).url == reverse("coverage_dashboard", args=[world["org"].pk])
    client.force_login(
        world["partnership_lead"]
    )  # the partnership's own dashboard, and the partners' figures
    page = client.get(reverse("coverage_home")).content.decode()
    assert reverse("coverage_partnership", args=[world["adp"].pk]) in page
    assert reverse("coverage_dashboard", args=[world["org"].pk]) not in page
    client.force_login(world["learner"])
    assert client.get(reverse("coverage_home")).status_code == 403


@pytest.mark.parametrize(
    "status", ["completed", "in_progress", "not_started", "overdue", "expiring", "unknown"]
)
def test_each_drill_down_list(client, world, status):
    client.force_login(world["lead"])
    response = client.get(
        reverse("coverage_people", args=[world["org"].pk, status])
        + f"?team={world['org'].teams.get(name='Red').pk}"
    )
    assert response.status_code == (404 if status == "unknown" else 200)
    if status == "overdue":  # the team filter applies: Red's two people, not Blue's
        page = response.content.decode()
        assert (
            world["supervisee"].user.get_full_name() in page
            and world["colleague"].user.get_full_name() not in page
        )
