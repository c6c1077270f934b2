from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped
from opencampus.core.models.campus import localised


class Feature(CampusScoped):
    """Something a space offers: a projector, step-free access, a kitchen."""

    slug = models.SlugField(_("address name"), max_length=60)
    name_ko = models.CharField(_("name (Korean)"), max_length=100, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("space feature")
        verbose_name_plural = _("space features")
        ordering = ["slug"]
        constraints = [
            models.UniqueConstraint(fields=["campus", "slug"], name="feature_slug_per_campus"),
            models.CheckConstraint(condition=~Q(name_ko="", name_en=""), name="feature_has_a_name"),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localised(self, "name")


class Space(CampusScoped):
    """A place in the park: buildings hold floors, floors hold rooms, rooms hold equipment.

    Booking a space also occupies every space below it; booking a space below is refused
    while one above is booked (``services.conflicts``).
    """

    class Kind(models.TextChoices):
        BUILDING = "building", _("building")
        FLOOR = "floor", _("floor")
        ROOM = "room", _("room")
        EQUIPMENT = "equipment", _("equipment")
        OUTDOOR = "outdoor", _("outdoor area")

    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("inside"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.ROOM)
    slug = models.SlugField(_("address name"), max_length=80)
    name_ko = models.CharField(_("name (Korean)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description_ko = models.TextField(_("description (Korean)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity (people)"), null=True, blank=True)
    area_m2 = models.PositiveIntegerField(_("area (m²)"), null=True, blank=True)
    features = models.ManyToManyField(Feature, blank=True, related_name="spaces", verbose_name=_("features"))
    is_active = models.BooleanField(_("in use"), default=True)
    is_bookable = models.BooleanField(_("can be booked"), default=True)
    bookable_by_residents = models.BooleanField(_("resident organisations may book"), default=True)
    bookable_by_participants = models.BooleanField(_("programme participants may book"), default=True)
    bookable_by_public = models.BooleanField(_("any signed-in person may book"), default=False)
    requires_approval = models.BooleanField(_("bookings need staff approval"), default=False)
    max_days_ahead = models.PositiveSmallIntegerField(_("bookable up to (days ahead)"), default=90)
    max_duration_minutes = models.PositiveIntegerField(
        _("longest booking (minutes)"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    min_notice_hours = models.PositiveSmallIntegerField(_("minimum notice (hours)"), default=0)
    cancel_deadline_hours = models.PositiveSmallIntegerField(
        _("cancel or move up to (hours before the start)"), default=0
    )
    required_training = models.ForeignKey(
        "park.Training",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="spaces",
        verbose_name=_("training required to book"),
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("space")
        verbose_name_plural = _("spaces")
        ordering = ["name_ko", "name_en", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["campus", "slug"], name="space_slug_per_campus"),
            models.CheckConstraint(condition=~Q(name_ko="", name_en=""), name="space_has_a_name"),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localised(self, "name")

    @property
    def description(self):
        return localised(self, "description")


class SpacePhoto(CampusScoped):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="photos", verbose_name=_("space"))
    image = models.ImageField(_("photo"), upload_to="park/spaces/")
    caption_ko = models.CharField(_("caption (Korean)"), max_length=200, blank=True)
    caption_en = models.CharField(_("caption (English)"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("space photo")
        verbose_name_plural = _("space photos")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.caption or self.image.name

    @property
    def caption(self):
        return localised(self, "caption")


class OpeningHours(CampusScoped):
    """When a space may be booked on a weekday. A space without hours takes its parent's;
    a space with none anywhere above it is open around the clock."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    space = models.ForeignKey(
        Space, on_delete=models.CASCADE, related_name="opening_hours", verbose_name=_("space")
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=F("opens")), name="opening_hours_close_after_opening"
            ),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"


class ClosedDay(CampusScoped):
    """A date nothing can be booked: in one space and everything inside it, or (no space) campus-wide."""

    space = models.ForeignKey(
        Space,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="closed_days",
        verbose_name=_("space"),
        help_text=_("Empty: the whole campus is closed."),
    )
    date = models.DateField(_("date"))
    reason_ko = models.CharField(_("reason (Korean)"), max_length=200, blank=True)
    reason_en = models.CharField(_("reason (English)"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("closed day")
        verbose_name_plural = _("closed days")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.reason}".strip()

    @property
    def reason(self):
        return localised(self, "reason")
