from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assessments.models import Quiz
from assessments.quizzes.services.imports import format_for, questions_import
from learning.core.errors import ServiceError


def quiz_lookup(value):
    quiz = (
        Quiz.objects.filter(pk=value).first() if value.isdigit() else Quiz.objects.filter(title=value).first()
    )
    if quiz is None:
        raise CommandError(f"No quiz with id or title {value!r}.")
    return quiz


class Command(BaseCommand):
    help = (
        "Import GIFT or Moodle XML questions into a quiz's bank. All or nothing: any invalid question "
        "imports none."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--quiz", required=True, help="quiz id or exact title")
        parser.add_argument("--format", choices=["gift", "xml"], help="default: from the file's extension")
        parser.add_argument("--dry-run", action="store_true", help="report what would happen, write nothing")
        parser.add_argument(
            "--grades",
            choices=["error", "nearest"],
            default="error",
            help="a grade Moodle does not accept: refuse the file (default) or round it to the "
            "nearest one Moodle accepts, as Moodle's 'match grades' option",
        )

    def handle(self, *args, path, quiz, format, dry_run, grades, **options):
        try:
            fmt = format or format_for(path)
            text = Path(path).read_text(encoding="utf-8")
        except (ServiceError, OSError, UnicodeDecodeError) as exc:
            raise CommandError(str(getattr(exc, "message", exc))) from exc
        result = questions_import(quiz=quiz_lookup(quiz), text=text, fmt=fmt, dry_run=dry_run, grades=grades)
        for line in result.lines():
            self.stdout.write(line)
        if not result.ok:
            raise CommandError(f"{len(result.report.invalid)} invalid question(s): nothing was imported.")
        summary = (
            f"{len(result.report.questions)} question(s), {len(result.report.skipped)} skipped as unsupported"
        )
        self.stdout.write(self.style.SUCCESS(("Dry run: " if dry_run else "Done: ") + summary + "."))
