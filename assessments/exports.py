"""Downloadable reports."""
import csv

from django.http import HttpResponse
from django.utils.text import slugify

from .analysis import item_analysis_csv_rows


def item_analysis_csv_response(*, stats, title):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(title)}-item-analysis.csv"'
    csv.writer(response).writerows(item_analysis_csv_rows(stats))
    return response
