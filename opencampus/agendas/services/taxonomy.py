"""Themes, districts and local SDG targets as the campus team keeps them; every change is logged."""

from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext_lazy as _

from opencampus.core.services.activity import log_activity

from .errors import AgendaError


def save_record(*, record, actor, kind):
    """Create or change a theme, district or local target (``kind`` names it in the log)."""
    created = record.pk is None
    record.save()
    action = f"{kind}.created" if created else f"{kind}.changed"
    log_activity(campus=record.campus, actor=actor, action=action, subject=record)
    return record


def remove_theme(*, theme, actor):
    """Delete an unused theme; one that records use is only withdrawn from new proposals.

    Returns ``True`` when the theme was deleted, ``False`` when it was deactivated.
    """
    campus, pk, name = theme.campus, theme.pk, str(theme)
    try:
        with transaction.atomic():
            theme.delete()
    except ProtectedError:
        theme.is_active = False
        theme.save(update_fields=["is_active"])
        log_activity(campus=campus, actor=actor, action="theme.deactivated", subject=theme)
        return False
    log_activity(campus=campus, actor=actor, action="theme.deleted", data={"theme": pk, "name": name})
    return True


def delete_district(*, district, actor):
    """Delete a district; what was placed in it loses the district and keeps any free-text place."""
    log_activity(
        campus=district.campus,
        actor=actor,
        action="district.deleted",
        data={"district": district.pk, "name": str(district)},
    )
    district.delete()


def delete_local_target(*, target, actor):
    if target.agendas.exists():
        raise AgendaError(_("Problems are tagged with this target, so it stays. Change its text instead."))
    log_activity(
        campus=target.campus,
        actor=actor,
        action="sdg_target.deleted",
        data={"target": target.pk, "code": target.code},
    )
    target.delete()
