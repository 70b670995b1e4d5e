"""ZIP bundles of an organisation's certificates, built in the background with visible progress."""
import tempfile
import zipfile

from django.core.files import File
from django.db import transaction
from django.utils.text import slugify

from .models import CertificateBundle
from .selectors import certificates_in_organisation

PROGRESS_EVERY = 10


@transaction.atomic
def bundle_request(*, organisation, team, requested_by) -> CertificateBundle:
    from .tasks import bundle_build

    bundle = CertificateBundle.objects.create(organisation=organisation, team=team, requested_by=requested_by)
    transaction.on_commit(lambda: bundle_build.delay(bundle.pk))
    return bundle


def bundle_build_run(*, bundle: CertificateBundle) -> CertificateBundle:
    """Write every certificate PDF into one ZIP; progress is saved as it goes so the page can show it.
    A failure marks the bundle failed, so the page stops waiting and says so; a retry starts it afresh and
    rebuilds the same ZIP."""
    try:
        return _bundle_build(bundle)
    except Exception:
        CertificateBundle.objects.filter(pk=bundle.pk).update(status=CertificateBundle.Status.FAILED)
        raise


def _bundle_build(bundle):
    certificates = list(certificates_in_organisation(organisation=bundle.organisation, team=bundle.team))
    CertificateBundle.objects.filter(pk=bundle.pk).update(status=CertificateBundle.Status.RUNNING, total=len(certificates), done=0)
    with tempfile.TemporaryFile() as handle:
        with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for index, certificate in enumerate(certificates, start=1):
                with certificate.pdf.open("rb") as pdf:
                    name = f"{slugify(certificate.learner_name)}/{slugify(certificate.module_title)}-{certificate.code}.pdf"
                    archive.writestr(name, pdf.read())
                if index % PROGRESS_EVERY == 0:
                    CertificateBundle.objects.filter(pk=bundle.pk).update(done=index)
        handle.seek(0)
        bundle.refresh_from_db()
        scope = bundle.team.name if bundle.team else bundle.organisation.name
        bundle.file.save(f"{slugify(scope)}-certificates-{bundle.pk}.zip", File(handle), save=False)
    bundle.status, bundle.done = CertificateBundle.Status.READY, len(certificates)
    bundle.save(update_fields=["file", "status", "done"])
    return bundle
