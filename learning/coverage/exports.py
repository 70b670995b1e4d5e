"""CSV and XLSX downloads of the coverage dashboard and of a person's learning record. openpyxl sits behind
`xlsx_bytes`, the one place that knows about it; CSV is written by the project's one guarded writer."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from learning.core.csv import CSV_TYPE, csv_bytes  # noqa: F401 (CSV_TYPE: the content type the views send)

from .selectors.people import requirements_in
from .selectors.status import EXPIRING_WITHIN_DAYS

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx_row(sheet, row, *, header_font=None):
    """Plain values pass through as they are (the write-only writer styles nothing); only a header cell, or
    text that a spreadsheet would read as a formula, becomes a cell object."""
    if header_font is None and not any(isinstance(value, str) and value.startswith("=") for value in row):
        return row
    cells = []
    for value in row:
        cell = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"
        if header_font is not None:
            cell.font = header_font
        cells.append(cell)
    return cells


def xlsx_bytes(sheets) -> bytes:
    """`sheets` is [(title, rows)]; the first row of each is its bold, frozen header. Text is stored as text,
    never as a formula. Written in openpyxl's write-only mode, rows streamed as they come: one bold Font is
    shared by the header cells, and the other cells carry no style at all (building a style per cell was half
    the cost of a large export)."""
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title[:31])
        sheet.freeze_panes = "A2"
        for r, row in enumerate(rows):
            sheet.append(_xlsx_row(sheet, row, header_font=bold if r == 0 else None))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _date(moment):
    return timezone.localtime(moment).date() if moment else ""


def _team_name(team):
    return team.name if team else _("No team")


def _count_header():
    return [
        _("Assigned"),
        _("Not started"),
        _("In progress"),
        _("Completed"),
        _("% complete"),
        _("Overdue"),
        _("Expiring within %(days)s days") % {"days": EXPIRING_WITHIN_DAYS},
    ]


def _counts(row):
    return [
        row.assigned,
        row.not_started,
        row.in_progress,
        row.completed,
        row.percent,
        row.overdue,
        row.expiring,
    ]


def _about(dashboard):
    scope = dashboard.scope
    return [
        [_("Organisation"), str(scope.organisation)],
        [_("Staff"), _("People you supervise") if scope.supervisor else _("Everyone")],
        [_("Team"), scope.team.name if scope.team else _("All")],
        [_("Job title"), scope.job_title or _("All")],
        [_("Module"), scope.module.title if scope.module else _("All required modules")],
        [
            _("Figures as of"),
            timezone.localtime(dashboard.computed_at).strftime("%Y-%m-%d %H:%M")
            if dashboard.computed_at
            else "",
        ],
    ]


def _team_rows(dashboard):
    return [[_("Team"), _("Module"), *_count_header()]] + [
        [_team_name(row.team), m.title, *_counts(row.cells[m.pk])]
        for row in dashboard.heatmap
        for m in dashboard.modules
        if m.pk in row.cells
    ]


def _people_rows(scope, status):
    """Plain values straight from the query (no model instances: a large organisation lists thousands)."""
    rows = requirements_in(scope, status=status).values_list(
        "membership__user__first_name",
        "membership__user__last_name",
        "membership__user__email",
        "membership__team__name",
        "membership__job_title",
        "module__title",
        "due_on",
        "last_expiry",
    )
    return [
        [_("Name"), _("Email"), _("Team"), _("Job title"), _("Module"), _("Due"), _("Completion expires")]
    ] + [
        [f"{first} {last}".strip(), email, team or _("No team"), title, module, due, _date(expiry)]
        for first, last, email, team, title, module, due, expiry in rows
    ]


def dashboard_workbook(dashboard) -> bytes:
    """Sheets: About (the filters), Modules, Teams, Frameworks, and the people overdue or expiring."""
    return xlsx_bytes(
        [
            (_("About"), _about(dashboard)),
            (
                _("Modules"),
                [[_("Module"), *_count_header()]]
                + [[m.title, *_counts(dashboard.totals[m.pk])] for m in dashboard.modules],
            ),
            (_("Teams"), _team_rows(dashboard)),
            (
                _("Frameworks"),
                [[_("Framework"), _("Level"), _("Staff"), _("Trained"), _("% trained")]]
                + [
                    [r.level.framework, r.level.name, r.staff, r.trained, r.percent] for r in dashboard.levels
                ],
            ),
            (_("Overdue"), _people_rows(dashboard.scope, "overdue")),
            (_("Expiring"), _people_rows(dashboard.scope, "expiring")),
        ]
    )


def dashboard_csv(dashboard) -> bytes:
    """One table: every team's figures for every module, then the whole scope's as "All staff"."""
    return csv_bytes(
        _team_rows(dashboard)
        + [[_("All staff"), m.title, *_counts(dashboard.totals[m.pk])] for m in dashboard.modules]
    )


def _status(requirement):
    if requirement.is_completed:
        return _("Completed")
    status = _("In progress") if requirement.is_in_progress else _("Not started")
    return f"{status}, {_('overdue')}" if requirement.is_overdue else status


def record_workbook(record) -> bytes:
    """Sheets: the person, what is required of them, their progress, completions and certificates."""
    person, membership = record.membership.user, record.membership
    return xlsx_bytes(
        [
            (
                _("Person"),
                [
                    [_("Name"), person.get_full_name()],
                    [_("Email"), person.email],
                    [_("Organisation"), str(membership.organisation)],
                    [_("Team"), _team_name(membership.team)],
                    [_("Job title"), membership.job_title],
                ],
            ),
            (
                _("Required"),
                [[_("Module"), _("Due"), _("Status")]]
                + [[r.module.title, r.due, _status(r)] for r in record.requirements],
            ),
            (
                _("Progress"),
                [
                    [
                        _("Module"),
                        _("How enrolled"),
                        _("Lessons done"),
                        _("Lessons"),
                        _("% complete"),
                        _("Last activity"),
                    ]
                ]
                + [
                    [
                        e.module.title,
                        e.get_source_display(),
                        e.progress.done,
                        e.progress.total,
                        e.progress.percent,
                        _date(e.last_activity_at),
                    ]
                    for e in record.enrolments
                ],
            ),
            (
                _("Completions"),
                [
                    [
                        _("Module"),
                        _("Completed"),
                        _("Cycle"),
                        _("Expires"),
                        _("Status"),
                        _("Source"),
                        _("CPD minutes"),
                    ]
                ]
                + [
                    [
                        c.module.title,
                        _date(c.completed_at),
                        c.cycle,
                        _date(c.expires_at),
                        c.get_status_display(),
                        c.get_source_display(),
                        c.cpd_minutes,
                    ]
                    for c in record.completions
                ],
            ),
            (
                _("Certificates"),
                [[_("Module"), _("Code"), _("Issued"), _("Expires"), _("Status")]]
                + [
                    [c.module_title, c.code, _date(c.issued_at), _date(c.expires_at), c.get_status_display()]
                    for c in record.certificates
                ],
            ),
        ]
    )


def record_csv(record) -> bytes:
    """One row per module in the record: required by when, its state, progress, last completion,
    certificate."""
    modules = {}
    for requirement in record.requirements:
        modules.setdefault(requirement.module.title, {})["required"] = requirement
    for enrolment in record.enrolments:
        modules.setdefault(enrolment.module.title, {})["enrolment"] = enrolment
    for completion in record.completions:  # newest first: keep the latest
        modules.setdefault(completion.module.title, {}).setdefault("completion", completion)
    certificates = {c.module_title: c.code for c in record.certificates}
    rows = [
        [
            _("Module"),
            _("Due"),
            _("Status"),
            _("% of lessons"),
            _("Completed"),
            _("Source"),
            _("Expires"),
            _("Certificate"),
        ]
    ]
    for title, parts in sorted(modules.items()):
        required, enrolment, completion = (
            parts.get("required"),
            parts.get("enrolment"),
            parts.get("completion"),
        )
        rows.append(
            [
                title,
                required.due if required else "",
                _status(required) if required else "",
                enrolment.progress.percent if enrolment else "",
                _date(completion and completion.completed_at),
                completion.get_source_display() if completion else "",
                _date(completion and completion.expires_at),
                certificates.get(title, ""),
            ]
        )
    return csv_bytes(rows)
