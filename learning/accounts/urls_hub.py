"""The account hub and profile: under /accounts/, included before allauth's own patterns."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.account_hub, name="account_hub"),
    path("profile/", views.profile, name="account_profile"),
]
