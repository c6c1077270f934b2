"""The public directory of the campus's organisations."""

from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from opencampus.core.views.mixins import CampusPermissionMixin

from ..models import Membership, Organisation
from .organisation_filters import OrganisationFilterMixin


class OrganisationDirectoryView(OrganisationFilterMixin, ListView):
    template_name = "people/organisation_directory.html"
    context_object_name = "organisations"
    paginate_by = 30
    search_fields = ("name_ko", "name_en", "description_ko", "description_en")

    def get_queryset(self):
        return self.filter_organisations(Organisation.objects.filter(is_public=True))


class OrganisationDetailView(CampusPermissionMixin, DetailView):
    permission_required = "people.view_organisation"
    template_name = "people/organisation_detail.html"
    context_object_name = "organisation"

    def get_object(self, queryset=None):
        if not hasattr(self, "object"):
            self.object = get_object_or_404(Organisation, slug=self.kwargs["slug"])
        return self.object

    def get_permission_object(self):
        return self.get_object()

    def get_context_data(self, **kwargs):
        listed = (
            Membership.objects.filter(organisation=self.object, is_listed=True)
            .select_related("user")
            .order_by("role", "user__name_ko")
        )
        return super().get_context_data(listed_members=listed, **kwargs)
