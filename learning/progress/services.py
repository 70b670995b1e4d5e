"""Writes to learner progress: enrol, complete a lesson. Each is idempotent."""
import calendar

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from learning.core.errors import ServiceError
from learning.core.tasks_queue import queue_after_commit
from learning.coverage.services import coverage_changed

from . import selectors
from .models import Enrolment, LessonCompletion, ModuleCompletion


@transaction.atomic
def enrolment_create(*, user, module, source=Enrolment.Source.SELF) -> Enrolment:
    """Enrol a person on a module; enrolling again returns the existing enrolment.

    Self-enrolment checks prerequisites; an assignment by a lead does not wait for them.
    """
    existing = Enrolment.objects.filter(user=user, module=module).first()
    if existing:
        return existing
    if source == Enrolment.Source.SELF:
        missing = selectors.prerequisites_missing(user=user, module=module)
        if missing:
            raise ServiceError(
                _("Complete %(titles)s before you start this module.") % {"titles": ", ".join(m.title for m in missing)},
                code="prerequisites",
            )
    try:
        with transaction.atomic():
            return Enrolment.objects.create(user=user, module=module, source=source)
    except IntegrityError:
        return Enrolment.objects.get(user=user, module=module)


def _lessons_done_stamp(enrolment, module) -> bool:
    """Note when every lesson of the cycle is done (once). The caller holds the enrolment's row lock."""
    if enrolment.lessons_completed_at is not None or not selectors.module_progress(enrolment=enrolment).is_complete:
        return False
    enrolment.lessons_completed_at = timezone.now()
    enrolment.module_revision_id = module.live_revision_id
    return True


@transaction.atomic
def lesson_complete(*, user, lesson) -> LessonCompletion:
    """Mark a lesson complete (enrolling if needed) and move the resume point; repeating it changes nothing.

    Completions of one person's module take turns on the enrolment's row lock: two last lessons finished at the
    same moment would otherwise each count the lessons without seeing the other's (write skew under READ
    COMMITTED), and neither would complete the module."""
    module = lesson.get_parent().specific
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment_create(user=user, module=module).pk)
    completion, _created = LessonCompletion.objects.get_or_create(
        enrolment=enrolment, cycle=enrolment.cycle, lesson=lesson, defaults={"revision_id": lesson.live_revision_id}
    )
    enrolment.last_lesson = lesson
    _lessons_done_stamp(enrolment, module)
    enrolment.save(update_fields=["last_lesson", "last_activity_at", "lessons_completed_at", "module_revision_id"])
    completion_evaluate(user=user, module=module)
    coverage_changed(user=user, module=module)
    return completion


def _quiz_requirement(*, user, module, since):
    """(met, grade): the module's quiz passed in this cycle, when it has a quiz and the rule asks for it."""
    from assessments.quizzes.selectors import quiz_for_module, quiz_grade_since

    quiz = quiz_for_module(module=module)
    if quiz is None:
        return True, None
    grade = quiz_grade_since(user=user, quiz=quiz, since=since)
    passed = grade is not None and grade >= quiz.pass_mark
    return passed or not module.require_quiz_pass, grade


def _reflection_requirement(*, user, module, since):
    if not module.require_signed_reflection:
        return True
    from assessments.practice.selectors.reflections import reflection_signed_off

    return reflection_signed_off(user=user, module=module, since=since)


@transaction.atomic
def completion_evaluate(*, user, module) -> ModuleCompletion | None:
    """Record the module as completed when its rule is met: every lesson of the current cycle, the quiz passed
    (if the module has one and the rule asks), a signed-off reflection (if the rule asks).

    Called on each relevant event (lesson completed, attempt graded, reflection signed off); idempotent: the
    unique (user, module, cycle) constraint means a second call, or a concurrent one, records nothing new.
    Issuing the certificate is queued once the completion is committed.
    """
    enrolment = Enrolment.objects.select_for_update().filter(user=user, module=module).first()
    if enrolment is None or enrolment.lessons_completed_at is None:
        return None
    existing = ModuleCompletion.objects.filter(user=user, module=module, cycle=enrolment.cycle).first()
    if existing:
        return existing
    quiz_ok, quiz_score = _quiz_requirement(user=user, module=module, since=enrolment.cycle_started_at)
    if not quiz_ok or not _reflection_requirement(user=user, module=module, since=enrolment.cycle_started_at):
        return None
    now = timezone.now()
    try:
        with transaction.atomic():
            completion = ModuleCompletion.objects.create(
                user=user, module=module, cycle=enrolment.cycle, completed_at=now,
                module_revision_id=enrolment.module_revision_id or module.live_revision_id, quiz_score=quiz_score,
                cpd_minutes=module.cpd_minutes or module.estimated_minutes,
                expires_at=add_months(now, module.validity_months) if module.validity_months else None,
            )
    except IntegrityError:
        return ModuleCompletion.objects.get(user=user, module=module, cycle=enrolment.cycle)
    from certificates.tasks import certificate_issue

    queue_after_commit(certificate_issue, completion.pk)  # owed until issued: the owed-work sweep re-queues it
    coverage_changed(user=user, module=module)
    return completion


def completions_repair() -> int:
    """Nightly: record the completions whose rule is met but that no event recorded (a crash or a lost race
    between the lessons, the quiz and the sign-off). Returns how many it recorded. Safe to run again."""
    recorded = 0
    for enrolment_id in selectors.enrolments_without_completion().values_list("pk", flat=True):
        with transaction.atomic():
            enrolment = Enrolment.objects.select_for_update().select_related("user", "module").get(pk=enrolment_id)
            module = enrolment.module.specific
            if _lessons_done_stamp(enrolment, module):
                enrolment.save(update_fields=["lessons_completed_at", "module_revision_id"])
            recorded += completion_evaluate(user=enrolment.user, module=module) is not None
    return recorded


def add_months(moment, months):
    """The same day `months` later, clamped to the month's last day (29 Feb + 12 months is 28 Feb)."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    return moment.replace(year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1]))
