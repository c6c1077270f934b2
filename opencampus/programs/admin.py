from django.contrib import admin

from opencampus.core.admin import CampusScopedAdmin, ReadOnlyCampusScopedAdmin

from .models import Cohort, LotteryDraw, Participant, Registration, Track


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
