"""The campus team's activity pages: figures per mentor, and one mentor's sessions (no notes)."""

from django.shortcuts import get_object_or_404, render
from django.utils.functional import cached_property
from django.views import View

from ..forms.mentoring import ActivityFilterForm
from ..models import MentorProfile
from ..services.activity import active_mentors_activity, mentor_sessions, with_activity
from .mixins import MentorsManageMixin


class ActivityFilterMixin(MentorsManageMixin):
    @cached_property
    def filters(self):
        return ActivityFilterForm(self.request.GET or None, campus=self.request.campus)

    @cached_property
    def cohort(self):
        return self.filters.cleaned_data["cohort"] if self.filters.is_valid() else None


class ActivityView(ActivityFilterMixin, View):
    def get(self, request):
        context = {
            "filters": self.filters,
            "cohort": self.cohort,
            "mentors": active_mentors_activity(campus=request.campus, cohort=self.cohort),
        }
        return render(request, "mentors/activity_list.html", context)


class MentorActivityView(ActivityFilterMixin, View):
    def get(self, request, pk):
        mentors = MentorProfile.objects.filter(campus=request.campus)
        mentor = get_object_or_404(with_activity(mentors, cohort=self.cohort), pk=pk)
        context = {
            "filters": self.filters,
            "cohort": self.cohort,
            "mentor": mentor,
            "sessions": mentor_sessions(mentor=mentor, cohort=self.cohort),
        }
        return render(request, "mentors/activity_mentor.html", context)
