from django.urls import path

from . import views, views_openbadges, views_organisation

urlpatterns = [
    path("certificates/", views.my_certificates, name="my_certificates"),
    path("certificates/status/<int:module_id>/", views.certificate_status, name="certificate_status"),
    path("certificates/<str:code>/", views.certificate_page, name="certificate_page"),
    path("certificates/<str:code>/pdf/", views.certificate_pdf, name="certificate_pdf"),
    path("certificates/<str:code>/badge/", views.certificate_badge, name="certificate_badge"),
    path("certificates/<str:code>/manage/", views.certificate_manage, name="certificate_manage"),
    path("verify/", views.verify, name="certificate_verify_form"),
    path("verify/<str:code>/", views.verify, name="certificate_verify"),
    path(".well-known/jwks.json", views.jwks, name="certificate_jwks"),
    # Open Badges documents at the ids badges name; achievements without a slash, as badges issued before.
    path(".well-known/did.json", views_openbadges.did_document, name="openbadges_did"),
    path("openbadges/issuer/", views_openbadges.issuer, name="openbadges_issuer"),
    path("achievements/<int:module_id>", views_openbadges.achievement, name="openbadges_achievement"),
    path("openbadges/status/<int:page>/", views_openbadges.status_list, name="openbadges_status_list"),
    path(
        "organisation/<int:org_id>/certificates/",
        views_organisation.organisation_certificates,
        name="organisation_certificates",
    ),
    path(
        "organisation/<int:org_id>/certificates/zip/", views_organisation.bundle_create, name="bundle_create"
    ),
    path("organisation/bundles/<int:bundle_id>/", views_organisation.bundle_detail, name="bundle_detail"),
    path(
        "organisation/bundles/<int:bundle_id>/status/", views_organisation.bundle_status, name="bundle_status"
    ),
    path(
        "organisation/bundles/<int:bundle_id>/retry/",
        views_organisation.bundle_try_again,
        name="bundle_retry",
    ),
    path(
        "organisation/bundles/<int:bundle_id>/download/",
        views_organisation.bundle_download,
        name="bundle_download",
    ),
]
