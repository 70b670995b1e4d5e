"""Full links for what is read away from the site (emails, PDFs, badges, QR codes). They are built on
WAGTAILADMIN_BASE_URL, not on a request, because most are made in Celery tasks, where there is no request."""

from django.conf import settings
from django.urls import reverse


def site_root() -> str:
    """The site's address without a trailing slash, e.g. "https://learning.example.org"."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """`path` (from reverse() or a model's url) as a full link."""
    return site_root() + path


def absolute_reverse(name: str, *args) -> str:
    """reverse(name, args=args) as a full link."""
    return absolute_url(reverse(name, args=args))
