"""Certificates for completions recorded in bulk (the generated demo and benchmark histories), and the PDF of
any certificate whose file is missing, rendered when it is first asked for."""

from django.core.files.base import ContentFile
from django.db import transaction

from modules.models import ModulePage

from .models import Certificate, CertificateEvent, new_verification_code
from .pdf import render_certificate_pdf
from .services import framework_line

BATCH = 5000


def _module_lines(module_ids):
    """{module id: (title, framework line)}, read once per module rather than once per certificate."""
    modules = ModulePage.objects.filter(pk__in=module_ids)
    return {module.pk: (module.title, framework_line(module)) for module in modules}


def certificates_backfill(*, completions, organisation, users) -> int:
    """Valid certificates, already emailed, for `completions` (saved ModuleCompletion rows) earned in
    `organisation`; `users` maps their user ids to users. The PDFs are not rendered here:
    certificate_pdf_ensure renders each on first download."""
    labels = _module_lines({c.module_id for c in completions})
    certificates = Certificate.objects.bulk_create(
        [
            Certificate(
                completion=c,
                user_id=c.user_id,
                code=new_verification_code(),
                learner_name=users[c.user_id].get_full_name() or users[c.user_id].email,
                module_title=labels[c.module_id][0],
                organisation_name=organisation.name,
                framework_levels=labels[c.module_id][1],
                cpd_minutes=c.cpd_minutes,
                completed_at=c.completed_at,
                issued_at=c.completed_at,
                emailed_at=c.completed_at,
                expires_at=c.expires_at,
            )
            for c in completions
        ],
        batch_size=BATCH,
    )
    Through = Certificate.earned_in.through
    Through.objects.bulk_create(
        [Through(certificate_id=c.pk, organisation_id=organisation.pk) for c in certificates],
        batch_size=BATCH,
    )
    CertificateEvent.objects.bulk_create(
        [
            CertificateEvent(certificate=c, action=CertificateEvent.Action.ISSUED, at=c.issued_at)
            for c in certificates
        ],
        batch_size=BATCH,
    )
    return len(certificates)


@transaction.atomic
def certificate_pdf_ensure(*, certificate: Certificate) -> Certificate:
    """The certificate with its PDF stored: rendered now if it never was, or if its file has gone from
    storage. Two requests at once take turns on the row lock; the second finds the file."""
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.pdf and certificate.pdf.storage.exists(certificate.pdf.name):
        return certificate
    pdf = render_certificate_pdf(certificate)
    certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(pdf), save=False)
    certificate.save(update_fields=["pdf"])
    return certificate
