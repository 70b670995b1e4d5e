"""Presentation helpers for the coverage pages."""
from django import template

register = template.Library()


@register.filter
def heat_band(rollup):
    """The heatmap colour class for a cell; the cell always shows its percentage as text too."""
    if rollup is None or not rollup.assigned:
        return "heat-none"
    value = rollup.percent
    return "heat-full" if value == 100 else "heat-high" if value >= 80 else "heat-mid" if value >= 50 else "heat-low"


@register.filter
def item(mapping, key):
    """mapping[key], or None (e.g. a team's cell for a module nobody there is required to take)."""
    return mapping.get(key)
