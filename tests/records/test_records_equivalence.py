"""An equivalence the organisation declares: a verified record of that course completes the module (source
external), so the requirement is met, the rollups move and the certificate follows; the drill-down and the
exports say where the completion came from."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from certificates.models import Certificate
from learning.core.errors import ServiceError
from learning.coverage.models import WHOLE_ORGANISATION, CoverageRollup
from learning.coverage.selectors.people import record_requirements
from learning.progress.models import ModuleCompletion
from learning.records.services import equivalence_create, record_submit, record_verify
from tests.records.conftest import record_data

pytestmark = pytest.mark.django_db


def _completed(w):
    rollup = CoverageRollup.objects.get(organisation=w.a, module=w.module, team_key=WHOLE_ORGANISATION)
    return rollup.completed


@pytest.fixture
def equivalence(w):
    return equivalence_create(
        organisation=w.a, module=w.module, title="Trauma-Skilled e-module", provider="NES", user=w.lead.user
    )


def test_a_verified_record_of_a_recognised_course_meets_the_requirement(w, equivalence, committed):
    assert not record_requirements(membership=w.learner)[0].is_completed and _completed(w) == 0
    # Matched by title and provider, whatever the case and spaces: the learner did not pick it.
    record = record_submit(
        user=w.learner.user,
        membership=w.learner,
        data=record_data(title=" trauma-skilled E-MODULE ", provider="nes"),
    )
    committed(record_verify, record=record, user=w.supervisor.user)
    completion = ModuleCompletion.objects.get(user=w.learner.user)
    assert (completion.module_id, completion.source, completion.recorded_by_id) == (
        w.module.pk,
        ModuleCompletion.Source.EXTERNAL,
        w.supervisor.user.pk,
    )
    assert completion.completed_at.date() == record.completed_on
    [requirement] = record_requirements(membership=w.learner)
    assert requirement.is_completed
    assert _completed(w) == 1
    assert Certificate.objects.filter(completion=completion).exists()


def test_an_unverified_or_unrecognised_record_completes_nothing(w, equivalence, committed):
    chosen = record_submit(
        user=w.learner.user, membership=w.learner, data=record_data(title="Other", equivalence=equivalence)
    )
    other = record_submit(user=w.colleague.user, membership=w.colleague, data=record_data(title="Unknown"))
    assert not ModuleCompletion.objects.exists()  # submitted, not verified
    committed(record_verify, record=other, user=w.lead.user)
    assert not ModuleCompletion.objects.exists()
    committed(record_verify, record=chosen, user=w.lead.user)  # the learner picked the equivalence
    assert ModuleCompletion.objects.get().user == w.learner.user


def test_another_organisations_equivalence_cannot_be_chosen_or_duplicated(w, equivalence):
    with pytest.raises(ServiceError):
        record_submit(
            user=w.learner_b.user, membership=w.learner_b, data=record_data(equivalence=equivalence)
        )
    with pytest.raises(ServiceError):
        equivalence_create(
            organisation=w.a,
            module=w.other_module,
            title="TRAUMA-skilled e-module",
            provider="NES",
            user=None,
        )


def test_the_drill_down_and_the_record_exports_show_the_source(w, equivalence, committed, client):
    record = record_submit(user=w.learner.user, membership=w.learner, data=record_data())
    committed(record_verify, record=record, user=w.supervisor.user)
    client.force_login(w.lead.user)
    page = client.get(reverse("coverage_record", args=[w.learner.pk])).content.decode()
    assert "Verified external learning" in page
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(reverse("coverage_record_export_csv", args=[w.learner.pk])).content.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    assert (
        rows[0][5] == "Source" and rows[1][0] == w.module.title and rows[1][5] == "Verified external learning"
    )
    workbook = load_workbook(
        io.BytesIO(client.get(reverse("coverage_record_export_xlsx", args=[w.learner.pk])).content)
    )
    completions = [list(row) for row in workbook["Completions"].iter_rows(values_only=True)]
    assert completions[0][5] == "Source" and completions[1][5] == "Verified external learning"


def test_the_lead_manages_equivalences_on_their_page(w, client):
    client.force_login(w.lead.user)
    url = reverse("records_equivalences", args=[w.a.pk])
    response = client.post(
        url,
        {
            "title": "Safe and Together CORE",
            "provider": "Safe & Together Institute",
            "module": w.other_module.pk,
        },
    )
    assert response.status_code == 302
    equivalence = w.a.equivalences.get()
    assert "Safe and Together CORE" in client.get(url).content.decode()
    client.post(reverse("records_equivalence_delete", args=[w.a.pk, equivalence.pk]))
    assert not w.a.equivalences.exists()
    client.force_login(w.lead_b.user)
    assert client.get(url).status_code == 403
