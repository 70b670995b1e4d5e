"""Who may configure an organisation's LRS and who may export a module as a cmi5 package.

An LRS is the organisation's: its workforce leads (and platform admins) set it. A module's cmi5 package
is the module's content, with its quiz's answers inside (the package scores the quiz in the other LMS): the
editors who may edit the module, and workforce leads (who take it to their own LMS), may download it.
"""

import rules

from learning.organisations.models import Membership
from learning.organisations.rules import is_platform_admin, leads_organisation


@rules.predicate
def edits_module(user, module):
    return user.is_authenticated and module.permissions_for_user(user).can_edit()


@rules.predicate
def leads_somewhere(user):
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_xapi_leads"):  # asked once per module in an admin listing: once per request
        user._xapi_leads = Membership.objects.active().leads().filter(user=user).exists()
    return user._xapi_leads


rules.add_perm("xapi.manage_lrs", leads_organisation | is_platform_admin)
rules.add_perm("xapi.export_cmi5", edits_module | leads_somewhere | is_platform_admin)
