"""The public directory of the campus's organisations."""

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from opencampus.core.views.mixins import CampusPermissionMixin

from ..models import Membership, Organisation


class OrganisationDirectoryView(ListView):
    template_name = "people/organisation_directory.html"
    context_object_name = "organisations"
    paginate_by = 30

    def get_queryset(self):
        queryset = Organisation.objects.filter(is_public=True)
        self.query = self.request.GET.get("q", "").strip()[:100]
        self.kind = self.request.GET.get("kind", "")
        self.category = self.request.GET.get("category", "")
        if self.query:
            queryset = queryset.filter(
                Q(name_ko__icontains=self.query)
                | Q(name_en__icontains=self.query)
                | Q(description_ko__icontains=self.query)
                | Q(description_en__icontains=self.query)
            )
        if self.kind in Organisation.Kind.values:
            queryset = queryset.filter(kind=self.kind)
        if self.category in Organisation.Category.values:
            queryset = queryset.filter(category=self.category)
        return queryset.order_by("name_ko", "name_en", "pk")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            query=self.query,
            kind=self.kind,
            category=self.category,
            kinds=Organisation.Kind.choices,
            categories=Organisation.Category.choices,
            **kwargs,
        )


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
