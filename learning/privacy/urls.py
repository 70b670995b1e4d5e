"""Download my data: under /accounts/ with the other account pages, included before allauth's own patterns."""

from django.urls import path

from . import views

urlpatterns = [
    path("my-data/", views.data_export_page, name="privacy_data_export"),
    path("my-data/ask/", views.data_export_ask, name="privacy_data_export_ask"),
    path("my-data/<int:export_id>/status/", views.data_export_status, name="privacy_data_export_status"),
    path(
        "my-data/<int:export_id>/download/", views.data_export_download, name="privacy_data_export_download"
    ),
]
