import time

from django.core.management.base import BaseCommand

from learning.demo.population import population_generate
from learning.organisations.models import Organisation


class Command(BaseCommand):
    help = (
        "Generate organisations of staff with a year of learning history (bulk inserts): the data the scale "
        "benchmark runs on. Organisations already generated are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--organisations", type=int, default=2)
        parser.add_argument("--staff", type=int, default=250, help="people per organisation")
        parser.add_argument("--days", type=int, default=365, help="days of history")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--prefix", default="Generated organisation", help="organisations are named '<prefix> 001' on"
        )

    def handle(self, *args, **options):
        started = time.perf_counter()
        organisations = [
            Organisation.objects.get_or_create(
                name=f"{options['prefix']} {i:03d}", defaults={"kind": Organisation.Kind.NHS_BOARD}
            )[0]
            for i in range(1, options["organisations"] + 1)
        ]
        report = population_generate(
            organisations=organisations,
            staff=options["staff"],
            history_days=options["days"],
            seed=options["seed"],
        )
        self.stdout.write(self.style.SUCCESS(f"{report} in {time.perf_counter() - started:.1f} s"))
