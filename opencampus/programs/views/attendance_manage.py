"""The campus team's attendance pages: a cohort's overview, a session's roster and check-in, feedback."""

import segno
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from opencampus.core.links import campus_reverse
from opencampus.people.views.manage import ManagePermissionMixin

from .. import participation_rules  # noqa: F401 (registers the permissions checked here)
from ..forms.attendance import RosterDataError, posted_marks, roster_lines
from ..models import Attendance, Cohort, Session
from ..services import check_in as check_in_service
from ..services.attendance import AttendanceError, mark_attendance, mark_unrecorded_absent, session_roster
from ..services.attendance_overview import CELLS, cohort_overview
from ..services.feedback import summarise_feedback
from ..services.session_times import is_held, published_entry


def overview_url(cohort):
    return campus_reverse(cohort.campus, "attendance_manage:overview", cohort=cohort.slug)


def session_url(session):
    return campus_reverse(
        session.campus, "attendance_manage:session", cohort=session.cohort.slug, pk=session.pk
    )


class AttendancePermissionMixin(ManagePermissionMixin):
    permission_required = "programs.manage_attendance"


class CohortMixin(AttendancePermissionMixin):
    @cached_property
    def cohort(self):
        return get_object_or_404(
            Cohort.objects.select_related("campus", "track"),
            campus=self.request.campus,
            slug=self.kwargs["cohort"],
        )


class SessionMixin(CohortMixin):
    """A session of the cohort in the address that has a time in its published timetable."""

    @cached_property
    def session(self):
        return get_object_or_404(
            Session.objects.select_related("campus", "cohort__campus"),
            cohort=self.cohort,
            pk=self.kwargs["pk"],
        )

    @cached_property
    def entry(self):
        entry = published_entry(self.session)
        if entry is None:
            raise Http404("The session is not in the published timetable.")
        return entry


class CohortListView(AttendancePermissionMixin, View):
    def get(self, request):
        cohorts = Cohort.objects.filter(campus=request.campus).select_related("track")
        return render(request, "programs/attendance/cohorts.html", {"cohorts": cohorts})


class OverviewView(CohortMixin, View):
    """Participants by held sessions, each participant's rate and each session's."""

    def get(self, request, cohort):
        context = {"cohort": self.cohort, "overview": cohort_overview(self.cohort), "legend": CELLS.values()}
        return render(request, "programs/attendance/overview.html", context)


class SessionView(SessionMixin, View):
    """A session's roster to mark, and its check-in."""

    template_name = "programs/attendance/session.html"

    def render_page(self, data=None, status=200):
        now = timezone.now()
        context = {
            "cohort": self.cohort,
            "session": self.session,
            "entry": self.entry,
            "held": is_held(self.entry, now),
            "lines": roster_lines(session_roster(self.session, self.entry), data),
            "states": Attendance.State.choices,
            "is_presentation": self.session.kind == Session.Kind.PRESENTATION,
            "check_in_open": check_in_service.is_open(self.session, now),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, cohort, pk):
        return self.render_page()

    def post(self, request, cohort, pk):
        try:
            result = mark_attendance(
                session=self.session,
                marks=posted_marks(request.POST),
                actor=request.user,
                link=request.build_absolute_uri(overview_url(self.cohort)),
            )
        except (AttendanceError, RosterDataError) as error:
            messages.error(request, str(error))
            return self.render_page(data=request.POST, status=400)
        report_marking(request, result)
        return redirect(session_url(self.session))


def report_marking(request, result):
    if not result.changed:
        messages.info(request, _("Nothing changed."))
        return
    messages.success(
        request,
        ngettext("%(count)s attendance saved.", "%(count)s attendances saved.", result.changed)
        % {"count": result.changed},
    )
    if result.dropped:
        messages.warning(
            request,
            _("Now below the attendance needed: %(names)s. The campus team's warning waits in the outbox.")
            % {"names": ", ".join(str(verdict.participant.user) for verdict in result.dropped)},
        )


class MarkAbsentView(SessionMixin, View):
    http_method_names = ["post"]

    def post(self, request, cohort, pk):
        try:
            result = mark_unrecorded_absent(
                session=self.session,
                actor=request.user,
                link=request.build_absolute_uri(overview_url(self.cohort)),
            )
        except AttendanceError as error:
            messages.error(request, str(error))
        else:
            report_marking(request, result)
        return redirect(session_url(self.session))


class OpenCheckInView(SessionMixin, View):
    http_method_names = ["post"]

    def post(self, request, cohort, pk):
        try:
            check_in_service.open_check_in(session=self.session, actor=request.user)
        except check_in_service.CheckInError as error:
            messages.error(request, str(error))
            return redirect(session_url(self.session))
        return redirect(
            campus_reverse(request.campus, "attendance_manage:check_in_screen", cohort=cohort, pk=pk)
        )


class CloseCheckInView(SessionMixin, View):
    http_method_names = ["post"]

    def post(self, request, cohort, pk):
        try:
            check_in_service.close_check_in(session=self.session, actor=request.user)
        except check_in_service.CheckInError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Check-in is closed; the code no longer works."))
        return redirect(session_url(self.session))


def qr_svg(url):
    """The check-in address as an inline SVG QR code (no script, no inline style: the CSP allows it)."""
    svg = segno.make(url, error="m").svg_inline(
        scale=8,
        border=2,
        dark="#000",
        light="#fff",
        svgclass="qr-code",
        lineclass=None,
        omitsize=True,
        title=_("Scan to check in"),
    )
    return mark_safe(svg)  # segno writes the markup from our own address


class CheckInScreenView(SessionMixin, View):
    """The code, big, with its QR code: shown on the screen in the room while check-in is open."""

    def get(self, request, cohort, pk):
        context = {"cohort": self.cohort, "session": self.session, "entry": self.entry}
        if check_in_service.is_open(self.session):
            url = request.build_absolute_uri(
                campus_reverse(request.campus, "participation:check_in_code", code=self.session.check_in_code)
            )
            context |= {"url": url, "qr": qr_svg(url), "opens_at": check_in_service.opens_at(self.entry)}
        return render(request, "programs/attendance/check_in_screen.html", context)


class SessionFeedbackView(SessionMixin, View):
    """Ratings and comments on a session, without names."""

    def get(self, request, cohort, pk):
        context = {
            "cohort": self.cohort,
            "session": self.session,
            "entry": self.entry,
            "summary": summarise_feedback(self.session),
        }
        return render(request, "programs/attendance/feedback.html", context)
