"""Reviewers' bids: how much they want to review each application of a call."""

from django.db import transaction

from opencampus.core.services.activity import log_activity

from ..models import Bid


def save_bids(*, reviewer, campus, levels, actor):
    """``levels``: ``{application id: Bid.Level or None}``; ``None`` removes the bid."""
    with transaction.atomic():
        cleared = [application_id for application_id, level in levels.items() if level is None]
        Bid.objects.filter(reviewer=reviewer, application_id__in=cleared).delete()
        for application_id, level in levels.items():
            if level is not None:
                Bid.objects.update_or_create(
                    application_id=application_id,
                    reviewer=reviewer,
                    defaults={"campus": campus, "level": level},
                )
        log_activity(
            campus=campus,
            actor=actor,
            action="review.bids_saved",
            data={
                "applications": sorted(levels),
                "bids": sum(level is not None for level in levels.values()),
            },
        )
