"""The CPD log: online modules, recorded and verified learning (events come from learning.events), each once,
with hours and participatory hours; totals per year; CSV safe from formulas; PDFs in the SSSC and NMC
layouts."""

import csv
import io
from datetime import date, datetime
from decimal import Decimal

import pypdfium2
import pytest
from django.urls import reverse
from django.utils import timezone

from learning.progress.factories import ModuleCompletionFactory
from learning.progress.models import ModuleCompletion
from learning.records.cpd import cpd_log
from learning.records.models import ExternalRecord
from learning.records.services import equivalence_create, record_submit, record_verify
from tests.records.conftest import record_data

pytestmark = pytest.mark.django_db


def _at(year, month, day):
    return timezone.make_aware(datetime(year, month, day, 12))


@pytest.fixture
def learning(w, committed):
    """2025: an online module (90 min), a verified record (6 h, 4 participatory) that completes a module
    through an equivalence (listed once); 2024: a verified record (2 h); a declined and a waiting record."""
    user = w.learner.user
    ModuleCompletionFactory(user=user, module=w.other_module, completed_at=_at(2025, 3, 1), cpd_minutes=90)
    equivalence_create(
        organisation=w.a, module=w.module, title="Safe and Together CORE", provider="S&T", user=w.lead.user
    )
    day_course = record_submit(
        user=user,
        membership=w.learner,
        data=record_data(
            title="Safe and Together CORE",
            provider="S&T",
            completed_on=date(2025, 6, 2),
            hours=Decimal("6"),
            participatory_hours=Decimal("4"),
        ),
    )
    committed(record_verify, record=day_course, user=w.supervisor.user)
    older = record_submit(
        user=user,
        membership=w.learner,
        data=record_data(
            title='=HYPERLINK("http://x")',
            provider="College",
            completed_on=date(2024, 9, 9),
            hours=Decimal("2"),
            participatory_hours=Decimal("0"),
        ),
    )
    record_verify(record=older, user=w.lead.user)
    record_submit(
        user=user, membership=w.learner, data=record_data(title="Waiting", completed_on=date(2025, 1, 1))
    )
    return user


def test_totals_per_year_count_each_piece_of_learning_once(learning):
    # The equivalence made a completion; the log lists the record, with its hours, and not the completion.
    assert ModuleCompletion.objects.filter(user=learning, source="external").count() == 1
    log_2025 = cpd_log(user=learning, year=2025)
    assert [(row.title, row.hours, row.participatory_hours) for row in log_2025.rows] == [
        ("Safe and Together CORE", Decimal("6.00"), Decimal("4.00")),
        ("Safe and Together basics", Decimal("1.50"), Decimal("0.00")),
    ]
    assert (log_2025.hours, log_2025.participatory_hours) == (Decimal("7.50"), Decimal("4.00"))
    everything = cpd_log(user=learning)
    assert everything.hours == Decimal("9.50") and everything.years == [2025, 2024]
    assert "Waiting" not in {row.title for row in everything.rows}  # not verified
    assert ExternalRecord.objects.filter(status="submitted").count() == 1


def test_the_csv_has_the_rows_and_totals_and_no_formulas(learning, client):
    client.force_login(learning)
    response = client.get(reverse("records_cpd") + "?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Date", "Activity", "Provider", "Source", "Hours", "Participatory hours"]
    assert rows[-1] == ["Total", "", "", "", "9.50", "4.00"]
    assert ["2024-09-09", '\'=HYPERLINK("http://x")', "College", "Learning elsewhere", "2.00", "0.00"] in rows
    year = list(
        csv.reader(
            io.StringIO(
                client.get(reverse("records_cpd") + "?year=2024&format=csv").content.decode("utf-8-sig")
            )
        )
    )
    assert len(year) == 3 and year[-1][4] == "2.00"


def _pdf_text(content):
    pdf = pypdfium2.PdfDocument(content)
    return " ".join(" ".join(page.get_textpage().get_text_range().split()) for page in pdf)  # unwrapped


def test_the_pdfs_are_laid_out_for_the_nmc_and_the_sssc(learning, client):
    client.force_login(learning)
    nmc = _pdf_text(client.get(reverse("records_cpd") + "?year=2025&format=pdf&layout=nmc").content)
    assert "CPD record for NMC revalidation" in nmc
    assert "35 hours of CPD, of which 20 participatory" in nmc
    assert "2023 to 2025" in nmc and "9.50 hours, of which 4.00 participatory" in nmc
    assert "Safe and Together CORE" in nmc
    sssc = _pdf_text(client.get(reverse("records_cpd") + "?year=2024&format=pdf&layout=sssc").content)
    assert "Continuous professional learning (CPL) record" in sssc
    assert "annual declaration" in sssc and "College" in sssc and "Safe and Together CORE" not in sssc


def test_the_page_lists_the_learning_in_flat_queries(learning, client, django_assert_max_num_queries):
    client.force_login(learning)
    with django_assert_max_num_queries(14):
        page = client.get(reverse("records_cpd") + "?year=2025").content.decode()
    assert "Safe and Together CORE" in page and "7.50" in page
    for n in range(5):
        ModuleCompletionFactory(user=learning, completed_at=_at(2025, 4, n + 1), cpd_minutes=30)
    with django_assert_max_num_queries(14):
        client.get(reverse("records_cpd") + "?year=2025")


def test_only_those_who_may_see_the_person_open_their_log(w, learning, client):
    url = reverse("records_person_cpd", args=[w.learner.pk])
    for person, status in ((w.supervisor, 200), (w.lead, 200), (w.colleague, 403), (w.lead_b, 403)):
        client.force_login(person.user)
        assert client.get(url).status_code == status, person
