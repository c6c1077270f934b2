"""The mentoring pages of the people in it: my mentees and my mentor, a mentorship with its sessions,
and the POSTs that ask for, answer, record and rate sessions."""

from dataclasses import dataclass, field

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View

from ..forms.mentoring import CancelForm, DeclineForm, HeldNotesForm, LogHeldForm, RateForm, RequestForm
from ..models import MentoringSession, Mentorship
from ..services.errors import MentorsError
from ..services.mentoring import (
    Session,
    accept_session,
    cancel_session,
    decline_session,
    log_held_session,
    may_still_rate,
    rate_session,
    record_held,
    request_session,
)
from ..services.mentoring_pages import (
    MENTORSHIP_RELATED,
    answers_to,
    mentored_by,
    mentoring,
    sessions_of,
    split_open,
)
from ..services.mentoring_people import MENTEE, MENTOR, mentee_people, requester_side, side_of
from ..services.mentoring_times import ends_at
from .mixins import SignedInMixin, mentors_url, show_error


def mentorship_url(mentorship):
    return mentors_url(mentorship.campus, "mentorship", pk=mentorship.pk)


class MentoringHomeView(SignedInMixin, View):
    """As a mentor: my mentees; as a mentee: my mentor and our sessions."""

    permission_required = "mentors.view_my_mentoring"

    def get(self, request):
        open_mentees, past_mentees = split_open(mentored_by(request.user))
        open_mentors, past_mentors = split_open(mentoring(request.user))
        context = {
            "mentees": open_mentees,
            "my_mentors": open_mentors,
            "earlier": past_mentees + past_mentors,
            "now": timezone.now(),
        }
        return render(request, "mentors/mentoring_home.html", context)


@dataclass
class SessionRow:
    session: MentoringSession
    ends_at: object
    asked_by_me: bool
    answer: object = None
    forms: dict = field(default_factory=dict)


class MentorshipMixin(SignedInMixin):
    permission_required = "mentors.view_mentorship"

    @cached_property
    def mentorship(self):
        return get_object_or_404(
            Mentorship.objects.select_related(*MENTORSHIP_RELATED),
            campus=self.request.campus,
            pk=self.kwargs["pk"],
        )

    @cached_property
    def side(self):
        return side_of(self.mentorship, self.request.user)

    def get_permission_object(self):
        return self.mentorship


class MentorshipView(MentorshipMixin, View):
    """The mentorship's page; the campus team sees the sessions but no notes."""

    def session_forms(self, session, now):
        """The forms the viewer may use on ``session`` now, by action."""
        side, active = self.side, self.mentorship.state == Mentorship.State.ACTIVE
        prefix, coming = f"s{session.pk}", session.starts_at > now
        forms = {}
        if side is None:
            return forms
        if session.state == Session.REQUESTED and side != requester_side(session):
            if coming and active:
                forms["accept"] = None
            forms["decline"] = DeclineForm(prefix=f"{prefix}-decline")
        if session.state in (Session.REQUESTED, Session.ACCEPTED) and coming:
            forms["cancel"] = CancelForm(prefix=f"{prefix}-cancel")
        if side == MENTOR and session.state in (Session.ACCEPTED, Session.HELD) and not coming:
            notes = {name: getattr(session, name) for name in HeldNotesForm.base_fields}
            forms["held"] = HeldNotesForm(prefix=f"{prefix}-held", initial=notes)
        if side == MENTEE and may_still_rate(session, now):
            initial = {"rating": session.rating, "comment": session.rating_comment}
            forms["rate"] = RateForm(prefix=f"{prefix}-rate", initial=initial)
        return forms

    def render_page(self, bound=None, status=200):
        """``bound`` is ``(action, session or None, form)``: a refused form, shown with its errors
        (forms without inputs, like accepting, are refused by a message and a redirect instead)."""
        mentorship, side, now = self.mentorship, self.side, timezone.now()
        sessions = list(sessions_of(mentorship, side=side))
        answers = answers_to(sessions)
        rows = [
            SessionRow(
                session=session,
                ends_at=ends_at(session),
                asked_by_me=session.requested_by_id == self.request.user.pk,
                answer=answers.get(session.pk),
                forms=self.session_forms(session, now),
            )
            for session in sessions
        ]
        may_arrange = side is not None and mentorship.state == Mentorship.State.ACTIVE
        forms = {
            "request": RequestForm(prefix="request") if may_arrange else None,
            "log": LogHeldForm(prefix="log") if may_arrange and side == MENTOR else None,
        }
        if bound is not None:
            self.place(bound, forms, rows)
        context = {
            "mentorship": mentorship,
            "side": side,
            "mentee_people": mentee_people(mentorship.mentee),
            "rows": rows,
            "forms": forms,
            "now": now,
        }
        return render(self.request, "mentors/mentoring_mentorship.html", context, status=status)

    def place(self, bound, forms, rows):
        """Put the refused form where it was; if it is no longer offered, say why on top."""
        action, session, form = bound
        targets = forms if session is None else next((r.forms for r in rows if r.session == session), {})
        if targets.get(action) is not None:
            targets[action] = form
            return
        for errors in form.errors.values():
            for error in errors:
                messages.error(self.request, error)

    def get(self, request, pk):
        return self.render_page()


class MentorshipActionView(MentorshipView):
    """A POST from the mentorship's page; a refusal shows the page again with what was typed."""

    permission_required = "mentors.work_in_mentorship"
    http_method_names = ["post"]
    action = None
    done_message = None

    @cached_property
    def session(self):
        if "session" not in self.kwargs:
            return None
        return get_object_or_404(MentoringSession, mentorship=self.mentorship, pk=self.kwargs["session"])

    def make_form(self):
        return None

    def base_url(self):
        return self.request.build_absolute_uri("/")

    def post(self, request, **kwargs):
        form = self.make_form()
        if form is None or form.is_valid():
            try:
                self.perform(form.cleaned_data if form is not None else {})
            except MentorsError as error:
                if form is None:
                    messages.error(request, error.message)
                    return redirect(mentorship_url(self.mentorship))
                show_error(form, error)
            else:
                messages.success(request, self.done_message)
                return redirect(mentorship_url(self.mentorship))
        return self.render_page(bound=(self.action, self.session, form), status=400)


class SessionFormMixin:
    form_class = None

    def make_form(self):
        prefix = self.action if self.session is None else f"s{self.session.pk}-{self.action}"
        return self.form_class(self.request.POST, prefix=prefix)


class RequestSessionView(SessionFormMixin, MentorshipActionView):
    action, form_class = "request", RequestForm
    done_message = _("The session is asked for; the other side is told.")

    def perform(self, data):
        request_session(mentorship=self.mentorship, actor=self.request.user, base_url=self.base_url(), **data)


class LogHeldSessionView(SessionFormMixin, MentorshipActionView):
    action, form_class = "log", LogHeldForm
    done_message = _("The session is logged as held.")

    def perform(self, data):
        log_held_session(mentorship=self.mentorship, actor=self.request.user, **data)


class AcceptSessionView(MentorshipActionView):
    action = "accept"
    done_message = _("The session is accepted; the other side is told.")

    def perform(self, data):
        accept_session(session=self.session, actor=self.request.user, base_url=self.base_url())


class DeclineSessionView(SessionFormMixin, MentorshipActionView):
    action, form_class = "decline", DeclineForm
    done_message = _("The session is declined; the other side is told why.")

    def perform(self, data):
        decline_session(
            session=self.session, actor=self.request.user, reason=data["reason"], base_url=self.base_url()
        )


class CancelSessionView(SessionFormMixin, MentorshipActionView):
    action, form_class = "cancel", CancelForm
    done_message = _("The session is cancelled; the other side is told.")

    def perform(self, data):
        cancel_session(
            session=self.session, actor=self.request.user, reason=data["reason"], base_url=self.base_url()
        )


class RecordHeldView(SessionFormMixin, MentorshipActionView):
    action, form_class = "held", HeldNotesForm
    done_message = _("The session is recorded as held.")

    def perform(self, data):
        record_held(session=self.session, actor=self.request.user, **data)


class RateSessionView(SessionFormMixin, MentorshipActionView):
    action, form_class = "rate", RateForm
    done_message = _("Thank you: your rating is saved.")

    def perform(self, data):
        rate_session(session=self.session, actor=self.request.user, **data)
