"""An instructor's pages: engagements to confirm or decline, weekly availability, absences and fees."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from opencampus.core.links import campus_reverse

from .. import participation_rules  # noqa: F401 (registers the permissions checked here)
from ..forms.participation import AbsenceForm, AvailabilityForm, DeclineForm
from ..models import Engagement, InstructorAbsence, InstructorAvailability
from ..services import teaching as services
from ..services.fees import my_fee_records
from .participation import SignedInPermissionMixin


def teaching_url(campus):
    return campus_reverse(campus, "participation:teaching")


def decline_form(pk, data=None):
    return DeclineForm(data, prefix=f"decline-{pk}")


class TeachingMixin(SignedInPermissionMixin):
    permission_required = "programs.teach"

    def render_page(self, *, decline=None, availability=None, absence=None, status=200):
        """The teaching page; a refused form comes back bound, with its errors."""
        user, campus = self.request.user, self.request.campus
        bound_pk, bound_form = decline or (None, None)
        context = {
            "engagements": [
                (row, bound_form if row.engagement.pk == bound_pk else decline_form(row.engagement.pk))
                for row in services.my_engagements(user=user, campus=campus)
            ],
            "windows": InstructorAvailability.objects.filter(campus=campus, instructor=user),
            "absences": InstructorAbsence.objects.filter(campus=campus, instructor=user),
            "fee_records": my_fee_records(user=user, campus=campus),
            "availability_form": availability or AvailabilityForm(prefix="window"),
            "absence_form": absence or AbsenceForm(prefix="absence"),
        }
        return render(self.request, "programs/teaching/home.html", context, status=status)


class TeachingHomeView(TeachingMixin, View):
    def get(self, request):
        return self.render_page()


class EngagementMixin(TeachingMixin):
    """An engagement of this campus; only the instructor it invites may answer it."""

    permission_required = "programs.answer_engagement"
    http_method_names = ["post"]

    def get_permission_object(self):
        if not hasattr(self, "engagement"):
            self.engagement = get_object_or_404(
                Engagement.objects.select_related("session"), campus=self.request.campus, pk=self.kwargs["pk"]
            )
        return self.engagement


class ConfirmEngagementView(EngagementMixin, View):
    def post(self, request, pk):
        try:
            services.confirm_engagement(engagement=self.engagement, actor=request.user)
        except services.TeachingError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("You confirmed “%(session)s”. Thank you.") % {"session": self.engagement.session.title},
            )
        return redirect(teaching_url(request.campus))


class DeclineEngagementView(EngagementMixin, View):
    def post(self, request, pk):
        form = decline_form(pk, request.POST)
        if form.is_valid():
            try:
                services.decline_engagement(
                    engagement=self.engagement, actor=request.user, reason=form.cleaned_data["reason"]
                )
            except services.TeachingError as error:
                form.add_error(error.field, str(error))
        if not form.is_valid():
            return self.render_page(decline=(self.engagement.pk, form), status=400)
        messages.success(
            request,
            _("You declined “%(session)s”. The campus team will plan it anew.")
            % {"session": self.engagement.session.title},
        )
        return redirect(teaching_url(request.campus))


class AddAvailabilityView(TeachingMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        form = AvailabilityForm(request.POST, prefix="window")
        if form.is_valid():
            try:
                services.add_availability(instructor=request.user, campus=request.campus, **form.cleaned_data)
            except services.TeachingError as error:
                form.add_error(error.field, str(error))
        if not form.is_valid():
            return self.render_page(availability=form, status=400)
        messages.success(request, _("Your weekly window is added."))
        return redirect(teaching_url(request.campus))


class AddAbsenceView(TeachingMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        form = AbsenceForm(request.POST, prefix="absence")
        if form.is_valid():
            try:
                services.add_absence(instructor=request.user, campus=request.campus, **form.cleaned_data)
            except services.TeachingError as error:
                form.add_error(error.field, str(error))
        if not form.is_valid():
            return self.render_page(absence=form, status=400)
        messages.success(
            request, _("Your absence is recorded. The campus team will re-plan what it touches.")
        )
        return redirect(teaching_url(request.campus))


class RemoveTeachingTimeView(TeachingMixin, View):
    """Remove one of the instructor's own windows or absences (``model`` set below)."""

    permission_required = "programs.change_teaching_time"
    http_method_names = ["post"]
    model = None

    def get_permission_object(self):
        if not hasattr(self, "record"):
            self.record = get_object_or_404(self.model, campus=self.request.campus, pk=self.kwargs["pk"])
        return self.record


class RemoveAvailabilityView(RemoveTeachingTimeView):
    model = InstructorAvailability

    def post(self, request, pk):
        services.remove_availability(window=self.record, actor=request.user)
        messages.success(request, _("The weekly window is removed."))
        return redirect(teaching_url(request.campus))


class RemoveAbsenceView(RemoveTeachingTimeView):
    model = InstructorAbsence

    def post(self, request, pk):
        services.remove_absence(absence=self.record, actor=request.user)
        messages.success(request, _("The absence is removed."))
        return redirect(teaching_url(request.campus))
