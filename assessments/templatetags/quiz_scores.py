"""How a score reads: "100%" and "85%", not "100.00%"; a fraction only when there is one ("87.5%")."""

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def percent(value):
    """A score (Decimal, stored with two places) as a percentage without trailing zeros; "" for None."""
    if value is None or value == "":
        return ""
    number = Decimal(str(value)).quantize(Decimal("0.01")).normalize()
    return f"{number:f}%"
