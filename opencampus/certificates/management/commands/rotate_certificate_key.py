from django.core.management.base import BaseCommand, CommandError
from django_scopes import scope

from opencampus.certificates.services.keys import rotate_signing_key
from opencampus.core.models import Campus


class Command(BaseCommand):
    help = (
        "Give each campus (or the ones named) a new key for signing certificates. The old key is retired, "
        "not deleted: it stays in the published key set, so what it signed still verifies."
    )

    def add_arguments(self, parser):
        parser.add_argument("--campus", action="append", default=[], metavar="SLUG", help="Only this campus.")

    def handle(self, *args, campus, **options):
        campuses = Campus.objects.order_by("slug")
        if campus:
            campuses = campuses.filter(slug__in=campus)
            missing = set(campus) - set(campuses.values_list("slug", flat=True))
            if missing:
                raise CommandError(f"No such campus: {', '.join(sorted(missing))}")
        for each in campuses:
            with scope(campus=each):
                key = rotate_signing_key(campus=each)
            self.stdout.write(f"{each.slug}: new signing key {key.kid}")
