from django.urls import path
from lti_tool.views import jwks

from . import views, views_launch

urlpatterns = [
    # Public by nature: an LMS and the people it sends call these signed out (learning/lti/views_launch.py).
    path("lti/login/", views_launch.LoginView.as_view(), name="lti_login"),
    path("lti/launch/", views_launch.LaunchView.as_view(), name="lti_launch"),
    path("lti/jwks/", jwks, name="lti_jwks"),
    # A workforce lead's: the LMSs their organisation registers.
    path("organisation/<int:pk>/lms/", views.lms_list, name="lti_registrations"),
    path("organisation/<int:pk>/lms/new/", views.lms_new, name="lti_registration_new"),
]
