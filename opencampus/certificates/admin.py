from django.contrib import admin

from opencampus.core.admin import ReadOnlyCampusScopedAdmin

from .models import Certificate, SigningKey


class NeverDeletedAdmin(ReadOnlyCampusScopedAdmin):
    """Read-only, and never deleted: verifiers rely on these rows for as long as credentials exist."""

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Certificate)
class CertificateAdmin(NeverDeletedAdmin):
    list_display = [
        "public_id",
        "holder_name_ko",
        "holder_name_en",
        "cohort_name_ko",
        "issued_at",
        "revoked_at",
    ]
    list_filter = ["campus", "revoked_at"]
    search_fields = ["public_id", "holder_name_ko", "holder_name_en", "cohort_name_ko", "cohort_name_en"]
    list_select_related = ["campus"]


@admin.register(SigningKey)
class SigningKeyAdmin(NeverDeletedAdmin):
    """The public half only; the encrypted private key never leaves the database through a page."""

    list_display = ["kid", "campus", "algorithm", "created", "retired_at"]
    fields = ["campus", "kid", "algorithm", "public_jwk", "created", "retired_at"]
    readonly_fields = fields
    list_select_related = ["campus"]
