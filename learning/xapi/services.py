"""Writes for xAPI: record the statements a learning fact owes, send one, and configure an organisation's LRS.

A statement is first a row (Statement, with the UUID it carries), then a task sends it; the owed-work sweep
(owed.py) queues again both facts without their rows and rows not yet sent, so nothing is lost while the
broker or the LRS is down. Every step is idempotent: one row per organisation and fact (a unique constraint,
and an id derived from both), and the LRS stores a statement id once.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from learning.core.tasks_queue import queue_after_commit

from . import client, selectors, tasks
from .facts import FACTS
from .models import LearnerKey, Statement
from .statements import statement_build, statement_id_for


def learner_key_for(*, user_id: int):
    key, _created = LearnerKey.objects.get_or_create(user_id=user_id)
    return key.key


@transaction.atomic
def statements_record(*, kind: str, source_id: int) -> list[Statement]:
    """Record the statement that the fact `kind` #`source_id` owes each LRS that hears of it, and queue the
    sending; returns the statements not yet sent. Nothing when it is not (or no longer) such a fact."""
    fact_kind = FACTS[kind]
    row = fact_kind.rows().filter(pk=source_id).first()
    if row is None:
        return []
    fact = fact_kind.build(row)
    # Heard by the LRSs that were sending when the platform recorded it (the statement's timestamp says when
    # it happened, which for an event's attendance may be earlier).
    configs = selectors.lrs_configs_for(
        user_id=fact.user_id, since=getattr(row, fact_kind.since), organisation_id=fact.organisation_id
    )
    owed = []
    for config in configs:
        statement = _statement_get_or_create(kind=kind, source_id=source_id, fact=fact, config=config)
        if statement.status == Statement.Status.PENDING:
            queue_after_commit(tasks.statement_send, str(statement.pk))
            owed.append(statement)
    return owed


def _statement_get_or_create(*, kind, source_id, fact, config) -> Statement:
    organisation = config.organisation
    statement_id = statement_id_for(organisation_id=organisation.pk, kind=kind, source_id=source_id)
    existing = Statement.objects.filter(pk=statement_id).first()
    if existing:
        return existing
    payload = statement_build(
        statement_id=statement_id,
        fact=fact,
        learner_key=learner_key_for(user_id=fact.user_id),
        organisation=organisation,
    )
    try:
        with transaction.atomic():
            return Statement.objects.create(
                id=statement_id, organisation=organisation, kind=kind, source_id=source_id, payload=payload
            )
    except IntegrityError:  # recorded at the same moment by a duplicate message
        return Statement.objects.get(pk=statement_id)


def statement_send(*, statement_id) -> bool:
    """Send one pending statement to its organisation's LRS; returns whether it is now sent. A refusal for
    good marks it refused; an LRS that is down or refuses the credentials leaves it pending, notes why and
    raises client.LrsUnavailable, so the task retries it (and the sweep later still)."""
    unavailable = None
    with transaction.atomic():
        statement = (
            Statement.objects.select_for_update(of=("self",))
            .select_related("organisation__lrs_config")
            .filter(pk=statement_id)
            .first()
        )
        config = getattr(statement.organisation, "lrs_config", None) if statement else None
        waiting = statement is not None and statement.status == Statement.Status.PENDING
        if not (waiting and config and config.enabled):
            return bool(statement and statement.status == Statement.Status.SENT)
        statement.attempts += 1
        try:
            client.statement_put(
                statements_url=config.statements_url,
                key=config.key,
                secret=config.secret,
                statement=statement.payload,
            )
        except client.LrsRefused as refused:
            statement.status, statement.last_error = Statement.Status.REJECTED, str(refused)[:500]
        except client.LrsUnavailable as error:
            statement.last_error, unavailable = str(error)[:500] or "unavailable", error
        else:
            statement.status, statement.sent_at = Statement.Status.SENT, timezone.now()
            statement.last_error = ""
        statement.save(update_fields=["status", "sent_at", "attempts", "last_error"])
    if unavailable is not None:
        raise unavailable
    return statement.status == Statement.Status.SENT


def statements_send(*, statement_ids) -> int:
    """Send a batch (the owed-work sweep's); those that cannot go now stay pending. Returns how many went."""
    sent = 0
    for statement_id in statement_ids:
        try:
            sent += statement_send(statement_id=statement_id)
        except client.LrsUnavailable:
            continue
    return sent


@transaction.atomic
def lrs_config_save(*, config, secret: str = "") -> None:
    """Save an organisation's LRS settings from its form: a blank secret keeps the one stored; turning
    sending on starts the clock from which learning is sent (never older history)."""
    if secret:
        config.secret = secret
    if config.enabled and config.enabled_at is None:
        config.enabled_at = timezone.now()
    elif not config.enabled:
        config.enabled_at = None
    config.full_clean()
    config.save()
