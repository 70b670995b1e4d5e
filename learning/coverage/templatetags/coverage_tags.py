"""Presentation helpers for the coverage pages, and coverage's panel on My learning."""

from django import template

from learning.coverage.selectors import assigned_to
from learning.coverage.selectors.status import EXPIRING_WITHIN_DAYS

register = template.Library()


@register.simple_tag
def expiring_within_days():
    """How near its end a completion counts as expiring (coverage.selectors.status), for the labels that name
    it: {% expiring_within_days as days %}."""
    return EXPIRING_WITHIN_DAYS


@register.inclusion_tag("coverage/_assigned.html", takes_context=True)
def assigned_panel(context):
    """ "Assigned to you" on My learning: the page belongs to progress, which sits below coverage, so coverage
    renders its own section there."""
    return {"assigned": assigned_to(user=context["request"].user), "nav": context.get("nav")}


@register.filter
def heat_band(rollup):
    """The heatmap colour class for a cell; the cell always shows its percentage as text too."""
    if rollup is None or not rollup.assigned:
        return "heat-none"
    value = rollup.percent
    return (
        "heat-full"
        if value == 100
        else "heat-high"
        if value >= 80
        else "heat-mid"
        if value >= 50
        else "heat-low"
    )


@register.filter
def item(mapping, key):
    """mapping[key], or None (e.g. a team's cell for a module nobody there is required to take)."""
    return mapping.get(key)
