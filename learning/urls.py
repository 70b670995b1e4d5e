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
    path("", include("assessments.urls")),
    path("", include("certificates.urls")),
    path("coverage/", include("learning.coverage.urls")),
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
