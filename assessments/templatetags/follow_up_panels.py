"""My learning's follow-up panel: My learning belongs to progress, which sits below assessments, so the
follow-ups on practice render their own section there."""

from django import template

from assessments.practice.selectors.follow_ups import follow_ups_open_for

register = template.Library()


@register.inclusion_tag("assessments/follow_ups/_panel.html", takes_context=True)
def follow_up_panel(context):
    """The person's follow-ups to write, and those waiting for their supervisor (one query; none shown when
    there are none)."""
    return {"follow_ups": list(follow_ups_open_for(user=context["request"].user))}
