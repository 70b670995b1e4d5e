"""Reads for the LTI tool."""

from django.db.models import Exists, OuterRef

from learning.progress.models import ModuleCompletion
from modules.models import ModulePage

from .models import GradeLink, LmsRegistration


def completion_has_grade_link(*, completion_id: int) -> bool:
    links = GradeLink.objects.filter(user=OuterRef("user"), module=OuterRef("module"))
    return ModuleCompletion.objects.filter(pk=completion_id).filter(Exists(links)).exists()


def lms_registrations_for(*, organisation):
    """An organisation's LMSs, with their registration and deployments, newest first."""
    return (
        LmsRegistration.objects.filter(organisation=organisation)
        .select_related("registration", "registered_by")
        .prefetch_related("registration__deployments")
        .order_by("-registered_at")
    )


def modules_to_link():
    """The modules an LMS instructor may place with Deep Linking: every live module, by title."""
    return ModulePage.objects.live().order_by("title").only("id", "title", "summary", "url_path")
