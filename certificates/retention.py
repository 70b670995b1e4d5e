"""How long certificates keep what they generate (learning.core.retention): ZIP bundles are deleted after a
while; a certificate and its PDF are the person's record, kept (a revoked or expired one still answers the
verify page)."""

from learning.core.retention import retention_keep, retention_register

from .models import Certificate, CertificateBundle


def register():
    retention_register(
        "certificate ZIPs",
        setting="CERTIFICATE_BUNDLE_RETENTION_DAYS",
        due=lambda cutoff: CertificateBundle.objects.filter(updated_at__lt=cutoff),
        files=["file"],
    )
    retention_keep(
        Certificate,
        reason="the person's record of training: kept while the account exists, so "
        "the verify page can answer; erasure revokes it and deletes the PDF",
    )
