from django.urls import path

from . import views

urlpatterns = [
    path("organisation/<int:pk>/learning-record-store/", views.lrs_settings, name="xapi_lrs"),
    path("modules/<int:module_id>/cmi5.zip", views.cmi5_export, name="cmi5_export"),
]
