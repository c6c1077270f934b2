"""The campus team's pages: tracks and cohorts, a cohort's roster and its admission actions."""

import copy

from django.contrib import messages
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from opencampus.core.links import campus_reverse
from opencampus.people.views.manage import ManagePermissionMixin

from ..forms.catalogue import CohortForm, TrackForm
from ..forms.roster import DrawForm, LateJoinerForm, WithdrawForm
from ..models import Cohort, LotteryDraw, Participant, Registration, Track
from ..services import catalogue
from ..services.admission import fill_from_call
from ..services.errors import AdmissionError
from ..services.lottery_draw import draw_lottery
from ..services.registration import registration_phase, waiting_order, withdraw_and_offer_place
from ..services.roster import add_late_joiner
from .public import base_url

ACTIVE = Participant.State.ACTIVE


def manage_url(campus, name="overview", **kwargs):
    return campus_reverse(campus, f"programs_manage:{name}", **kwargs)


def roster_url(cohort):
    return manage_url(cohort.campus, "roster", slug=cohort.slug)


def show_error(form, error):
    """Put a service's refusal next to the input it is about (or on top of the form)."""
    form.add_error(error.field if error.field in form.fields else None, error.message)


class ProgramsPermissionMixin(ManagePermissionMixin):
    permission_required = "programs.manage_cohorts"


class OverviewView(ProgramsPermissionMixin, View):
    template_name = "programs/manage/overview.html"

    def get(self, request):
        cohorts = Cohort.objects.annotate(
            active=Count("participants", filter=Q(participants__state=ACTIVE))
        ).order_by("-starts_on", "pk")
        tracks = Track.objects.filter(campus=request.campus).prefetch_related(
            Prefetch("cohorts", queryset=cohorts)
        )
        return render(request, self.template_name, {"tracks": tracks})


# Tracks and cohorts


class EditorMixin(ProgramsPermissionMixin):
    """A create-or-edit page for one record; ``get_record`` is ``None`` when creating."""

    template_name = None
    form_class = None

    def get_record(self):
        return None

    def make_form(self, data=None):
        record = self.get_record()
        kwargs = {"instance": copy.copy(record)} if record is not None else {"initial": self.initial()}
        return self.form_class(data, campus=self.request.campus, **kwargs)

    def initial(self):
        return {}

    def render_form(self, form, status=200):
        context = {"form": form, "record": self.get_record()}
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, **kwargs):
        return self.render_form(self.make_form())

    def post(self, request, **kwargs):
        form = self.make_form(request.POST)
        if form.is_valid():
            try:
                record = self.save(form)
            except AdmissionError as error:
                show_error(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect(self.success_url(record))
        return self.render_form(form, status=400)


class TrackEditorMixin(EditorMixin):
    template_name = "programs/manage/track_form.html"
    form_class = TrackForm

    def success_url(self, track):
        return manage_url(track.campus)


class NewTrackView(TrackEditorMixin, View):
    def save(self, form):
        return catalogue.create_track(
            campus=self.request.campus, actor=self.request.user, **form.track_fields()
        )


class EditTrackView(TrackEditorMixin, View):
    @cached_property
    def track(self):
        return get_object_or_404(Track, campus=self.request.campus, slug=self.kwargs["slug"])

    def get_record(self):
        return self.track

    def save(self, form):
        return catalogue.update_track(track=self.track, actor=self.request.user, **form.track_fields())


class CohortEditorMixin(EditorMixin):
    template_name = "programs/manage/cohort_form.html"
    form_class = CohortForm

    def success_url(self, cohort):
        return roster_url(cohort)


class NewCohortView(CohortEditorMixin, View):
    def initial(self):
        track = Track.objects.filter(
            campus=self.request.campus, slug=self.request.GET.get("track", "")
        ).first()
        return {"track": track, "size": 30}

    def save(self, form):
        return catalogue.create_cohort(
            campus=self.request.campus, actor=self.request.user, **form.cohort_fields()
        )


class CohortMixin(ProgramsPermissionMixin):
    @cached_property
    def cohort(self):
        return get_object_or_404(
            Cohort.objects.select_related("campus", "track", "place", "call"),
            campus=self.request.campus,
            slug=self.kwargs["slug"],
        )


class EditCohortView(CohortMixin, CohortEditorMixin, View):
    def get_record(self):
        return self.cohort

    def save(self, form):
        return catalogue.update_cohort(cohort=self.cohort, actor=self.request.user, **form.cohort_fields())


# The roster


class RosterView(CohortMixin, View):
    """A cohort's participants and registrations, with the forms of the admission actions."""

    template_name = "programs/manage/roster.html"

    def render_page(self, bound=None, status=200):
        cohort = self.cohort
        participants = list(
            Participant.objects.filter(cohort=cohort)
            .select_related("user")
            .order_by("state", "joined_on", "pk")
        )
        registrations = list(Registration.objects.filter(cohort=cohort).select_related("user"))
        draw = LotteryDraw.objects.filter(cohort=cohort).select_related("drawn_by").first()
        active = sum(participant.state == ACTIVE for participant in participants)
        forms = {"late_joiner": LateJoinerForm(prefix="late")}
        if cohort.admission == Cohort.Admission.LOTTERY and draw is None:
            forms["draw"] = DrawForm(prefix="draw")
        if bound is not None:
            forms[bound[0]] = bound[1]
        context = {
            "cohort": cohort,
            "participants": participants,
            "active": active,
            "places_left": max(0, cohort.size - active),
            "registrations": registrations,
            "waiting": waiting_order(registrations, draw),
            "draw": draw,
            "phase": registration_phase(cohort),
            "can_fill_from_call": cohort.admission == Cohort.Admission.SELECTION
            and cohort.call_id is not None,
            "forms": forms,
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, slug):
        return self.render_page()


class RosterActionView(RosterView):
    """A POST from the roster page; a refusal shows the page again with what was typed."""

    http_method_names = ["post"]
    form_name = None

    def make_form(self, data):
        return None

    def post(self, request, slug):
        form = self.make_form(request.POST)
        if form is not None and not form.is_valid():
            return self.render_page(bound=(self.form_name, form), status=400)
        try:
            message = self.perform(form.cleaned_data if form is not None else {})
        except AdmissionError as error:
            if form is None:
                messages.error(request, str(error))
                return redirect(roster_url(self.cohort))
            show_error(form, error)
            return self.render_page(bound=(self.form_name, form), status=400)
        messages.success(request, message)
        return redirect(roster_url(self.cohort))


class LateJoinerView(RosterActionView):
    form_name = "late_joiner"

    def make_form(self, data):
        return LateJoinerForm(data, prefix="late")

    def perform(self, data):
        participant = add_late_joiner(
            cohort=self.cohort, user=data["person"], joined_on=data["joined_on"], actor=self.request.user
        )
        return _("%(person)s joins the cohort.") % {"person": participant.user}


class FillFromCallView(RosterActionView):
    def perform(self, data):
        joined = fill_from_call(cohort=self.cohort, actor=self.request.user)
        if not joined:
            return _("Every confirmed applicant of the call is already on the roster.")
        return ngettext(
            "%(count)s confirmed applicant joins the cohort.",
            "%(count)s confirmed applicants join the cohort.",
            len(joined),
        ) % {"count": len(joined)}


class DrawView(RosterActionView):
    form_name = "draw"

    def make_form(self, data):
        return DrawForm(data, prefix="draw")

    def perform(self, data):
        draw = draw_lottery(
            cohort=self.cohort, seed=data["seed"], actor=self.request.user, base_url=base_url(self.request)
        )
        return _(
            "The lottery is drawn: %(admitted)s of %(entrants)s entrants have a place. "
            "Their letters wait in the outbox."
        ) % {"admitted": min(draw.places, len(draw.order)), "entrants": len(draw.order)}


class WithdrawView(CohortMixin, View):
    template_name = "programs/manage/withdraw.html"

    @cached_property
    def participant(self):
        return get_object_or_404(
            Participant.objects.select_related("user"), cohort=self.cohort, pk=self.kwargs["pk"]
        )

    def render_form(self, form, status=200):
        context = {"cohort": self.cohort, "participant": self.participant, "form": form}
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, slug, pk):
        return self.render_form(WithdrawForm())

    def post(self, request, slug, pk):
        form = WithdrawForm(request.POST)
        if form.is_valid():
            try:
                admitted = withdraw_and_offer_place(
                    participant=self.participant,
                    actor=request.user,
                    base_url=request.build_absolute_uri("/"),
                    **form.cleaned_data,
                )
            except AdmissionError as error:
                show_error(form, error)
            else:
                messages.success(
                    request, _("%(person)s has left the cohort.") % {"person": self.participant.user}
                )
                for registration in admitted:
                    messages.success(
                        request,
                        _("%(person)s takes the place from the waiting list; a letter waits in the outbox.")
                        % {"person": registration.user},
                    )
                return redirect(roster_url(self.cohort))
        return self.render_form(form, status=400)
