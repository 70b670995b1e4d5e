"""Platform pages that are not Wagtail content: health check."""

from django.db import connection
from django.http import JsonResponse

from .models import HealthPing


def health(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    last = HealthPing.objects.filter(token__startswith="beat-").values_list("created_at", flat=True).first()
    return JsonResponse({"database": "ok", "last_heartbeat": last.isoformat() if last else None})
