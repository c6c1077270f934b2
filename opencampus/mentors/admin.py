from django.contrib import admin

from opencampus.core.admin import CampusScopedAdmin

from .models import MentorField, MentorInvitation, MentorProfile


@admin.register(MentorField)
class MentorFieldAdmin(CampusScopedAdmin):
    list_display = ["name_ko", "name_en", "code", "position", "campus"]
    list_filter = ["campus"]
    list_select_related = ["campus"]
    search_fields = ["code", "name_ko", "name_en"]


@admin.register(MentorProfile)
class MentorProfileAdmin(CampusScopedAdmin):
    list_display = ["user", "state", "source", "capacity", "is_listed", "activated_at", "campus"]
    list_filter = ["campus", "state", "source", "is_listed"]
    list_select_related = ["user", "campus"]
    search_fields = ["user__email", "user__name_ko", "user__name_en", "affiliation", "keywords"]
    raw_id_fields = ["user", "application"]
    filter_horizontal = ["fields"]


@admin.register(MentorInvitation)
class MentorInvitationAdmin(CampusScopedAdmin):
    list_display = ["email", "invited_by", "created", "accepted_by", "accepted_at", "campus"]
    list_filter = ["campus"]
    list_select_related = ["invited_by", "accepted_by", "campus"]
    search_fields = ["email"]
    raw_id_fields = ["invited_by", "accepted_by"]
    readonly_fields = ["token"]
