from django.contrib import admin

from opencampus.core.admin import CampusScopedAdmin, ReadOnlyCampusScopedAdmin

from .models import Attachment, Experiment, FieldSite, Milestone, Update


@admin.register(FieldSite)
class FieldSiteAdmin(CampusScopedAdmin):
    list_display = ["name_ko", "name_en", "kind", "organisation", "district", "campus"]
    list_filter = ["campus", "kind"]
    list_select_related = ["organisation", "district", "campus"]
    search_fields = ["name_ko", "name_en", "address"]


@admin.register(Experiment)
class ExperimentAdmin(CampusScopedAdmin):
    list_display = ["title_ko", "title_en", "kind", "status", "is_major", "is_public", "starts_on", "campus"]
    list_filter = ["campus", "kind", "status", "is_major", "is_public"]
    list_select_related = ["campus"]
    search_fields = ["title_ko", "title_en"]
    raw_id_fields = ["agenda", "working_group", "organisation", "field_site", "created_by"]
    date_hierarchy = "starts_on"


@admin.register(Milestone)
class MilestoneAdmin(CampusScopedAdmin):
    list_display = ["title_ko", "title_en", "experiment", "weight", "progress", "due_on"]
    list_filter = ["campus"]
    list_select_related = ["experiment"]
    raw_id_fields = ["experiment"]


@admin.register(Update)
class UpdateAdmin(CampusScopedAdmin):
    list_display = ["experiment", "happened_on", "progress", "author", "created"]
    list_filter = ["campus"]
    list_select_related = ["experiment", "author"]
    raw_id_fields = ["experiment", "author"]


@admin.register(Attachment)
class AttachmentAdmin(ReadOnlyCampusScopedAdmin):
    """Read-only: files arrive with their update, whose service judges which ones are pictures."""

    list_display = ["file", "is_image", "update"]
    list_filter = ["campus", "is_image"]
    list_select_related = ["update__experiment"]
