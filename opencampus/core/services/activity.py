from django.contrib.contenttypes.models import ContentType

from opencampus.core.models import ActivityLog


def log_activity(*, campus, actor, action, subject=None, data=None):
    """Record that ``actor`` did ``action`` to ``subject`` on ``campus``."""
    entry = ActivityLog(campus=campus, action=action, data=data or {})
    if actor is not None and actor.is_authenticated:
        entry.actor = actor
    if subject is not None:
        entry.content_type = ContentType.objects.get_for_model(subject)
        entry.object_id = str(subject.pk)
        entry.object_repr = str(subject)[:300]
    entry.save()
    return entry
