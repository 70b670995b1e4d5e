from django.urls import path

from . import views

urlpatterns = [
    path("my-learning/", views.my_learning, name="my_learning"),
    path("catalogue/", views.catalogue, name="catalogue"),
    path("catalogue/<int:module_id>/", views.module_overview, name="module_overview"),
    path("modules/<int:module_id>/enrol/", views.module_enrol, name="module_enrol"),
    path("lessons/<int:lesson_id>/complete/", views.lesson_complete, name="lesson_complete"),
]
