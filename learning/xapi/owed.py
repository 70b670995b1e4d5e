"""What xAPI owes until it is done, for the owed-work sweep (learning.core.owed): a statement for each fact
an enabled LRS should hear of (while the broker was down no row was recorded), and the sending of each
statement recorded but not yet sent."""

from django.db.models import CharField, Exists, OuterRef, Value

from learning.core.owed import owed_register

from . import tasks
from .facts import FACTS
from .models import LrsConfig, Statement

SEND_BATCH = 100  # statements to a message when the sweep catches up after an outage


def facts_owed(kind: str):
    """Rows that are a `kind` fact of a person in an organisation whose LRS was sending at the time, and
    that organisation has no statement of it yet."""
    fact_kind = FACTS[kind]
    recorded = Statement.objects.filter(
        organisation=OuterRef("organisation"), kind=kind, source_id=OuterRef(OuterRef("pk"))
    )
    hearing = LrsConfig.objects.filter(
        enabled=True,
        enabled_at__lte=OuterRef(fact_kind.since),
        organisation__memberships__user=OuterRef(fact_kind.user),
        organisation__memberships__is_active=True,
    ).filter(~Exists(recorded))
    if fact_kind.organisation:
        hearing = hearing.filter(organisation=OuterRef(fact_kind.organisation))
    return (
        fact_kind.rows()
        .filter(Exists(hearing))
        .annotate(xapi_kind=Value(str(kind), output_field=CharField()))
    )


def statements_owed():
    return Statement.objects.filter(status=Statement.Status.PENDING, organisation__lrs_config__enabled=True)


def register():
    for kind in FACTS:
        owed_register(
            f"xAPI statement ({Statement.Kind(kind).label.lower()})",
            queryset=lambda kind=kind: facts_owed(kind),
            since=FACTS[kind].since,
            task=tasks.statements_record,
            args=("xapi_kind", "pk"),
        )
    owed_register(
        "xAPI statement sending",
        queryset=statements_owed,
        since="created_at",
        task=tasks.statement_send,
        batch_task=tasks.statements_send,
        batch=SEND_BATCH,
    )
