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
    "records.ExternalRecord.user": "external_learning",
    "events.Booking.user": "event_bookings",
    "events.Attendance.user": "event_attendance",
}

# field → why the export leaves it out
EXCLUDED = {
    "events.Event.created_by": "who set up an organisation's event: the organisation's record of training",
    "events.EventSession.facilitator": (
        "who runs an organisation's session: part of the organisation's timetable, shown to everyone booked"
    ),
    "events.Booking.decided_by": (
        "the supervisor's or lead's decision on someone else's booking: it belongs to that person's booking, "
        "exported to them"
    ),
    "events.Attendance.marked_by": (
        "the facilitator's mark on someone else's attendance: it belongs to that person's attendance, "
        "exported to them"
    ),
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
    "records.ExternalRecord.decided_by": (
        "a supervisor's or lead's decision on someone else's record of learning: exported to that person"
    ),
    "progress.ModuleCompletion.recorded_by": (
        "who recorded someone else's completion (an event's facilitator, a verifier, a lead): the completion "
        "is exported to that person"
    ),
    "records.Equivalence.created_by": "a lead's declaration for their organisation, about no person",
    "xapi.LearnerKey.user": (
        "a random identifier that says nothing by itself: it names the person in the xAPI statements sent to "
        "their organisation's learning record store, whose learning is exported in its own sections"
    ),
    "records.RecordedCompletion.recorded_by": (
        "a lead's entry of someone else's completion: the completion is exported to that person"
    ),
    "lti.LmsRegistration.registered_by": "a lead's registration of an LMS for their organisation",
    "provisioning.ScimToken.created_by": "a lead's token for their organisation's identity provider",
    "provisioning.ScimPerson.user": (
        "the organisation's identity provider's own names for the person (its user name and object id), "
        "mirrored so it can address them; the membership it gives them is exported under memberships"
    ),
    "lti.GradeLink.user": (
        "the address of the LMS gradebook column a module reports to: the completion and score it carries "
        "are exported under module_completions"
    ),
}
