"""Render a certificate to PDF: one A4 landscape page with a QR code to its public verify URL."""
import segno
from django.conf import settings
from django.urls import reverse

from learning.core.pdf import render_pdf


def verify_url(code: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("certificate_verify", args=[code])


def render_certificate_pdf(certificate) -> bytes:
    url = verify_url(certificate.code)
    qr = segno.make(url, error="m")
    return render_pdf("certificates/pdf/certificate.html", {
        "certificate": certificate, "verify_url": url, "qr_data_uri": qr.png_data_uri(scale=4, border=2),
        "site_name": settings.SITE_NAME,
    })
