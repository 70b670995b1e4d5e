"""The completion rule: when a person's work on a module (lessons, quiz, reflection) records the module as
completed. It sits above progress and assessments, whose services ask for it through the
`completion_check_due` event, and below certificates and coverage, which hear of a completion through
`module_completed` and `learner_progress_changed` (learning.core.events)."""

import calendar

from django.db import IntegrityError, transaction
from django.utils import timezone

from assessments.practice.selectors.reflections import reflection_signed_off
from assessments.quizzes.selectors import quiz_for_module, quiz_grade_since
from learning.core import events
from learning.progress import selectors as progress_selectors
from learning.progress.models import Enrolment, ModuleCompletion
from learning.progress.services import lessons_done_stamp


def _quiz_requirement(*, user, module, since):
    """(met, grade): the module's quiz passed in this cycle, when it has a quiz and the rule asks for it."""
    quiz = quiz_for_module(module=module)
    if quiz is None:
        return True, None
    grade = quiz_grade_since(user=user, quiz=quiz, since=since)
    passed = grade is not None and grade >= quiz.pass_mark
    return passed or not module.require_quiz_pass, grade


def _reflection_requirement(*, user, module, since):
    if not module.require_signed_reflection:
        return True
    return reflection_signed_off(user=user, module=module, since=since)


@transaction.atomic
def completion_evaluate(*, user, module) -> ModuleCompletion | None:
    """Record the module as completed when its rule is met: every lesson of the current cycle, the quiz passed
    (if the module has one and the rule asks), a signed-off reflection (if the rule asks).

    Run for each relevant event (lesson completed, attempt graded, reflection signed off: see
    `learning.progress.services.completion_check_request`); idempotent: the unique (user, module, cycle)
    constraint means a second call, or a concurrent one, records nothing new. It answers the owed check
    (Enrolment.completion_check_due_at) whether or not the rule is met. A new completion sends
    `module_completed` (its certificate is queued once it is committed) and `learner_progress_changed`.
    """
    enrolment = Enrolment.objects.select_for_update().filter(user=user, module=module).first()
    if enrolment is None:
        return None
    if enrolment.completion_check_due_at is not None:
        Enrolment.objects.filter(pk=enrolment.pk).update(completion_check_due_at=None)
    if enrolment.lessons_completed_at is None:
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
                user=user,
                module=module,
                cycle=enrolment.cycle,
                completed_at=now,
                module_revision_id=enrolment.module_revision_id or module.live_revision_id,
                quiz_score=quiz_score,
                cpd_minutes=module.cpd_claim_minutes,  # CPD only where a signed-off reflection was asked
                expires_at=add_months(now, module.validity_months) if module.validity_months else None,
            )
    except IntegrityError:
        return ModuleCompletion.objects.get(user=user, module=module, cycle=enrolment.cycle)
    # Owed until issued: certificates' receiver queues it; the owed-work sweep re-queues it if that is lost.
    events.module_completed.send(sender=ModuleCompletion, completion_id=completion.pk)
    events.learner_progress_changed.send(sender=ModuleCompletion, user_id=user.pk, module_id=module.pk)
    return completion


@transaction.atomic
def completion_record(
    *, user, module, completed_at, source, recorded_by=None, cpd_minutes=0
) -> ModuleCompletion:
    """Record that `user` completed `module` somewhere other than the module itself: an attended event, a
    verified external record, or a lead's entry (`ModuleCompletion.Source`). It counts toward requirements,
    rollups and certificates exactly like a module completion, through the same events.

    The completion falls in the person's current cycle (their enrolment's, or the first); idempotent like
    `completion_evaluate`: when that cycle is already complete, the existing completion is returned.
    """
    if source == ModuleCompletion.Source.MODULE:
        raise ValueError("A module's own completion is recorded by completion_evaluate.")
    enrolment = Enrolment.objects.select_for_update().filter(user=user, module=module).first()
    cycle = enrolment.cycle if enrolment else 1
    existing = ModuleCompletion.objects.filter(user=user, module=module, cycle=cycle).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            completion = ModuleCompletion.objects.create(
                user=user,
                module=module,
                cycle=cycle,
                completed_at=completed_at,
                module_revision_id=module.live_revision_id,
                cpd_minutes=cpd_minutes,
                expires_at=add_months(completed_at, module.validity_months)
                if module.validity_months
                else None,
                source=source,
                recorded_by=recorded_by,
            )
    except IntegrityError:
        return ModuleCompletion.objects.get(user=user, module=module, cycle=cycle)
    events.module_completed.send(sender=ModuleCompletion, completion_id=completion.pk)
    events.learner_progress_changed.send(sender=ModuleCompletion, user_id=user.pk, module_id=module.pk)
    return completion


def completions_repair() -> int:
    """Nightly: record the completions whose rule is met but that no event recorded (a crash or a lost race
    between the lessons, the quiz and the sign-off). Returns how many it recorded. Safe to run again."""
    recorded = 0
    for enrolment_id in progress_selectors.enrolments_without_completion().values_list("pk", flat=True):
        with transaction.atomic():
            enrolment = (
                Enrolment.objects.select_for_update().select_related("user", "module").get(pk=enrolment_id)
            )
            module = enrolment.module.specific
            if lessons_done_stamp(enrolment=enrolment, module=module):
                enrolment.save(update_fields=["lessons_completed_at", "module_revision_id"])
            recorded += completion_evaluate(user=enrolment.user, module=module) is not None
    return recorded


def add_months(moment, months):
    """The same day `months` later, clamped to the month's last day (29 Feb + 12 months is 28 Feb)."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    return moment.replace(year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1]))
