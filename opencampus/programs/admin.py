from django.contrib import admin

from opencampus.core.admin import CampusScopedAdmin, ReadOnlyCampusScopedAdmin

from .models import (
    Attendance,
    Cohort,
    CohortSlot,
    Engagement,
    Feedback,
    InstructorAbsence,
    InstructorAvailability,
    LotteryDraw,
    Participant,
    Registration,
    Session,
    Timetable,
    TimetableEntry,
    Track,
)


@admin.register(Track)
class TrackAdmin(CampusScopedAdmin):
    list_display = ["name_ko", "name_en", "kind", "is_active", "campus"]
    list_filter = ["campus", "kind", "is_active"]
    search_fields = ["name_ko", "name_en", "slug"]


@admin.register(Cohort)
class CohortAdmin(CampusScopedAdmin):
    list_display = ["name_ko", "track", "starts_on", "ends_on", "size", "admission", "is_published"]
    list_filter = ["campus", "admission", "is_published"]
    list_select_related = ["track"]
    raw_id_fields = ["call", "place"]


@admin.register(Participant)
class ParticipantAdmin(CampusScopedAdmin):
    list_display = ["user", "cohort", "source", "state", "joined_on", "left_on"]
    list_filter = ["campus", "state", "source"]
    list_select_related = ["user", "cohort"]
    raw_id_fields = ["user", "application"]


@admin.register(Registration)
class RegistrationAdmin(CampusScopedAdmin):
    list_display = ["code", "user", "cohort", "state", "created"]
    list_filter = ["campus", "state"]
    list_select_related = ["user", "cohort"]
    raw_id_fields = ["user"]


@admin.register(LotteryDraw)
class LotteryDrawAdmin(ReadOnlyCampusScopedAdmin):
    """Read-only: a draw is made once, by the lottery service, and never edited."""

    list_display = ["cohort", "seed", "places", "drawn_at"]


@admin.register(CohortSlot)
class CohortSlotAdmin(CampusScopedAdmin):
    list_display = ["cohort", "weekday", "starts_at", "ends_at"]
    list_select_related = ["cohort"]


@admin.register(Session)
class SessionAdmin(CampusScopedAdmin):
    list_display = ["title_ko", "title_en", "cohort", "kind", "duration_minutes", "days"]
    list_filter = ["campus", "kind"]
    list_select_related = ["cohort"]
    search_fields = ["title_ko", "title_en"]
    raw_id_fields = ["cohort", "room", "instructors", "after"]


@admin.register(InstructorAvailability)
class InstructorAvailabilityAdmin(CampusScopedAdmin):
    list_display = ["instructor", "weekday", "starts_at", "ends_at"]
    list_select_related = ["instructor"]
    raw_id_fields = ["instructor"]


@admin.register(InstructorAbsence)
class InstructorAbsenceAdmin(CampusScopedAdmin):
    list_display = ["instructor", "starts_at", "ends_at", "reason"]
    list_select_related = ["instructor"]
    raw_id_fields = ["instructor"]


@admin.register(Timetable)
class TimetableAdmin(ReadOnlyCampusScopedAdmin):
    """Read-only: versions are made by the planner and frozen once published."""

    list_display = ["cohort", "number", "state", "solver_status", "created", "published_at"]
    list_filter = ["campus", "state"]
    list_select_related = ["cohort"]


@admin.register(TimetableEntry)
class TimetableEntryAdmin(ReadOnlyCampusScopedAdmin):
    list_display = ["timetable", "session", "starts_at", "room"]
    list_select_related = ["timetable__cohort", "session", "room"]


@admin.register(Engagement)
class EngagementAdmin(CampusScopedAdmin):
    list_display = ["instructor", "session", "state", "updated"]
    list_filter = ["campus", "state"]
    list_select_related = ["instructor", "session"]
    raw_id_fields = ["instructor", "session"]


@admin.register(Attendance)
class AttendanceAdmin(CampusScopedAdmin):
    list_display = ["participant", "session", "state", "via", "marked_at"]
    list_filter = ["campus", "state", "via"]
    list_select_related = ["participant__user", "session"]
    raw_id_fields = ["participant", "session", "marked_by"]


@admin.register(Feedback)
class FeedbackAdmin(ReadOnlyCampusScopedAdmin):
    """Read-only: feedback is the participants' own words."""

    list_display = ["session", "rating", "created"]
    list_select_related = ["session"]
