"""The module page's quiz panel: module pages hold content; the quiz that checks a module belongs to
assessments."""

from django import template

from assessments.quizzes.selectors import quiz_for_module

register = template.Library()


@register.simple_tag
def module_quiz(module):
    """The module's quiz, or None; read once per page and shared with the progress panel."""
    return quiz_for_module(module=module)


@register.inclusion_tag("assessments/_quiz_panel.html")
def quiz_panel(quiz):
    return {"quiz": quiz}
