from django.urls import include, path

from . import views

urlpatterns = [
    path("organisation/<int:pk>/scim-token/", views.scim_token, name="scim_token"),
    path("scim/v2/", include("learning.provisioning.scim.urls")),
]
