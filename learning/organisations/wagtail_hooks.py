"""Organisations, teams, memberships and invitations in the Wagtail admin, each list limited by the same
rules as the rest of the site (memberships_visible_to)."""
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Invitation, Membership, Organisation, Team
from .selectors import memberships_visible_to, organisations_led_by


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "kind", "partnership", "shares_with_partnership"]
    list_filter = ["kind"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return organisations_led_by(user=request.user)


class TeamViewSet(SnippetViewSet):
    model = Team
    icon = "group"
    list_display = ["name", "organisation"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return Team.objects.filter(organisation__in=organisations_led_by(user=request.user)).select_related("organisation")


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "user"
    list_display = ["user", "organisation", "team", "job_title", "is_learner", "is_supervisor", "is_lead"]
    list_filter = ["organisation", "is_supervisor", "is_lead"]
    search_fields = ["job_title"]

    def get_queryset(self, request):
        return memberships_visible_to(user=request.user)


class InvitationViewSet(SnippetViewSet):
    model = Invitation
    icon = "mail"
    list_display = ["email", "organisation", "created_at", "expires_at", "accepted_at"]
    search_fields = ["email"]

    def get_queryset(self, request):
        return Invitation.objects.filter(organisation__in=organisations_led_by(user=request.user)).select_related("organisation")


class PeopleGroup(SnippetViewSetGroup):
    menu_label = "Organisations"
    menu_icon = "group"
    menu_order = 200
    items = (OrganisationViewSet, TeamViewSet, MembershipViewSet, InvitationViewSet)


register_snippet(PeopleGroup)
