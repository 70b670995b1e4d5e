"""No file without its row: a row that fails to save takes its file with it, and the hourly sweep deletes
files that no row names once they are older than ORPHAN_FILE_MINUTES (a worker killed between the two
writes)."""

import os
import time
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError
from django.utils import timezone

from certificates import services
from certificates.models import Certificate
from learning.core.orphans import orphan_files_delete
from learning.organisations.factories import MembershipFactory
from learning.progress.models import ModuleCompletion
from modules.factories import ModulePageFactory
from modules.seed import site_structure_ensure

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate():
    member = MembershipFactory()
    module = ModulePageFactory(parent=site_structure_ensure())
    completion = ModuleCompletion.objects.create(
        user=member.user, module=module, completed_at=timezone.now(), cpd_minutes=30
    )
    return services.certificate_issue(completion=completion)


def _files(folder):
    return sorted(default_storage.listdir(folder)[1])


def _age(path, minutes):
    moment = time.time() - minutes * 60
    os.utime(default_storage.path(path), (moment, moment))


def test_a_certificate_row_that_fails_to_save_takes_its_file_with_it(certificate):
    duplicate = services._certificate_for(certificate.completion, version=1)  # the same (completion, version)
    with pytest.raises(IntegrityError):
        services._store(duplicate)
    assert _files("certificates") == [certificate.pdf.name.removeprefix("certificates/")]


def test_the_sweep_deletes_old_files_no_row_names_and_nothing_else(certificate, settings):
    left = [
        default_storage.save(f"{folder}/{name}", ContentFile(b"%PDF-1.4 a learner's name"))
        for folder, name in [
            ("certificates", "killed.pdf"),
            ("certificate-bundles", "killed.zip"),
            ("private/reflection-exports/7", "killed.pdf"),
        ]
    ]
    young = default_storage.save("certificates/being-written.pdf", ContentFile(b"%PDF-1.4"))
    for path in [*left, certificate.pdf.name]:
        _age(path, settings.ORPHAN_FILE_MINUTES + 1)
    assert orphan_files_delete() == 3
    assert not any(default_storage.exists(path) for path in left)
    assert default_storage.exists(certificate.pdf.name) and default_storage.exists(young)
    assert orphan_files_delete(older_than=timedelta(0)) == 1 and not default_storage.exists(young)
    assert Certificate.objects.get().pdf.size > 1000
