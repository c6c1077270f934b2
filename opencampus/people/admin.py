from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from opencampus.core.admin import CampusScopedAdmin

from .models import CampusRole, ConsentRecord, Membership, Organisation, Profile, User


class PlatformAdministratorsOnly:
    """People and profiles are shared by all campuses: only platform administrators edit them."""

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    has_add_permission = has_module_permission
    has_change_permission = has_delete_permission = has_view_permission


@admin.register(User)
class UserAdmin(PlatformAdministratorsOnly, DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "name_ko", "name_en", "is_active", "is_staff"]
    search_fields = ["email", "name_ko", "name_en"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Names"), {"fields": ["name_ko", "name_en", "preferred_language"]}),
        (_("Permissions"), {"fields": ["is_active", "is_staff", "is_superuser"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]
    filter_horizontal = []
    list_filter = ["is_active", "is_staff"]


@admin.register(Profile)
class ProfileAdmin(PlatformAdministratorsOnly, admin.ModelAdmin):
    list_display = ["user", "expertise"]
    search_fields = ["user__email", "expertise"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]
    fields = ["user", "role", "is_listed", "since", "campus"]


@admin.register(Organisation)
class OrganisationAdmin(CampusScopedAdmin):
    list_display = ["name_ko", "name_en", "kind", "category", "campus", "is_public"]
    list_filter = ["campus", "kind", "category", "is_public"]
    search_fields = ["name_ko", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(CampusScopedAdmin):
    list_display = ["user", "organisation", "role", "campus"]
    list_select_related = ["user", "organisation", "campus"]
    raw_id_fields = ["user", "organisation"]


@admin.register(CampusRole)
class CampusRoleAdmin(CampusScopedAdmin):
    list_display = ["user", "role", "campus", "granted"]
    list_filter = ["campus", "role"]
    list_select_related = ["user", "campus"]
    raw_id_fields = ["user"]
    search_fields = ["user__email"]


@admin.register(ConsentRecord)
class ConsentRecordAdmin(CampusScopedAdmin):
    list_display = ["user", "purpose", "given_at", "withdrawn_at", "campus"]
    list_filter = ["campus", "purpose"]
    list_select_related = ["user", "campus"]
    raw_id_fields = ["user"]
