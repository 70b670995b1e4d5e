"""Who may register an LMS: the organisation's workforce leads and platform admins (people an LMS launches
become that organisation's learners). The launch, login and key-set URLs are public by nature: an LMS and the
person it sends call them before anyone is signed in, and each request proves itself by signatures."""

import rules

from learning.organisations.rules import is_platform_admin, leads_organisation

rules.add_perm("lti.manage_lms", leads_organisation | is_platform_admin)
