"""Writes to learner progress: enrol, complete a lesson. Each is idempotent."""
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from learning.core.errors import ServiceError

from . import selectors
from .models import Enrolment, LessonCompletion


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


@transaction.atomic
def lesson_complete(*, user, lesson) -> LessonCompletion:
    """Mark a lesson complete (enrolling if needed) and move the resume point; repeating it changes nothing."""
    module = lesson.get_parent().specific
    enrolment = enrolment_create(user=user, module=module)
    completion, _created = LessonCompletion.objects.get_or_create(
        enrolment=enrolment, lesson=lesson, defaults={"revision_id": lesson.live_revision_id}
    )
    enrolment.last_lesson = lesson
    summary = selectors.module_progress(enrolment=enrolment)
    if summary.is_complete and enrolment.lessons_completed_at is None:
        enrolment.lessons_completed_at = timezone.now()
        enrolment.module_revision_id = module.live_revision_id
    enrolment.save(update_fields=["last_lesson", "last_activity_at", "lessons_completed_at", "module_revision_id"])
    return completion
