from django.contrib import admin

from opencampus.core.admin import CampusScopedAdmin, ReadOnlyCampusScopedAdmin

from .models import (
    AgendaChoice,
    CohortAgenda,
    FormationRun,
    FormationSettings,
    GroupFile,
    GroupMember,
    GroupNote,
    GroupTask,
    Trait,
    WorkingGroup,
)


@admin.register(CohortAgenda)
class CohortAgendaAdmin(CampusScopedAdmin):
    list_display = ["agenda", "cohort", "max_groups"]
    list_select_related = ["agenda", "cohort"]
    raw_id_fields = ["cohort", "agenda"]


@admin.register(AgendaChoice)
class AgendaChoiceAdmin(CampusScopedAdmin):
    list_display = ["participant", "offer", "rank"]
    list_select_related = ["participant__user", "participant__cohort", "offer__agenda", "offer__cohort"]
    raw_id_fields = ["participant", "offer"]


@admin.register(Trait)
class TraitAdmin(CampusScopedAdmin):
    list_display = ["participant", "attribute", "value"]
    list_filter = ["campus", "attribute"]
    list_select_related = ["participant__user", "participant__cohort"]
    search_fields = ["attribute", "value"]
    raw_id_fields = ["participant"]


@admin.register(FormationSettings)
class FormationSettingsAdmin(CampusScopedAdmin):
    list_display = ["cohort", "min_size", "max_size", "choices_open"]
    list_select_related = ["cohort"]
    raw_id_fields = ["cohort"]


@admin.register(FormationRun)
class FormationRunAdmin(ReadOnlyCampusScopedAdmin):
    """Read-only: a run records what the solver proposed."""

    list_display = ["created", "cohort", "status", "worst_score", "bound", "greedy_worst_score", "applied_at"]
    list_filter = ["campus", "status"]
    list_select_related = ["cohort"]


@admin.register(WorkingGroup)
class WorkingGroupAdmin(CampusScopedAdmin):
    list_display = ["name", "cohort", "agenda", "created"]
    list_select_related = ["cohort", "agenda"]
    search_fields = ["name"]
    raw_id_fields = ["cohort", "agenda", "formed_by"]


@admin.register(GroupMember)
class GroupMemberAdmin(CampusScopedAdmin):
    list_display = ["participant", "group", "joined"]
    list_select_related = ["participant__user", "group"]
    raw_id_fields = ["participant", "group"]


@admin.register(GroupTask)
class GroupTaskAdmin(CampusScopedAdmin):
    list_display = ["title", "group", "assignee", "due_on", "done_at"]
    list_select_related = ["group", "assignee__user"]
    raw_id_fields = ["group", "assignee", "created_by"]


@admin.register(GroupNote)
class GroupNoteAdmin(CampusScopedAdmin):
    list_display = ["group", "author", "created"]
    list_select_related = ["group", "author"]
    raw_id_fields = ["group", "author"]


@admin.register(GroupFile)
class GroupFileAdmin(CampusScopedAdmin):
    list_display = ["title", "group", "uploaded_by", "created"]
    list_select_related = ["group", "uploaded_by"]
    raw_id_fields = ["group", "uploaded_by"]
