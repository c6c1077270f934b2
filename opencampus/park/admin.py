from django.contrib import admin

from opencampus.core.admin import CampusScopedAdmin, ReadOnlyCampusScopedAdmin

from .models import (
    Booking,
    ClosedDay,
    Feature,
    Occurrence,
    OpeningHours,
    Residency,
    Space,
    SpacePhoto,
    TourSlot,
    Training,
    TrainingRecord,
    VisitRequest,
)


@admin.register(Space)
class SpaceAdmin(CampusScopedAdmin):
    list_display = ["name_ko", "name_en", "kind", "parent", "capacity", "is_bookable", "campus"]
    list_filter = ["campus", "kind", "is_bookable", "requires_approval"]
    list_select_related = ["parent", "campus"]
    search_fields = ["name_ko", "name_en", "slug"]


@admin.register(OpeningHours)
class OpeningHoursAdmin(CampusScopedAdmin):
    list_display = ["space", "weekday", "opens", "closes"]
    list_select_related = ["space"]


@admin.register(Feature)
class FeatureAdmin(CampusScopedAdmin):
    list_display = ["slug", "name_ko", "name_en", "campus"]


@admin.register(SpacePhoto)
class SpacePhotoAdmin(CampusScopedAdmin):
    list_display = ["space", "caption_ko", "position"]
    list_select_related = ["space"]


@admin.register(ClosedDay)
class ClosedDayAdmin(CampusScopedAdmin):
    list_display = ["date", "space", "reason_ko", "campus"]
    list_select_related = ["space", "campus"]


@admin.register(Booking)
class BookingAdmin(ReadOnlyCampusScopedAdmin):
    """Read-only here: bookings change through the booking service, which keeps claims in step."""

    list_display = ["title", "space", "kind", "state", "start", "frequency", "booked_by", "campus"]
    list_filter = ["campus", "kind", "state", "frequency"]
    list_select_related = ["space", "booked_by", "campus"]
    search_fields = ["title", "booked_by__email"]


@admin.register(Occurrence)
class OccurrenceAdmin(BookingAdmin):
    list_display = ["booking", "space", "start", "end", "state"]
    list_filter = ["campus", "state"]
    list_select_related = ["booking", "space"]
    search_fields = ["booking__title"]


@admin.register(Training)
class TrainingAdmin(CampusScopedAdmin):
    list_display = ["name_ko", "name_en", "valid_for_days", "campus"]


@admin.register(TrainingRecord)
class TrainingRecordAdmin(CampusScopedAdmin):
    list_display = ["user", "training", "completed_on", "expires_on"]
    list_select_related = ["user", "training"]
    raw_id_fields = ["user", "recorded_by"]


@admin.register(Residency)
class ResidencyAdmin(CampusScopedAdmin):
    list_display = ["organisation", "state", "starts_on", "ends_on", "monthly_fee", "monthly_booking_hours"]
    list_filter = ["campus", "state"]
    list_select_related = ["organisation"]
    raw_id_fields = ["organisation"]


@admin.register(TourSlot)
class TourSlotAdmin(CampusScopedAdmin):
    list_display = ["start", "end", "capacity", "language", "guide", "campus"]
    list_select_related = ["guide", "campus"]


@admin.register(VisitRequest)
class VisitRequestAdmin(CampusScopedAdmin):
    list_display = ["institution", "institution_kind", "country", "group_size", "state", "slot", "headcount"]
    list_filter = ["campus", "state", "institution_kind"]
    list_select_related = ["slot"]
    search_fields = ["institution", "contact_email"]
