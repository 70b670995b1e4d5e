import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Files a test writes go to its own temporary folder, never var/media."""
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def seeded_site(db):
    """The site structure and the four seed modules, as `load_seed_modules` installs them."""
    from modules.seed import seed_modules_install

    seed_modules_install()
    from modules.models import ModulePage

    return ModulePage.objects.live().order_by("title")
