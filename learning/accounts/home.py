"""Where a person's work is: the page they land on after signing in (docs/roles-and-permissions.md)."""

from django.urls import reverse

from learning.organisations.selectors import memberships_for_user


def home_url(user) -> str:
    """The home of the most responsible role the person holds in any organisation: a workforce lead's
    coverage, a supervisor's review queue, an editor's content in the Wagtail admin, else My learning.
    Someone with that role in several organisations lands on the page that lists each (coverage's chooser);
    the navigation shows every other area their roles give them."""
    memberships = list(memberships_for_user(user=user))
    if any(m.is_lead for m in memberships):
        return reverse("coverage_home")
    if any(m.is_supervisor for m in memberships):
        return reverse("supervision")
    if user.has_perm("wagtailadmin.access_admin"):
        return reverse("wagtailadmin_home")
    return reverse("my_learning")
