"""The quiz tools' pages: import, export and item analysis of a quiz bank. Each asks the viewset's
permission policy (viewsets.py) before anything else, so a refused person learns nothing, not even whether a
quiz exists."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.generic import View
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from assessments.models import Quiz
from assessments.quizzes.analysis import quiz_item_analysis
from assessments.quizzes.exports import item_analysis_csv_response
from assessments.quizzes.forms import QuestionImportForm
from assessments.quizzes.selectors import quiz_lesson_coverage, quiz_lessons_without_questions
from assessments.quizzes.services.imports import FORMATS, format_for, questions_export, questions_import
from learning.core.errors import ServiceError


class EditorView(PermissionCheckedMixin, View):
    permission_policy = None  # the viewset's, passed in by it
    # Refused: PermissionDenied, which Wagtail's admin answers as on its own pages.
    permission_required = "change"


class QuizListView(EditorView):
    def get(self, request):
        quizzes = list(Quiz.objects.select_related("module").order_by("title"))
        coverage = quiz_lesson_coverage(quizzes=quizzes)
        for quiz in quizzes:  # which lessons no attempt can ask about, so editors see the gap in the list
            quiz.lessons_without_questions = coverage[quiz.pk].lessons_without_questions
        return TemplateResponse(request, "assessments/admin/quiz_tools.html", {"quizzes": quizzes})


class QuizImportView(EditorView):
    def page(self, request, quiz_id):
        """One page for both methods: the empty form, or the form with the report of what was (or would be)
        imported."""
        quiz = get_object_or_404(Quiz, pk=quiz_id)
        form = QuestionImportForm(request.POST or None, request.FILES or None)
        result = None
        if request.method == "POST" and form.is_valid():
            try:
                fmt = format_for(form.cleaned_data["file"].name)
            except ServiceError as exc:
                form.add_error("file", exc.message)
            else:
                result = questions_import(
                    quiz=quiz, text=form.cleaned_data["text"], fmt=fmt, dry_run=form.cleaned_data["dry_run"]
                )
                if result.ok and not result.dry_run:
                    messages.success(
                        request,
                        _("%(n)s questions imported into %(quiz)s.")
                        % {"n": len(result.report.questions), "quiz": quiz},
                    )
                elif not result.ok:
                    messages.error(
                        request,
                        _("Nothing was imported: fix the invalid questions listed below and try again."),
                    )
        return TemplateResponse(
            request, "assessments/admin/quiz_import.html", {"quiz": quiz, "form": form, "result": result}
        )

    get = post = page


class QuizExportView(EditorView):
    def get(self, request, quiz_id, fmt):
        quiz = get_object_or_404(Quiz, pk=quiz_id)
        # The format is part of the address: an unknown one is a page that does not exist.
        if fmt not in FORMATS:
            raise Http404
        response = HttpResponse(
            questions_export(quiz=quiz, fmt=fmt), content_type="text/plain; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{slugify(quiz.title)}.{fmt}"'
        return response


class QuizAnalysisView(EditorView):
    def get(self, request, quiz_id):
        quiz = get_object_or_404(Quiz, pk=quiz_id)
        stats = quiz_item_analysis(quiz=quiz)
        if request.GET.get("format") == "csv":
            return item_analysis_csv_response(stats=stats, title=quiz.title)
        return TemplateResponse(
            request,
            "assessments/admin/quiz_analysis.html",
            {
                "quiz": quiz,
                "stats": stats,
                "lessons_without_questions": quiz_lessons_without_questions(quiz=quiz),
            },
        )
