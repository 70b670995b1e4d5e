"""The bench's URLconf: the project's URLs plus one bare view, the ceiling the page rows are divided by.

The bare view goes through the same middleware (sessions, authentication, MFA, CSP...) with the same session
cookie, and renders no template and reads nothing, so lesson/bare is the share of the possible throughput a
page keeps. Only bench/scale/http_settings.py points ROOT_URLCONF here; the product's URLs never include it.
"""

from django.http import HttpResponse
from django.urls import path

from learning.urls import urlpatterns as project_urlpatterns


def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench-bare/", bare, name="bench_bare"), *project_urlpatterns]
