"""The CPD log as CSV and PDF, in two layouts: the SSSC's annual declaration of continuous professional
learning (what was done and when, in the year; the SSSC counts no hours) and NMC revalidation (hours and
participatory hours, with the three-year totals against the NMC's 35 and 20). Wording: docs/records.md."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assessments.practice import regulator_layouts
from learning.core.csv import csv_bytes
from learning.core.pdf import render_pdf

from .cpd import nmc_summary

LAYOUTS = {
    "sssc": regulator_layouts.SSSC.title,  # the SSSC's name for the record it asks registrants to keep
    "nmc": gettext_lazy("CPD record for NMC revalidation"),
}


def _header():
    return [_("Date"), _("Activity"), _("Provider"), _("Source"), _("Hours"), _("Participatory hours")]


def cpd_csv(log) -> bytes:
    """One row per piece of learning, then the totals; cells that could run as formulas are made inert."""
    rows = [_header()]
    rows += [
        [row.date.isoformat(), row.title, row.provider, row.source, row.hours, row.participatory_hours]
        for row in log.rows
    ]
    rows.append([_("Total"), "", "", "", log.hours, log.participatory_hours])
    return csv_bytes(rows)


def cpd_pdf(log, *, layout: str) -> bytes:
    year = log.year or timezone.localdate().year
    context = {
        "log": log,
        "layout": layout,
        "title": LAYOUTS[layout],
        # The SSSC's reminder is about evidence, so it fits a CPD record; the NMC's is about reflections.
        "privacy": regulator_layouts.SSSC.privacy if layout == "sssc" else "",
        "nmc": nmc_summary(user=log.person, year=year) if layout == "nmc" else None,
        "site_name": settings.SITE_NAME,
        "generated_at": timezone.now(),
    }
    return render_pdf("pdf/cpd_log.html", context)
