"""The one place the PDF library is used: render a Django template to PDF bytes with xhtml2pdf.

Certificates and reflective-account exports both call render_pdf, so the library can be swapped or mocked
in service tests and is tested for real once.
"""
import io

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from xhtml2pdf import pisa


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


def render_pdf(template_name: str, context: dict) -> bytes:
    html = render_to_string(template_name, context)
    out = io.BytesIO()
    result = pisa.CreatePDF(html, dest=out, link_callback=_link_callback, encoding="utf-8")
    if result.err:
        raise PDFRenderError(f"xhtml2pdf reported {result.err} error(s) rendering {template_name}")
    return out.getvalue()
