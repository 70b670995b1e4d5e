"""Reads for required training and coverage, with query counts that stay flat as the workforce grows."""

from .dashboard import dashboard_for, trend_for
from .partnership import partnership_coverage
from .people import assigned_to, requirements_in
from .records import learning_record
from .scope import Scope, scope_for

__all__ = [
    "Scope",
    "assigned_to",
    "dashboard_for",
    "learning_record",
    "partnership_coverage",
    "requirements_in",
    "scope_for",
    "trend_for",
]
