from django.urls import path

from . import views

urlpatterns = [
    path("organisation/", views.organisation_home, name="organisation_home"),
    path("organisation/<int:pk>/staff/", views.organisation_staff, name="organisation_staff"),
    path("organisation/<int:pk>/invite/", views.invitation_new, name="invitation_new"),
    path(
        "organisation/<int:pk>/invitations/<int:invitation_id>/resend/",
        views.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "organisation/<int:pk>/invitations/<int:invitation_id>/cancel/",
        views.invitation_cancel,
        name="invitation_cancel",
    ),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
]
