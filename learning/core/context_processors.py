"""Navigation by role: each link shows only for people who have a role that uses it."""
from learning.organisations.selectors import memberships_for_user


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav": {}}
    memberships = list(memberships_for_user(user=user))
    return {
        "nav": {
            "memberships": memberships,
            "supervision": any(m.is_supervisor for m in memberships),
            "organisation": user.is_superuser or any(m.is_lead for m in memberships),
            "admin": user.is_superuser or user.has_perm("wagtailadmin.access_admin"),
        }
    }
