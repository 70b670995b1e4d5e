"""The module page's quiz panel: module pages hold content; the quiz that checks a module belongs to
assessments."""

from django import template

from assessments.quizzes.selectors import quiz_for_module, quiz_passed

register = template.Library()


@register.simple_tag
def module_quiz(module):
    """The module's quiz, or None; read once per page and shared with the progress panel."""
    return quiz_for_module(module=module)


@register.simple_tag(takes_context=True)
def module_quiz_passed(context, quiz, detail):
    """Whether this person passed the module's quiz in their current cycle: until then the progress panel
    offers the quiz once the lessons are done. `detail` is the progress tags' module_detail; asked only
    once the lessons are done (the only time the panel needs it), so other visits cost no query."""
    enrolment = detail["enrolment"]
    if quiz is None or enrolment is None or not detail["progress"].is_complete:
        return False
    return quiz_passed(user=context["request"].user, quiz=quiz, since=enrolment.cycle_started_at)


@register.inclusion_tag("assessments/_quiz_panel.html")
def quiz_panel(quiz):
    return {"quiz": quiz}
