"""The mentor directory and a mentor's page: the public sees listed mentors in brief, participants,
mentors and the campus team see every active mentor in full."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import ListView

from opencampus.core.views.mixins import CampusPermissionMixin, query_string_without_page

from ..forms.network import DirectoryFilterForm
from ..models import MENTORING_LANGUAGES, MentorProfile
from ..services.directory import search_directory, with_directory_data


class FullViewMixin:
    @cached_property
    def full(self):
        return self.request.user.has_perm("mentors.view_full_directory", self.request.campus)


class DirectoryView(FullViewMixin, CampusPermissionMixin, ListView):
    permission_required = "mentors.view_directory"
    template_name = "mentors/directory_list.html"
    context_object_name = "mentors"
    paginate_by = 24

    def get_queryset(self):
        campus = self.request.campus
        self.filters = DirectoryFilterForm(self.request.GET, campus=campus, full=self.full)
        values = self.filters.values()
        return search_directory(
            campus=campus,
            full=self.full,
            query=values["q"] or "",
            field=values["field"],
            language=values.get("language") or "",
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            full=self.full,
            filters=self.filters,
            mentoring_languages=MENTORING_LANGUAGES,
            query_string=query_string_without_page(self.request),
            **kwargs,
        )


class MentorDetailView(FullViewMixin, CampusPermissionMixin, View):
    """An active mentor's page (a mentor may also look at their own while it waits for vetting)."""

    permission_required = "mentors.view_mentor"
    template_name = "mentors/directory_mentor.html"

    @cached_property
    def profile(self):
        mentors = MentorProfile.objects.filter(campus=self.request.campus)
        profile = get_object_or_404(
            with_directory_data(mentors, campus=self.request.campus, full=True), pk=self.kwargs["pk"]
        )
        if profile.state != MentorProfile.State.ACTIVE and profile.user_id != self.request.user.pk:
            raise Http404("No such mentor.")
        return profile

    def get_permission_object(self):
        return self.profile

    def get(self, request, pk):
        profile = self.profile
        full = self.full or profile.user_id == request.user.pk
        context = {"mentor": profile, "full": full, "mentoring_languages": MENTORING_LANGUAGES}
        return render(request, self.template_name, context)
