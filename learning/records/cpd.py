"""A person's CPD log: all their learning with hours, from every source, by year.

Online modules come from their completions (ModuleCompletion.cpd_minutes); events from
learning.events.selectors.attended_learning; learning elsewhere from their verified records. A completion that
an event or a verified record made is not listed again: its event or record is the entry, with its hours."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from learning.events.selectors import attended_learning
from learning.progress.models import ModuleCompletion

from .models import ExternalRecord

# NMC revalidation, every three years: 35 hours of CPD, of which 20 participatory (docs/records.md).
NMC_YEARS, NMC_HOURS, NMC_PARTICIPATORY_HOURS = 3, 35, 20


@dataclass(frozen=True)
class CpdRow:
    date: datetime.date
    title: str
    provider: str
    source: str
    minutes: int
    participatory_minutes: int = 0

    @property
    def hours(self) -> Decimal:
        return _hours(self.minutes)

    @property
    def participatory_hours(self) -> Decimal:
        return _hours(self.participatory_minutes)


def _hours(minutes) -> Decimal:
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"))


@dataclass
class CpdLog:
    person: object
    year: int | None
    rows: list
    years: list  # the years that have learning, newest first

    @property
    def hours(self):
        return _hours(sum(row.minutes for row in self.rows))

    @property
    def participatory_hours(self):
        return _hours(sum(row.participatory_minutes for row in self.rows))


def _completion_rows(user):
    completions = ModuleCompletion.objects.filter(
        user=user, source__in=[ModuleCompletion.Source.MODULE, ModuleCompletion.Source.RECORDED]
    ).select_related("module")
    for completion in completions:
        yield CpdRow(
            date=timezone.localtime(completion.completed_at).date(),
            title=completion.module.title,
            provider=settings.SITE_NAME,
            source=completion.get_source_display(),
            minutes=completion.cpd_minutes,
        )


def _record_rows(user):
    for record in ExternalRecord.objects.verified().filter(user=user):
        yield CpdRow(
            date=record.completed_on,
            title=record.title,
            provider=record.provider,
            source=_("Learning elsewhere"),
            minutes=int(record.hours * 60),
            participatory_minutes=int(record.participatory_hours * 60),
        )


def _event_rows(user):
    """Sessions attended: live learning with others, participatory when the events app says so."""
    for row in attended_learning(user=user):
        yield CpdRow(
            date=row.date,
            title=row.title,
            provider=row.provider,
            source=str(ModuleCompletion.Source.EVENT.label),
            minutes=row.minutes,
            participatory_minutes=row.minutes if row.participatory else 0,
        )


def cpd_log(*, user, year: int | None = None) -> CpdLog:
    """Everything, or one calendar year, newest first."""
    rows = [*_completion_rows(user), *_record_rows(user), *_event_rows(user)]
    years = sorted({row.date.year for row in rows}, reverse=True)
    if year is not None:
        rows = [row for row in rows if row.date.year == year]
    rows.sort(key=lambda row: (row.date, row.title), reverse=True)
    return CpdLog(person=user, year=year, rows=rows, years=years)


def nmc_summary(*, user, year: int) -> dict:
    """Hours in the NMC's three-year revalidation period ending with `year`, against its asks."""
    log = cpd_log(user=user)
    rows = [row for row in log.rows if year - NMC_YEARS < row.date.year <= year]
    hours = _hours(sum(row.minutes for row in rows))
    participatory = _hours(sum(row.participatory_minutes for row in rows))
    return {
        "first_year": year - NMC_YEARS + 1,
        "year": year,
        "hours": hours,
        "participatory_hours": participatory,
        "hours_needed": NMC_HOURS,
        "participatory_needed": NMC_PARTICIPATORY_HOURS,
        "met": hours >= NMC_HOURS and participatory >= NMC_PARTICIPATORY_HOURS,
    }
