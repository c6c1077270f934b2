from functools import reduce
from operator import or_

from django.db.models import Q

from opencampus.core.views.mixins import query_string_without_page

from ..models import Organisation


class OrganisationFilterMixin:
    """Search (``q``) and kind/category filters shared by the directory and the team's list."""

    search_fields = ("name_ko", "name_en")

    def filter_organisations(self, queryset):
        self.query = self.request.GET.get("q", "").strip()[:100]
        self.kind = self.request.GET.get("kind", "")
        self.category = self.request.GET.get("category", "")
        if self.query:
            queryset = queryset.filter(
                reduce(or_, (Q(**{f"{field}__icontains": self.query}) for field in self.search_fields))
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
            query_string=query_string_without_page(self.request),
            **kwargs,
        )
