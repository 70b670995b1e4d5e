"""Quiz reports for workforce leads, limited to their organisation's people."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from assessments.models import Quiz
from assessments.quizzes.analysis import quiz_item_analysis
from assessments.quizzes.exports import item_analysis_csv_response
from learning.organisations.access import organisation_for
from learning.organisations.models import Membership


@login_required
def organisation_quizzes(request, org_id):
    organisation = organisation_for(request, org_id, "organisations.manage_organisation")
    quizzes = Quiz.objects.select_related("module").order_by("title")
    return render(
        request, "assessments/organisation_quizzes.html", {"organisation": organisation, "quizzes": quizzes}
    )


@login_required
def organisation_quiz_analysis(request, org_id, quiz_id):
    organisation = organisation_for(request, org_id, "organisations.manage_organisation")
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    members = Membership.objects.filter(organisation=organisation).values("user_id")
    stats = quiz_item_analysis(quiz=quiz, users=members)
    if request.GET.get("format") == "csv":
        return item_analysis_csv_response(stats=stats, title=f"{organisation} {quiz.title}")
    return render(
        request,
        "assessments/organisation_quiz_analysis.html",
        {"organisation": organisation, "quiz": quiz, "stats": stats},
    )
