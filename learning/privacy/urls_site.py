"""Asking for erasure (an account page) and an organisation's audit log (beside its coverage pages)."""

from django.urls import path

from . import views_audit, views_erasure

urlpatterns = [
    path("accounts/erasure/", views_erasure.erasure_request, name="privacy_erasure_request"),
    path(
        "coverage/organisation/<int:org_id>/audit/",
        views_audit.organisation_audit,
        name="privacy_organisation_audit",
    ),
]
