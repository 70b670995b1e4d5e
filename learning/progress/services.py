"""Writes to learner progress: enrol, complete a lesson. Each is idempotent."""

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from learning.core import events
from learning.core.errors import ServiceError

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
                _("Complete %(titles)s before you start this module.")
                % {"titles": ", ".join(m.title for m in missing)},
                code="prerequisites",
            )
    try:
        with transaction.atomic():
            return Enrolment.objects.create(user=user, module=module, source=source)
    except IntegrityError:
        return Enrolment.objects.get(user=user, module=module)


def lessons_done_stamp(*, enrolment, module) -> bool:
    """Note when every lesson of the cycle is done (once); returns whether it noted it now. The caller holds
    the enrolment's row lock and saves it."""
    if (
        enrolment.lessons_completed_at is not None
        or not selectors.module_progress(enrolment=enrolment).is_complete
    ):
        return False
    enrolment.lessons_completed_at = timezone.now()
    enrolment.module_revision_id = module.live_revision_id
    return True


@transaction.atomic
def lesson_complete(*, user, lesson) -> LessonCompletion:
    """Mark a lesson complete (enrolling if needed) and move the resume point; repeating it changes nothing.

    Completions of one person's module take turns on the enrolment's row lock: two last lessons finished at
    the same moment would otherwise each count the lessons without seeing the other's (write skew under READ
    COMMITTED), and neither would complete the module."""
    module = lesson.get_parent().specific
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment_create(user=user, module=module).pk)
    completion, _created = LessonCompletion.objects.get_or_create(
        enrolment=enrolment,
        cycle=enrolment.cycle,
        lesson=lesson,
        defaults={"revision_id": lesson.live_revision_id},
    )
    enrolment.last_lesson = lesson
    lessons_done_stamp(enrolment=enrolment, module=module)
    enrolment.save(
        update_fields=["last_lesson", "last_activity_at", "lessons_completed_at", "module_revision_id"]
    )
    completion_check_request(user_id=user.pk, module_id=module.pk)
    events.learner_progress_changed.send(sender=LessonCompletion, user_id=user.pk, module_id=module.pk)
    return completion


def completion_check_request(*, user_id, module_id) -> bool:
    """Ask for the person's completion rule for the module to be evaluated (by learning.completion), since it
    may now be met: the last lesson done, a quiz graded, a reflection signed off. Returns whether it asked.

    Call it inside the transaction of the change: the check is first owed in the database
    (Enrolment.completion_check_due_at, kept from the first unanswered request), then `completion_check_due`
    is sent, whose receiver queues the evaluation once the change commits. If that message is lost, the
    owed-work sweep asks again. Nothing is asked while lessons of the cycle remain, nor once it is
    completed."""
    completed = ModuleCompletion.objects.filter(
        user=OuterRef("user"), module=OuterRef("module"), cycle=OuterRef("cycle")
    )
    asked = (
        Enrolment.objects.filter(user_id=user_id, module_id=module_id, lessons_completed_at__isnull=False)
        .exclude(Exists(completed))
        .update(completion_check_due_at=Coalesce("completion_check_due_at", timezone.now()))
    )
    if asked:
        events.completion_check_due.send(sender=Enrolment, user_id=user_id, module_id=module_id)
    return bool(asked)
