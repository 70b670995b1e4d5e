from django.urls import path

from .views import cpd, lead, mine, verify

urlpatterns = [
    path("", mine.record_list, name="records_list"),
    path("new/", mine.record_new, name="records_new"),
    path("<int:record_id>/", mine.record_detail, name="records_detail"),
    path("<int:record_id>/edit/", mine.record_edit, name="records_edit"),
    path("<int:record_id>/evidence/", mine.record_evidence, name="records_evidence"),
    path("<int:record_id>/decide/", verify.record_decide, name="records_decide"),
    path("to-verify/", verify.verify_queue, name="records_verify_queue"),
    path("cpd/", cpd.my_cpd, name="records_cpd"),
    path("people/<int:membership_id>/cpd/", lead.person_cpd, name="records_person_cpd"),
    path("people/<int:membership_id>/record-completion/", lead.completion_new, name="records_completion_new"),
    path("organisation/<int:org_id>/equivalences/", lead.equivalences, name="records_equivalences"),
    path(
        "organisation/<int:org_id>/equivalences/<int:pk>/delete/",
        lead.equivalence_delete,
        name="records_equivalence_delete",
    ),
]
