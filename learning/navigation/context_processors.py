"""Navigation by role: every area a person's roles give them, in each organisation they hold the role in."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from assessments.practice.selectors.reflections import nav_counts
from learning.organisations.selectors import memberships_for_user


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


def _organisation_links(user, memberships):
    """Coverage and Staff for each organisation led, named by organisation when there are several, after
    the overview of them all (the lead's home: every dashboard and partnership view). Admins who lead
    nowhere get the overviews, which list every organisation."""
    led = [m.organisation for m in memberships if m.is_lead]
    if len(led) == 1:
        return [
            NavLink(_("Coverage"), reverse("coverage_dashboard", args=[led[0].pk])),
            NavLink(_("Staff"), reverse("organisation_staff", args=[led[0].pk])),
        ]
    links = [NavLink(_("Coverage overview"), reverse("coverage_home"))] if led or user.is_superuser else []
    if not led and user.is_superuser:
        links.append(NavLink(_("Staff"), reverse("organisation_home")))
    for organisation in led:
        links += [
            NavLink(
                _("Coverage: %(org)s") % {"org": organisation},
                reverse("coverage_dashboard", args=[organisation.pk]),
            ),
            NavLink(
                _("Staff: %(org)s") % {"org": organisation},
                reverse("organisation_staff", args=[organisation.pk]),
            ),
        ]
    return links


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav": {}}
    memberships = list(memberships_for_user(user=user))
    counts = nav_counts(user=user)  # one query: the review queue's length and unread updates
    supervision = any(m.is_supervisor for m in memberships)
    links = [
        NavLink(_("My learning"), reverse("my_learning")),
        NavLink(_("Catalogue"), reverse("catalogue")),
        NavLink(_("Certificates"), reverse("my_certificates")),
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
    links += _organisation_links(user, memberships)
    admin = user.is_superuser or user.has_perm("wagtailadmin.access_admin")
    if admin:
        links.append(NavLink(_("Admin"), reverse("wagtailadmin_home")))
    return {
        "nav": {
            "links": _mark_current(request.path, links),
            "supervision": supervision,
            "organisation": user.is_superuser or any(m.is_lead for m in memberships),
            "admin": admin,
        }
    }
