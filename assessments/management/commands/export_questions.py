from django.core.management.base import BaseCommand

from assessments.management.commands.import_questions import quiz_lookup
from assessments.quizzes.services.imports import questions_export


class Command(BaseCommand):
    help = "Export a quiz's question bank as GIFT or Moodle XML to standard output."

    def add_arguments(self, parser):
        parser.add_argument("--quiz", required=True, help="quiz id or exact title")
        parser.add_argument("--format", choices=["gift", "xml"], default="xml")

    def handle(self, *args, quiz, format, **options):
        self.stdout.write(questions_export(quiz=quiz_lookup(quiz), fmt=format), ending="")
