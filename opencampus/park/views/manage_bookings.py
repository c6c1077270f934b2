"""The campus team's booking pages: the queue of requests, every booking, and blocking a space."""

from django.contrib import messages
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import ListView

from opencampus.core.links import campus_reverse
from opencampus.core.views.mixins import query_string_without_page

from ..forms.bookings import BlockForm, BookingFilterForm, DecisionForm, QueueFilterForm
from ..models import Booking, Occurrence
from ..services.bookings import BookingError, approve_bookings, block_space, decline_bookings, plan_booking
from ..services.conflicts import Probe, find_conflicts_of
from ..services.tree import space_tree
from .bookings import SignedInPermissionMixin, announce_result, booking_link, booking_url, plan_context

QUEUE_PAGE_SIZE = 25


class ManageBookingsMixin(SignedInPermissionMixin):
    permission_required = "park.manage_bookings"


def queue_url(campus):
    return campus_reverse(campus, "bookings_manage:queue")


def queue_conflicts(bookings, campus):
    """Each request's conflicts, for a whole page of requests in three queries."""
    probes = [
        Probe(
            booking.pk,
            booking.space_id,
            tuple((date.start, date.end) for date in booking.pending_dates),
            frozenset(date.pk for date in booking.pending_dates),
        )
        for booking in bookings
    ]
    return find_conflicts_of(probes=probes, tree=space_tree(campus))


class QueueView(ManageBookingsMixin, ListView):
    """Pending requests, oldest first, each with its dates and what they collide with."""

    template_name = "park/manage/bookings/queue.html"
    context_object_name = "bookings"
    paginate_by = QUEUE_PAGE_SIZE

    def get_queryset(self):
        campus = self.request.campus
        self.filter_form = QueueFilterForm(self.request.GET or None, campus=campus)
        pending = Occurrence.objects.filter(state=Occurrence.State.PENDING).order_by("start", "pk")
        bookings = (
            Booking.objects.filter(campus=campus, state=Booking.State.PENDING)
            .select_related("space", "booked_by", "organisation")
            .prefetch_related(Prefetch("occurrences", queryset=pending, to_attr="pending_dates"))
            .order_by("created", "pk")
        )
        return self.filter_form.filter(bookings, campus)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["bookings"]
        conflicts = queue_conflicts(page, self.request.campus)
        for booking in page:
            found = conflicts.get(booking.pk, [])
            booking.hard_conflicts = [conflict.describe() for conflict in found if conflict.hard]
            booking.soft_conflicts = [conflict.describe() for conflict in found if not conflict.hard]
        context.update(
            filter_form=self.filter_form,
            decision_form=DecisionForm(campus=self.request.campus),
            query_string=query_string_without_page(self.request),
        )
        return context


class DecideView(ManageBookingsMixin, View):
    """Approve or decline the ticked requests; each booker's mail links to their own booking."""

    http_method_names = ["post"]

    def post(self, request):
        form = DecisionForm(request.POST, campus=request.campus)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect(queue_url(request.campus))
        data = form.cleaned_data
        done, refused = [], []
        with transaction.atomic():
            for booking in data["bookings"]:
                link = booking_link(request, booking)
                if data["decision"] == DecisionForm.DECLINE:
                    done += decline_bookings(
                        bookings=[booking], actor=request.user, note=data["note"], link=link
                    )
                    continue
                approved, not_approved = approve_bookings(
                    bookings=[booking],
                    actor=request.user,
                    note=data["note"],
                    skip_conflicts=data["decision"] == DecisionForm.APPROVE_SKIPPING,
                    link=link,
                )
                done += approved
                refused += not_approved
        if done:
            message = (
                ngettext("%(count)d request declined.", "%(count)d requests declined.", len(done))
                if data["decision"] == DecisionForm.DECLINE
                else ngettext("%(count)d request approved.", "%(count)d requests approved.", len(done))
            )
            messages.success(request, message % {"count": len(done)})
        for booking, problems in refused:
            messages.error(
                request,
                _("“%(title)s” was not approved: %(problems)s")
                % {"title": booking.title, "problems": " ".join(problems)},
            )
        return redirect(queue_url(request.campus))


class BookingListView(ManageBookingsMixin, ListView):
    template_name = "park/manage/bookings/list.html"
    context_object_name = "bookings"
    paginate_by = 30

    def get_queryset(self):
        campus = self.request.campus
        self.filter_form = BookingFilterForm(self.request.GET or None, campus=campus)
        bookings = (
            Booking.objects.filter(campus=campus)
            .select_related("space", "booked_by", "organisation")
            .prefetch_related(Prefetch("occurrences", queryset=Occurrence.objects.order_by("start", "pk")))
            .order_by("-start", "-pk")
        )
        return self.filter_form.filter(bookings, campus)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter_form=self.filter_form, query_string=query_string_without_page(self.request), **kwargs
        )


class BlockSpaceView(ManageBookingsMixin, View):
    """Keep a space free: “Check” shows the dates and what they collide with, “Block” saves."""

    template_name = "park/manage/bookings/block.html"

    def render_page(self, form, plan=None, status=200):
        return render(
            self.request, self.template_name, {"form": form, **plan_context(plan, form)}, status=status
        )

    def get(self, request):
        return self.render_page(BlockForm(campus=request.campus, initial={"space": request.GET.get("space")}))

    def post(self, request):
        form = BlockForm(request.POST, campus=request.campus)
        if not form.is_valid():
            return self.render_page(form, status=400)
        data = form.cleaned_data
        if "book" not in request.POST:
            plan = plan_booking(
                space=data["space"], actor=request.user, is_blocking=True, **form.blocking_options()
            )
            return self.render_page(form, plan)
        try:
            result = block_space(
                space=data["space"],
                actor=request.user,
                title=data["title"],
                purpose=data["purpose"],
                skip_conflicts=data["skip_conflicts"],
                **form.blocking_options(),
            )
        except BookingError as error:
            for problem in error.problems:
                form.add_error(None, problem)
            return self.render_page(form, status=400)
        announce_result(request, result)
        return redirect(booking_url(result.booking))
