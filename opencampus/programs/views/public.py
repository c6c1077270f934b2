"""Public cohort pages: the list by track, a cohort's page with its register or cancel button, and
the results of a lottery (entrant numbers only, never names) with the draw to re-run."""

import json

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from opencampus.core.links import campus_reverse
from opencampus.core.views.mixins import CampusPermissionMixin

from ..models import Cohort, LotteryDraw, Participant, Registration
from ..services.errors import AdmissionError
from ..services.lottery_draw import ALGORITHM, draw_filename, draw_instance, verify_command
from ..services.registration import (
    cancel_registration,
    ensure_cancellable,
    register,
    registration_phase,
    waiting_position,
)

ACTIVE = Participant.State.ACTIVE


def cohort_url(cohort, name="programs:cohort"):
    return campus_reverse(cohort.campus, name, slug=cohort.slug)


def base_url(request):
    return request.build_absolute_uri("/")


def with_places(cohorts):
    return cohorts.annotate(active=Count("participants", filter=Q(participants__state=ACTIVE)))


def places_left(cohort):
    return max(0, cohort.size - cohort.active)


def is_cancellable(registration, cohort):
    try:
        ensure_cancellable(registration, cohort)
    except AdmissionError:
        return False
    return True


def visible_cohort(request, slug):
    """The campus's cohort at ``slug``; an unpublished one exists only for the campus team."""
    cohort = get_object_or_404(
        with_places(Cohort.objects.select_related("campus", "track", "place", "call")),
        campus=request.campus,
        slug=slug,
    )
    if not request.user.has_perm("programs.view_cohort", cohort):
        raise Http404("No such cohort.")
    return cohort


class CohortListView(View):
    template_name = "programs/cohorts/list.html"

    def get(self, request):
        cohorts = with_places(
            Cohort.objects.filter(campus=request.campus, is_published=True).select_related("track", "place")
        ).order_by("track__name_ko", "track__name_en", "track_id", "starts_on", "pk")
        tracks = {}
        for cohort in cohorts:
            cohort.places_left = places_left(cohort)
            cohort.phase = registration_phase(cohort)
            tracks.setdefault(cohort.track, []).append(cohort)
        return render(request, self.template_name, {"tracks": list(tracks.items())})


class CohortMixin:
    @cached_property
    def cohort(self):
        return visible_cohort(self.request, self.kwargs["slug"])


class CohortDetailView(CohortMixin, View):
    template_name = "programs/cohorts/detail.html"

    def get(self, request, slug):
        cohort = self.cohort
        cohort.places_left, cohort.phase = places_left(cohort), registration_phase(cohort)
        registration = participant = None
        if request.user.is_authenticated:
            registration = Registration.objects.filter(cohort=cohort, user=request.user).first()
            participant = Participant.objects.filter(cohort=cohort, user=request.user).first()
        if registration is not None:
            registration.cohort = cohort
        context = {
            "cohort": cohort,
            "registration": registration,
            "participant": participant,
            "waiting_position": waiting_position(registration) if registration else None,
            "can_cancel": registration is not None and is_cancellable(registration, cohort),
            "can_register": registration is None and participant is None,
            "drawn": LotteryDraw.objects.filter(cohort=cohort).exists(),
        }
        return render(request, self.template_name, context)


class RegisterView(CohortMixin, CampusPermissionMixin, View):
    """Register (first come) or enter the lottery."""

    permission_required = "programs.register"
    http_method_names = ["post"]

    def get_permission_object(self):
        return self.cohort

    def post(self, request, slug):
        try:
            registration = register(cohort=self.cohort, user=request.user)
        except AdmissionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, registered_message(registration))
        return redirect(cohort_url(self.cohort))


def registered_message(registration):
    if registration.state == Registration.State.ADMITTED:
        return _("You are registered and have a place in the cohort. Welcome!")
    if registration.state == Registration.State.WAITING:
        return _("The cohort is full, so you are on the waiting list; we will write if a place becomes free.")
    return _("You entered the lottery. Your entrant number is %(code)s.") % {"code": registration.code}


class CancelView(CohortMixin, CampusPermissionMixin, View):
    """Cancel one's own registration: it is always found by the person, never by an id."""

    permission_required = "programs.register"
    http_method_names = ["post"]

    def get_permission_object(self):
        return self.cohort

    def post(self, request, slug):
        registration = get_object_or_404(Registration, cohort=self.cohort, user=request.user)
        try:
            cancel_registration(registration=registration, actor=request.user, base_url=base_url(request))
        except AdmissionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your registration is cancelled."))
        return redirect(cohort_url(self.cohort))


class LotteryMixin(CohortMixin):
    @cached_property
    def draw(self):
        return get_object_or_404(LotteryDraw, cohort=self.cohort)


class LotteryResultsView(LotteryMixin, View):
    template_name = "programs/cohorts/lottery.html"

    def get(self, request, slug):
        draw = self.draw
        rows = [
            (position, code, position <= draw.places) for position, code in enumerate(draw.order, start=1)
        ]
        context = {
            "cohort": self.cohort,
            "draw": draw,
            "rows": rows,
            "algorithm": ALGORITHM,
            "command": verify_command(self.cohort),
            "filename": draw_filename(self.cohort),
        }
        return render(request, self.template_name, context)


class LotteryJsonView(LotteryMixin, View):
    """The draw exactly as ``python -m opencampus.solvers lottery`` reads it."""

    def get(self, request, slug):
        response = HttpResponse(
            json.dumps(draw_instance(self.draw), ensure_ascii=False, indent=2) + "\n",
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{draw_filename(self.cohort)}"'
        return response
