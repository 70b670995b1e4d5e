"""Wagtail's own sign-in doors (admin login and password reset, front-end login) lead to allauth's, so the
second factor, email verification and throttling apply to every way in. Mounted before Wagtail's URLs."""

from django.urls import re_path
from django.views.generic import RedirectView


def _to(url_name):
    # query_string keeps ?next=, so a person sent from the admin comes back to the page they asked for.
    return RedirectView.as_view(pattern_name=url_name, query_string=True)


urlpatterns = [
    re_path(r"^admin/login/$", _to("account_login")),
    re_path(r"^admin/password_reset/", _to("account_reset_password")),
    re_path(r"^_util/login/$", _to("account_login")),
]
