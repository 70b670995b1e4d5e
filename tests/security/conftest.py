"""Shared by the security tests: a fingerprint of the database, to prove a refused request wrote nothing."""

import hashlib

import pytest
from django.apps import apps
from django.db import connection

# The project's apps and the third-party tables that hold people, sign-in and content.
FINGERPRINT_APPS = (
    "accounts",
    "core",
    "organisations",
    "progress",
    "coverage",
    "modules",
    "assessments",
    "certificates",
    "account",
    "mfa",
    "auth",
    "wagtailcore",
    "wagtaildocs",
    "wagtailimages",
    "wagtailusers",
    "wagtailforms",
    "wagtailredirects",
    "wagtailadmin",
    "taggit",
)


class Fingerprint(dict):
    """{table: (row count, hash of every row)}."""

    def changes(self, later):
        """The tables whose rows differ in `later`, each with its row counts: {table: (before, after)}."""
        return {
            table: (self.get(table, (0,))[0], later.get(table, (0,))[0])
            for table in sorted(set(self) | set(later))
            if self.get(table) != later.get(table)
        }


def database_fingerprint():
    """A Fingerprint of every table of FINGERPRINT_APPS, many-to-many tables included."""
    tables = sorted(
        {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.app_label in FINGERPRINT_APPS and model._meta.managed and not model._meta.proxy
        }
    )
    fingerprint = Fingerprint()
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 (model tables)
            rows = sorted(repr(row) for row in cursor.fetchall())
            fingerprint[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    return fingerprint


@pytest.fixture
def db_fingerprint(db):
    """Call it for a Fingerprint of the database now; `before.changes(after)` names what a request wrote."""
    return database_fingerprint
