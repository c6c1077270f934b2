"""The raw-data administration: platform administrators see everything, a campus's
operators see only the records of the campuses they operate."""

from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from opencampus.core.models import Campus


def operated_campus_ids(user):
    """The campuses ``user`` operates, read once per request (the admin asks for every model)."""
    if not (user.is_active and user.is_authenticated):
        return ()
    # getattr/setattr, not __dict__: request.user is a lazy proxy.
    if getattr(user, "_operated_campus_ids", None) is None:
        with scopes_disabled():
            user._operated_campus_ids = tuple(
                Campus.objects.filter(campusrole__user=user, campusrole__role="operator").values_list(
                    "pk", flat=True
                )
            )
    return user._operated_campus_ids


def operated_campuses(user):
    return Campus.objects.filter(pk__in=operated_campus_ids(user))


def may_use_admin(user):
    return user.is_active and (user.is_superuser or bool(operated_campus_ids(user)))


class OperatorAuthenticationForm(AdminAuthenticationForm):
    def confirm_login_allowed(self, user):
        if not may_use_admin(user):
            raise ValidationError(
                _("Only platform administrators and campus operators may use the administration."),
                code="invalid_login",
            )


class OpenCampusAdminSite(admin.AdminSite):
    site_header = _("Open Campus administration")
    site_title = _("Open Campus administration")
    index_title = _("Raw data")
    login_form = OperatorAuthenticationForm

    def has_permission(self, request):
        return may_use_admin(request.user)
