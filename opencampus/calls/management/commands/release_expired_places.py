from django.core.management.base import BaseCommand
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.calls.models import Application, Call
from opencampus.calls.services.decisions import DEFAULT_BASE_URL, Links, release_expired_places


class Command(BaseCommand):
    help = (
        "Decline every offered place not confirmed by its deadline, in every call of every campus, "
        "and offer each freed place to the next on the waiting list (safe to run from cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default=DEFAULT_BASE_URL,
            help=f"Scheme and host of the site, for links in offer letters (default: {DEFAULT_BASE_URL}).",
        )

    def handle(self, *args, base_url, **options):
        now = timezone.now()
        declined = offered = 0
        with scopes_disabled():
            # Only calls with an expired offer need their applications locked.
            calls = (
                Call.objects.filter(
                    applications__state=Application.State.ACCEPTED, applications__confirm_by__lt=now
                )
                .select_related("campus")
                .distinct()
                .order_by("campus__slug", "pk")
            )
            for call in calls:
                released = release_expired_places(call=call, links=Links.for_call(call, base_url), now=now)
                declined += len(released.declined)
                offered += len(released.offered)
                if released.declined:
                    self.stdout.write(
                        f"{call.campus.slug}/{call.slug}: {len(released.declined)} released, "
                        f"{len(released.offered)} offered from the waiting list"
                    )
        self.stdout.write(f"{declined} places released, {offered} offered from the waiting list.")
