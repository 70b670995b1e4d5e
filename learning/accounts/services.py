"""Changes a person makes to their own account (allauth handles addresses, passwords and second factors)."""

from django.db import transaction
from django.utils.translation import gettext as _

from learning.core.errors import ServiceError


@transaction.atomic
def user_name_change(*, user, first_name: str, last_name: str):
    """Set the name `user` goes by on certificates, staff lists and reflections. Both parts are required:
    a certificate or a supervisor's queue with half a name helps nobody."""
    first_name, last_name = first_name.strip(), last_name.strip()
    if not first_name or not last_name:
        raise ServiceError(_("Enter both your first name and your last name."), code="name_required")
    user.first_name, user.last_name = first_name, last_name
    user.full_clean()
    user.save(update_fields=["first_name", "last_name"])
    return user
