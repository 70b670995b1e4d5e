"""Navigation by role: each link shows only for people who have a role that uses it."""

from assessments.practice.selectors.reflections import nav_counts
from learning.organisations.selectors import memberships_for_user


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav": {}}
    memberships = list(memberships_for_user(user=user))
    counts = nav_counts(user=user)  # one query: the review queue's length and unread updates
    return {
        "nav": {
            "memberships": memberships,
            "supervision": any(m.is_supervisor for m in memberships),
            "review_count": counts["review"],
            "unread_count": counts["unread"],
            "organisation": user.is_superuser or any(m.is_lead for m in memberships),
            "admin": user.is_superuser or user.has_perm("wagtailadmin.access_admin"),
        }
    }
