"""Learner pages: My learning, the catalogue, enrolling and completing lessons."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learning.core.errors import ServiceError
from modules.caching import content_version
from modules.models import LessonPage, ModulePage

from . import selectors, services
from .forms import CatalogueFilterForm


@login_required
def my_learning(request):
    return render(request, "progress/my_learning.html", selectors.my_learning(user=request.user))


def catalogue(request):
    form = CatalogueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = selectors.catalogue_search(
        user=request.user, query=filters.get("q", ""), topic=filters.get("topic"), level=filters.get("level")
    )
    context = {"form": form, "rows": rows, "searched": bool(filters), "content_version": content_version()}
    return render(request, "progress/catalogue.html", context)


def module_overview(request, module_id):
    """The public face of a module (its pages are for signed-in people): what it covers, and a way in."""
    module = selectors.module_overview(module_id=module_id)
    if module is None:
        raise Http404
    if request.user.is_authenticated:
        return redirect(module.url)
    return render(request, "progress/module_overview.html", {"module": module})


@login_required
@require_POST
def module_enrol(request, module_id):
    module = get_object_or_404(ModulePage.objects.live(), pk=module_id)
    try:
        services.enrolment_create(user=request.user, module=module)
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect(module.url)
    progress = selectors.progress_for_modules(user=request.user, modules=[module])[module.pk]
    if progress.next_lesson is None:
        messages.info(request, _("This module has no lessons yet."))
        return redirect(module.url)
    return redirect(progress.next_lesson.url)


@login_required
@require_POST
def lesson_complete(request, lesson_id):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    try:
        services.lesson_complete(user=request.user, lesson=lesson)
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect(lesson.get_parent().url)
    module = lesson.get_parent().specific
    progress = selectors.progress_for_modules(user=request.user, modules=[module])[module.pk]
    if progress.is_complete:
        messages.success(
            request, _("You have completed every lesson in %(module)s.") % {"module": module.title}
        )
        return redirect(module.url)
    return redirect(progress.next_lesson.url)
