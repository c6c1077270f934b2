"""A participant's pages: my programmes, check-in, feedback, materials and the calendar feed."""

import posixpath

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from opencampus.core.links import campus_reverse
from opencampus.core.views.mixins import CampusPermissionMixin, login_url_for
from opencampus.people.services.feed_tokens import feed_owner, make_feed_token

from .. import participation_rules  # noqa: F401 (registers the permissions checked here)
from ..forms.participation import CheckInForm, FeedbackForm
from ..models import Attendance, Feedback, Participant, Session, SessionMaterial
from ..services.check_in import CheckInError, check_in, find_check_in
from ..services.feedback import FeedbackError, feedback_refusal, give_feedback
from ..services.participant_home import participant_home
from ..services.session_times import published_entry
from ..services.timetable_feed import FEED_SALT, timetable_feed


class SignedInPermissionMixin(CampusPermissionMixin):
    """Anonymous people go to the log-in page before any record is looked up."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), login_url_for(request.campus))
        return super().dispatch(request, *args, **kwargs)


def home_url(campus):
    return campus_reverse(campus, "participation:home")


def private(response):
    """Pages and feeds behind a personal token stay out of search engines and referrer headers."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


class HomeView(SignedInPermissionMixin, View):
    permission_required = "programs.view_my_programs"
    template_name = "programs/participation/home.html"

    def get(self, request):
        homes = participant_home(user=request.user, campus=request.campus)
        context = {
            "homes": homes,
            "taking_part": any(not home.withdrawn for home in homes),
            "teaches": request.user.has_perm("programs.teach", request.campus),
        }
        return render(request, self.template_name, context)


class CalendarPageView(SignedInPermissionMixin, View):
    """The address of the person's timetable feed, to copy into a calendar app."""

    permission_required = "programs.view_my_programs"
    template_name = "programs/participation/calendar.html"

    def get(self, request):
        token = make_feed_token(user=request.user, campus=request.campus, salt=FEED_SALT)
        path = campus_reverse(request.campus, "participation:feed", token=token)
        return private(render(request, self.template_name, {"feed_url": request.build_absolute_uri(path)}))


class FeedView(View):
    """Whoever holds the signed address reads the person's sessions on this campus."""

    def get(self, request, token):
        user = feed_owner(token=token, campus=request.campus, salt=FEED_SALT)
        if user is None:
            raise Http404
        response = HttpResponse(
            timetable_feed(user=user, campus=request.campus), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = 'inline; filename="programme.ics"'
        response["Cache-Control"] = "private, no-store"
        return private(response)


class CheckInView(SignedInPermissionMixin, View):
    """Type the code shown in the room."""

    permission_required = "programs.check_in"
    template_name = "programs/participation/check_in.html"

    def show(self, form, status=200):
        return render(self.request, self.template_name, {"form": form}, status=status)

    def get(self, request):
        return self.show(CheckInForm())

    def post(self, request):
        form = CheckInForm(request.POST)
        if not form.is_valid():
            return self.show(form, status=400)
        try:
            attendance = check_in(user=request.user, campus=request.campus, code=form.cleaned_data["code"])
        except CheckInError as error:
            form.add_error("code", str(error))
            return self.show(form, status=400)
        return checked_in(request, attendance)


def checked_in(request, attendance):
    messages.success(
        request,
        _("You are checked in to “%(session)s”: %(state)s.")
        % {"session": attendance.session.title, "state": attendance.get_state_display()},
    )
    return redirect(home_url(request.campus))


class CheckInCodeView(SignedInPermissionMixin, View):
    """What the QR code opens: the session it checks in to, and a button. GET never checks in."""

    permission_required = "programs.check_in"
    template_name = "programs/participation/check_in_confirm.html"

    def show(self, code, target=None, error=None, status=200):
        context = {"code": code, "target": target, "error": error}
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, code):
        try:
            target = find_check_in(user=request.user, campus=request.campus, code=code)
        except CheckInError as error:
            return self.show(code, error=str(error))
        return self.show(code, target=target)

    def post(self, request, code):
        try:
            attendance = check_in(user=request.user, campus=request.campus, code=code)
        except CheckInError as error:
            return self.show(code, error=str(error), status=400)
        return checked_in(request, attendance)


class FeedbackView(SignedInPermissionMixin, View):
    """Rate a session attended: once, and change it until the cohort ends."""

    permission_required = "programs.give_feedback"
    template_name = "programs/participation/feedback.html"

    def get_permission_object(self):
        if not hasattr(self, "session"):
            self.session = get_object_or_404(
                Session.objects.select_related("cohort", "campus"),
                campus=self.request.campus,
                pk=self.kwargs["pk"],
            )
        return self.session

    def load(self):
        participant = Participant.objects.select_related("campus", "cohort").get(
            cohort=self.session.cohort, user=self.request.user
        )
        entry = published_entry(self.session)
        if entry is None:
            raise Http404("The session has no time yet.")
        attendance = Attendance.objects.filter(session=self.session, participant=participant).first()
        given = Feedback.objects.filter(session=self.session, participant=participant).first()
        refusal = feedback_refusal(participant=participant, entry=entry, attendance=attendance)
        return participant, entry, given, refusal

    def show(self, form, entry, given, refusal, status=200):
        context = {"session": self.session, "entry": entry, "form": form, "given": given, "refusal": refusal}
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, pk):
        _participant, entry, given, refusal = self.load()
        initial = {"rating": given.rating, "comment": given.comment} if given else None
        return self.show(FeedbackForm(initial=initial), entry, given, refusal)

    def post(self, request, pk):
        participant, entry, given, refusal = self.load()
        form = FeedbackForm(request.POST)
        if not form.is_valid():
            return self.show(form, entry, given, refusal, status=400)
        try:
            give_feedback(
                participant=participant,
                session=self.session,
                rating=form.cleaned_data["rating"],
                comment=form.cleaned_data["comment"],
            )
        except FeedbackError as error:
            return self.show(form, entry, given, str(error), status=400)
        messages.success(request, _("Thank you; your feedback is saved."))
        return redirect(home_url(request.campus))


class MaterialView(SignedInPermissionMixin, View):
    """A session's file, downloaded through this check (links are shown as they are)."""

    permission_required = "programs.read_material"

    def get_permission_object(self):
        if not hasattr(self, "material"):
            self.material = get_object_or_404(
                SessionMaterial.objects.select_related("session", "campus"),
                campus=self.request.campus,
                pk=self.kwargs["pk"],
            )
        return self.material

    def get(self, request, pk):
        if not self.material.file:
            raise Http404("This material is a link, not a file.")
        try:
            handle = self.material.file.open("rb")
        except FileNotFoundError:
            raise Http404("The file is missing from storage.") from None
        return FileResponse(handle, as_attachment=True, filename=posixpath.basename(self.material.file.name))
