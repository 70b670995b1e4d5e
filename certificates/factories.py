import factory
from django.utils import timezone

from learning.progress.factories import ModuleCompletionFactory

from .models import Certificate, CertificateEvent


class CertificateFactory(factory.django.DjangoModelFactory):
    """A valid certificate as `certificate_issue` leaves it (frozen text, a PDF file, an "issued" event),
    without rendering the PDF. `CertificateFactory(earned_in=[organisation])` says whose leads may revoke it.
    Tests of issuing itself call the service."""

    class Meta:
        model = Certificate
        skip_postgeneration_save = True

    completion = factory.SubFactory(ModuleCompletionFactory)
    user = factory.SelfAttribute("completion.user")
    learner_name = factory.LazyAttribute(lambda o: o.user.get_full_name() or o.user.email)
    module_title = factory.SelfAttribute("completion.module.title")
    cpd_minutes = factory.SelfAttribute("completion.cpd_minutes")
    completed_at = factory.SelfAttribute("completion.completed_at")
    expires_at = factory.SelfAttribute("completion.expires_at")
    issued_at = factory.LazyFunction(timezone.now)
    pdf = factory.django.FileField(filename="certificate.pdf", data=b"%PDF-1.4 a test certificate")
    issued = factory.RelatedFactory(
        "certificates.factories.CertificateEventFactory", "certificate", action=CertificateEvent.Action.ISSUED
    )

    @factory.post_generation
    def earned_in(certificate, create, organisations, **kwargs):
        if create and organisations:
            certificate.earned_in.set(organisations)


class CertificateEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CertificateEvent

    certificate = factory.SubFactory(CertificateFactory, issued=None)
    action = CertificateEvent.Action.ISSUED
