"""Navigation by role: every area a person's roles give them, in each organisation they hold the role in.

It reads no database row on most requests: the person's roles (learning/accounts/roles.py) and the counts
(counts.py) are cached records, forgotten by the events that change them."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from learning.accounts.roles import roles_for

from .counts import counts_for


@dataclass
class NavLink:
    label: str
    url: str
    count: int = 0
    count_label: str = ""  # what the count means, for screen readers
    current: str = ""  # the aria-current value: "page" on the page itself, "true" on a page below it


def _mark_current(path, links):
    """The link for this page is "page"; on a page below one (a dashboard's drill-down), the closest is
    "true". At most one link is current."""
    containing = [link for link in links if path.startswith(link.url)]
    if containing:
        closest = max(containing, key=lambda link: len(link.url))
        closest.current = "page" if closest.url == path else "true"
    return links


def _organisation_links(user, led):
    """Coverage and Staff for each organisation led ((id, name) pairs), named by organisation when there are
    several, after the overview of them all (the lead's home: every dashboard and partnership view). Admins
    who lead nowhere get the overviews, which list every organisation."""
    if len(led) == 1:
        return [
            NavLink(_("Coverage"), reverse("coverage_dashboard", args=[led[0][0]])),
            NavLink(_("Staff"), reverse("organisation_staff", args=[led[0][0]])),
        ]
    links = [NavLink(_("Coverage overview"), reverse("coverage_home"))] if led or user.is_superuser else []
    if not led and user.is_superuser:
        links.append(NavLink(_("Staff"), reverse("organisation_home")))
    for pk, name in led:
        links += [
            NavLink(_("Coverage: %(org)s") % {"org": name}, reverse("coverage_dashboard", args=[pk])),
            NavLink(_("Staff: %(org)s") % {"org": name}, reverse("organisation_staff", args=[pk])),
        ]
    return links


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav": {}}
    roles = roles_for(user)
    counts = counts_for(user)  # the review queue's length and unread updates
    supervision = roles.supervises
    links = [
        NavLink(_("My learning"), reverse("my_learning")),
        NavLink(_("Catalogue"), reverse("catalogue")),
        NavLink(_("Certificates"), reverse("my_certificates")),
        NavLink(_("Events"), reverse("event_list")),
        NavLink(
            _("Reflections"),
            reverse("reflection_list"),
            count=counts["unread"],
            count_label=ngettext("new update", "new updates", counts["unread"]),
        ),
    ]
    if supervision:
        links.append(
            NavLink(
                _("Supervision"),
                reverse("supervision"),
                count=counts["review"],
                count_label=ngettext("reflection to review", "reflections to review", counts["review"]),
            )
        )
    if supervision or roles.led:
        links.append(NavLink(_("Learning to verify"), reverse("records_verify_queue")))
    links += _organisation_links(user, roles.led)
    admin = roles.admin
    if admin:
        links.append(NavLink(_("Admin"), reverse("wagtailadmin_home")))
    return {
        "nav": {
            "links": _mark_current(request.path, links),
            "supervision": supervision,
            "organisation": roles.privileged,
            "admin": admin,
        }
    }
