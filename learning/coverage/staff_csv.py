"""Read and check a staff CSV against an organisation, without writing anything.

Columns (header names are case-insensitive; spaces or underscores): name, email, team, job title,
supervisor email, roles. Roles are any of learner, supervisor, lead, separated by semicolons; empty means
learner. A supervisor named by email must be in the file with the supervisor role, or already hold that role
in the organisation. Teams that do not exist yet are created; the preview names them first.
"""

import csv
import io
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from learning.organisations.models import Membership

COLUMNS = ("name", "email", "team", "job_title", "supervisor_email", "roles")
REQUIRED_COLUMNS = ("name", "email")
ROLES = {
    "learner": "is_learner",
    "supervisor": "is_supervisor",
    "lead": "is_lead",
    "workforce lead": "is_lead",
}
EMAIL_MAX_LENGTH = get_user_model()._meta.get_field("email").max_length
MAX_ROWS = 2000  # applied in one request: about six seconds a thousand new people
TEMPLATE_ROWS = [
    ["name", "email", "team", "job title", "supervisor email", "roles"],
    [
        "Sam Reid",
        "sam.reid@example.org",
        "Community Addictions Team",
        "Team leader",
        "",
        "learner; supervisor",
    ],
    [
        "Alex Morgan",
        "alex.morgan@example.org",
        "Community Addictions Team",
        "Recovery worker",
        "sam.reid@example.org",
        "learner",
    ],
]


@dataclass
class StaffRow:
    line: int
    first_name: str
    last_name: str
    email: str
    team: str
    job_title: str
    supervisor_email: str
    is_learner: bool = False
    is_supervisor: bool = False
    is_lead: bool = False
    outcome: str = ""  # NEW, UPDATED or INVITED, once compared with the organisation


# What confirming does with a row: a new account, an update of someone already here, or an invitation to an
# existing account (someone at another organisation perhaps), who joins only if they accept it.
NEW, UPDATED, INVITED = "new", "updated", "invited"


@dataclass
class RowError:
    line: int  # the spreadsheet row: the header is row 1
    column: str
    message: str


@dataclass
class StaffFile:
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    new_teams: list = field(default_factory=list)
    new_people: list = field(default_factory=list)  # emails with no account yet
    updated_people: list = field(default_factory=list)  # emails already members here
    invited_people: list = field(default_factory=list)  # emails of accounts that are not members here
    existing_supervisors: set = field(
        default_factory=set
    )  # emails of supervisors here who are not in the file

    def error(self, line, column, message):
        self.errors.append(RowError(line, column, message))


def decode(data: bytes) -> str:
    """UTF-8 (with or without Excel's byte-order mark), else Windows-1252,
    which is what Excel saves by default."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _header(name):
    return "_".join(name.strip().lower().replace("_", " ").split())


def _parse_row(line, values, result):
    name = " ".join(values.get("name", "").split())
    email = values.get("email", "").strip().lower()
    if not name:
        result.error(line, "name", _("Enter the person's name."))
    if not email:
        result.error(line, "email", _("Enter an email address."))
    else:
        try:
            validate_email(email)
        except ValidationError:
            result.error(line, "email", _("“%(value)s” is not an email address.") % {"value": email})
        else:  # the standard allows 320 characters; accounts keep 254, as Django's EmailField does
            if len(email) > EMAIL_MAX_LENGTH:
                result.error(
                    line,
                    "email",
                    _("An email address can be at most %(n)s characters.") % {"n": EMAIL_MAX_LENGTH},
                )
    first, _space, last = name.partition(" ")
    row = StaffRow(
        line,
        first[:150],
        last[:150],
        email,
        " ".join(values.get("team", "").split()),
        " ".join(values.get("job_title", "").split()),
        values.get("supervisor_email", "").strip().lower(),
    )
    for column, value in (("team", row.team), ("job_title", row.job_title)):
        if len(value) > 200:
            result.error(line, column, _("Keep this under 200 characters."))
    roles = [
        r.strip().lower() for r in values.get("roles", "").replace(",", ";").split(";") if r.strip()
    ] or ["learner"]
    for role in roles:
        if role not in ROLES:
            result.error(
                line,
                "roles",
                _("“%(role)s” is not a role: use learner, supervisor or lead.") % {"role": role},
            )
        else:
            setattr(row, ROLES[role], True)
    return row


def _check_supervisors(result, organisation):
    in_file = {row.email: row for row in result.rows}
    for row in result.rows:
        email = row.supervisor_email
        if not email:
            continue
        if email == row.email:
            result.error(row.line, "supervisor_email", _("A person cannot supervise themselves."))
        elif email in in_file:
            if not in_file[email].is_supervisor:
                result.error(
                    row.line,
                    "supervisor_email",
                    _("%(email)s is in this file without the supervisor role.") % {"email": email},
                )
        elif email not in result.existing_supervisors:
            result.error(
                row.line,
                "supervisor_email",
                _("Nobody with the supervisor role at %(org)s has this email.") % {"org": organisation},
            )
    for row in result.rows:  # supervision within the file must not go round in a circle
        seen, email = {row.email}, row.supervisor_email
        while email in in_file and email not in seen:
            seen.add(email)
            email = in_file[email].supervisor_email
        if email == row.email:
            result.error(row.line, "supervisor_email", _("Supervision in this file goes round in a circle."))


def read_staff_csv(*, organisation, text, importer=None) -> StaffFile:
    """Parse and validate every row; `errors` lists each problem by row and column. Reads only."""
    result = StaffFile()
    if "\x00" in text:  # a spreadsheet in its own format (.xlsx), not CSV; no text field can hold NUL
        result.error(
            1,
            "",
            _(
                "This is not a CSV file: it holds binary data. In your spreadsheet choose "
                "Save As, then “CSV UTF-8”, and upload that file."
            ),
        )
        return result
    reader = csv.DictReader(io.StringIO(text))
    try:
        _read_rows(reader, result)
    except csv.Error:  # a cell over the csv module's limit (131,072 characters), or broken quoting
        result.error(
            reader.line_num,
            "",
            _("Row %(line)s could not be read: a cell is far too long, or a quote mark is not closed.")
            % {"line": reader.line_num},
        )
        return result
    if not result.rows:
        if not result.errors:
            result.error(2, "", _("The file has no people in it."))
        return result
    _compare_with_organisation(result, organisation, importer)
    return result


def _read_rows(reader, result):
    reader.fieldnames = [_header(name) for name in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in reader.fieldnames]
    if missing:
        result.error(
            1,
            ", ".join(missing),
            _("The first row must name the columns: %(cols)s.") % {"cols": ", ".join(COLUMNS)},
        )
        return
    seen = {}
    for line, values in enumerate(reader, start=2):
        if len(result.rows) >= MAX_ROWS:
            result.error(
                line,
                "",
                _("A file can hold at most %(n)s people; split it into smaller files.") % {"n": MAX_ROWS},
            )
            break
        values = {k: (v or "") for k, v in values.items() if k}
        if not any(value.strip() for value in values.values()):
            continue
        row = _parse_row(line, values, result)
        if row.email and row.email in seen:
            result.error(line, "email", _("This email is also on row %(line)s.") % {"line": seen[row.email]})
        seen.setdefault(row.email, line)
        result.rows.append(row)


def _compare_with_organisation(result, organisation, importer):
    emails = [row.email for row in result.rows if row.email]
    members = {
        m.user.email.lower(): m
        for m in Membership.objects.active().in_organisation(organisation).select_related("user")
    }
    accounts = set(get_user_model().objects.filter(email__in=emails).values_list("email", flat=True))
    teams = team_names(organisation)
    in_file = set(emails)
    result.existing_supervisors = {
        email for email, m in members.items() if m.is_supervisor and email not in in_file
    }
    new_teams = {}  # the first spelling in the file names the team
    for row in result.rows:
        if row.team and row.team.casefold() not in teams:
            new_teams.setdefault(row.team.casefold(), row.team)
        row.outcome = UPDATED if row.email in members else NEW if row.email not in accounts else INVITED
    result.new_teams = sorted(new_teams.values())
    result.updated_people = [row.email for row in result.rows if row.email and row.outcome == UPDATED]
    result.new_people = [row.email for row in result.rows if row.email and row.outcome == NEW]
    result.invited_people = [row.email for row in result.rows if row.email and row.outcome == INVITED]
    _check_supervisors(result, organisation)
    invited = set(result.invited_people)
    own = members.get(importer.email.lower()) if importer is not None else None
    for row in result.rows:
        if row.supervisor_email in invited:
            result.error(
                row.line,
                "supervisor_email",
                _("%(email)s will be invited, so cannot supervise anyone until they accept.")
                % {"email": row.supervisor_email},
            )
        if own is not None and own.is_lead and row.email == importer.email.lower() and not row.is_lead:
            result.error(row.line, "roles", _("You cannot remove your own workforce lead role in an import."))
    result.errors.sort(key=lambda e: e.line)


def team_names(organisation) -> dict:
    """{casefolded name: name}: a file's "family support team" is the existing "Family Support Team"."""
    return {name.casefold(): name for name in organisation.teams.values_list("name", flat=True)}
