"""A year of one organisation's learning, written as rows: enrolments, lessons done, completions (with their
certificates) for what each person was required to do, and some learning they chose themselves."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import lru_cache

from django.utils import timezone

from learning.completion.services import add_months
from learning.progress.models import Enrolment, LessonCompletion, ModuleCompletion

from .timestamps import stated_timestamps

BATCH = 5000


@dataclass(frozen=True)
class ModuleFacts:
    pk: int
    lessons: tuple
    revision_id: int | None
    cpd_minutes: int
    validity_months: int | None


@lru_cache(maxsize=4096)
def _midnight(day):
    return timezone.make_aware(datetime.combine(day, time()))


def at(day, rng):
    """A moment in the working day of `day` (the same wall-clock time as making it aware directly: adding to
    an aware datetime keeps its zone, and no working hour falls in a clock change)."""
    return _midnight(day) + timedelta(hours=rng.randint(8, 17), minutes=rng.randint(0, 59))


def _between(start, end, rng):
    return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))


class Writer:
    """Collects one organisation's rows, then writes each table in bulk."""

    def __init__(self, *, rng, today, history_start):
        self.rng, self.today, self.history_start = rng, today, history_start
        self.enrolments, self.lessons, self.completions = [], [], []

    def record(self, membership, module: ModuleFacts, *, due_on=None, required_from=None):
        """One person's story with one module: completed, part-way or not started, by how due it is.
        `required_from`: when the module became required of people here (none for learning they chose)."""
        rng, today = self.rng, self.today
        start = max(membership.joined_on, required_from or self.history_start)
        overdue_now = due_on is not None and due_on < today
        chance = 0.8 if overdue_now else 0.45 if due_on else 1.0
        if (
            module.validity_months
            and membership.joined_on < today - timedelta(days=900)
            and rng.random() < 0.2
        ):
            # completed nearly a full validity period ago: the certificate expires within weeks
            expires_in = rng.randint(5, 55)
            done_on = add_months(today + timedelta(days=expires_in), -module.validity_months)
            return self._completed(membership, module, start=done_on - timedelta(days=7), done_on=done_on)
        if rng.random() < chance:
            late = due_on + timedelta(days=rng.randint(-30, 45)) if due_on else today
            done_on = min(today, _between(start, max(start, min(late, today)), rng))
            return self._completed(membership, module, start=start, done_on=done_on)
        lessons_done = rng.randint(1, len(module.lessons) - 1) if rng.random() < 0.45 else 0
        self._enrol(membership, module, start=start, lessons=lessons_done)

    def _enrol(self, membership, module, *, start, lessons, done_on=None):
        rng = self.rng
        begun = at(start, rng)
        days = [_between(start, done_on or self.today, rng) for _ in range(lessons)]
        enrolment = Enrolment(
            user_id=membership.user_id,
            module_id=module.pk,
            source=Enrolment.Source.ASSIGNED,
            enrolled_at=begun,
            cycle_started_at=begun,
            last_activity_at=at(max(days, default=start), rng),
            last_lesson_id=module.lessons[lessons - 1] if lessons else None,
            lessons_completed_at=at(done_on, rng) if done_on else None,
            module_revision_id=module.revision_id if done_on else None,
        )
        self.enrolments.append(enrolment)
        for lesson, day in zip(module.lessons[:lessons], sorted(days), strict=True):
            self.lessons.append((enrolment, LessonCompletion(lesson_id=lesson, completed_at=at(day, rng))))

    def _completed(self, membership, module, *, start, done_on):
        self._enrol(membership, module, start=start, lessons=len(module.lessons), done_on=done_on)
        completed_at = at(done_on, self.rng) + timedelta(hours=1)
        self.completions.append(
            ModuleCompletion(
                user_id=membership.user_id,
                module_id=module.pk,
                completed_at=completed_at,
                module_revision_id=module.revision_id,
                quiz_score=self.rng.choice([80, 90, 100]),
                cpd_minutes=module.cpd_minutes,
                expires_at=add_months(completed_at, module.validity_months)
                if module.validity_months
                else None,
            )
        )

    def write(self) -> list[ModuleCompletion]:
        with stated_timestamps(Enrolment, LessonCompletion):
            Enrolment.objects.bulk_create(self.enrolments, batch_size=BATCH)
            for enrolment, lesson in self.lessons:
                lesson.enrolment_id = enrolment.pk
            LessonCompletion.objects.bulk_create([row for _e, row in self.lessons], batch_size=BATCH)
        return ModuleCompletion.objects.bulk_create(self.completions, batch_size=BATCH)
