from django.core.management.base import BaseCommand
from django.utils import timezone
from django_scopes import scope

from opencampus.core.models import Campus
from opencampus.park.services.visits import DEFAULT_BASE_URL, draft_visit_reminders


class Command(BaseCommand):
    help = (
        "Draft a reminder to every confirmed visit whose tour starts within two days, on every campus. "
        "The reminders wait in each campus's outbox for staff to release (safe to run from cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default=DEFAULT_BASE_URL,
            help=f"Scheme and host of the site, for the links in the mails (default: {DEFAULT_BASE_URL}).",
        )

    def handle(self, *args, base_url, **options):
        now = timezone.now()
        total = 0
        for campus in Campus.objects.order_by("slug"):
            with scope(campus=campus):
                drafted = draft_visit_reminders(campus=campus, now=now, base_url=base_url)
            if drafted:
                self.stdout.write(f"{campus.slug}: {drafted} reminders drafted")
            total += drafted
        self.stdout.write(f"{total} visit reminders drafted.")
