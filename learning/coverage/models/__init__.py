from .assignments import Assignment, Requirement
from .people import EmailPreference, NotificationSent, StaffImport
from .rollups import WHOLE_ORGANISATION, CoverageRollup, CoverageSnapshot, FrameworkRollup

__all__ = [
    "WHOLE_ORGANISATION",
    "Assignment",
    "CoverageRollup",
    "CoverageSnapshot",
    "EmailPreference",
    "FrameworkRollup",
    "NotificationSent",
    "Requirement",
    "StaffImport",
]
