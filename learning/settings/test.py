"""Tests: fast password hashing, eager Celery unless a test starts a real worker, in-memory email."""

from .base import *  # noqa: F403
from .base import DATABASES, env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
CELERY_TASK_EAGER_PROPAGATES = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ACCOUNT_RATE_LIMITS = False
WAGTAILADMIN_BASE_URL = "http://testserver"

# A fresh badge-signing key per test run, instead of the development key kept under var/.
OPENBADGES_SIGNING_KEY = (
    __import__("jwcrypto.jwk").jwk.JWK.generate(kty="EC", crv="P-256", kid="test").export_private()
)

# `make test-fast` keeps the SQLite test database in this file (pytest-django adds _gw0, _gw1 per worker) so
# that `--reuse-db` finds it migrated next time; unset, tests use Django's in-memory database, as CI does.
TEST_DATABASE_FILE = env.str("TEST_DATABASE_FILE", default="")
if TEST_DATABASE_FILE and DATABASES["default"]["ENGINE"] == "learning.core.sqlite":
    DATABASES["default"]["TEST"] = {"NAME": TEST_DATABASE_FILE}
