"""The coverage dashboard, its drill-down lists and downloads, and the partnership view."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learning.core import audit
from learning.core.audit import audit_log
from learning.core.db_router import report_reads
from learning.core.pagination import page_of
from learning.organisations.access import organisation_for

from ..charts import line_chart
from ..exports import CSV_TYPE, XLSX_TYPE, dashboard_csv, dashboard_workbook
from ..forms import DashboardFilterForm, SharingForm
from ..selectors import dashboard_for, partnership_coverage, requirements_in, scope_for, trend_for
from ..selectors.reflections import reflection_rows
from ..selectors.scope import coverage_places
from ..selectors.status import STATUSES
from ..services import partnership_sharing_set
from .common import download


@login_required
def coverage_home(request):
    places = coverage_places(user=request.user)
    if len(places) == 1:
        organisation, is_partnership = places[0]
        return redirect("coverage_partnership" if is_partnership else "coverage_dashboard", organisation.pk)
    if not places:
        raise PermissionDenied
    return render(request, "coverage/home.html", {"places": places})


def _scope(request, org_id):
    organisation = organisation_for(request, org_id, "coverage.view_staff")
    form = DashboardFilterForm(request.GET or None, organisation=organisation)
    return scope_for(user=request.user, organisation=organisation, **form.filters()), form


@login_required
def dashboard(request, org_id):
    scope, form = _scope(request, org_id)
    organisation, user = scope.organisation, request.user
    can_manage = user.has_perm("coverage.manage_assignments", organisation)
    return render(
        request,
        "coverage/dashboard.html",
        {
            "organisation": organisation,
            "form": form,
            "dashboard": dashboard_for(scope),
            "chart": line_chart(trend_for(organisations=[organisation], module=scope.module))
            if scope.supervisor is None
            else None,
            "reflections": reflection_rows(scope),
            "query_string": request.GET.urlencode(),
            "can_manage": can_manage,
            "sharing_form": SharingForm(initial={"shares": organisation.shares_with_partnership})
            if can_manage and organisation.partnership_id
            else None,
        },
    )


@login_required
def people(request, org_id, status):
    if status not in STATUSES:
        raise Http404
    scope, form = _scope(request, org_id)
    query_string = request.GET.copy()
    query_string.pop("page", None)
    return render(
        request,
        "coverage/people.html",
        {
            "organisation": scope.organisation,
            "form": form,
            "status": status,
            "scope": scope,
            "page_obj": page_of(request, requirements_in(scope, status=status)),
            "query_string": query_string.urlencode(),
        },
    )


@login_required
def dashboard_export(request, org_id, fmt):
    scope, _form = _scope(request, org_id)  # who may see what: read from the primary
    audit_log(scope.organisation, audit.RECORDS_EXPORTED, organisation_id=scope.organisation.pk, format=fmt)
    name = f"coverage-{scope.organisation.pk}-{timezone.localdate():%Y-%m-%d}"
    with report_reads():  # the figures themselves may come from a read replica
        data = dashboard_for(scope)
        if fmt == "xlsx":
            return download(dashboard_workbook(data), content_type=XLSX_TYPE, filename=f"{name}.xlsx")
        return download(dashboard_csv(data), content_type=CSV_TYPE, filename=f"{name}.csv")


@login_required
@require_POST
def sharing(request, org_id):
    organisation = organisation_for(request, org_id, "organisations.manage_organisation")
    if organisation.partnership_id is None:
        raise Http404
    form = SharingForm(request.POST)
    partnership_sharing_set(organisation=organisation, shares=form.is_valid() and form.cleaned_data["shares"])
    text = (
        _("%(org)s now shares its combined figures with %(adp)s.")
        if organisation.shares_with_partnership
        else _("%(org)s no longer shares its figures with %(adp)s.")
    )
    messages.success(request, text % {"org": organisation, "adp": organisation.partnership})
    return redirect("coverage_dashboard", organisation.pk)


@login_required
def partnership(request, org_id):
    organisation = organisation_for(request, org_id, "coverage.view_partnership")
    data = partnership_coverage(partnership=organisation)
    return render(
        request,
        "coverage/partnership.html",
        {
            "organisation": organisation,
            "data": data,
            "chart": line_chart(trend_for(organisations=data.sharing)),
        },
    )
