import factory
from django.utils import timezone

from learning.organisations.factories import UserFactory
from modules.factories import ModulePageFactory
from modules.seed import site_structure_ensure

from .models import ModuleCompletion


class ModuleCompletionFactory(factory.django.DjangoModelFactory):
    """The record that a person completed a module, written directly: for tests whose subject comes after
    completion (certificates, coverage). Tests of completion itself complete lessons through the services."""

    class Meta:
        model = ModuleCompletion

    user = factory.SubFactory(UserFactory)
    module = factory.SubFactory(ModulePageFactory, parent=factory.LazyFunction(site_structure_ensure))
    completed_at = factory.LazyFunction(timezone.now)
    cpd_minutes = factory.SelfAttribute("module.estimated_minutes")
