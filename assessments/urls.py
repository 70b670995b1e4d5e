from django.urls import path

from assessments.practice.views import (
    exports,
    follow_ups,
    reflections,
    reviews,
    supervision,
    supervisor,
    updates,
)
from assessments.quizzes.views import attempts, reports

urlpatterns = [
    path("supervision/", supervisor.supervision_home, name="supervision"),
    path("supervision/queue/", supervisor.review_queue, name="review_queue"),
    path("supervision/sessions/", supervision.session_list, name="session_list"),
    path("supervision/sessions/new/", supervision.session_new, name="session_new"),
    path("supervision/sessions/<int:session_id>/", supervision.session_detail, name="session_detail"),
    path("supervision/sessions/<int:session_id>/edit/", supervision.session_edit, name="session_edit"),
    path("supervision/sessions/<int:session_id>/note/", supervision.session_note, name="session_note"),
    path("reflections/", reflections.reflection_list, name="reflection_list"),
    path("reflections/new/", reflections.reflection_new, name="reflection_new"),
    path("reflections/<int:entry_id>/", reviews.reflection_detail, name="reflection_detail"),
    path("reflections/<int:entry_id>/edit/", reflections.reflection_edit, name="reflection_edit"),
    path("reflections/<int:entry_id>/autosave/", reflections.reflection_autosave, name="reflection_autosave"),
    path("reflections/<int:entry_id>/submit/", reflections.reflection_submit, name="reflection_submit"),
    path("reflections/<int:entry_id>/withdraw/", reflections.reflection_withdraw, name="reflection_withdraw"),
    path("reflections/<int:entry_id>/delete/", reflections.reflection_delete, name="reflection_delete"),
    path("reflections/<int:entry_id>/share/", reflections.reflection_share, name="reflection_share"),
    path("reflections/<int:entry_id>/comment/", reviews.reflection_comment, name="reflection_comment"),
    path("reflections/<int:entry_id>/review/", reviews.reflection_review, name="reflection_review"),
    path("reflections/exports/", exports.export_new, name="reflection_export_new"),
    path("reflections/exports/<int:export_id>/", exports.export_detail, name="reflection_export"),
    path(
        "reflections/exports/<int:export_id>/status/", exports.export_status, name="reflection_export_status"
    ),
    path(
        "reflections/exports/<int:export_id>/download/",
        exports.export_download,
        name="reflection_export_download",
    ),
    path("follow-ups/", follow_ups.follow_up_list, name="follow_up_list"),
    path("follow-ups/<int:follow_up_id>/", follow_ups.follow_up_detail, name="follow_up_detail"),
    path("follow-ups/<int:follow_up_id>/submit/", follow_ups.follow_up_submit, name="follow_up_submit"),
    path("follow-ups/<int:follow_up_id>/observe/", follow_ups.follow_up_observe, name="follow_up_observe"),
    path("updates/", updates.notification_list, name="notification_list"),
    path("updates/<int:notification_id>/", updates.notification_open, name="notification_open"),
    path("quizzes/<int:quiz_id>/", attempts.quiz_detail, name="quiz_detail"),
    path("quizzes/<int:quiz_id>/start/", attempts.attempt_start, name="attempt_start"),
    path("attempts/<int:attempt_id>/", attempts.attempt_take, name="attempt_take"),
    path("attempts/<int:attempt_id>/save/", attempts.attempt_save, name="attempt_save"),
    path("attempts/<int:attempt_id>/submit/", attempts.attempt_submit, name="attempt_submit"),
    path("attempts/<int:attempt_id>/review/", attempts.attempt_review, name="attempt_review"),
    path("organisation/<int:org_id>/quizzes/", reports.organisation_quizzes, name="organisation_quizzes"),
    path(
        "organisation/<int:org_id>/quizzes/<int:quiz_id>/",
        reports.organisation_quiz_analysis,
        name="organisation_quiz_analysis",
    ),
]
