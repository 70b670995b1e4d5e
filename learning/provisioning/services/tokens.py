"""An organisation's SCIM bearer token: made or replaced by its lead, shown once, stored as a digest."""

from django.db import transaction
from django.utils import timezone

from learning.core.audit import audit_log

from ..actions import TOKEN_ROTATED
from ..models import ScimToken, token_digest


@transaction.atomic
def scim_token_rotate(*, organisation, actor) -> str:
    """Create the organisation's token, or replace it (the old one stops working at once). Returns the token
    itself, which is never stored: the caller shows it once."""
    raw = ScimToken.generate()
    token, _created = ScimToken.objects.update_or_create(
        organisation=organisation,
        defaults={"digest": token_digest(raw), "hint": raw[-4:], "created_by": actor, "last_used_at": None},
    )
    audit_log(token, TOKEN_ROTATED, user=actor, organisation_id=organisation.pk)
    return raw


def scim_token_authenticate(raw: str) -> ScimToken | None:
    """The token whose digest matches `raw`, with its organisation, noting when it was last used."""
    token = ScimToken.objects.select_related("organisation").filter(digest=token_digest(raw)).first()
    if token is not None:
        token.last_used_at = timezone.now()
        ScimToken.objects.filter(pk=token.pk).update(last_used_at=token.last_used_at)
    return token
