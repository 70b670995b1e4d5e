"""What content costs no query to serve twice: Wagtail's site root paths in each process's memory, the
request's site with its home page in each process's memory under the content version, and the content version
itself, which anything cached from pages (a lesson's body, a module's outline, the catalogue's modules and
lessons) puts in its key.

Any save, publication, move or deletion of a page, image, document, site, topic or framework level gives the
content a new version, so everything cached under the old one is simply no longer read (and expires). Editors
change content rarely; learners read it all day."""

import logging
import time
from uuid import uuid4

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site, get_page_models, sites
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import FrameworkLevel, Topic

logger = logging.getLogger(__name__)
CONTENT_VERSION_KEY = "modules:content-version"
_site_root_paths = {"paths": None, "read_at": 0.0}
_sites = {"version": None, "by_host": {}}  # this process's sites, each with its home page, for one version


def content_version() -> str:
    """The current content version: part of the key of anything rendered from pages."""
    return cache.get_or_set(CONTENT_VERSION_KEY, lambda: uuid4().hex[:12], timeout=None)


def content_changed(**kwargs) -> None:
    """A new content version, now and after the transaction commits (so no request reading the old content
    meanwhile keeps it under the new one)."""

    def renew():
        try:
            cache.set(CONTENT_VERSION_KEY, uuid4().hex[:12], timeout=None)
        except Exception:  # a save never fails because the cache cannot be reached (e.g. Redis down)
            logger.warning("Could not renew the content version", exc_info=True)

    renew()
    transaction.on_commit(renew, robust=True)


def site_root_paths_forget() -> None:
    _site_root_paths["paths"] = None


def _memoise_site_root_paths() -> None:
    """Wagtail keeps the site root paths in Django's cache and reads them for every page URL it builds (19 to
    24 times for the catalogue, each a round trip to Redis). They change only when a site or its root page
    does: keep them in this process for SITE_ROOT_PATHS_MEMO_SECONDS, and forget them whenever Wagtail
    clears its own copy (on those changes in this process)."""
    read, clear = Site.get_site_root_paths, Site.clear_site_root_paths_cache

    def get_site_root_paths():
        memo = _site_root_paths
        if (
            memo["paths"] is None
            or time.monotonic() - memo["read_at"] > settings.SITE_ROOT_PATHS_MEMO_SECONDS
        ):
            memo["paths"], memo["read_at"] = read(), time.monotonic()
        return memo["paths"]

    def clear_site_root_paths_cache():
        site_root_paths_forget()
        clear()

    Site.get_site_root_paths = staticmethod(get_site_root_paths)
    Site.clear_site_root_paths_cache = staticmethod(clear_site_root_paths_cache)


def _memoise_sites() -> None:
    """Wagtail finds each request's site with a query, then reads the site's home page as its own type with
    another, before routing to the page asked for. Both are content (a site or a page saved gives a new
    content version): keep them in this process under the current version, so they cost one cache read."""
    find = sites.get_site_for_hostname

    def get_site_for_hostname(hostname, port):
        version = content_version()
        if _sites["version"] != version:
            _sites["version"], _sites["by_host"] = version, {}
        key = (hostname, port)
        if key not in _sites["by_host"]:
            site = find(hostname, port)  # Site.DoesNotExist, as before, when there is none
            site.root_page.specific  # noqa: B018 (read once, now: it is kept on the instance)
            _sites["by_host"][key] = site
        return _sites["by_host"][key]

    sites.get_site_for_hostname = get_site_for_hostname


def register() -> None:
    _memoise_site_root_paths()
    _memoise_sites()
    # One receiver per model (not for every sender): a post_delete receiver for every model would make Django
    # fetch each row before a bulk delete anywhere.
    # Topics and framework levels too: the catalogue's cached cards name them.
    for model in (*get_page_models(), get_image_model(), get_document_model(), Site, Topic, FrameworkLevel):
        post_save.connect(content_changed, sender=model, dispatch_uid=f"content_saved_{model._meta.label}")
        post_delete.connect(
            content_changed, sender=model, dispatch_uid=f"content_deleted_{model._meta.label}"
        )
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"content_{id(signal)}")
