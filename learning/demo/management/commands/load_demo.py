from django.core.management.base import BaseCommand

from learning.demo.install import demo_data_install, demo_population_install


class Command(BaseCommand):
    help = "Load demo organisations, people with a year of history, and the seed modules (idempotent)."

    def handle(self, *args, **options):
        demo_data_install()
        demo_population_install()
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
