"""Learning that happened, heard from the layers below: each receiver only queues the recording of the
statement once the change commits (statements_record works out which LRS, if any, hears of it).

Completions come through the `module_completed` event; the other facts are rows saved by their own apps'
services (and the admin and imports), so they are heard as those rows are saved, as learning.coverage hears
memberships."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from assessments.models import Attempt, ReflectiveEntry
from learning.core.events import module_completed
from learning.core.tasks_queue import queue_after_commit
from learning.events.models import Attendance
from learning.progress.models import Enrolment, LessonCompletion

from . import tasks
from .models import Statement

Kind = Statement.Kind


def _record(kind, source_id):
    queue_after_commit(tasks.statements_record, str(kind), source_id, once=True)


@receiver(module_completed, dispatch_uid="xapi_module_completed")
def _module_completed(sender, completion_id, **kwargs):
    _record(Kind.MODULE_COMPLETED, completion_id)


@receiver(post_save, sender=Enrolment, dispatch_uid="xapi_enrolment_saved")
def _enrolment_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        _record(Kind.LAUNCHED, instance.pk)


@receiver(post_save, sender=LessonCompletion, dispatch_uid="xapi_lesson_completion_saved")
def _lesson_completed(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        _record(Kind.LESSON_COMPLETED, instance.pk)


@receiver(post_save, sender=Attempt, dispatch_uid="xapi_attempt_saved")
def _attempt_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if created:
        _record(Kind.QUIZ_ATTEMPTED, instance.pk)
    if instance.status == Attempt.Status.GRADED:
        _record(Kind.QUIZ_GRADED, instance.pk)


@receiver(post_save, sender=ReflectiveEntry, dispatch_uid="xapi_reflection_saved")
def _reflection_saved(sender, instance, raw=False, **kwargs):
    if not raw and instance.status == ReflectiveEntry.Status.SIGNED_OFF and instance.module_id:
        _record(Kind.REFLECTION_SIGNED_OFF, instance.pk)


@receiver(post_save, sender=Attendance, dispatch_uid="xapi_attendance_saved")
def _attendance_saved(sender, instance, raw=False, **kwargs):
    if not raw and instance.attended:
        _record(Kind.EVENT_ATTENDED, instance.pk)
