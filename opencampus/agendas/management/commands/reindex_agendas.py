import time

from django.core.management.base import BaseCommand, CommandError

from opencampus.agendas.services.similarity import reindex_campus
from opencampus.core.models import Campus


class Command(BaseCommand):
    help = (
        "Rebuild the index that suggests similar social problems, for one campus or all of them "
        "(after changing how texts are split into terms, or to repair it)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--campus", metavar="SLUG", help="Only this campus (default: every campus).")

    def handle(self, *args, campus=None, **options):
        campuses = Campus.objects.order_by("slug")
        if campus is not None:
            campuses = campuses.filter(slug=campus)
            if not campuses.exists():
                raise CommandError(f"No campus with the address name {campus!r}.")
        for each in campuses:
            started = time.perf_counter()
            indexed = reindex_campus(campus=each)
            seconds = time.perf_counter() - started
            self.stdout.write(f"{each.slug}: {indexed} agendas indexed in {seconds:.1f} s")
