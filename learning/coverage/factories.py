import datetime

import factory
from django.utils import timezone

from learning.organisations.factories import OrganisationFactory
from modules.factories import ModulePageFactory
from modules.seed import site_structure_ensure

from .models import Assignment


class AssignmentFactory(factory.django.DjangoModelFactory):
    """The assignment row alone, for the whole organisation, due in 30 days. Nobody's requirements are derived
    from it: tests that count or remind people assign through `assignment_create`, which derives them."""

    class Meta:
        model = Assignment

    organisation = factory.SubFactory(OrganisationFactory)
    module = factory.SubFactory(ModulePageFactory, parent=factory.LazyFunction(site_structure_ensure))
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
