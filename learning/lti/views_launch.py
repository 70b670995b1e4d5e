"""The LTI 1.3 endpoints an LMS calls: OIDC login initiation, the launch (resource link and Deep Linking) and
the tool's public keys. All public by nature: the LMS and the person it sends arrive signed out, and each
request proves itself (the launch by the LMS's signature, the state cookie and the nonce). Only login and
launch are exempt from CSRF, as the specification requires: the LMS posts to them from its own site.

PyLTI1p3 (through django-lti) validates; these views turn a refusal into a clear page, never a 500.
"""

import logging
from urllib.parse import urlsplit

from django.contrib.auth import login
from django.core.cache import cache
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from lti_tool.utils import DjangoToolConfig
from lti_tool.views import LtiLaunchBaseView
from pylti1p3.contrib.django import DjangoCacheDataStorage, DjangoOIDCLogin
from pylti1p3.exception import LtiException, OIDCException

from learning.core.errors import ServiceError
from modules.models import ModulePage

from . import protocol, selectors, services

logger = logging.getLogger(__name__)

ACCOUNT_BACKEND = "django.contrib.auth.backends.ModelBackend"
NONCE_SECONDS = 86400  # as long as PyLTI1p3 keeps an issued nonce
DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"


def refused(request, message, *, status=400):
    return render(request, "lti/launch_refused.html", {"message": message}, status=status)


@method_decorator(csrf_exempt, name="dispatch")
class LoginView(View):
    """OIDC third-party login initiation: remember a state (a cookie) and a nonce, and send the person back to
    the LMS to be authenticated. GET or POST, as the LMS chooses."""

    def get(self, request):
        return self.initiate(request, request.GET)

    def post(self, request):
        return self.initiate(request, request.POST)

    def initiate(self, request, params):
        target = params.get("target_link_uri")
        if not target:
            return refused(request, _("The LMS did not say which page to open (target_link_uri)."))
        oidc_login = DjangoOIDCLogin(
            request, DjangoToolConfig(), launch_data_storage=DjangoCacheDataStorage()
        )
        try:
            return oidc_login.redirect(target)
        except (LtiException, OIDCException) as exc:
            logger.info("LTI login refused: %s", exc)
            return refused(request, _("This LMS is not registered here, or did not say who it is."))


class LaunchView(LtiLaunchBaseView):
    """The launch: a resource link opens its module; a Deep Linking request lets an instructor pick one."""

    def post(self, request, *args, **kwargs):
        if not (request.POST.get("id_token") and request.POST.get("state")):
            return refused(request, _("The LMS sent no launch (an id_token and a state)."))
        try:
            return super().post(request, *args, **kwargs)
        except LtiException as exc:
            logger.info("LTI launch refused: %s", exc)
            message = _("The launch could not be verified: it may have expired, been changed or been used.")
            return refused(request, message)

    def launch_setup(self, request, lti_launch):
        # PyLTI1p3 checks that the nonce was issued here, not that it is used once: a replay stops here.
        if not cache.add(f"lti:nonce-used:{lti_launch.get_claim('nonce')}", True, timeout=NONCE_SECONDS):
            raise LtiException("Launch replayed")

    def handle_inactive_deployment(self, request, lti_launch):
        return refused(request, _("This LMS deployment is not registered here."), status=403)

    def handle_resource_launch(self, request, lti_launch):
        module_id = str(lti_launch.get_custom_claim("module_id") or "")
        module = ModulePage.objects.live().filter(pk=module_id).first() if module_id.isdigit() else None
        if module_id and module is None:
            return refused(request, _("The module this link opens is no longer available."), status=404)
        try:
            user = services.launch_user_account(lti_user_id=lti_launch.user.pk)
        except ServiceError as exc:
            return refused(request, exc.message, status=403)
        login(request, user, backend=ACCOUNT_BACKEND)
        if module is None:
            return redirect("catalogue")
        services.grade_link_record(
            lti_user=lti_launch.user, user=user, module=module, ags_claim=lti_launch.ags_claim
        )
        return redirect(module.url)

    def handle_deep_linking_launch(self, request, lti_launch):
        message_launch = lti_launch.get_message_launch()
        if not (message_launch.check_teacher_access() or message_launch.check_staff_access()):
            message = _("Only an instructor or administrator of the course can add modules.")
            return refused(request, message, status=403)
        return_url = lti_launch.get_claim(DEEP_LINKING_SETTINGS)["deep_link_return_url"]
        choices = [
            (module, protocol.deep_link_jwt(message_launch=message_launch, module=module))
            for module in selectors.modules_to_link()
        ]
        response = render(request, "lti/deep_link.html", {"choices": choices, "return_url": return_url})
        # The picker is shown in the LMS's frame, and each choice posts straight back to the LMS.
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(return_url))
        response._csp_replace = {"form-action": [origin], "frame-ancestors": [origin]}
        response.xframe_options_exempt = True
        return response
