"""The fields of practice mentors come from, defined and ordered by the campus team."""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from opencampus.core.services.activity import log_activity

from ..models import MentorField
from .errors import MentorsError

FIELD_FIELDS = ("code", "name_ko", "name_en")


def _check_field(field):
    if not (field.name_ko.strip() or field.name_en.strip()):
        raise MentorsError(_("Give the name in Korean or in English."), field="name_ko")
    taken = MentorField.objects.filter(campus=field.campus, code=field.code).exclude(pk=field.pk)
    if taken.exists():
        raise MentorsError(_("Another field already uses this code; choose another one."), field="code")


@transaction.atomic
def create_field(*, campus, actor, code, name_ko, name_en):
    """Add a field at the end of the campus's list."""
    last = MentorField.objects.filter(campus=campus).aggregate(last=Max("position"))["last"]
    field = MentorField(
        campus=campus,
        code=code,
        name_ko=name_ko,
        name_en=name_en,
        position=0 if last is None else last + 1,
    )
    _check_field(field)
    field.save()
    log_activity(
        campus=campus, actor=actor, action="mentor_field.created", subject=field, data={"code": code}
    )
    return field


@transaction.atomic
def update_field(*, field, actor, **values):
    changed = sorted(name for name in FIELD_FIELDS if name in values and getattr(field, name) != values[name])
    for name in FIELD_FIELDS:
        if name in values:
            setattr(field, name, values[name])
    _check_field(field)
    field.save()
    log_activity(
        campus=field.campus,
        actor=actor,
        action="mentor_field.changed",
        subject=field,
        data={"changed": changed},
    )
    return field


@transaction.atomic
def move_field(*, field, direction, actor):
    """Move ``field`` one place ``"up"`` or ``"down"``; returns whether it moved."""
    ordered = list(
        MentorField.objects.select_for_update().filter(campus=field.campus).order_by("position", "pk")
    )
    index = next(number for number, item in enumerate(ordered) if item.pk == field.pk)
    target = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= target < len(ordered):
        return False
    ordered[index], ordered[target] = ordered[target], ordered[index]
    for position, item in enumerate(ordered):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])
    log_activity(
        campus=field.campus,
        actor=actor,
        action="mentor_field.moved",
        subject=field,
        data={"direction": direction},
    )
    return True


@transaction.atomic
def delete_field(*, field, actor):
    """Remove a field nobody uses; mentors' profiles and mentees' wishes keep it otherwise."""
    mentors = field.mentors.count()
    if mentors:
        raise MentorsError(
            ngettext(
                "%(count)s mentor has this field; take it off their profile first.",
                "%(count)s mentors have this field; take it off their profiles first.",
                mentors,
            )
            % {"count": mentors}
        )
    mentees = field.wanted_by.count()
    if mentees:
        raise MentorsError(
            ngettext(
                "%(count)s mentee asked for this field in a matching round; it stays.",
                "%(count)s mentees asked for this field in matching rounds; it stays.",
                mentees,
            )
            % {"count": mentees}
        )
    log_activity(
        campus=field.campus,
        actor=actor,
        action="mentor_field.deleted",
        subject=field,
        data={"code": field.code},
    )
    field.delete()
