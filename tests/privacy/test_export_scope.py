"""Every field of the project's models that points at a person is either in "Download my data" or left out
for a stated reason (learning/privacy/export_scope.py): a new model with a user foreign key that nobody
declared fails here, so the export cannot silently fall behind the data it must cover."""

import pytest
from data_export_world import person_with_records
from django.apps import apps
from django.conf import settings
from django.db import models
from django.test.utils import isolate_apps

from learning.privacy.export_scope import COVERED, EXCLUDED
from learning.privacy.selectors import personal_data

PROJECT_APPS = ("learning.", "modules", "assessments", "certificates")


def _is_project_model(model):
    config = apps.app_configs.get(model._meta.app_label)
    return config is not None and config.name.startswith(PROJECT_APPS)


def _label(model):
    return model if isinstance(model, str) else model._meta.label  # a string while a lazy reference waits


def user_fields(model_list):
    """ "app.Model.field" of every field a project model declares itself (not inherited from Wagtail's Page)
    that points straight at the user model: foreign keys, one-to-ones, and many-to-manys for good measure."""
    found = set()
    for model in model_list:
        if not _is_project_model(model):
            continue
        for field in [*model._meta.local_fields, *model._meta.local_many_to_many]:
            if field.is_relation and _label(field.remote_field.model) == settings.AUTH_USER_MODEL:
                found.add(f"{model._meta.label}.{field.name}")
    return found


def uncovered(model_list):
    return sorted(user_fields(model_list) - set(COVERED) - set(EXCLUDED))


def test_every_user_foreign_key_is_in_the_export_or_excluded_with_a_reason():
    assert uncovered(apps.get_models()) == [], (
        "These fields point at a person but are not declared in learning/privacy/export_scope.py: add "
        "each to COVERED (and gather it in learning/privacy/selectors.py) or to EXCLUDED with the reason."
    )
    assert all(reason.strip() for reason in EXCLUDED.values())


def test_the_scope_names_only_fields_that_exist_and_never_both_ways():
    found = user_fields(apps.get_models())
    assert sorted(set(COVERED) - found) == [] and sorted(set(EXCLUDED) - found) == []
    assert set(COVERED).isdisjoint(EXCLUDED)


@isolate_apps("learning.privacy")
def test_a_new_model_with_a_user_foreign_key_is_reported():
    class CaseNote(models.Model):  # noqa: DJ008 - throwaway model for this check, never displayed
        person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)

        class Meta:
            app_label = "privacy"

    assert uncovered([*apps.get_models(), CaseNote]) == ["privacy.CaseNote.person"]


@pytest.mark.django_db
def test_every_covered_section_is_in_the_gathered_data():
    sections = personal_data(user=person_with_records("sections")).sections
    assert sorted(set(COVERED.values()) - set(sections)) == []
