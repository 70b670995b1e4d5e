"""Downloadable reports."""

from django.http import HttpResponse
from django.utils.text import slugify

from assessments.quizzes.analysis import item_analysis_csv_rows
from learning.core.csv import CSV_TYPE, csv_bytes


def item_analysis_csv_response(*, stats, title):
    response = HttpResponse(csv_bytes(item_analysis_csv_rows(stats)), content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{slugify(title)}-item-analysis.csv"'
    return response
