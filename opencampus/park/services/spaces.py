"""Spaces and what describes them: their place in the tree, features, photos, opening hours, closed days.

Every change is validated here, saved, then logged. Spaces are never deleted (bookings and
children point at them); the campus team takes them out of use instead.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from opencampus.core.errors import RefusedInput
from opencampus.core.services.activity import log_activity

from ..models import ClosedDay, Feature, OpeningHours, Space, SpacePhoto
from .tree import space_tree

EDITABLE_FIELDS = (
    "parent",
    "kind",
    "slug",
    "name_ko",
    "name_en",
    "description_ko",
    "description_en",
    "capacity",
    "area_m2",
    "is_active",
    "is_bookable",
    "bookable_by_residents",
    "bookable_by_participants",
    "bookable_by_public",
    "requires_approval",
    "max_days_ahead",
    "max_duration_minutes",
    "min_notice_hours",
    "cancel_deadline_hours",
    "required_training",
)
# Addresses the space pages use for themselves; a space named so could not be reached.
RESERVED_SLUGS = frozenset({"new", "features", "closed-days", "trainings"})


class SpaceError(RefusedInput):
    """A change the rules of spaces do not allow; the message is for people, ``field`` names the input."""


def slug_is_taken(*, campus, slug, exclude=None):
    taken = Space.objects.filter(campus=campus, slug=slug)
    if exclude is not None and exclude.pk:
        taken = taken.exclude(pk=exclude.pk)
    return taken.exists()


def check_slug(*, campus, slug, space=None):
    if slug in RESERVED_SLUGS:
        raise SpaceError(_("This address name is used by the space pages; choose another."), field="slug")
    if slug_is_taken(campus=campus, slug=slug, exclude=space):
        raise SpaceError(_("Another space of this campus already uses this address name."), field="slug")


def check_parent(*, space, parent):
    """A parent is on the same campus and is neither the space itself nor inside it."""
    if parent is None:
        return
    if parent.campus_id != space.campus_id:
        raise SpaceError(_("A space can only be inside a space of the same campus."), field="parent")
    if space.pk is None:
        return
    if parent.pk == space.pk:
        raise SpaceError(_("A space cannot be inside itself."), field="parent")
    # Walk up from the proposed parent: meeting the space means the parent is inside it.
    if space.pk in space_tree(space.campus).ancestors(parent.pk):
        raise SpaceError(
            _("“%(parent)s” is inside “%(space)s”; a space cannot be inside one of its own parts.")
            % {"parent": parent.name, "space": space.name},
            field="parent",
        )


def _check_fields(*, space, fields, features):
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not an editable space field: {', '.join(sorted(unknown))}")
    if "slug" in fields:
        check_slug(campus=space.campus, slug=fields["slug"], space=space)
    if "parent" in fields:
        check_parent(space=space, parent=fields["parent"])
    training = fields.get("required_training")
    if training is not None and training.campus_id != space.campus_id:
        raise SpaceError(_("Choose a training of this campus."), field="required_training")
    if features is not None and any(feature.campus_id != space.campus_id for feature in features):
        raise SpaceError(_("Choose features of this campus."), field="features")


def _check_names(space):
    if not (space.name_ko or space.name_en):
        raise SpaceError(_("Give the space's name in Korean or in English."), field="name_ko")


@transaction.atomic
def create_space(*, campus, actor, features=(), **fields):
    space = Space(campus=campus)
    _check_fields(space=space, fields=fields, features=features)
    for name, value in fields.items():
        setattr(space, name, value)
    _check_names(space)
    space.save()
    space.features.set(features)
    log_activity(campus=campus, actor=actor, action="space.created", subject=space)
    return space


@transaction.atomic
def update_space(*, space, actor, features=None, **fields):
    _check_fields(space=space, fields=fields, features=features)
    changed = sorted(name for name, value in fields.items() if getattr(space, name) != value)
    for name, value in fields.items():
        setattr(space, name, value)
    _check_names(space)
    space.save()
    if features is not None:
        before = set(space.features.values_list("pk", flat=True))
        if before != {feature.pk for feature in features}:
            space.features.set(features)
            changed.append("features")
    log_activity(
        campus=space.campus, actor=actor, action="space.changed", subject=space, data={"changed": changed}
    )
    return space


def set_space_active(*, space, active, actor):
    """Put a space into use or take it out of use (it keeps its bookings and history)."""
    if space.is_active == active:
        return space
    space.is_active = active
    space.save(update_fields=["is_active"])
    action = "space.activated" if active else "space.deactivated"
    log_activity(campus=space.campus, actor=actor, action=action, subject=space)
    return space


# Opening hours


@transaction.atomic
def set_opening_hours(*, space, hours, actor):
    """Replace the space's opening hours by ``hours``: (weekday, opens, closes) triples.

    No hours at all means the space follows its parent's (or is open around the clock).
    """
    for weekday, opens, closes in hours:
        if weekday not in OpeningHours.Weekday.values:
            raise SpaceError(_("That is not a weekday."))
        if closes <= opens:
            raise SpaceError(
                _("On %(weekday)s the space must close after it opens.")
                % {"weekday": OpeningHours.Weekday(weekday).label}
            )
    OpeningHours.objects.filter(space=space).delete()
    created = OpeningHours.objects.bulk_create(
        OpeningHours(campus=space.campus, space=space, weekday=weekday, opens=opens, closes=closes)
        for weekday, opens, closes in sorted(hours)
    )
    log_activity(
        campus=space.campus,
        actor=actor,
        action="space.hours_set",
        subject=space,
        data={"hours": [str(row) for row in created]},
    )
    return created


# Closed days


def add_closed_day(*, campus, date, actor, space=None, reason_ko="", reason_en=""):
    if space is not None and space.campus_id != campus.pk:
        raise SpaceError(_("Choose a space of this campus."), field="space")
    duplicate = ClosedDay.objects.filter(campus=campus, space=space, date=date).exists()
    if duplicate:
        raise SpaceError(_("This day is already closed there."), field="date")
    day = ClosedDay.objects.create(
        campus=campus, space=space, date=date, reason_ko=reason_ko, reason_en=reason_en
    )
    log_activity(
        campus=campus,
        actor=actor,
        action="space.closed_day_added",
        subject=space or day,
        data={"date": date.isoformat(), "space": space.slug if space else None},
    )
    return day


def remove_closed_day(*, closed_day, actor):
    log_activity(
        campus=closed_day.campus,
        actor=actor,
        action="space.closed_day_removed",
        subject=closed_day.space or closed_day,
        data={
            "date": closed_day.date.isoformat(),
            "space": closed_day.space.slug if closed_day.space else None,
        },
    )
    closed_day.delete()


# Photos


def add_photo(*, space, image, actor, caption_ko="", caption_en=""):
    last = space.photos.order_by("-position").values_list("position", flat=True).first()
    photo = SpacePhoto.objects.create(
        campus=space.campus,
        space=space,
        image=image,
        caption_ko=caption_ko,
        caption_en=caption_en,
        position=0 if last is None else last + 1,
    )
    log_activity(
        campus=space.campus,
        actor=actor,
        action="space.photo_added",
        subject=space,
        data={"file": photo.image.name},
    )
    return photo


def delete_photo(*, photo, actor):
    space, name = photo.space, photo.image.name
    photo.delete()
    # The file goes only after the row is gone for good.
    transaction.on_commit(lambda: photo.image.storage.delete(name))
    log_activity(
        campus=space.campus, actor=actor, action="space.photo_deleted", subject=space, data={"file": name}
    )


# Features


def feature_slug_is_taken(*, campus, slug, exclude=None):
    taken = Feature.objects.filter(campus=campus, slug=slug)
    if exclude is not None:
        taken = taken.exclude(pk=exclude.pk)
    return taken.exists()


def _check_feature(feature):
    if not (feature.name_ko or feature.name_en):
        raise SpaceError(_("Give the feature's name in Korean or in English."), field="name_ko")
    if feature_slug_is_taken(
        campus=feature.campus, slug=feature.slug, exclude=feature if feature.pk else None
    ):
        raise SpaceError(_("Another feature of this campus already uses this address name."), field="slug")


def create_feature(*, campus, slug, actor, name_ko="", name_en=""):
    feature = Feature(campus=campus, slug=slug, name_ko=name_ko, name_en=name_en)
    _check_feature(feature)
    feature.save()
    log_activity(campus=campus, actor=actor, action="space.feature_created", subject=feature)
    return feature


def rename_feature(*, feature, actor, name_ko="", name_en=""):
    before = str(feature)
    feature.name_ko, feature.name_en = name_ko, name_en
    _check_feature(feature)
    feature.save(update_fields=["name_ko", "name_en"])
    log_activity(
        campus=feature.campus,
        actor=actor,
        action="space.feature_renamed",
        subject=feature,
        data={"was": before},
    )
    return feature
