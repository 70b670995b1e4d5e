"""Supervision sessions: a supervisor records (and may correct) a session; each supervisee may add a note."""

from dataclasses import dataclass
from datetime import date

import rules
from django.db import transaction
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from assessments.models import ReflectiveEntry, SessionAction, SessionNote, SupervisionSession
from assessments.practice.selectors.reflections import readable_by_supervisor
from assessments.practice.services.notifications import notification_send
from learning.core.errors import ServiceError


@dataclass
class ActionInput:
    description: str
    owner: object = None  # a Membership: the supervisor's or one of the supervisees'
    due_on: date | None = None


def _supervisor_membership(*, user, supervisees):
    """The one supervisor membership, the user's own, that every chosen supervisee is supervised under."""
    if not supervisees:
        raise ServiceError(_("Choose at least one person who took part."), code="no_supervisees")
    supervisors = {m.supervisor for m in supervisees}
    supervisor = supervisors.pop() if len(supervisors) == 1 else None
    if supervisor is None or supervisor.user_id != user.pk or not supervisor.is_acting_supervisor:
        raise ServiceError(
            _("Choose people you supervise, all in the same organisation."), code="not_supervisees"
        )
    if not all(m.is_active for m in supervisees):
        raise ServiceError(_("Someone you chose no longer works in this organisation."), code="inactive")
    return supervisor


def _check(*, user, kind, supervisees, held_on, next_session_on, reflections, actions, supervisor):
    if kind == SupervisionSession.Kind.INDIVIDUAL and len(supervisees) != 1:
        raise ServiceError(
            _("Individual supervision is with one person; choose group or peer for more."), code="kind"
        )
    if next_session_on and next_session_on < held_on:
        raise ServiceError(_("The next session must be on or after this one."), code="dates")
    participants = {m.pk for m in supervisees} | {supervisor.pk}
    authors = {m.pk for m in supervisees}
    # The reading rule, not the membership's supervisor: an entry sent to an earlier supervisor is not theirs.
    # One query for all of them (the list mirror of assessments.view_entry), not the rule per entry.
    ids = {e.pk for e in reflections}
    readable = ReflectiveEntry.objects.filter(readable_by_supervisor(user), pk__in=ids).count()
    if any(e.membership_id not in authors for e in reflections) or (ids and readable != len(ids)):
        raise ServiceError(
            _("Link only reflections that the people taking part have shared with you."), code="reflections"
        )
    if any(a.owner is not None and a.owner.pk not in participants for a in actions):
        raise ServiceError(_("Each action's owner must be someone who took part."), code="owner")


@transaction.atomic
def session_save(
    *,
    user,
    supervisees,
    held_on,
    kind,
    topics=(),
    reflections=(),
    summary="",
    next_session_on=None,
    actions=(),
    session=None,
) -> SupervisionSession:
    """Record a supervision session with the user's supervisees, or update one the user recorded.

    Actions are replaced as a whole by `actions` (a list of ActionInput). The supervisees are told when a
    session is first recorded."""
    supervisees, reflections, actions = (
        list(supervisees),
        list(reflections),
        [a for a in actions if a.description],
    )
    supervisor = _supervisor_membership(user=user, supervisees=supervisees)
    if session is not None:
        session = (
            SupervisionSession.objects.select_for_update().select_related("supervisor").get(pk=session.pk)
        )
        if (
            not rules.test_rule("assessments.edit_session", user, session)
            or session.supervisor_id != supervisor.pk
        ):
            raise ServiceError(
                _("You can only change sessions you recorded, with people you supervise."), code="forbidden"
            )
    _check(
        user=user,
        kind=kind,
        supervisees=supervisees,
        held_on=held_on,
        next_session_on=next_session_on,
        reflections=reflections,
        actions=actions,
        supervisor=supervisor,
    )
    created = session is None
    session = session or SupervisionSession(supervisor=supervisor)
    session.held_on, session.kind, session.summary = held_on, kind, (summary or "").strip()
    session.next_session_on = next_session_on
    session.save()
    session.supervisees.set(supervisees)
    session.topics.set(topics)
    session.reflections.set(reflections)
    session.actions.all().delete()
    SessionAction.objects.bulk_create(
        SessionAction(
            session=session, description=a.description.strip()[:300], owner=a.owner, due_on=a.due_on
        )
        for a in actions
    )
    if created:
        url = reverse("session_detail", args=[session.pk])
        for membership in supervisees:
            notification_send(
                user=membership.user,
                url=url,
                message=_("%(name)s recorded your supervision session of %(date)s.")
                % {"name": user, "date": date_format(held_on, "j F Y")},
            )
    return session


@transaction.atomic
def session_note_save(*, session, user, body: str) -> SessionNote:
    """Add or replace the user's own note on a session they took part in as a supervisee."""
    session = (
        SupervisionSession.objects.select_related("supervisor__user")
        .prefetch_related("supervisees")
        .get(pk=session.pk)
    )
    if not rules.test_rule("assessments.add_session_note", user, session):
        raise ServiceError(
            _("Only the people supervised in this session can add a note to it."), code="forbidden"
        )
    body = (body or "").strip()
    if not body:
        raise ServiceError(_("Write your note first."), code="empty")
    author = next(m for m in session.supervisees.all() if m.user_id == user.pk)
    note, created = SessionNote.objects.update_or_create(
        session=session, author=author, defaults={"body": body}
    )
    if created:
        notification_send(
            user=session.supervisor.user,
            url=reverse("session_detail", args=[session.pk]),
            message=_("%(name)s added a note to the supervision session of %(date)s.")
            % {"name": user, "date": date_format(session.held_on, "j F Y")},
        )
    return note
