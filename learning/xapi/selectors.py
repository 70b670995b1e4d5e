"""Reads for xAPI: which LRSs hear of a person's learning, and what an organisation's LRS has been sent."""

from django.db.models import Count, Q

from .models import LrsConfig, Statement


def lrs_configs_for(*, user_id: int, since, organisation_id: int | None = None):
    """The enabled LRSs of the organisations where the person is an active member, that were sending already
    when the learning happened (`since`); only `organisation_id`'s when given."""
    configs = LrsConfig.objects.filter(
        enabled=True,
        enabled_at__lte=since,
        organisation__memberships__user_id=user_id,
        organisation__memberships__is_active=True,
    ).select_related("organisation")
    if organisation_id is not None:
        configs = configs.filter(organisation_id=organisation_id)
    return configs.distinct()


def statement_counts(*, organisation) -> dict:
    """How many statements are pending, sent and refused, for the organisation's LRS page."""
    counts = Statement.objects.filter(organisation=organisation).aggregate(
        **{status: Count("pk", filter=Q(status=status)) for status in Statement.Status.values}
    )
    last = (
        Statement.objects.filter(organisation=organisation)
        .exclude(last_error="")
        .order_by("-created_at")
        .values_list("last_error", flat=True)
        .first()
    )
    return {**counts, "last_error": last or ""}
