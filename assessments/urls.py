from django.urls import path

from . import views

urlpatterns = [
    path("supervision/", views.supervision_home, name="supervision"),
]
