import io

import pytest
from pypdf import PdfReader

from learning.core.pdf import PDFRenderError, _link_callback, render_pdf


def test_render_pdf_produces_readable_text(tmp_path, settings):
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [*engine["DIRS"], tmp_path]}]  # assigning resets the template engines
    (tmp_path / "sample.html").write_text('{% extends "pdf/base.html" %}{% block body %}<h1>Hello {{ name }}</h1>{% endblock %}')
    pdf = render_pdf("sample.html", {"name": "Alex Morgan"})
    assert "Hello Alex Morgan" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_pdf_never_fetches_from_the_network():
    with pytest.raises(PDFRenderError):
        _link_callback("https://example.org/logo.png", None)
