"""What the running review phase allows."""

from django.utils import timezone


def decisions_locked_by(call, now=None):
    """The running review phase that does not let staff change decisions, if any."""
    now = now or timezone.now()
    return (
        call.review_phases.filter(starts_at__lte=now, ends_at__gt=now, can_change_decisions=False)
        .order_by("ends_at")
        .first()
    )
