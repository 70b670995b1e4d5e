"""Which badges were withdrawn, as W3C Bitstring Status Lists (https://www.w3.org/TR/vc-bitstring-status-list/).

One purpose, "revocation": the bit is set when the platform withdrew the certificate (revoked, erased with
the person's record, or replaced by a re-issue). Expiry is not a status: every badge carries `validUntil` and
`exp`, which verifiers check themselves (OB 3.0 §8.2), and OB 3.0 allows one `credentialStatus` per badge.
"""

import gzip
from base64 import urlsafe_b64encode

from .models import Certificate

PURPOSE = "revocation"
# The spec's minimum list length (131,072 entries, 16 KB): smaller lists would tell too much about one holder.
LIST_SIZE = 131_072
WITHDRAWN = (Certificate.Status.REVOKED, Certificate.Status.SUPERSEDED)


def position(certificate_id: int) -> tuple[int, int]:
    """(list number, index in that list) of a certificate: its primary key, so no new field is needed."""
    return divmod(certificate_id, LIST_SIZE)


def withdrawn_indices(page: int) -> list[int]:
    first = page * LIST_SIZE
    ids = Certificate.objects.filter(pk__gte=first, pk__lt=first + LIST_SIZE, status__in=WITHDRAWN)
    return [pk - first for pk in ids.values_list("pk", flat=True)]


def encoded_list(indices) -> str:
    """The bitstring, index 0 as the left-most bit, GZIP-compressed and multibase base64url-encoded ("u")."""
    bits = bytearray(LIST_SIZE // 8)
    for index in indices:
        bits[index // 8] |= 0x80 >> (index % 8)
    return "u" + urlsafe_b64encode(gzip.compress(bytes(bits), mtime=0)).decode().rstrip("=")
