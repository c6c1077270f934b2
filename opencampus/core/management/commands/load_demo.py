import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from opencampus.demo.loader import load_demo

DEFAULT_PASSWORD = "opencampus-demo"
DEMO_URL = "http://127.0.0.1:8000/c/seoul/"


def refuse_reason(*, force):
    """Why loading demo logins here looks like a mistake, or None when it is fine."""
    if force or settings.DEBUG or connection.vendor == "sqlite":
        return None
    return (
        f"DEBUG is off and the database is {connection.vendor}, not SQLite: this looks like production, "
        "and the demo creates logins with a published password. Pass --force to load it anyway."
    )


class Command(BaseCommand):
    help = "Load the Seoul Innovation Park demo data and demo logins (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default=DEFAULT_PASSWORD,
            help=f"Password of every demo login (default: {DEFAULT_PASSWORD}).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even when DEBUG is off and the database is not SQLite.",
        )

    def handle(self, *args, password, force, **options):
        reason = refuse_reason(force=force)
        if reason:
            raise CommandError(reason)
        if not password:
            raise CommandError("The demo password must not be empty.")

        started = time.monotonic()
        result = load_demo(password=password)
        seconds = time.monotonic() - started

        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data loaded in {seconds:.1f} s: {result.tally.created.total()} rows created, "
                f"{result.tally.updated.total()} updated."
            )
        )
        self.stdout.write(f"\nOpen {DEMO_URL} and log in with password “{password}”:\n")
        rows = [("e-mail", "campus", "role", "name")]
        rows += [
            (login.email, login.campus or "(all)", login.role, f"{login.name_ko} · {login.name_en}")
            for login in result.logins
        ]
        widths = [max(len(row[column]) for row in rows) for column in range(3)]
        for row in rows:
            padded = (value.ljust(width) for value, width in zip(row[:3], widths, strict=True))
            self.stdout.write("  " + "  ".join([*padded, row[3]]))
        self.stdout.write("\nThe platform administrator also reaches /admin/.")
