from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from opencampus.core.admin import CampusScopedAdmin

from .models import CampusRole, ConsentRecord, Membership, Organisation, Profile, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """People are shared by all campuses, so only platform administrators edit them here."""

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

    def has_module_permission(self, request):
        return request.user.is_superuser

    has_view_permission = has_change_permission = has_delete_permission = lambda self, request, obj=None: (
        request.user.is_superuser
    )

    def has_add_permission(self, request):
        return request.user.is_superuser


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "expertise"]
    search_fields = ["user__email", "expertise"]

    def has_module_permission(self, request):
        return request.user.is_superuser

    has_view_permission = has_change_permission = has_delete_permission = lambda self, request, obj=None: (
        request.user.is_superuser
    )

    def has_add_permission(self, request):
        return request.user.is_superuser


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
