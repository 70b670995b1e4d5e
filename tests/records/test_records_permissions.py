"""The records permissions as a matrix: role x object x organisation (learning/records/rules.py)."""

import pytest
import rules
from django.contrib.auth.models import AnonymousUser

from learning.organisations.factories import UserFactory
from learning.records.services import record_submit, record_verify
from tests.records.conftest import record_data

pytestmark = pytest.mark.django_db

PEOPLE = ("owner", "supervisor", "lead", "colleague", "lead_b", "learner_b", "admin", "anonymous")
# For a record waiting for verification, and (after the arrow) once it is verified.
EXPECTED = {
    "records.view_record": {"owner", "supervisor", "lead", "admin"},
    "records.change_record": {"owner"},
    "records.decide_record": {"supervisor", "lead"},
}
AFTER_VERIFYING = {
    "records.view_record": {"owner", "supervisor", "lead", "admin"},
    "records.change_record": set(),
    "records.decide_record": set(),
}
# On the owner's membership and organisation.
ON_PERSON = {
    "records.view_cpd": {"owner", "supervisor", "lead", "admin"},
    "records.record_completion": {"lead", "admin"},
}
ON_ORGANISATION = {"records.manage_equivalences": {"lead", "admin"}}


@pytest.fixture
def people(w):
    return {
        "owner": w.learner.user,
        "supervisor": w.supervisor.user,
        "lead": w.lead.user,
        "colleague": w.colleague.user,
        "lead_b": w.lead_b.user,
        "learner_b": w.learner_b.user,
        "admin": UserFactory(is_superuser=True),
        "anonymous": AnonymousUser(),
    }


def _allowed(people, perm, target):
    if perm == "records.manage_equivalences":  # a permission: admins pass as for every organisation page
        return {name for name in PEOPLE if people[name].has_perm(perm, target)}
    return {name for name in PEOPLE if rules.test_rule(perm, people[name], target)}


def test_records_by_role_and_state(w, people):
    record = record_submit(user=w.learner.user, membership=w.learner, data=record_data())
    assert {perm: _allowed(people, perm, record) for perm in EXPECTED} == EXPECTED
    record_verify(record=record, user=w.supervisor.user)
    record.refresh_from_db()
    assert {perm: _allowed(people, perm, record) for perm in AFTER_VERIFYING} == AFTER_VERIFYING


def test_people_and_organisations(w, people):
    assert {perm: _allowed(people, perm, w.learner) for perm in ON_PERSON} == ON_PERSON
    assert {perm: _allowed(people, perm, w.a) for perm in ON_ORGANISATION} == ON_ORGANISATION
    # B's lead has the same rights in B only.
    assert rules.test_rule("records.record_completion", people["lead_b"], w.learner_b)
    assert people["lead_b"].has_perm("records.manage_equivalences", w.b)
