from django.urls import path

from . import views, views_organisation

urlpatterns = [
    path("certificates/", views.my_certificates, name="my_certificates"),
    path("certificates/<str:code>/pdf/", views.certificate_pdf, name="certificate_pdf"),
    path("certificates/<str:code>/badge/", views.certificate_badge, name="certificate_badge"),
    path("certificates/<str:code>/manage/", views.certificate_manage, name="certificate_manage"),
    path("verify/", views.verify, name="certificate_verify_form"),
    path("verify/<str:code>/", views.verify, name="certificate_verify"),
    path(".well-known/jwks.json", views.jwks, name="certificate_jwks"),
    path("organisation/<int:org_id>/certificates/", views_organisation.organisation_certificates, name="organisation_certificates"),
    path("organisation/<int:org_id>/certificates/zip/", views_organisation.bundle_create, name="bundle_create"),
    path("organisation/bundles/<int:bundle_id>/", views_organisation.bundle_detail, name="bundle_detail"),
    path("organisation/bundles/<int:bundle_id>/status/", views_organisation.bundle_status, name="bundle_status"),
    path("organisation/bundles/<int:bundle_id>/retry/", views_organisation.bundle_try_again, name="bundle_retry"),
    path("organisation/bundles/<int:bundle_id>/download/", views_organisation.bundle_download, name="bundle_download"),
]
