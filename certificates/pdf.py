"""Render a certificate to PDF: one A4 landscape page with a QR code to its public verify URL and a link to
its accessible web page."""

import segno
from django.conf import settings

from learning.core.links import absolute_reverse
from learning.core.pdf import render_pdf


def verify_url(code: str) -> str:
    return absolute_reverse("certificate_verify", code)


QR_MASK = 0


def qr_code(url: str) -> segno.QRCode:
    """The QR code of `url`, with error correction M. One fixed mask: segno otherwise tries all eight and
    scores each, which costs most of the code's time; any mask is valid QR and decodes the same
    (tests/certificates/test_issue_queries.py decodes the printed code with a real reader)."""
    return segno.make_qr(url, error="m", mask=QR_MASK)


def qr_data_uri(url: str) -> str:
    """A PNG of one pixel per module, which the PDF draws 150 px wide (it asks for no smoothing: no
    /Interpolate), so it prints as sharp as a larger image and costs the renderer less to embed."""
    return qr_code(url).png_data_uri(scale=1, border=2)


def render_certificate_pdf(certificate) -> bytes:
    """The PDF, with the site as author, and a link to the certificate's accessible web page (the PDF is
    untagged: see learning/core/pdf.py)."""
    url = verify_url(certificate.code)
    return render_pdf(
        "certificates/pdf/certificate.html",
        {
            "certificate": certificate,
            "verify_url": url,
            "qr_data_uri": qr_data_uri(url),
            "site_name": settings.SITE_NAME,
            "page_url": absolute_reverse("certificate_page", certificate.code),
        },
    )
