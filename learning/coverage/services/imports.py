"""Staff import: check a whole CSV first, keep it for the lead to confirm,
then apply it in one transaction."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from learning.core import audit
from learning.core.audit import audit_log
from learning.core.errors import ServiceError
from learning.core.tasks_queue import queue_after_commit
from learning.organisations.models import Membership, Team
from learning.organisations.selectors import invitation_is_open_for
from learning.organisations.services import invitation_create, membership_upsert

from ..models import StaffImport
from ..staff_csv import INVITED, NEW, read_staff_csv


def staff_import_check(*, organisation, uploaded_by, filename, text):
    """(staff file, import): every row checked; the import is stored for confirmation only when no row has an
    error. Nothing else is written."""
    staff_file = read_staff_csv(organisation=organisation, text=text, importer=uploaded_by)
    if staff_file.errors:
        return staff_file, None
    return staff_file, StaffImport.objects.create(
        organisation=organisation, uploaded_by=uploaded_by, filename=filename[:255], content=text
    )


def _supervisors_first(rows):
    """Rows ordered so that anyone supervising others in the file is saved before them
    (no cycles: checked)."""
    by_email = {row.email: row for row in rows}

    def depth(row):
        steps, email = 0, row.supervisor_email
        while email in by_email:
            steps, email = steps + 1, by_email[email].supervisor_email
        return steps

    return sorted(rows, key=depth)


def _new_account(row):
    """A new person's account has no password (they set one from the emailed link) and a verified address,
    since the only way in is the link sent to that address."""
    user = get_user_model().objects.create_user(
        email=row.email, password=None, first_name=row.first_name, last_name=row.last_name
    )
    EmailAddress.objects.create(user=user, email=row.email, primary=True, verified=True)
    return user


def _rename_if_unclaimed(user, row):
    if not user.has_usable_password() and (user.first_name, user.last_name) != (
        row.first_name,
        row.last_name,
    ):
        user.first_name, user.last_name = (
            row.first_name,
            row.last_name,
        )  # not claimed yet: the lead's spelling stands
        user.save(update_fields=["first_name", "last_name"])


def _unchanged(membership, row, *, team, supervisor):
    """True when the file says nothing new about someone already here, so a re-import writes nothing."""
    user = membership.user
    return (
        membership.is_active
        and membership.team_id == (team.pk if team else None)
        and membership.job_title == row.job_title
        and membership.supervisor_id == (supervisor.pk if supervisor else None)
        and (membership.is_learner, membership.is_supervisor, membership.is_lead)
        == (row.is_learner, row.is_supervisor, row.is_lead)
        and (
            user.has_usable_password() or (user.first_name, user.last_name) == (row.first_name, row.last_name)
        )
    )


def _invite(row, *, organisation, team, supervisor, actor):
    """Someone with an account who is not a member here is invited, never added: they see the organisation and
    roles and accept or decline. An invitation already waiting for them is left as it is."""
    if invitation_is_open_for(organisation=organisation, email=row.email):
        return
    invitation_create(
        organisation=organisation,
        email=row.email,
        invited_by=actor,
        first_name=row.first_name,
        last_name=row.last_name,
        team=team,
        job_title=row.job_title,
        is_learner=row.is_learner,
        is_supervisor=row.is_supervisor,
        is_lead=row.is_lead,
        supervisor=supervisor,
    )


@transaction.atomic
def staff_import_apply(*, staff_import, actor) -> StaffImport:
    """Create or update every person in the file, or nobody: the file is checked again inside the transaction
    (the organisation may have changed since the preview) and any error rolls everything back. New people are
    emailed once the import commits; people with an account who are not members here are invited, and join
    only if they accept. Re-importing the same file changes nothing."""
    from .. import tasks  # tasks.py imports the services package: imported on call, which breaks the cycle

    staff_import = StaffImport.objects.select_for_update().get(pk=staff_import.pk)
    if staff_import.applied_at is not None:
        raise ServiceError(_("This file was already imported."))
    organisation = staff_import.organisation
    staff_file = read_staff_csv(organisation=organisation, text=staff_import.content, importer=actor)
    if staff_file.errors:
        raise ServiceError(_("The organisation changed since the file was checked; upload it again."))
    for name in staff_file.new_teams:
        Team.objects.get_or_create(organisation=organisation, name=name)
    teams = {team.name.casefold(): team for team in organisation.teams.all()}
    members = {
        m.user.email.lower(): m
        for m in Membership.objects.active().in_organisation(organisation).select_related("user")
    }
    for row in _supervisors_first(staff_file.rows):
        team = teams[row.team.casefold()] if row.team else None
        supervisor = (
            members[row.supervisor_email] if row.supervisor_email else None
        )  # saved earlier, or already here
        if row.outcome == INVITED:
            _invite(row, organisation=organisation, team=team, supervisor=supervisor, actor=actor)
            continue
        current = members.get(row.email)
        if current is not None and _unchanged(current, row, team=team, supervisor=supervisor):
            continue
        if current is not None:
            _rename_if_unclaimed(current.user, row)
        user = current.user if current is not None else _new_account(row)
        members[row.email] = membership_upsert(
            user=user,
            organisation=organisation,
            team=team,
            job_title=row.job_title,
            is_learner=row.is_learner,
            is_supervisor=row.is_supervisor,
            is_lead=row.is_lead,
            supervisor=supervisor,
            actor=actor,
        )
        if row.outcome == NEW:
            queue_after_commit(tasks.staff_invitation_send, user.pk, organisation.pk)  # owed until sent
    staff_import.applied_at, staff_import.content = timezone.now(), ""
    staff_import.created_count = len(staff_file.new_people)
    staff_import.updated_count = len(staff_file.updated_people)
    staff_import.invited_count = len(staff_file.invited_people)
    staff_import.save(
        update_fields=["applied_at", "content", "created_count", "updated_count", "invited_count"]
    )
    audit_log(
        staff_import,
        audit.IMPORT_APPLIED,
        user=actor,
        organisation_id=organisation.pk,
        created=staff_import.created_count,
        updated=staff_import.updated_count,
        invited=staff_import.invited_count,
    )
    return staff_import
