import pytest
from django.db import connections
from wagtail.models import Page


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_keepdb, django_db_blocker):
    """Under --reuse-db (make test-fast), leave the kept database as the migrations made it. A transactional
    test with serialized rollback empties the tables when it ends, root page and groups included; put back
    what was serialized at the start, or the next run would start from an empty database."""
    yield
    if not django_db_keepdb:
        return
    with django_db_blocker.unblock():
        for connection in connections.all():
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents and not Page.objects.using(connection.alias).exists():
                connection.creation.deserialize_db_from_string(contents)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Files a test writes go to its own temporary folder, never var/media."""
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with an empty cache and no memo: the ids a rolled-back test used come round again, and
    a cached record (a person's roles, a module's outline) must not outlive its rows."""
    from django.core.cache import cache

    from modules.caching import site_root_paths_forget

    cache.clear()
    site_root_paths_forget()


@pytest.fixture
def seeded_site(db):
    """The site structure and the four seed modules, as `load_seed_modules` installs them."""
    from modules.seed import seed_modules_install

    seed_modules_install()
    from modules.models import ModulePage

    return ModulePage.objects.live().order_by("title")
