"""Writing reflections: the list, starting one, the editor (saved as you type), submitting, withdrawing,
deleting, and sharing an earlier entry with a new supervisor.

Anything the user may not see answers 404, so nobody learns that someone else's reflection exists.
"""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from assessments.practice.forms.reflections import (
    ExportForm,
    ReflectionForm,
    ReflectionStartForm,
    SubmitConfirmForm,
)
from assessments.practice.identifiers import identifiers_in_entry
from assessments.practice.selectors import reflections as selectors
from assessments.practice.services import reflections as services
from assessments.practice.services.sharing import reflection_share as share_service
from learning.core.errors import ServiceError
from learning.core.pagination import page_of
from learning.organisations.selectors import memberships_for_user
from modules.models import ModulePage


def _entry(request, entry_id, rule="assessments.view_entry"):
    entry = selectors.reflection_for(entry_id=entry_id, user=request.user, rule=rule)
    if entry is None:
        raise Http404
    return entry


@login_required
def reflection_list(request):
    reflections = selectors.reflections_of(user=request.user)
    page = page_of(request, reflections)
    return render(
        request,
        "assessments/reflections/list.html",
        {
            "page_obj": page,
            "memberships": list(memberships_for_user(user=request.user)),
            "export_form": ExportForm(entries=reflections),
            "updates": list(selectors.notifications_for(user=request.user).filter(read_at__isnull=True)[:5]),
        },
    )


@login_required
def reflection_new(request):
    memberships = memberships_for_user(user=request.user).order_by("organisation__name")
    if not memberships:
        return render(request, "assessments/reflections/new.html", {"form": None})
    module_id = request.GET.get("module", "")
    module = ModulePage.objects.live().filter(pk=module_id).first() if module_id.isdigit() else None
    form = ReflectionStartForm(
        request.POST or None,
        memberships=memberships,
        initial={"module": module, "title": module.title if module else ""},
    )
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.reflection_create(author=request.user, **form.cleaned_data)
        except ServiceError as exc:
            form.add_error(None, exc.message)
        else:
            return redirect("reflection_edit", entry_id=entry.pk)
    return render(request, "assessments/reflections/new.html", {"form": form})


def _render_editor(request, entry, form, status=200):
    changes = [c for c in selectors.reflection_thread(entry=entry) if c.kind == c.Kind.CHANGES_REQUESTED]
    return render(
        request,
        "assessments/reflections/edit.html",
        {
            "entry": entry,
            "form": form,
            "reviewer": selectors.reflection_reviewer(entry=entry),
            "changes_request": changes[-1]
            if entry.status == entry.Status.CHANGES_REQUESTED and changes
            else None,
        },
        status=status,
    )


def _submit_or_explain(request, entry, form=None, *, confirmed=False):
    """Submit, then show the entry; or explain what stands in the way (missing parts, possible
    identifiers)."""
    try:
        submitted = services.reflection_submit(entry=entry, user=request.user, anonymised_confirmed=confirmed)
    except services.IncompleteReflection as exc:
        if form is None:  # submitted from the entry's page: show the editor with the gaps marked
            form = ReflectionForm(ReflectionForm.initial_for(entry), template=entry.template)
            form.is_valid()
        for stage in exc.stages:
            form.add_error(
                stage.key, _("Write something for %(part)s before you submit.") % {"part": stage.label}
            )
        return _render_editor(request, entry, form, status=400)
    except services.IdentifiersFound as exc:
        return render(
            request,
            "assessments/reflections/submit_check.html",
            {"entry": entry, "findings": exc.findings, "form": SubmitConfirmForm()},
        )
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("reflection_detail", entry_id=entry.pk)
    messages.success(
        request,
        _("Your reflection has been sent to %(name)s for review.") % {"name": submitted.submitted_to.user},
    )
    return redirect("reflection_detail", entry_id=entry.pk)


@login_required
def reflection_edit(request, entry_id):
    entry = _entry(request, entry_id)
    if not rules.test_rule("assessments.edit_entry", request.user, entry):
        return redirect("reflection_detail", entry_id=entry.pk)
    if request.method != "POST":
        return _render_editor(
            request, entry, ReflectionForm(initial=ReflectionForm.initial_for(entry), template=entry.template)
        )
    form = ReflectionForm(request.POST, template=entry.template)
    if not form.is_valid():
        return _render_editor(request, entry, form, status=400)
    try:
        entry = services.reflection_save(
            entry=entry,
            user=request.user,
            title=form.cleaned_data["title"],
            stages=form.stage_texts(),
            code_themes=form.cleaned_data["code_themes"],
        )
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("reflection_detail", entry_id=entry.pk)
    if request.POST.get("action") == "submit":
        return _submit_or_explain(request, entry, form)
    messages.success(request, _("Draft saved. Only you can read it until you submit it."))
    return redirect("reflection_edit", entry_id=entry.pk)


@login_required
@require_POST
def reflection_autosave(request, entry_id):
    """The editor's script posts the form here as the author types; the answer is JSON."""
    entry = _entry(request, entry_id)
    form = ReflectionForm(request.POST, template=entry.template)
    if not form.is_valid():
        return JsonResponse({"saved": False, "message": _("Some parts are too long to save.")}, status=400)
    try:
        entry = services.reflection_save(
            entry=entry,
            user=request.user,
            title=form.cleaned_data["title"],
            stages=form.stage_texts(),
            code_themes=form.cleaned_data["code_themes"],
        )
    except ServiceError as exc:
        return JsonResponse({"saved": False, "message": exc.message}, status=409)
    return JsonResponse({"saved": True, "saved_at": entry.updated_at.isoformat()})


@login_required
@require_POST
def reflection_submit(request, entry_id):
    """Submit from the entry's page, or confirm on the privacy check page that it has been anonymised."""
    entry = _entry(request, entry_id)
    if request.POST.get("step") != "confirm":
        return _submit_or_explain(request, entry)
    form = SubmitConfirmForm(request.POST)
    if not form.is_valid():
        findings = identifiers_in_entry(title=entry.title, stages=entry.stages)
        return render(
            request,
            "assessments/reflections/submit_check.html",
            {"entry": entry, "findings": findings, "form": form},
            status=400,
        )
    return _submit_or_explain(request, entry, confirmed=True)


@login_required
@require_POST
def reflection_withdraw(request, entry_id):
    entry = _entry(request, entry_id)
    try:
        services.reflection_withdraw(entry=entry, user=request.user)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, _("Your reflection is a private draft again. Submit it when you are ready.")
        )
    return redirect("reflection_detail", entry_id=entry.pk)


@login_required
def reflection_delete(request, entry_id):
    entry = _entry(request, entry_id, rule="assessments.delete_entry")
    if request.method != "POST":
        return render(request, "assessments/reflections/delete.html", {"entry": entry})
    try:
        services.reflection_delete(entry=entry, user=request.user)
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("reflection_detail", entry_id=entry.pk)
    messages.success(request, _("Draft deleted."))
    return redirect("reflection_list")


@login_required
def reflection_share(request, entry_id):
    """Ask the author to confirm, then let their current supervisor read an entry sent to someone before
    them."""
    entry = _entry(request, entry_id)
    if entry.author_id != request.user.pk:
        raise Http404  # a supervisor reading the entry learns nothing from this page
    if not rules.test_rule("assessments.share_entry", request.user, entry):
        messages.info(
            request,
            _(
                "There is nobody new to share this reflection with: your current supervisor can "
                "already read it, or you have none recorded."
            ),
        )
        return redirect("reflection_detail", entry_id=entry.pk)
    if request.method != "POST":
        return render(
            request,
            "assessments/reflections/share.html",
            {"entry": entry, "supervisor": selectors.reflection_reviewer(entry=entry)},
        )
    try:
        supervisor = share_service(entry=entry, user=request.user)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, _("Shared. %(name)s can now read this reflection.") % {"name": supervisor.user}
        )
    return redirect("reflection_detail", entry_id=entry.pk)
