"""Evidence files: a PDF or an image (PNG or JPEG), no larger than RECORDS_EVIDENCE_MAX_BYTES, whose type is
read from its first bytes. The name and the browser's content type are the sender's claims and are not
trusted: a program renamed `certificate.pdf` is refused."""

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from learning.core.errors import ServiceError

# The signatures that open each accepted type, and the extension and content type it is stored and served as.
SIGNATURES = (
    (b"%PDF-", ".pdf", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", ".png", "image/png"),
    (b"\xff\xd8\xff", ".jpg", "image/jpeg"),
)


def evidence_kind(head: bytes):
    """(extension, content type) for a file that starts with `head`, or None if it is none of the accepted
    types."""
    for signature, extension, content_type in SIGNATURES:
        if head.startswith(signature):
            return extension, content_type
    return None


def evidence_check(upload) -> str:
    """The extension to store `upload` under; ServiceError when it is empty, too large or of another type."""
    limit = settings.RECORDS_EVIDENCE_MAX_BYTES
    if upload.size == 0:
        raise ServiceError(_("The evidence file is empty."), code="evidence_empty")
    if upload.size > limit:
        raise ServiceError(
            _("The evidence file is larger than %(limit)s.") % {"limit": filesizeformat(limit)},
            code="evidence_too_large",
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    kind = evidence_kind(head)
    if kind is None:
        raise ServiceError(_("The evidence must be a PDF or an image (PNG or JPEG)."), code="evidence_type")
    return kind[0]
