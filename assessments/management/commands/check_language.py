from django.core.management.base import BaseCommand, CommandError

from assessments.quizzes.language import content_language_findings


class Command(BaseCommand):
    help = (
        "Check every text field of the live modules, lessons and quizzes for stigmatising words "
        "(learning/core/language.py). Prints each finding and exits with status 1 if there are any."
    )

    def handle(self, *args, **options):
        findings = content_language_findings()
        for finding in findings:
            self.stdout.write(f"{finding.obj}\t{finding.field}\t{finding.term}")
        if findings:
            raise CommandError(
                f"{len(findings)} stigmatising terms found: reword them (person-first language)."
            )
        self.stdout.write(self.style.SUCCESS("No stigmatising terms found."))
