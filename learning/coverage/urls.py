from django.urls import path

from .views import assignments, dashboard, follow_ups, imports, preferences, records, start

FORMATS = ("csv", "xlsx")

urlpatterns = [
    path("", dashboard.coverage_home, name="coverage_home"),
    path("preferences/", preferences.preferences, name="coverage_preferences"),
    path("start/", start.first_assigned_module, name="first_assigned_module"),
    path("organisation/<int:org_id>/", dashboard.dashboard, name="coverage_dashboard"),
    path("organisation/<int:org_id>/people/<slug:status>/", dashboard.people, name="coverage_people"),
    *[
        path(
            f"organisation/<int:org_id>/export.{fmt}",
            dashboard.dashboard_export,
            {"fmt": fmt},
            name=f"coverage_export_{fmt}",
        )
        for fmt in FORMATS
    ],
    path("organisation/<int:org_id>/sharing/", dashboard.sharing, name="coverage_sharing"),
    path("organisation/<int:org_id>/follow-ups/", follow_ups.follow_ups, name="coverage_follow_ups"),
    path("organisation/<int:org_id>/assignments/", assignments.assignments, name="coverage_assignments"),
    path(
        "organisation/<int:org_id>/assignments/<int:pk>/",
        assignments.assignment_edit,
        name="coverage_assignment_edit",
    ),
    path(
        "organisation/<int:org_id>/assignments/<int:pk>/remove/",
        assignments.assignment_remove,
        name="coverage_assignment_remove",
    ),
    path("organisation/<int:org_id>/import/", imports.staff_import, name="coverage_import"),
    path(
        "organisation/<int:org_id>/import/<int:import_id>/confirm/",
        imports.staff_import_confirm,
        name="coverage_import_confirm",
    ),
    path(
        "organisation/<int:org_id>/import/template.csv",
        imports.staff_import_template,
        name="coverage_import_template",
    ),
    path("partnership/<int:org_id>/", dashboard.partnership, name="coverage_partnership"),
    path("record/<int:membership_id>/", records.record, name="coverage_record"),
    *[
        path(
            f"record/<int:membership_id>/export.{fmt}",
            records.record_export,
            {"fmt": fmt},
            name=f"coverage_record_export_{fmt}",
        )
        for fmt in FORMATS
    ],
]
