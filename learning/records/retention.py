"""How long learning done elsewhere keeps its evidence (learning.core.retention): a record and its evidence
file are the person's proof of training for their regulator (NMC revalidation looks back three years, the
SSSC asks each year), so they are kept while the account exists; erasure deletes both
(learning/records/erasure.py)."""

from learning.core.retention import retention_keep

from .models import ExternalRecord


def register():
    retention_keep(
        ExternalRecord,
        reason="the person's evidence of learning done elsewhere, for their CPD log and revalidation: kept "
        "while the account exists; erasure deletes the record and its file",
    )
