from django.contrib import admin

from opencampus.core.admin import CampusScopedAdmin, ReadOnlyCampusScopedAdmin
from opencampus.people.admin import PlatformAdministratorsOnly

from .models import (
    Agenda,
    AgendaPolicy,
    Comment,
    CommentReport,
    District,
    Endorsement,
    Evidence,
    Follow,
    SdgGoal,
    SdgTarget,
    StateChange,
    Theme,
)


@admin.register(Theme)
class ThemeAdmin(CampusScopedAdmin):
    list_display = ["name_ko", "name_en", "slug", "order", "is_active", "campus"]
    list_filter = ["campus", "is_active"]
    search_fields = ["name_ko", "name_en", "slug"]


@admin.register(District)
class DistrictAdmin(CampusScopedAdmin):
    list_display = ["name_ko", "name_en", "order", "campus"]
    search_fields = ["name_ko", "name_en"]


@admin.register(AgendaPolicy)
class AgendaPolicyAdmin(CampusScopedAdmin):
    list_display = ["campus", "allow_self_endorsement"]


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    fields = ["title", "url", "file", "added_by", "campus"]
    raw_id_fields = ["added_by"]


class StateChangeInline(admin.TabularInline):
    """The public history is written by the state service, never edited by hand."""

    model = StateChange
    extra = 0
    fields = ["changed_at", "from_state", "to_state", "explanation", "changed_by"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Agenda)
class AgendaAdmin(CampusScopedAdmin):
    list_display = ["title_ko", "title_en", "state", "origin", "theme", "created", "campus"]
    list_filter = ["campus", "state", "origin"]
    list_select_related = ["theme", "campus"]
    search_fields = ["title_ko", "title_en"]
    raw_id_fields = ["proposed_by", "organisation", "merged_into", "theme", "district"]
    filter_horizontal = ["sdg_goals", "sdg_targets"]
    # States move through the state service, which writes the public history and mails followers.
    readonly_fields = ["state", "merged_into", "created", "updated"]
    inlines = [EvidenceInline, StateChangeInline]


@admin.register(Endorsement)
class EndorsementAdmin(ReadOnlyCampusScopedAdmin):
    list_display = ["agenda", "user", "created"]
    list_select_related = ["agenda", "user"]


@admin.register(Follow)
class FollowAdmin(ReadOnlyCampusScopedAdmin):
    list_display = ["agenda", "user", "created"]
    list_select_related = ["agenda", "user"]


@admin.register(Comment)
class CommentAdmin(CampusScopedAdmin):
    list_display = ["agenda", "author", "created", "hidden_at"]
    list_filter = ["campus", ("hidden_at", admin.EmptyFieldListFilter)]
    list_select_related = ["agenda", "author"]
    search_fields = ["body"]
    raw_id_fields = ["agenda", "author", "hidden_by"]


@admin.register(CommentReport)
class CommentReportAdmin(CampusScopedAdmin):
    list_display = ["comment", "reporter", "reason", "created", "resolved_at"]
    list_filter = ["campus", "reason", ("resolved_at", admin.EmptyFieldListFilter)]
    list_select_related = ["comment", "reporter"]
    raw_id_fields = ["comment", "reporter", "resolved_by"]


@admin.register(SdgGoal)
class SdgGoalAdmin(PlatformAdministratorsOnly, admin.ModelAdmin):
    """The UN's goals are shared by every campus."""

    list_display = ["number", "title_ko", "title_en", "colour"]


@admin.register(SdgTarget)
class SdgTargetAdmin(PlatformAdministratorsOnly, admin.ModelAdmin):
    """UN targets are shared; campuses keep their local targets on their own management pages."""

    list_display = ["code", "goal", "campus", "text_ko", "text_en"]
    list_filter = ["goal", "campus"]
    list_select_related = ["goal", "campus"]
    search_fields = ["code", "text_ko", "text_en"]
