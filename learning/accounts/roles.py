"""A person's roles as every signed-in page needs them: the organisations they lead, whether they supervise,
whether they may open the Wagtail admin. The two-factor check and the navigation read this one record, from
the cache (learning.core.person_cache); the saves that change it forget it (connected in AccountsConfig)."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete, post_save

from learning.core.person_cache import person_cache_forget, person_cache_get, person_cache_register
from learning.organisations.models import Membership, Organisation
from learning.organisations.selectors import memberships_for_user

KIND = "roles"


@dataclass(frozen=True)
class Roles:
    led: tuple[tuple[int, str], ...] = ()  # (id, name) of each organisation led now, by name
    supervises: bool = False
    admin: bool = False  # may open the Wagtail admin
    superuser: bool = False

    @property
    def privileged(self) -> bool:
        """Platform admins and workforce leads anywhere."""
        return self.superuser or bool(self.led)

    @property
    def needs_second_factor(self) -> bool:
        return self.privileged or self.admin


def roles_for(user) -> Roles:
    """The person's roles, read once per request (kept on the user object) and once per change (cached)."""
    if not hasattr(user, "_roles"):
        user._roles = person_cache_get(KIND, user.pk, lambda: _roles_read(user))
    return user._roles


def _roles_read(user) -> Roles:
    memberships = list(memberships_for_user(user=user))  # by organisation name
    return Roles(
        led=tuple((m.organisation_id, m.organisation.name) for m in memberships if m.is_lead),
        supervises=any(m.is_supervisor for m in memberships),
        admin=user.is_superuser or user.has_perm("wagtailadmin.access_admin"),
        superuser=user.is_superuser,
    )


def _membership_changed(sender, instance, **kwargs):
    person_cache_forget([instance.user_id])


def _organisation_changed(sender, instance, created=False, **kwargs):
    if not created:  # its name is in its leads' navigation
        person_cache_forget(
            Membership.objects.filter(organisation=instance).values_list("user_id", flat=True)
        )


def _user_changed(sender, instance, **kwargs):
    person_cache_forget([instance.pk])  # superuser, staff or active changed; also every sign-in (last_login)


def _user_groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action.startswith("post_"):
        person_cache_forget((pk_set or ()) if reverse else [instance.pk])


def _group_permissions_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action.startswith("post_"):
        groups = Group.objects.filter(pk__in=pk_set or ()) if reverse else [instance]
        User = get_user_model()
        person_cache_forget(User.objects.filter(groups__in=groups).values_list("pk", flat=True))


def register():
    person_cache_register(KIND)
    User = get_user_model()
    for signal in (post_save, post_delete):
        signal.connect(_membership_changed, sender=Membership, dispatch_uid="roles_membership")
    post_save.connect(_organisation_changed, sender=Organisation, dispatch_uid="roles_organisation")
    post_save.connect(_user_changed, sender=User, dispatch_uid="roles_user")
    for through in (User.groups.through, User.user_permissions.through):
        m2m_changed.connect(_user_groups_changed, sender=through, dispatch_uid=f"roles_{through.__name__}")
    m2m_changed.connect(
        _group_permissions_changed, sender=Group.permissions.through, dispatch_uid="roles_group"
    )
