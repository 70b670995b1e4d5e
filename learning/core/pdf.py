"""The one place the PDF library is used: render a Django template to PDF bytes with xhtml2pdf.

Certificates and reflective-account exports both call render_pdf, so the library can be swapped or mocked
in service tests and is tested for real once.

Every PDF embeds its fonts (templates/pdf/base.html declares DejaVu Sans, shipped in static/fonts) and carries
XMP metadata copied from its document information (title, author, subject, keywords, dates). xhtml2pdf
cannot tag a PDF (no structure tree), so documents that people must be able to read with assistive
technology also exist as an accessible HTML page (e.g. certificates/<code>/).
"""

import functools
import io

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from pypdf import PdfReader, PdfWriter
from pypdf.xmp import XmpInformation
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from xhtml2pdf import pisa

# xhtml2pdf and reportlab fall back to the standard "Helvetica" where no CSS reaches (each page's initial
# font, empty paragraphs, anchors), and a standard font is never embedded. Registering those names as the
# shipped TTFs makes the fallbacks embedded DejaVu Sans too.
_FALLBACK_FONTS = {
    "Helvetica": "DejaVuSans.ttf",
    "Helvetica-Bold": "DejaVuSans-Bold.ttf",
    "Helvetica-Oblique": "DejaVuSans-Oblique.ttf",
    "Helvetica-BoldOblique": "DejaVuSans-BoldOblique.ttf",
}


class PDFRenderError(Exception):
    pass


def _link_callback(uri, rel):
    # Only files shipped with the project: a PDF renders offline and never fetches from the network.
    if uri.startswith("/static/"):
        found = finders.find(uri.removeprefix("/static/"))
        if found:
            return found
    if uri.startswith("data:"):
        return uri
    raise PDFRenderError(f"Refusing to load {uri!r} into a PDF")


@functools.cache
def _register_fallback_fonts():
    for name, filename in _FALLBACK_FONTS.items():
        pdfmetrics.registerFont(TTFont(name, finders.find(f"fonts/{filename}")))
    # Registering a TrueType font maps all its styles to itself; put Helvetica's bold and italic back.
    pdfmetrics.registerFontFamily(
        "Helvetica",
        normal="Helvetica",
        bold="Helvetica-Bold",
        italic="Helvetica-Oblique",
        boldItalic="Helvetica-BoldOblique",
    )


def _with_xmp(pdf: bytes) -> bytes:
    """The PDF with an XMP metadata stream saying what its document information says (PDF 2.0 readers and
    archives read XMP, older readers the information dictionary)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    info = writer.metadata or {}
    xmp = XmpInformation.create()
    xmp.dc_title = {"x-default": info.get("/Title", "")}
    xmp.dc_creator = [info["/Author"]] if info.get("/Author") else []
    xmp.dc_description = {"x-default": info.get("/Subject", "")}
    xmp.dc_subject = [word.strip() for word in info.get("/Keywords", "").split(",") if word.strip()]
    xmp.dc_language = [str(writer.root_object.get("/Lang", "en-GB"))]
    xmp.dc_format = "application/pdf"
    xmp.pdf_keywords = info.get("/Keywords", "")
    xmp.pdf_producer = info.get("/Producer", "")
    xmp.xmp_create_date = info.creation_date
    xmp.xmp_modify_date = info.modification_date
    writer.xmp_metadata = xmp
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def render_pdf(template_name: str, context: dict) -> bytes:
    """Render `template_name` (extending pdf/base.html; its <title> and <meta name="author|subject|keywords">
    become the document information) to PDF bytes with embedded fonts and XMP metadata."""
    _register_fallback_fonts()
    html = render_to_string(template_name, context)
    out = io.BytesIO()
    result = pisa.CreatePDF(html, dest=out, link_callback=_link_callback, encoding="utf-8")
    if result.err:
        raise PDFRenderError(f"xhtml2pdf reported {result.err} error(s) rendering {template_name}")
    return _with_xmp(out.getvalue())
