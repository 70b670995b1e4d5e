from django.urls import path

from .views import approvals, learner, manage, register

urlpatterns = [
    path("events/", learner.event_list, name="event_list"),
    path("events/<int:event_id>/", learner.event_detail, name="event_detail"),
    path("events/sessions/<int:session_id>/book/", learner.event_book, name="event_book"),
    path("events/bookings/<int:booking_id>/cancel/", learner.booking_cancel, name="booking_cancel"),
    path("events/approvals/", approvals.approval_queue, name="event_approvals"),
    path("events/bookings/<int:booking_id>/decide/", approvals.booking_decide, name="booking_decide"),
    path("organisation/<int:org_id>/events/", manage.organisation_events, name="organisation_events"),
    path("events/<int:event_id>/edit/", manage.event_edit, name="event_edit"),
    path("events/<int:event_id>/sessions/new/", manage.session_new, name="event_session_new"),
    path("events/sessions/<int:session_id>/edit/", manage.session_edit, name="event_session_edit"),
    path(
        "events/sessions/<int:session_id>/attendance/", register.session_attendance, name="event_attendance"
    ),
    path(
        "events/sessions/<int:session_id>/sign-in-sheet/",
        register.session_sign_in_sheet,
        name="event_sign_in_sheet",
    ),
]
