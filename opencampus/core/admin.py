from django.contrib import admin

from .admin_site import operated_campus_ids, operated_campuses
from .models import ActivityLog, Campus, OutboxMessage


class CampusScopedAdmin(admin.ModelAdmin):
    """Operators see and edit only the records of the campuses they operate."""

    list_filter = ["campus"]

    def campuses(self, request):
        return operated_campuses(request.user)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(campus__in=self.campuses(request))

    def has_module_permission(self, request):
        return request.user.is_superuser or bool(operated_campus_ids(request.user))

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_delete_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is None or request.user.is_superuser:
            return field
        if db_field.related_model is Campus:
            field.queryset = self.campuses(request)
        elif any(f.name == "campus" for f in db_field.related_model._meta.fields):
            field.queryset = field.queryset.filter(campus__in=self.campuses(request))
        return field


class ReadOnlyCampusScopedAdmin(CampusScopedAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(Campus)
class CampusAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_ko", "name_en", "time_zone", "default_language"]
    search_fields = ["slug", "name_ko", "name_en"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(pk__in=operated_campuses(request.user))

    def has_module_permission(self, request):
        return request.user.is_superuser or bool(operated_campus_ids(request.user))

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(ActivityLog)
class ActivityLogAdmin(ReadOnlyCampusScopedAdmin):
    list_display = ["created", "campus", "actor", "action", "object_repr"]
    list_filter = ["campus", "action"]
    search_fields = ["action", "object_repr"]
    list_select_related = ["campus", "actor"]


@admin.register(OutboxMessage)
class OutboxMessageAdmin(CampusScopedAdmin):
    list_display = ["created", "campus", "to", "subject", "state"]
    list_filter = ["campus", "state"]
    search_fields = ["to", "subject"]
    list_select_related = ["campus"]
