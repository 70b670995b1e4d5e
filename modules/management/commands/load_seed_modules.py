from django.core.management.base import BaseCommand

from modules.seed import seed_modules_install


class Command(BaseCommand):
    help = "Install the site structure and the four seed modules (idempotent: existing pages are kept)."

    def handle(self, *args, **options):
        report = seed_modules_install()
        self.stdout.write(self.style.SUCCESS(f"Seed modules installed: {len(report.created)} new pages."))
