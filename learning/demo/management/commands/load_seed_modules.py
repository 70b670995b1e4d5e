from django.core.management.base import BaseCommand

from assessments.quizzes.seed import seed_quizzes_install
from modules.seed import seed_modules_install


class Command(BaseCommand):
    help = (
        "Install the site structure, the four seed modules and their quizzes "
        "(idempotent: existing content is kept)."
    )

    def handle(self, *args, **options):
        report = seed_modules_install()
        questions = seed_quizzes_install()
        self.stdout.write(
            self.style.SUCCESS(
                f"Seed modules installed: {len(report.created)} new pages, {questions} new quiz questions."
            )
        )
