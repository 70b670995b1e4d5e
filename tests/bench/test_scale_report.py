"""The scale benchmark's report (bench/scale/report.py) and the generator command it runs (issue #17)."""

import json

import pytest
from django.core.management import call_command

from bench.scale import report
from bench.scale.rows import row
from learning.organisations.models import Membership, Organisation
from learning.progress.models import ModuleCompletion

HTTP = {
    "rows": [
        {
            "what": "lesson page (PostgreSQL)",
            "value": 198.0,
            "unit": "req/s",
            "ceiling": 792.0,
            "ceiling_what": "bare Django view",
            "ratio": 0.25,
            "target": 0.25,
            "met": True,
            "command": "python -m bench.scale.http --database-url X",
            "raw": {"rounds": [197, 198, 199]},
        }
    ],
    "machine": "host: 2 CPUs",
    "date": "2026-12-01T23:00:00+00:00",
    "method": "wrk",
}
INPROCESS = {
    "rows": [
        row(
            "coverage dashboard",
            value=856.0,
            unit="ms",
            op="<=",
            limit=150,
            command="make bench-scale",
            raw={"queries": 25},
            why="the slowest query takes 700 ms",
        ),
        row(
            "XLSX export / page",
            value=1200.0,
            unit="ms",
            op="<=",
            limit=2,
            on="ratio",
            ceiling=800.0,
            ceiling_what="the page",
            ratio=1.5,
            command="make bench-scale",
            raw={},
        ),
        row(
            "certificates",
            value=18.0,
            unit="/s",
            op=">=",
            limit=0.7,
            on="ratio",
            ceiling=62.0,
            ceiling_what="raw render",
            ratio=0.29,
            command="make bench-scale",
            raw={},
        ),
    ],
    "machine": {"nproc": 2, "cpu": "Test CPU", "ram_gb": 23.4, "postgresql": "15.20", "python": "3.11.7"},
    "date": "2026-12-01T23:10:00+00:00",
    "method": "medians of interleaved rounds",
}


@pytest.fixture
def rendered(tmp_path):
    for name, document in (("http", HTTP), ("inprocess", INPROCESS)):
        (tmp_path / f"{name}.json").write_text(json.dumps(document))
    return report.render(report.documents_in(tmp_path), scale="quick", seconds=125)


def test_every_row_appears_with_its_ratio_target_and_command(rendered):
    table = [line for line in rendered.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert [line.split(" | ")[0] for line in table] == [
        "| lesson page (PostgreSQL)",
        "| coverage dashboard",
        "| XLSX export / page",
        "| certificates",
    ]
    assert "| 0.25 | >= 0.25x | met |" in table[0]
    assert "| 1.5 | <= 2x | met |" in table[2]
    assert rendered.count("- Command: `make bench-scale`") == 3
    assert "- Command: `python -m bench.scale.http --database-url X`" in rendered
    assert "QUICK trial size" in rendered and "2 min 5 s" in rendered


def test_machine_date_and_method_of_each_group(rendered):
    assert "2 cores (Test CPU), 23.4 GB RAM, PostgreSQL 15.20, Python 3.11.7" in rendered
    assert "- Machine: host: 2 CPUs" in rendered
    assert "- Date: 2026-12-01T23:10:00+00:00" in rendered
    assert "- Method: medians of interleaved rounds" in rendered


def test_a_missed_target_says_by_how_much_and_why(rendered):
    assert "**missed** by 5.7x over (856 ms vs <= 150 ms)" in rendered
    assert "**missed** by 2.4x short (0.29x vs >= 0.7x)" in rendered
    assert "- Why: the slowest query takes 700 ms" in rendered


def test_a_row_that_was_not_measured_says_so():
    failed = {**HTTP["rows"][0], "value": None, "ratio": None, "met": False}
    assert report.verdict(failed) == "**missed** by not measured"


@pytest.mark.django_db
def test_generate_population_builds_a_tiny_data_set(seeded_site):
    call_command("generate_population", organisations=2, staff=12, days=30, prefix="Tiny", verbosity=0)
    organisations = Organisation.objects.filter(name__startswith="Tiny ")
    assert sorted(organisations.values_list("name", flat=True)) == ["Tiny 001", "Tiny 002"]
    assert Membership.objects.filter(organisation__in=organisations).count() == 24
    assert ModuleCompletion.objects.exists()
