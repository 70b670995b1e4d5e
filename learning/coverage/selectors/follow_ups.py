"""Follow-up on practice for a lead: per module, how many of the organisation's staff have a follow-up due,
sent and signed off. Numbers only; what people wrote stays between them and their supervisor."""

from dataclasses import dataclass

from django.db.models import Q

from assessments.practice.selectors.follow_ups import ModuleFollowUpCounts, follow_up_counts_by_module
from modules.models import ModulePage

from .scope import workforce


@dataclass
class FollowUpRow:
    module: ModulePage
    counts: ModuleFollowUpCounts


def follow_up_rows(*, organisation) -> list[FollowUpRow]:
    """One row per module that asks for a follow-up (live) or has any among the organisation's staff (active
    members with the learner role), by title; two queries however many people and modules."""
    counts = follow_up_counts_by_module(people=workforce(organisation_id=organisation.pk))
    modules = (
        ModulePage.objects.filter(Q(pk__in=list(counts)) | Q(follow_up_after_weeks__isnull=False, live=True))
        .only("pk", "title", "follow_up_after_weeks")
        .order_by("title")
    )
    return [
        FollowUpRow(module, counts.get(module.pk) or ModuleFollowUpCounts(module.pk, 0, 0, 0))
        for module in modules
    ]
