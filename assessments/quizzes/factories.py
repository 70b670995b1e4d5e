import factory

from learning.organisations.factories import MembershipFactory

from assessments.models import ReflectiveEntry
from assessments.practice.reflection_templates import stages_of


def _complete_stages(entry):
    return {stage.key: f"What I wrote for {stage.label}." for stage in stages_of(entry.template)}


class ReflectiveEntryFactory(factory.django.DjangoModelFactory):
    """A complete draft: every stage written, ready to submit. Move it on with the services."""

    class Meta:
        model = ReflectiveEntry

    membership = factory.SubFactory(MembershipFactory)
    author = factory.SelfAttribute("membership.user")
    title = factory.Sequence(lambda n: f"Reflection {n}")
    template = ReflectiveEntry.Template.GIBBS
    stages = factory.LazyAttribute(_complete_stages)
