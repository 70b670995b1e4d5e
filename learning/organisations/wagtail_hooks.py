"""Organisations, teams, memberships and invitations in the Wagtail admin, each list limited by the same
rules as the rest of the site (memberships_visible_to); and the audit-log actions for membership changes."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList, extract_panel_definitions_from_model_class
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSetGroup

from learning.core.snippets import ProjectSnippetViewSet

from . import services
from .forms import InvitationAdminForm
from .models import Invitation, Membership, Organisation, Team, role_labels
from .selectors import memberships_visible_to, organisations_led_by


@hooks.register("register_log_actions")
def membership_log_actions(actions):
    @actions.register_action(services.ROLES_CHANGED)
    class RolesChanged(LogFormatter):
        label = _("Change roles")

        def format_message(self, log_entry):
            old, new = (", ".join(role_labels(log_entry.data.get(k) or [])) for k in ("old", "new"))
            return _("Roles changed from %(old)s to %(new)s") % {
                "old": old or _("none"),
                "new": new or _("none"),
            }

    @actions.register_action(services.SUPERVISOR_CHANGED)
    class SupervisorChanged(LogFormatter):
        label = _("Change supervisor")
        message = _("Supervisor changed")


class MembershipChangesAudited:
    """Admin saves of a membership go through the same audit and notice as every other change (services)."""

    def save_instance(self):
        previous = Membership.objects.filter(pk=self.form.instance.pk).first()
        instance = super().save_instance()
        services.membership_changes_record(
            membership=instance,
            actor=self.request.user,
            before=services.membership_state(previous) if previous else None,
        )
        return instance


class MembershipCreateView(MembershipChangesAudited, CreateView):
    pass


class MembershipEditView(MembershipChangesAudited, EditView):
    pass


class OrganisationViewSet(ProjectSnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "kind", "partnership", "shares_with_partnership"]
    list_filter = ["kind"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return organisations_led_by(user=request.user)


class TeamViewSet(ProjectSnippetViewSet):
    model = Team
    icon = "group"
    list_display = ["name", "organisation"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return Team.objects.filter(organisation__in=organisations_led_by(user=request.user)).select_related(
            "organisation"
        )


class MembershipViewSet(ProjectSnippetViewSet):
    model = Membership
    add_view_class = MembershipCreateView
    edit_view_class = MembershipEditView
    icon = "user"
    list_display = ["user", "organisation", "team", "job_title", "is_learner", "is_supervisor", "is_lead"]
    list_filter = ["organisation", "is_supervisor", "is_lead"]
    search_fields = ["job_title"]

    def get_queryset(self, request):
        return memberships_visible_to(user=request.user)


class InvitationViewSet(ProjectSnippetViewSet):
    model = Invitation
    icon = "mail"
    list_display = ["email", "organisation", "created_at", "expires_at", "accepted_at"]
    search_fields = ["email"]

    def get_edit_handler(self):
        panels = extract_panel_definitions_from_model_class(
            self.model, exclude=self.get_exclude_form_fields()
        )
        return ObjectList(panels, base_form_class=InvitationAdminForm).bind_to_model(self.model)

    def get_queryset(self, request):
        return Invitation.objects.filter(
            organisation__in=organisations_led_by(user=request.user)
        ).select_related("organisation")


class PeopleGroup(SnippetViewSetGroup):
    menu_label = "Organisations"
    menu_icon = "group"
    menu_order = 200
    items = (OrganisationViewSet, TeamViewSet, MembershipViewSet, InvitationViewSet)


register_snippet(PeopleGroup)
