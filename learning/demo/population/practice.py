"""Reflective practice across the year: reflections in every state with the supervisor they went to, and
regular supervision sessions."""

from datetime import timedelta

from assessments.models import ReflectiveEntry, SupervisionSession

from .history import at
from .names import REFLECTION_STAGES, SESSION_SUMMARIES
from .timestamps import stated_timestamps

Status = ReflectiveEntry.Status
BATCH = 5000


def _entry(membership, module_id, *, status, written_at, supervisor, rng):
    submitted = status != Status.DRAFT
    signed = status == Status.SIGNED_OFF
    return ReflectiveEntry(
        author_id=membership.user_id,
        membership=membership,
        module_id=module_id,
        title="Involving a family member in a review",
        stages=REFLECTION_STAGES,
        status=status,
        created_at=written_at - timedelta(days=2),
        updated_at=written_at + timedelta(days=3 if signed else 0),
        submitted_at=written_at if submitted else None,
        submitted_to=supervisor if submitted else None,
        signed_off_at=written_at + timedelta(days=rng.randint(1, 10)) if signed else None,
        signed_off_by_id=supervisor.user_id if signed else None,
        signed_off_name=supervisor.user.get_full_name() if signed else "",
        signed_off_role=f"{supervisor.job_title}, {supervisor.organisation.name}" if signed else "",
    )


def reflections_write(memberships, completions, *, supervisors, rng, today):
    """A signed-off reflection for most completions (written before the module was complete), and for others
    the states a supervisor's queue really holds: waiting for review, changes requested, drafts."""
    by_user = {m.user_id: m for m in memberships if m.supervisor_id}
    rows = []
    for completion in completions:
        membership = by_user.get(completion.user_id)
        if membership is None or rng.random() > 0.7:
            continue
        written = completion.completed_at - timedelta(days=rng.randint(2, 10))
        status = (
            Status.SIGNED_OFF
            if written.date() < today - timedelta(days=21)
            else rng.choice([Status.SIGNED_OFF, Status.SUBMITTED, Status.CHANGES_REQUESTED])
        )
        rows.append(
            _entry(
                membership,
                completion.module_id,
                status=status,
                written_at=written,
                supervisor=supervisors[membership.supervisor_id],
                rng=rng,
            )
        )
    # the work in hand at any moment: drafts, and entries waiting for the supervisor or for changes
    in_hand = [Status.DRAFT, Status.SUBMITTED, Status.SUBMITTED, Status.CHANGES_REQUESTED]
    for n, membership in enumerate(
        rng.sample(list(by_user.values()), k=max(len(in_hand), len(by_user) // 10))
    ):
        rows.append(
            _entry(
                membership,
                None,
                status=in_hand[n % len(in_hand)],
                written_at=at(today - timedelta(days=rng.randint(1, 20)), rng),
                supervisor=supervisors[membership.supervisor_id],
                rng=rng,
            )
        )
    with stated_timestamps(ReflectiveEntry):
        ReflectiveEntry.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def sessions_write(memberships, *, supervisors, rng, today, history_start):
    """Individual supervision every five to eight weeks for each supervised person, across the history."""
    sessions, attendees = [], []
    for membership in memberships:
        if not membership.supervisor_id:
            continue
        day = max(membership.joined_on, history_start) + timedelta(days=rng.randint(7, 40))
        while day <= today:
            moment = at(day, rng)
            sessions.append(
                SupervisionSession(
                    supervisor=supervisors[membership.supervisor_id],
                    held_on=day,
                    summary=rng.choice(SESSION_SUMMARIES),
                    next_session_on=day + timedelta(days=42),
                    created_at=moment,
                    updated_at=moment,
                )
            )
            attendees.append(membership.pk)
            day += timedelta(days=rng.randint(35, 56))
    with stated_timestamps(SupervisionSession):
        SupervisionSession.objects.bulk_create(sessions, batch_size=BATCH)
    Through = SupervisionSession.supervisees.through
    Through.objects.bulk_create(
        [
            Through(supervisionsession_id=s.pk, membership_id=m)
            for s, m in zip(sessions, attendees, strict=True)
        ],
        batch_size=BATCH,
    )
    return len(sessions)
