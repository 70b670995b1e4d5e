"""The demo workforce lead imports staff (a bad row first: the error, nothing imported; then the fixed file),
assigns GIRFEC to a team, reads the coverage heatmap and downloads the spreadsheet; axe clean throughout."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from assessments.quizzes.selectors import quiz_for_module
from assessments.quizzes.services.attempts import attempt_start, attempt_submit
from learning.coverage.services import snapshot_take
from learning.demo.install import DEMO_PASSWORD, demo_data_install
from learning.organisations.models import Membership, Organisation
from learning.progress.services import lesson_complete
from modules.models import LessonPage, ModulePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HEADER = "name,email,team,job title,supervisor email,roles\n"
BAD_ROW = "Lee Grant,lee.grant@example,Outreach Nursing,Staff nurse,supervisor@example.org,learner\n"
ROWS = (
    "Ruth Mackay,ruth.mackay@example.org,Outreach Nursing,Charge nurse,supervisor@example.org,"
    "learner; supervisor\n"
    "Owen Hughes,owen.hughes@example.org,Outreach Nursing,Staff nurse,ruth.mackay@example.org,learner\n"
)


def _complete(email, slug, lessons=None):
    """Lessons through the progress service; with every lesson, a passing quiz attempt (correct options). The
    rule asks lessons and quiz only: this test reads the coverage figures, not a reflection's sign-off."""
    ModulePage.objects.filter(slug=slug).update(require_signed_reflection=False)
    user, module = get_user_model().objects.get(email=email), ModulePage.objects.get(slug=slug)
    for lesson in list(LessonPage.objects.child_of(module).live())[:lessons]:
        lesson_complete(user=user, lesson=lesson)
    if lessons is None:
        attempt = attempt_start(user=user, quiz=quiz_for_module(module=module))
        attempt_submit(
            attempt=attempt,
            answers={
                item.position: [o["key"] for o in item.snapshot["options"] if Decimal(o["fraction"]) > 0]
                for item in attempt.items.all()
            },
        )


def _upload(page, text):
    page.get_by_label("Staff CSV file").set_input_files(
        files=[{"name": "staff.csv", "mimeType": "text/csv", "buffer": text.encode()}]
    )
    page.get_by_role("button", name="Check the file").click()


def test_lead_imports_assigns_and_reads_coverage(page, sign_in, axe_check, screenshot, artifact_dir):
    demo_data_install()
    riverside, today = Organisation.objects.get(name="NHS Riverside").pk, timezone.localdate()
    snapshot_take(organisation_id=riverside, day=today - timedelta(days=28))  # as the nightly job would have
    _complete("priya.shah@example.org", "family-inclusive-practice")
    snapshot_take(organisation_id=riverside, day=today - timedelta(days=14))
    _complete("supervisor@example.org", "family-inclusive-practice")
    _complete("morag.wilson@example.org", "trauma-informed-care", lessons=2)
    snapshot_take(organisation_id=riverside, day=today)
    sign_in(page, "lead@example.org", DEMO_PASSWORD)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Coverage: NHS Riverside").click()
    page.get_by_role("link", name="Import staff").click()
    assert axe_check(page) == []
    _upload(page, HEADER + ROWS + BAD_ROW)
    expect(page.get_by_role("heading", name="There is 1 problem in the file")).to_be_visible()
    expect(
        page.get_by_role("row", name="4 email “lee.grant@example” is not an email address.")
    ).to_be_visible()
    assert axe_check(page) == []
    screenshot(page, "coverage-import-errors")
    assert not Membership.objects.filter(
        user__email__in=["ruth.mackay@example.org", "owen.hughes@example.org"]
    ).exists()

    _upload(page, HEADER + ROWS + BAD_ROW.replace("@example,", "@example.org,"))
    expect(
        page.get_by_text("These teams do not exist yet and will be created: Outreach Nursing")
    ).to_be_visible()
    assert axe_check(page) == []
    page.get_by_role("button", name="Confirm import").click()
    expect(page.get_by_text("Imported the file: 3 new, 0 updated, 0 invited.")).to_be_visible()
    assert (
        Membership.objects.get(user__email="owen.hughes@example.org").supervisor.user.email
        == "ruth.mackay@example.org"
    )

    page.get_by_role("link", name="Required training").click()
    assert axe_check(page) == []
    screenshot(page, "coverage-assignments")
    page.get_by_role("combobox", name="Module").select_option(
        label="GIRFEC: Getting it right for every child"
    )
    page.get_by_role("radio", name="A team").check()
    page.get_by_role("combobox", name="Team").select_option(label="Outreach Nursing")
    page.get_by_role("radio", name="By a date").check()
    page.get_by_role("textbox", name="Due date").fill("2027-01-31")
    page.get_by_role("button", name="Assign").click()
    expect(
        page.get_by_text("GIRFEC: Getting it right for every child assigned to Outreach Nursing.")
    ).to_be_visible()

    page.get_by_role("link", name="Back to the coverage dashboard").click()
    heatmap = page.get_by_role(
        "table", name="Percentage of each team that has completed each required module"
    )
    expect(
        heatmap.get_by_role("columnheader", name="GIRFEC: Getting it right for every child")
    ).to_be_visible()
    expect(heatmap.get_by_role("row", name="Outreach Nursing")).to_contain_text("0 of 3")
    expect(heatmap.get_by_role("row", name="Family Support Team")).to_contain_text("50%")
    assert axe_check(page) == []
    screenshot(page, "coverage-dashboard")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download XLSX").click()
    xlsx = download_info.value.path().read_bytes()
    workbook = load_workbook(io.BytesIO(xlsx))
    modules = {row[0]: row[1:] for row in workbook["Modules"].iter_rows(min_row=2, values_only=True)}
    assert modules["GIRFEC: Getting it right for every child"][:4] == (3, 3, 0, 0)
    assert modules["Family-inclusive practice and the whole family approach"][0] == 8
    assert modules["Family-inclusive practice and the whole family approach"][3] == 2
    (artifact_dir / "coverage.xlsx").write_bytes(xlsx)

    page.get_by_role("link", name="Morag Wilson").click()  # drill down from the overdue list
    expect(page.get_by_role("heading", name="Learning record: Morag Wilson")).to_be_visible()
    assert axe_check(page) == []
    page.goto("/coverage/")
    page.get_by_role("link", name="partners' combined figures").click()
    expect(page.get_by_role("rowheader", name="Harbour Family Recovery")).to_be_visible()
    assert axe_check(page) == []
    screenshot(page, "coverage-partnership")
