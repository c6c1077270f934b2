"""Experiments in a person's data download.

Updates stay on an experiment's timeline when an account is deleted: they are the project's public
record and do not name their author; the author link then points at the anonymised account.
"""

import posixpath

from .models import Update


def collect(sender, *, user, **kwargs):
    updates = (
        Update.objects.filter(author=user)
        .select_related("campus", "experiment")
        .prefetch_related("attachments")
        .order_by("happened_on", "pk")
    )
    return {
        "experiment_updates": [
            {
                "campus": update.campus.slug,
                "experiment": update.experiment.title,
                "date": update.happened_on.isoformat(),
                "text": update.body,
                "files": [posixpath.basename(item.file.name) for item in update.attachments.all()],
            }
            for update in updates
        ]
    }
