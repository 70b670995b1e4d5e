"""Where a person starts after joining an organisation: the first module it requires of them."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect

from ..selectors import assigned_to


@login_required
def first_assigned_module(request):
    """The soonest-due (overdue first) module assigned to the person, else My learning. Joining happens below
    coverage (organisations, accounts), so those layers send the person here by URL name (settings:
    ACCOUNT_SIGNUP_REDIRECT_URL, INVITATION_ACCEPTED_URL) rather than asking coverage themselves. When the
    requirements are still being counted (a Celery task after the join), My learning lists them as they
    come."""
    assigned = assigned_to(user=request.user)
    return redirect(assigned[0].module.url if assigned else "my_learning")
