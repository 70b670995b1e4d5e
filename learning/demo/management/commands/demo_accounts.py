from django.core.management.base import BaseCommand

from learning.demo.install import DEMO_ACCOUNTS, DEMO_PASSWORD


class Command(BaseCommand):
    help = "Print the demo sign-in accounts."

    def handle(self, *args, **options):
        self.stdout.write("\nWhole Family Learning is starting on http://127.0.0.1:8000\n")
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
        for email, role in DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:<26} {role}")
        self.stdout.write("Emails are printed by the web process. Press Ctrl+C to stop.\n")
