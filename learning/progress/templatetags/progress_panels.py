"""The learner's panels on module and lesson pages. The pages hold content only; these tags read the learner's
progress (one selector call per page, shared by that page's panels through `... as detail`)."""

from django import template

from learning.progress.selectors import lesson_detail_for, module_detail_for

register = template.Library()


@register.simple_tag(takes_context=True)
def module_detail(context, module):
    """This person's progress, enrolment, completion and missing prerequisites for the module."""
    return module_detail_for(module=module, user=context["request"].user)


@register.simple_tag(takes_context=True)
def lesson_detail(context, lesson):
    """The lesson's module, its place in the module, and this person's progress through it."""
    return lesson_detail_for(lesson=lesson, user=context["request"].user)


@register.inclusion_tag("progress/_module_lessons.html")
def module_lessons(detail):
    return {"progress": detail["progress"]}


@register.inclusion_tag("progress/_module_panel.html", takes_context=True)
def module_progress_panel(context, detail, quiz=None, quiz_passed=False):
    """ "Your progress": what is missing first, progress and where to resume (or the quiz, once the lessons
    are done), or how to start. The quiz (if any) and whether it is passed come from the page, which reads
    them through the assessments tags: progress sits below assessments."""
    return {
        **detail,
        "page": context["page"],
        "quiz": quiz,
        "quiz_passed": quiz_passed,
        "user": context["request"].user,
    }


@register.inclusion_tag("progress/_lesson_progress.html")
def lesson_progress(detail):
    return {"module": detail["module"], "progress": detail["progress"]}


@register.inclusion_tag("progress/_lesson_actions.html", takes_context=True)
def lesson_actions(context, detail):
    """Complete (and continue), next, previous and back to the module."""
    return {**detail, "page": context["page"], "user": context["request"].user}
