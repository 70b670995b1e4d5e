"""Reads about supervision sessions. sessions_visible_to mirrors assessments.view_session in rules.py."""

import rules
from django.db.models import Prefetch, Q

from assessments.models import ReflectiveEntry, SessionAction, SupervisionSession
from assessments.practice.selectors.reflections import readable_by_supervisor
from learning.organisations.models import Membership, acting_supervisor

RECENT_REFLECTIONS = 50


def _with_people(queryset):
    return queryset.select_related("supervisor__user", "supervisor__organisation").prefetch_related(
        Prefetch(
            "supervisees", queryset=Membership.objects.select_related("user").order_by("user__last_name")
        ),
        "topics",
    )


def sessions_visible_to(*, user):
    """Sessions the user recorded as an active supervisor, or took part in as a supervisee; newest first."""
    recorded = acting_supervisor("supervisor__", user=user)
    ids = SupervisionSession.objects.filter(recorded | Q(supervisees__user=user)).values("pk")
    return _with_people(SupervisionSession.objects.filter(pk__in=ids)).order_by("-held_on", "-pk")


def session_for(*, session_id, user, rule="assessments.view_session"):
    """The session with everything its page shows, if the user passes `rule`; otherwise None."""
    # submitted_to and shared_with come along so that session_visible_parts asks the rule without queries.
    entries = ReflectiveEntry.objects.select_related("author", "module", "submitted_to").prefetch_related(
        "shared_with"
    )
    session = (
        _with_people(SupervisionSession.objects.filter(pk=session_id))
        .prefetch_related(
            Prefetch("reflections", queryset=entries.order_by("submitted_at")),
            Prefetch("actions", queryset=SessionAction.objects.select_related("owner__user")),
            "notes__author__user",
        )
        .first()
    )
    if session is None or not rules.test_rule(rule, user, session):
        return None
    return session


def session_visible_parts(*, session, user) -> dict:
    """What of a session's linked reflections and notes this viewer may open (a group sees only its own)."""
    return {
        "reflections": [
            e for e in session.reflections.all() if rules.test_rule("assessments.view_entry", user, e)
        ],
        "notes": [
            n for n in session.notes.all() if rules.test_rule("assessments.view_session_note", user, n)
        ],
        "own_note": next((n for n in session.notes.all() if n.author.user_id == user.pk), None),
    }


def supervisees_for_sessions(*, user):
    """The memberships a supervisor may record sessions with: their active supervisees, in every
    organisation."""
    return (
        Membership.objects.active()
        .supervised_by(user)
        .select_related("user", "organisation", "supervisor__organisation")
        .order_by("organisation__name", "user__last_name", "user__first_name")
    )


def reflections_for_sessions(*, user, include=()):
    """Reflections a supervisor may link to a session: recent ones by their supervisees that they may read
    (submitted or shared to them), plus any already linked."""
    supervisees = supervisees_for_sessions(user=user).values("pk")
    shared = (
        ReflectiveEntry.objects.filter(readable_by_supervisor(user), membership__in=supervisees)
        .order_by("-submitted_at")
        .values_list("pk", flat=True)[:RECENT_REFLECTIONS]
    )
    return (
        ReflectiveEntry.objects.filter(Q(pk__in=list(shared)) | Q(pk__in=[e.pk for e in include]))
        .select_related("author")
        .order_by("author__last_name", "-submitted_at")
    )
