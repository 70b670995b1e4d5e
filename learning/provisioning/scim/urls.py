"""The SCIM 2.0 endpoints under /scim/v2/ (namespace "scim", which django-scim2 reverses). Only what Entra ID
and RFC 7644 clients use: no /Me, /Bulk or .search (django-scim2 would answer 501)."""

from django.urls import re_path
from django_scim import views as library

from . import views

app_name = "scim"

urlpatterns = [
    re_path(r"^Users(?:/(?P<uuid>[^/]+))?$", views.UsersView.as_view(), name="users"),
    re_path(r"^Groups(?:/(?P<uuid>[^/]+))?$", views.GroupsView.as_view(), name="groups"),
    re_path(
        r"^ServiceProviderConfig$",
        library.ServiceProviderConfigView.as_view(),
        name="service-provider-config",
    ),
    re_path(
        r"^ResourceTypes(?:/(?P<uuid>[^/]+))?$", library.ResourceTypesView.as_view(), name="resource-types"
    ),
    re_path(r"^Schemas(?:/(?P<uuid>[^/]+))?$", library.SchemasView.as_view(), name="schemas"),
]
