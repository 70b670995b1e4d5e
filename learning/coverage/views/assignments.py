"""Workforce leads assign required training, change it and withdraw it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from learning.core.errors import ServiceError
from learning.organisations.access import organisation_for

from ..forms import AssignmentForm
from ..models import Assignment
from ..selectors.required import people_required
from ..selectors.scope import workforce
from ..services import assignment_create, assignment_delete, assignment_update


def _page(request, organisation, form, assignment=None):
    assignments = list(Assignment.objects.filter(organisation=organisation).select_related("module", "team"))
    job_titles = (
        workforce(organisation_id=organisation.pk)
        .exclude(job_title="")
        .order_by("job_title")
        .values_list("job_title", flat=True)
        .distinct()
    )
    return render(
        request,
        "coverage/assignments.html",
        {
            "organisation": organisation,
            "form": form,
            "assignment": assignment,
            "assignments": assignments,
            # Counted now, not read from the rollups, which the recount after commit updates a moment later.
            "required": people_required(organisation_id=organisation.pk, assignments=assignments),
            "job_titles": job_titles,
        },
    )


@login_required
def assignments(request, org_id):
    organisation = organisation_for(request, org_id, "coverage.manage_assignments")
    form = AssignmentForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            made = assignment_create(
                organisation=organisation, created_by=request.user, **form.service_arguments()
            )
        except ServiceError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                _(
                    "%(module)s assigned to %(target)s. People are enrolled and the figures update "
                    "in a moment."
                )
                % {"module": made.module, "target": made.target_label},
            )
            return redirect("coverage_assignments", organisation.pk)
    return _page(request, organisation, form)


@login_required
def assignment_edit(request, org_id, pk):
    organisation = organisation_for(request, org_id, "coverage.manage_assignments")
    assignment = get_object_or_404(Assignment, pk=pk, organisation=organisation)
    form = AssignmentForm(request.POST or None, instance=assignment, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            assignment_update(assignment=assignment, **form.service_arguments())
        except ServiceError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Assignment updated."))
            return redirect("coverage_assignments", organisation.pk)
    return _page(request, organisation, form, assignment)


@login_required
def assignment_remove(request, org_id, pk):
    organisation = organisation_for(request, org_id, "coverage.manage_assignments")
    assignment = get_object_or_404(
        Assignment.objects.select_related("module", "team"), pk=pk, organisation=organisation
    )
    if request.method == "POST":
        assignment_delete(assignment=assignment)
        messages.success(request, _("Assignment withdrawn. People keep their progress."))
        return redirect("coverage_assignments", organisation.pk)
    return render(
        request, "coverage/assignment_remove.html", {"organisation": organisation, "assignment": assignment}
    )
