"""What "Download my data" covers: every field of the project's models that points at a person, declared.

Each foreign key (or one-to-one) from a project model to the user model is either COVERED (the export has
a section with those rows) or EXCLUDED (with the reason it is not the person's data to take away). A new
model with a user foreign key that is in neither fails tests/privacy/test_export_scope.py: whoever adds it
decides, here, whether the person gets it in their export. Keys are "app_label.Model.field".
"""

# field → the section of data.json that holds those rows
COVERED = {
    "organisations.Membership.user": "memberships",
    "organisations.Invitation.invited_by": "invitations_sent",
    "progress.Enrolment.user": "enrolments",
    "progress.ModuleCompletion.user": "module_completions",
    "coverage.EmailPreference.user": "email_preference",
    "coverage.NotificationSent.user": "reminder_emails_sent",
    "coverage.Assignment.created_by": "assignments_created",
    "coverage.StaffImport.uploaded_by": "staff_imports_uploaded",
    "assessments.Attempt.user": "quiz_attempts",
    "assessments.Notification.user": "notifications",
    "assessments.ReflectiveEntry.author": "reflections",
    # What they wrote on others' reflections; comments on their own entries are under "reflections".
    "assessments.ReflectionComment.author": "comments_written",
    "assessments.ReflectionExport.author": "reflective_account_exports",
    "assessments.FollowUp.user": "follow_ups",
    "certificates.Certificate.user": "certificates",
    "certificates.CertificateBundle.requested_by": "certificate_zips_requested",
    "privacy.DataExport.user": "data_exports",
    "privacy.ErasureRequest.user": "erasure_requests",
}

# field → why the export leaves it out
EXCLUDED = {
    "assessments.ReflectiveEntry.signed_off_by": (
        "the supervisor's stamp on someone else's entry: it belongs to that person's reflection, "
        "exported to them"
    ),
    "assessments.FollowUp.signed_off_by": (
        "the supervisor's stamp on someone else's follow-up on practice: it belongs to that person's "
        "follow-up, exported to them"
    ),
    "certificates.CertificateEvent.actor": (
        "a lead's or an admin's action on someone else's certificate; the events of the person's own "
        "certificates are under certificates"
    ),
    "privacy.ErasureRecord.user": (
        "written only when the person is erased, after which there is no one to export for"
    ),
    "privacy.ErasureRecord.erased_by": "an admin's action on someone else's account",
}
