"""Organisations' sign-on in the Wagtail admin (people with the model's permissions: platform admins), saved
through services.sign_on_save so that the SocialApp follows; and the audit-log action of an SSO sign-in."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView

from learning.core.errors import ServiceError
from learning.core.snippets import ProjectSnippetViewSet

from . import services
from .models import OrganisationSignOn


@hooks.register("register_log_actions")
def sso_log_actions(actions):
    @actions.register_action(services.SIGNED_IN)
    class SignedIn(LogFormatter):
        label = _("Sign in through the organisation")

        def format_message(self, log_entry):
            if log_entry.data.get("provider_mfa"):
                return _("Signed in through the organisation's identity provider, with a second factor")
            return _("Signed in through the organisation's identity provider")


class SavedThroughService:
    def save_instance(self):
        try:
            return services.sign_on_save(sign_on=self.form.instance)
        except ServiceError as exc:  # form validation ran the same checks; this is a race at most
            raise ValidationError(exc.message) from exc


class SignOnCreateView(SavedThroughService, CreateView):
    pass


class SignOnEditView(SavedThroughService, EditView):
    pass


class OrganisationSignOnViewSet(ProjectSnippetViewSet):
    model = OrganisationSignOn
    add_view_class = SignOnCreateView
    edit_view_class = SignOnEditView
    icon = "key"
    menu_label = _("Single sign-on")
    add_to_admin_menu = False
    list_display = ["organisation", "protocol", "key", "email_domains", "require_sso", "allow_jit_accounts"]
    search_fields = ["key", "email_domains"]

    def get_queryset(self, request):
        return OrganisationSignOn.objects.select_related("organisation")


register_snippet(OrganisationSignOnViewSet)
