"""What the public list and the campus team's list share: filters, progress and the summary line."""

from django.db.models import Count, Sum
from django.views.generic import ListView

from opencampus.core.views.mixins import query_string_without_page

from ..forms.filters import ExperimentFilterForm
from ..services.progress import with_progress

LIST_RELATED = ("theme", "working_group", "organisation", "field_site")


class ExperimentListMixin(ListView):
    context_object_name = "experiments"
    paginate_by = 20

    def experiments(self):
        """The experiments this list may show before any filter."""
        raise NotImplementedError

    def get_queryset(self):
        experiments = self.experiments()
        years = [day.year for day in experiments.dates("starts_on", "year", order="DESC")]
        self.filters = ExperimentFilterForm(self.request.GET, campus=self.request.campus, years=years)
        self.filtered = self.filters.filter(experiments)
        return with_progress(self.filtered.select_related(*LIST_RELATED)).order_by("-starts_on", "-pk")

    def get_context_data(self, **kwargs):
        summary = self.filtered.aggregate(count=Count("pk"), budget=Sum("budget"))
        return super().get_context_data(
            filters=self.filters,
            summary=summary,
            query_string=query_string_without_page(self.request),
            **kwargs,
        )
