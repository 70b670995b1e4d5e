"""Wagtail admin pages for quiz banks: import, export and item analysis."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from learning.core.errors import ServiceError

from assessments.quizzes.analysis import quiz_item_analysis
from assessments.quizzes.exports import item_analysis_csv_response
from assessments.quizzes.forms import QuestionImportForm
from assessments.models import Quiz
from assessments.quizzes.services.imports import FORMATS, format_for, questions_export, questions_import


def _editor_only(request):
    if not request.user.has_perm("assessments.change_question"):
        raise PermissionDenied


def quiz_tools(request):
    _editor_only(request)
    quizzes = Quiz.objects.select_related("module").order_by("title")
    return TemplateResponse(request, "assessments/admin/quiz_tools.html", {"quizzes": quizzes})


def quiz_import(request, quiz_id):
    _editor_only(request)
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    form = QuestionImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        try:
            fmt = format_for(form.cleaned_data["file"].name)
        except ServiceError as exc:
            form.add_error("file", exc.message)
        else:
            result = questions_import(quiz=quiz, text=form.cleaned_data["text"], fmt=fmt, dry_run=form.cleaned_data["dry_run"])
            if result.ok and not result.dry_run:
                messages.success(request, _("%(n)s questions imported into %(quiz)s.") % {"n": len(result.report.questions), "quiz": quiz})
            elif not result.ok:
                messages.error(request, _("Nothing was imported: fix the invalid questions listed below and try again."))
    return TemplateResponse(request, "assessments/admin/quiz_import.html", {"quiz": quiz, "form": form, "result": result})


def quiz_export(request, quiz_id, fmt):
    _editor_only(request)
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    if fmt not in FORMATS:  # the format is part of the address: an unknown one is a page that does not exist
        raise Http404
    response = HttpResponse(questions_export(quiz=quiz, fmt=fmt), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(quiz.title)}.{fmt}"'
    return response


def quiz_analysis(request, quiz_id):
    _editor_only(request)
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    stats = quiz_item_analysis(quiz=quiz)
    if request.GET.get("format") == "csv":
        return item_analysis_csv_response(stats=stats, title=quiz.title)
    return TemplateResponse(request, "assessments/admin/quiz_analysis.html", {"quiz": quiz, "stats": stats})


