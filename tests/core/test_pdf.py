import io

import pytest
from pypdf import PdfReader

from learning.core.pdf import PDFRenderError, _link_callback, render_pdf


def test_render_pdf_produces_readable_text(tmp_path, settings):
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [
        {**engine, "DIRS": [*engine["DIRS"], tmp_path]}
    ]  # assigning resets the template engines
    (tmp_path / "sample.html").write_text(
        '{% extends "pdf/base.html" %}{% block body %}<h1>Hello {{ name }}</h1>{% endblock %}'
    )
    pdf = render_pdf("sample.html", {"name": "Alex Morgan"})
    assert "Hello Alex Morgan" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_pdf_never_fetches_from_the_network():
    with pytest.raises(PDFRenderError):
        _link_callback("https://example.org/logo.png", None)


def test_every_font_is_embedded_even_the_libraries_fallbacks(tmp_path, settings):
    """Bold, italic, an anchor and an empty paragraph (where xhtml2pdf falls back to Helvetica, a standard
    font that is never embedded), and a page's initial font: all embedded DejaVu Sans."""
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [*engine["DIRS"], tmp_path]}]
    (tmp_path / "fonts.html").write_text(
        '{% extends "pdf/base.html" %}{% block title %}Fonts{% endblock %}'
        '{% block meta %}<meta name="author" content="Tester">{% endblock %}'
        "{% block body %}<h1>Title</h1><p><b>bold</b> <i>italic</i> <b><i>both</i></b></p>"
        '<a name="here"></a><p></p>'
        '<p style="font-family: sans-serif">sans</p>{% endblock %}'
    )
    reader = PdfReader(io.BytesIO(render_pdf("fonts.html", {})))
    fonts = {
        font.get_object()["/BaseFont"]: font.get_object()["/FontDescriptor"].get_object()
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert {name.split("+")[-1] for name in fonts} == {
        "DejaVuSans",
        "DejaVuSans-Bold",
        "DejaVuSans-Oblique",
        "DejaVuSans-BoldOblique",
    }
    assert all("/FontFile2" in descriptor for descriptor in fonts.values())
    xmp = reader.xmp_metadata
    assert xmp.dc_creator == ["Tester"] and xmp.dc_title == {"x-default": "Fonts"}
