"""Render a certificate to PDF: one A4 landscape page with a QR code to its public verify URL and a link to
its accessible web page."""

import segno
from django.conf import settings

from learning.core.links import absolute_reverse
from learning.core.pdf import render_pdf


def verify_url(code: str) -> str:
    return absolute_reverse("certificate_verify", code)


def render_certificate_pdf(certificate) -> bytes:
    """The PDF, with the site as author, and a link to the certificate's accessible web page (the PDF is
    untagged: see learning/core/pdf.py)."""
    url = verify_url(certificate.code)
    qr = segno.make(url, error="m")
    return render_pdf(
        "certificates/pdf/certificate.html",
        {
            "certificate": certificate,
            "verify_url": url,
            "qr_data_uri": qr.png_data_uri(scale=4, border=2),
            "site_name": settings.SITE_NAME,
            "page_url": absolute_reverse("certificate_page", certificate.code),
        },
    )
