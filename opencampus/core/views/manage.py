"""The campus team's management pages."""

from django.views.generic import TemplateView

from .mixins import CampusPermissionMixin


class DashboardView(CampusPermissionMixin, TemplateView):
    permission_required = "core.manage_campus"
    template_name = "core/manage/dashboard.html"
