"""The CPD log page and its CSV and PDF downloads (?format=csv|pdf, ?layout=sssc|nmc, ?year=)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from learning.core.csv import CSV_TYPE

from ..cpd import cpd_log
from ..cpd_exports import LAYOUTS, cpd_csv, cpd_pdf


def _year(request):
    value = request.GET.get("year", "")
    return int(value) if value.isdecimal() and 1900 < int(value) < 3000 else None


def _download(content, *, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def cpd_page(request, *, person, membership=None):
    year = _year(request)
    log = cpd_log(user=person, year=year)
    name = f"cpd-log-{year or 'all'}"
    fmt, layout = request.GET.get("format"), request.GET.get("layout", "sssc")
    layout = layout if layout in LAYOUTS else "sssc"
    if fmt == "csv":
        return _download(cpd_csv(log), content_type=CSV_TYPE, filename=f"{name}.csv")
    if fmt == "pdf":
        return _download(
            cpd_pdf(log, layout=layout), content_type="application/pdf", filename=f"{name}-{layout}.pdf"
        )
    return render(
        request,
        "records/cpd.html",
        {"log": log, "membership": membership, "layouts": LAYOUTS, "heading": _("CPD log")},
    )


@login_required
def my_cpd(request):
    return cpd_page(request, person=request.user)
