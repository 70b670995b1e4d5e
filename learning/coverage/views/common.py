"""Shared pieces of the coverage views."""

from django.http import HttpResponse


def download(content, *, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
