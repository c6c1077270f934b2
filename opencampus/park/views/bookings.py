"""Booking a space and a person's own bookings: check, book, cancel and move dates."""

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import ListView

from opencampus.core.links import campus_reverse
from opencampus.core.views.mixins import CampusPermissionMixin, login_url_for, query_string_without_page

from ..forms.bookings import BookingForm, MoveForm
from ..models import Booking, Occurrence, Space
from ..services.bookings import BookingError, cancel_booking, move_occurrence, plan_booking, request_booking
from ..services.conflicts import find_conflicts
from ..services.tree import space_tree


class SignedInMixin:
    """Anonymous people go to the log-in page before any record is looked up."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), login_url_for(request.campus))
        return super().dispatch(request, *args, **kwargs)


class SignedInPermissionMixin(SignedInMixin, CampusPermissionMixin):
    pass


def booking_url(booking):
    return campus_reverse(booking.campus, "bookings:detail", pk=booking.pk)


def booking_link(request, booking):
    """The booking's page as an absolute address, for the mails to the person who booked."""
    return request.build_absolute_uri(booking_url(booking))


def when(start, end):
    """A date as the booking pages show it, in the campus time zone the middleware activated."""
    start, end = timezone.localtime(start), timezone.localtime(end)
    return f"{formats.date_format(start, 'Y-m-d (D) H:i')}\N{EN DASH}{formats.date_format(end, 'H:i')}"


@dataclass
class PlannedDate:
    """One date of a plan, with what it collides with (hard) and overlaps (soft)."""

    start: object
    end: object
    hard: list = field(default_factory=list)
    soft: list = field(default_factory=list)

    @property
    def state(self):
        return "collides" if self.hard else "overlaps" if self.soft else "free"


def planned_dates(plan):
    rows = {(start, end): PlannedDate(start, end) for start, end in plan.dates}
    for conflict in plan.conflicts:
        row = rows[(conflict.start, conflict.end)]
        (row.hard if conflict.hard else row.soft).append(conflict.describe())
    return list(rows.values())


def may_book_plan(plan, form):
    """Whether the plan can be booked as typed: no broken rule, and collisions only where skipped."""
    if plan.problems or not plan.dates:
        return False
    colliding = plan.colliding_dates
    if not colliding:
        return True
    recurring = form.cleaned_data["frequency"] != Booking.Frequency.ONCE
    return recurring and form.cleaned_data["skip_conflicts"] and len(colliding) < len(plan.dates)


def plan_context(plan, form):
    if plan is None:
        return {}
    return {"plan": plan, "planned_dates": planned_dates(plan), "may_book": may_book_plan(plan, form)}


def announce_result(request, result):
    """The messages after a booking: confirmed or awaiting approval, and which dates were left out."""
    booking = result.booking
    if booking.kind == Booking.Kind.BLOCKING:
        messages.success(
            request,
            _("“%(space)s” is blocked: %(title)s.") % {"space": booking.space.name, "title": booking.title},
        )
    elif booking.state == Booking.State.CONFIRMED:
        messages.success(request, _("Your booking “%(title)s” is confirmed.") % {"title": booking.title})
    else:
        messages.success(
            request,
            _("Your request “%(title)s” is awaiting approval by the campus team.") % {"title": booking.title},
        )
    if result.skipped:
        messages.warning(
            request,
            _("Left out because they collide with other bookings: %(dates)s")
            % {"dates": ", ".join(when(item.start, item.end) for item in result.skipped)},
        )
    if result.soft_conflicts and booking.state == Booking.State.PENDING:
        dates = len({(conflict.start, conflict.end) for conflict in result.soft_conflicts})
        messages.info(
            request,
            ngettext(
                "%(count)d date overlaps other requests awaiting approval; the campus team decides.",
                "%(count)d dates overlap other requests awaiting approval; the campus team decides.",
                dates,
            )
            % {"count": dates},
        )


class NewBookingView(SignedInPermissionMixin, View):
    """Two steps, as in Indico: “Check” shows every date's state, “Book” requests it."""

    permission_required = "park.book_space"
    template_name = "park/bookings/new.html"

    def get_permission_object(self):
        if not hasattr(self, "space"):
            self.space = get_object_or_404(
                Space.objects.select_related("campus", "required_training"),
                campus=self.request.campus,
                slug=self.kwargs["space_slug"],
                is_active=True,
            )
        return self.space

    def make_form(self, data=None, initial=None):
        return BookingForm(data, initial=initial, campus=self.request.campus, user=self.request.user)

    def render_page(self, form, plan=None, status=200):
        context = {"space": self.space, "form": form, **plan_context(plan, form)}
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, space_slug):
        """Links from the week view and the free-room search carry the date and times to prefill."""
        prefill = {"date": "date", "start": "start_time", "end": "end_time", "people": "attendees"}
        initial = {field: request.GET[name][:20] for name, field in prefill.items() if request.GET.get(name)}
        return self.render_page(self.make_form(initial=initial))

    def post(self, request, space_slug):
        form = self.make_form(request.POST)
        if not form.is_valid():
            return self.render_page(form, status=400)
        if "book" not in request.POST:
            plan = plan_booking(space=self.space, actor=request.user, **form.booking_options())
            return self.render_page(form, plan)
        data = form.cleaned_data
        try:
            result = request_booking(
                space=self.space,
                actor=request.user,
                title=data["title"],
                purpose=data["purpose"],
                skip_conflicts=data["skip_conflicts"],
                **form.booking_options(),
            )
        except BookingError as error:
            for problem in error.problems:
                form.add_error(None, problem)
            return self.render_page(form, status=400)
        announce_result(request, result)
        return redirect(booking_url(result.booking))


class MyBookingsView(SignedInMixin, ListView):
    """The dates of the person's bookings, upcoming first, or the past ones."""

    template_name = "park/bookings/mine.html"
    context_object_name = "occurrences"
    paginate_by = 30

    def get_queryset(self):
        self.past = self.request.GET.get("when") == "past"
        dates = Occurrence.objects.filter(
            campus=self.request.campus, booking__booked_by=self.request.user
        ).select_related("booking", "space")
        now = timezone.now()
        if self.past:
            return dates.filter(end__lte=now).order_by("-start", "-pk")
        return dates.filter(end__gt=now).order_by("start", "pk")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            past=self.past, query_string=query_string_without_page(self.request), **kwargs
        )


class BookingPermissionMixin(SignedInPermissionMixin):
    permission_required = "park.change_booking"

    def get_permission_object(self):
        if not hasattr(self, "booking"):
            self.booking = get_object_or_404(
                Booking.objects.select_related("space", "campus", "booked_by", "organisation", "decided_by"),
                campus=self.request.campus,
                pk=self.kwargs["pk"],
            )
        return self.booking

    def get_occurrence(self, pk):
        return get_object_or_404(Occurrence.objects.select_related("space"), booking=self.booking, pk=pk)


def skipped_reasons(booking, occurrences):
    """What each skipped date collides with now (it may have become free since)."""
    skipped = [item for item in occurrences if item.state == Occurrence.State.SKIPPED]
    if not skipped:
        return {}
    conflicts = find_conflicts(
        space=booking.space,
        intervals=[(item.start, item.end) for item in skipped],
        tree=space_tree(booking.campus),
        exclude_occurrences=[item.pk for item in occurrences],
    )
    reasons = {}
    for conflict in conflicts:
        if conflict.hard:
            reasons.setdefault((conflict.start, conflict.end), []).append(conflict.describe())
    return {item.pk: reasons.get((item.start, item.end), []) for item in skipped}


class BookingDetailView(BookingPermissionMixin, View):
    template_name = "park/bookings/detail.html"

    def get(self, request, pk):
        booking = self.booking
        occurrences = list(booking.occurrences.order_by("start", "pk"))
        reasons = skipped_reasons(booking, occurrences)
        now = timezone.now()
        for occurrence in occurrences:
            occurrence.collides_with = reasons.get(occurrence.pk, [])
            occurrence.can_change = occurrence.is_active and occurrence.start > now
        context = {
            "booking": booking,
            "occurrences": occurrences,
            "can_cancel_series": any(occurrence.can_change for occurrence in occurrences),
        }
        return render(request, self.template_name, context)


class CancelBookingView(BookingPermissionMixin, View):
    """Cancel one date (``occurrence`` in the form) or every date still to come."""

    http_method_names = ["post"]

    def post(self, request, pk):
        occurrence_pk = request.POST.get("occurrence", "")
        occurrence = self.get_occurrence(occurrence_pk) if occurrence_pk.isdigit() else None
        try:
            cancelled = cancel_booking(
                booking=self.booking,
                actor=request.user,
                occurrence=occurrence,
                link=booking_link(request, self.booking),
            )
        except BookingError as error:
            for problem in error.problems:
                messages.error(request, problem)
        else:
            messages.success(
                request,
                _("Cancelled: %(dates)s")
                % {"dates": ", ".join(when(item.start, item.end) for item in cancelled)},
            )
        return redirect(booking_url(self.booking))


class MoveOccurrenceView(BookingPermissionMixin, View):
    template_name = "park/bookings/move.html"

    def render_page(self, occurrence, form, status=200):
        context = {"booking": self.booking, "occurrence": occurrence, "form": form}
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, pk, occurrence):
        occurrence = self.get_occurrence(occurrence)
        start, end = timezone.localtime(occurrence.start), timezone.localtime(occurrence.end)
        form = MoveForm(
            campus=request.campus,
            initial={"date": start.date(), "start_time": start.time(), "end_time": end.time()},
        )
        return self.render_page(occurrence, form)

    def post(self, request, pk, occurrence):
        occurrence = self.get_occurrence(occurrence)
        form = MoveForm(request.POST, campus=request.campus)
        if not form.is_valid():
            return self.render_page(occurrence, form, status=400)
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        try:
            move_occurrence(occurrence=occurrence, actor=request.user, start=start, end=end)
        except BookingError as error:
            for problem in error.problems:
                messages.error(request, problem)
            return self.render_page(occurrence, form, status=400)
        messages.success(request, _("The date moved to %(when)s") % {"when": when(start, end)})
        return redirect(booking_url(self.booking))
