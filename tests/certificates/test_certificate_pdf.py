"""The certificate PDF as outside tools read it: every font embedded (what `pdffonts` reports as "emb yes"),
document information and XMP metadata, and a link to the accessible web page (the PDF is untagged)."""

import io

import pytest
from django.conf import settings
from pypdf import PdfReader

from certificates.models import Certificate
from learning.core.links import absolute_reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def pdf(member, module, complete_lessons):
    complete_lessons(member.user, module)
    certificate = Certificate.objects.get(user=member.user)
    with certificate.pdf.open("rb") as handle:
        return certificate, PdfReader(io.BytesIO(handle.read()))


def _fonts(reader):
    """(name, font descriptor) of every font any page uses (a composite font's: its descendant's)."""
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if font["/Subtype"] == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            yield font["/BaseFont"], (font.get("/FontDescriptor") or {})


def test_every_font_is_embedded(pdf):
    _certificate, reader = pdf
    fonts = list(_fonts(reader))
    assert fonts
    not_embedded = [
        name
        for name, descriptor in fonts
        if not {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor.get_object())
    ]
    assert not_embedded == []
    assert all("DejaVuSans" in name for name, _descriptor in fonts)


def test_document_information_and_xmp_metadata(pdf):
    certificate, reader = pdf
    info = reader.metadata
    assert info.title == "Certificate of completion: Safe and Together basics – Alex Morgan"
    assert info.author == settings.SITE_NAME
    assert "Alex Morgan" in info.subject and certificate.code in info.subject
    assert certificate.code in info["/Keywords"] and "CPD" in info["/Keywords"]
    assert info.creation_date is not None
    xmp = reader.xmp_metadata
    assert xmp is not None
    assert xmp.dc_title == {"x-default": info.title}
    assert xmp.dc_creator == [settings.SITE_NAME]
    assert certificate.code in xmp.dc_subject
    assert xmp.dc_language == ["en-GB"] and xmp.dc_format == "application/pdf"
    assert xmp.xmp_create_date.replace(tzinfo=None) == info.creation_date.replace(tzinfo=None)


def test_links_to_its_accessible_web_page(pdf):
    certificate, reader = pdf
    page = reader.pages[0]
    page_url = absolute_reverse("certificate_page", certificate.code)
    links = [annotation.get_object()["/A"]["/URI"] for annotation in page.get("/Annots", [])]
    assert links == [page_url]
    assert "Accessible version" in page.extract_text()
    assert len(reader.pages) == 1
