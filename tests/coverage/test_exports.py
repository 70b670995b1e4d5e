"""Downloads open in openpyxl (and as CSV) with the figures the dashboard shows."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from learning.coverage import services
from learning.coverage.exports import csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned(org, make_module, committed, complete):
    module = make_module(title="Safe and Together basics", lessons=1, levels=["informed"])
    committed(
        services.assignment_create,
        organisation=org.organisation,
        module=module,
        created_by=org.lead.user,
        due_on=date.today() - timedelta(days=2),
    )
    complete(org.learners[0].user, module)  # Red: 1 of 2 complete; the others are overdue
    return module


def _sheet(workbook, name):
    return [list(row) for row in workbook[name].iter_rows(values_only=True)]


def test_dashboard_xlsx_has_the_dashboard_figures(client, org, assigned):
    client.force_login(org.lead.user)
    response = client.get(reverse("coverage_export_xlsx", args=[org.organisation.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["About", "Modules", "Teams", "Frameworks", "Overdue", "Expiring"]
    modules = _sheet(workbook, "Modules")
    assert modules[0][:5] == ["Module", "Assigned", "Not started", "In progress", "Completed"]
    assert modules[1] == ["Safe and Together basics", 4, 3, 0, 1, 25, 3, 0]
    teams = {row[0]: row[2:] for row in _sheet(workbook, "Teams")[1:]}
    assert teams["Red"] == [2, 1, 0, 1, 50, 1, 0] and teams["Blue"][0] == 1 and teams["No team"][0] == 1
    assert _sheet(workbook, "Frameworks")[1][2:] == [4, 1, 25]
    overdue = _sheet(workbook, "Overdue")
    assert len(overdue) == 4 and org.learners[0].user.email not in {row[1] for row in overdue}


def test_dashboard_csv_follows_the_filters(client, org, assigned):
    client.force_login(org.lead.user)
    response = client.get(reverse("coverage_export_csv", args=[org.organisation.pk]) + f"?team={org.red.pk}")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Team", "Module", "Assigned"]
    assert rows[1:] == [
        ["Red", "Safe and Together basics", "2", "1", "0", "1", "50", "1", "0"],
        ["All staff", "Safe and Together basics", "2", "1", "0", "1", "50", "1", "0"],
    ]


def test_person_record_exports(client, org, assigned):
    client.force_login(org.supervisor.user)
    person = org.learners[0]
    response = client.get(reverse("coverage_record_export_xlsx", args=[person.pk]))
    workbook = load_workbook(io.BytesIO(response.content))
    assert _sheet(workbook, "Person")[1] == ["Email", person.user.email]
    assert _sheet(workbook, "Required")[1][::2] == ["Safe and Together basics", "Completed"]
    assert _sheet(workbook, "Progress")[1][1:5] == ["Assigned", 1, 1, 100]
    assert _sheet(workbook, "Completions")[1][0] == "Safe and Together basics"
    assert len(_sheet(workbook, "Certificates")) == 2
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(reverse("coverage_record_export_csv", args=[person.pk])).content.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    assert rows[1][0] == "Safe and Together basics" and rows[1][2] == "Completed" and rows[1][3] == "100"


def test_text_that_looks_like_a_formula_stays_text():
    assert csv_bytes([["=HYPERLINK(1)", "-5", 3]]).decode("utf-8-sig").strip() == "'=HYPERLINK(1),'-5,3"
    sheet = load_workbook(io.BytesIO(xlsx_bytes([("S", [["=1+1"]])])))["S"]
    assert sheet["A1"].value == "=1+1" and sheet["A1"].data_type == "s"
