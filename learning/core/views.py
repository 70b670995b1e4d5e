"""Platform pages that are not Wagtail content: health check."""

from django.db import connection
from django.http import JsonResponse

from .models import HealthPing


def health(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    beats = HealthPing.objects.filter(token__startswith="beat-")  # noqa: S106 (a ping label, not a password)
    last = beats.values_list("created_at", flat=True).first()
    return JsonResponse({"database": "ok", "last_heartbeat": last.isoformat() if last else None})
