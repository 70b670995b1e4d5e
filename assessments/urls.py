from django.urls import path

from . import views, views_quiz, views_reports

urlpatterns = [
    path("supervision/", views.supervision_home, name="supervision"),
    path("quizzes/<int:quiz_id>/", views_quiz.quiz_detail, name="quiz_detail"),
    path("quizzes/<int:quiz_id>/start/", views_quiz.attempt_start, name="attempt_start"),
    path("attempts/<int:attempt_id>/", views_quiz.attempt_take, name="attempt_take"),
    path("attempts/<int:attempt_id>/save/", views_quiz.attempt_save, name="attempt_save"),
    path("attempts/<int:attempt_id>/submit/", views_quiz.attempt_submit, name="attempt_submit"),
    path("attempts/<int:attempt_id>/review/", views_quiz.attempt_review, name="attempt_review"),
    path("organisation/<int:org_id>/quizzes/", views_reports.organisation_quizzes, name="organisation_quizzes"),
    path("organisation/<int:org_id>/quizzes/<int:quiz_id>/", views_reports.organisation_quiz_analysis,
         name="organisation_quiz_analysis"),
]
