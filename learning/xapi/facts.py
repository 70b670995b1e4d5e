"""The learning that becomes xAPI statements: for each kind of statement, the rows that are such a fact,
who it is about, since when, and what it says (verb, activity, result). Read by the services (to build a
statement), the receivers (to tell a fact when it is saved) and the owed-work sweep (to find facts without a
statement).

Reflections are private: a signed-off reflection says only that the reflective account on a module was signed
off, never a word of it, and goes only to the organisation it is filed under.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db.models import Q
from django.urls import reverse

from assessments.models import Attempt, ReflectiveEntry
from learning.core.links import absolute_url
from learning.events.models import Attendance
from learning.progress.models import Enrolment, LessonCompletion, ModuleCompletion

from .models import Statement

Kind = Statement.Kind

ACTIVITY_TYPES = {
    "module": "http://adlnet.gov/expapi/activities/course",
    "lesson": "http://adlnet.gov/expapi/activities/lesson",
    "quiz": "http://adlnet.gov/expapi/activities/assessment",
    "reflection": "http://adlnet.gov/expapi/activities/performance",
    "event": "http://adlnet.gov/expapi/activities/meeting",
}


@dataclass(frozen=True)
class Fact:
    user_id: int
    verb: str  # a key of statements.VERBS
    activity: dict
    timestamp: datetime
    module: object = None  # the ModulePage it belongs to: the registration and the parent activity
    cycle: int = 1
    result: dict | None = None
    organisation_id: int | None = None  # only this organisation's LRS hears of it (reflections)


@dataclass(frozen=True)
class FactKind:
    rows: Callable  # () -> the queryset of rows that are this fact
    user: str  # the lookup from a row to its person's id
    since: str  # the lookup to when it happened (the owed-work sweep orders and ages by it)
    build: Callable  # (row) -> Fact
    organisation: str | None = None  # the lookup to the one organisation told, when not all the person's


def activity(activity_id: str, kind: str, title: str) -> dict:
    return {
        "objectType": "Activity",
        "id": activity_id,
        "definition": {"type": ACTIVITY_TYPES[kind], "name": {"en-GB": title}},
    }


def page_activity_id(page) -> str:
    """A page's canonical address on the platform: the same whoever asks and whichever host served it."""
    _site_id, _root, path = page.get_url_parts() or (None, None, f"/pages/{page.pk}/")
    return absolute_url(path or f"/pages/{page.pk}/")


def module_activity(module) -> dict:
    return activity(page_activity_id(module), "module", module.title)


def _score(score, *, passed=None) -> dict:
    raw = float(Decimal(score))
    result = {"score": {"scaled": round(raw / 100, 4), "raw": raw, "min": 0, "max": 100}, "completion": True}
    if passed is not None:
        result["success"] = bool(passed)
    return result


def _launched(enrolment) -> Fact:
    return Fact(
        enrolment.user_id,
        "launched",
        module_activity(enrolment.module),
        enrolment.enrolled_at,
        module=enrolment.module,
        cycle=enrolment.cycle,
    )


def _lesson(completion) -> Fact:
    lesson = completion.lesson
    return Fact(
        completion.enrolment.user_id,
        "completed",
        activity(page_activity_id(lesson), "lesson", lesson.title),
        completion.completed_at,
        module=completion.enrolment.module,
        cycle=completion.cycle,
        result={"completion": True},
    )


def _quiz_activity(quiz) -> dict:
    return activity(absolute_url(reverse("quiz_detail", args=[quiz.pk])), "quiz", quiz.title)


def _attempted(attempt) -> Fact:
    quiz = attempt.quiz
    return Fact(attempt.user_id, "attempted", _quiz_activity(quiz), attempt.started_at, module=quiz.module)


def _graded(attempt) -> Fact:
    return Fact(
        attempt.user_id,
        "passed" if attempt.passed else "failed",
        _quiz_activity(attempt.quiz),
        attempt.submitted_at,
        module=attempt.quiz.module,
        result=_score(attempt.score, passed=attempt.passed),
    )


def _module(completion) -> Fact:
    result = _score(completion.quiz_score) if completion.quiz_score is not None else {"completion": True}
    return Fact(
        completion.user_id,
        "completed",
        module_activity(completion.module),
        completion.completed_at,
        module=completion.module,
        cycle=completion.cycle,
        result=result,
    )


def _reflection(entry) -> Fact:
    title = f"Reflective account: {entry.module.title}"
    return Fact(
        entry.author_id,
        "completed",
        activity(page_activity_id(entry.module) + "#reflection", "reflection", title),
        entry.signed_off_at,
        module=entry.module,
        result={"completion": True, "success": True},
        organisation_id=entry.membership.organisation_id,
    )


def _attended(attendance) -> Fact:
    event = attendance.session.event
    return Fact(
        attendance.user_id,
        "attended",
        activity(absolute_url(reverse("event_detail", args=[event.pk])), "event", event.title),
        attendance.session.starts_at,
        module=event.module,
    )


FACTS: dict[str, FactKind] = {
    Kind.LAUNCHED: FactKind(
        lambda: Enrolment.objects.select_related("module"), "user_id", "enrolled_at", _launched
    ),
    Kind.LESSON_COMPLETED: FactKind(
        lambda: LessonCompletion.objects.select_related("lesson", "enrolment__module"),
        "enrolment__user_id",
        "completed_at",
        _lesson,
    ),
    Kind.QUIZ_ATTEMPTED: FactKind(
        lambda: Attempt.objects.select_related("quiz__module"), "user_id", "started_at", _attempted
    ),
    Kind.QUIZ_GRADED: FactKind(
        lambda: Attempt.objects.select_related("quiz__module").filter(
            status=Attempt.Status.GRADED, submitted_at__isnull=False, score__isnull=False
        ),
        "user_id",
        "submitted_at",
        _graded,
    ),
    Kind.MODULE_COMPLETED: FactKind(
        lambda: ModuleCompletion.objects.select_related("module"), "user_id", "completed_at", _module
    ),
    Kind.REFLECTION_SIGNED_OFF: FactKind(
        lambda: ReflectiveEntry.objects.select_related("module", "membership").filter(
            Q(status=ReflectiveEntry.Status.SIGNED_OFF) & Q(module__isnull=False)
        ),
        "author_id",
        "signed_off_at",
        _reflection,
        organisation="membership__organisation_id",
    ),
    Kind.EVENT_ATTENDED: FactKind(
        lambda: Attendance.objects.select_related("session__event__module").filter(attended=True),
        "user_id",
        "marked_at",
        _attended,
    ),
}
