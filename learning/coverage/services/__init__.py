"""Writes for required training and coverage. Every function is atomic where it writes and safe to repeat."""

from .assignments import assignment_create, assignment_delete, assignment_update
from .events import assignments_changed, coverage_changed, organisation_changed
from .imports import staff_import_apply, staff_import_check
from .preferences import email_preference_set, partnership_sharing_set
from .reminders import reminders_send, supervisor_digests_send, weekly_summaries_send
from .repair import coverage_nightly_queue, coverage_repair
from .reports import monthly_reports_send, staff_invitation_send
from .requirements import assigned_enrol, requirements_sync
from .rollups import coverage_refresh, framework_recompute, progress_recount, rollups_recompute, snapshot_take
from .states import requirement_states_refresh

__all__ = [
    "assigned_enrol",
    "assignment_create",
    "assignment_delete",
    "assignment_update",
    "assignments_changed",
    "coverage_changed",
    "coverage_nightly_queue",
    "coverage_refresh",
    "coverage_repair",
    "email_preference_set",
    "framework_recompute",
    "monthly_reports_send",
    "organisation_changed",
    "partnership_sharing_set",
    "progress_recount",
    "reminders_send",
    "requirement_states_refresh",
    "requirements_sync",
    "rollups_recompute",
    "snapshot_take",
    "staff_import_apply",
    "staff_import_check",
    "staff_invitation_send",
    "supervisor_digests_send",
    "weekly_summaries_send",
]
