from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from learning.core import views as core_views

urlpatterns = [
    path("health/", core_views.health, name="health"),
    path("", include("learning.accounts.urls")),  # Wagtail's sign-in doors lead to allauth's (before Wagtail)
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("learning.accounts.urls_hub")),  # the account hub, before allauth's
    path("accounts/", include("learning.privacy.urls")),  # the project's own account pages, before allauth's
    path("accounts/", include("allauth.urls")),
    path("", include("learning.progress.urls")),
    path("", include("learning.organisations.urls")),
    path("", include("learning.provisioning.urls")),  # SCIM 2.0 at /scim/v2/ and the lead's token page
    path("", include("assessments.urls")),
    path("", include("certificates.urls")),
    path("", include("learning.events.urls")),
    path("coverage/", include("learning.coverage.urls")),
    path("learning-elsewhere/", include("learning.records.urls")),
    path("", include("learning.lti.urls")),  # LTI 1.3: an LMS launches modules (docs/standards.md)
    path("", include("learning.xapi.urls")),  # an organisation's LRS, cmi5 export (docs/standards.md)
    path("", include("learning.privacy.urls_site")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Development serves Wagtail's image files only. Certificates, ZIPs and reflective-account exports also
    # live under MEDIA_ROOT and go only through the views that check who is asking; documents have their own
    # view.
    for folder in ("original_images", "images"):
        urlpatterns += static(
            f"{settings.MEDIA_URL}{folder}/", document_root=f"{settings.MEDIA_ROOT}/{folder}"
        )

urlpatterns += [path("", include(wagtail_urls))]
