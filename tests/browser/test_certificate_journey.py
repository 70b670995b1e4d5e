"""The demo learner completes a module (lessons and quiz) and, within seconds, downloads the certificate from
My certificates; scanning its QR code opens the public verify page."""

import re
from decimal import Decimal

import pypdfium2
import pytest
import zxingcpp
from playwright.sync_api import expect

from assessments.models import Attempt
from learning.demo.install import DEMO_PASSWORD, demo_data_install
from modules.models import LessonPage, ModulePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _scan_qr(pdf_bytes):
    page = pypdfium2.PdfDocument(pdf_bytes)[0]
    image = page.render(scale=3).to_pil()
    return [result.text for result in zxingcpp.read_barcodes(image)]


def test_complete_module_download_certificate_and_scan_qr(
    page, sign_in, axe_check, screenshot, artifact_dir, live_server, settings, demo_reflection
):
    settings.WAGTAILADMIN_BASE_URL = live_server.url  # links in the certificate point at this test server
    demo_data_install()
    module = ModulePage.objects.get(slug="safe-and-together")
    sign_in(page, "learner@example.org", DEMO_PASSWORD)
    page.goto(module.url)
    page.get_by_role("button", name="Start this module").click()
    for _ in range(LessonPage.objects.child_of(module).live().count() - 1):
        page.get_by_role("button", name="Complete and continue").click()
    page.get_by_role("button", name="Complete the module").click()
    expect(page.get_by_text("You have completed every lesson")).to_be_visible()
    if module.require_signed_reflection:  # the rest of the completion rule, walked in test_reflection_journey
        demo_reflection(module=module, title="Partnering with a mother", signed_off=True)

    page.get_by_role("link", name="The Safe and Together model: check your learning").click()
    page.get_by_role("button", name="Start the quiz").click()
    expect(page.get_by_text(re.compile(r"^Question 1 of \d+$"))).to_be_visible()
    attempt = Attempt.objects.get(user__email="learner@example.org")
    for item in attempt.items.all():
        for option in item.snapshot["options"]:
            if Decimal(option["fraction"]) > 0:
                page.locator(f"#q{item.position}-{option['key']}").check()
    page.get_by_role("button", name="Submit answers").click()
    expect(page.get_by_text("you passed")).to_be_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Certificates").click()
    expect(page.get_by_role("cell", name="Safe and Together", exact=False).first).to_be_visible(timeout=5000)
    assert axe_check(page) == []
    screenshot(page, "my-certificates")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="PDF certificate").first.click()
    pdf_bytes = download_info.value.path().read_bytes()
    assert pdf_bytes.startswith(b"%PDF")
    (artifact_dir / "certificate.pdf").write_bytes(pdf_bytes)  # docs/certificate.png is rendered from this

    urls = _scan_qr(pdf_bytes)
    assert len(urls) == 1 and urls[0].startswith(live_server.url + "/verify/")
    page.goto(urls[0])
    expect(page.get_by_text("Valid", exact=True)).to_be_visible()
    expect(page.get_by_text("Alex Morgan")).to_be_visible()
    assert axe_check(page) == []
    screenshot(page, "verify")

    # The accessible alternative to the untagged PDF: linked from the verify page for its holder, readable on
    # a phone and in print, axe clean.
    page.get_by_role("link", name="See the whole certificate as an accessible web page").click()
    expect(page.get_by_role("heading", level=1, name="Certificate of completion")).to_be_visible()
    assert axe_check(page) == []
    page.set_viewport_size({"width": 375, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert axe_check(page) == []
    page.emulate_media(media="print")
    expect(page.get_by_role("link", name="Download the PDF certificate")).to_be_hidden()
    screenshot(page, "certificate-web-page-print")
