"""The public side of calls: the list of calls, a call's page, and a person's applications."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView, TemplateView

from opencampus.core.views.mixins import CampusPermissionMixin
from opencampus.people.views.account import CampusLoginRequiredMixin

from ..forms.application import ApplyForm
from ..models import Application, Call

State = Application.State

# What each state means for the applicant, in plain words.
STATE_EXPLANATIONS = {
    State.DRAFT: _(
        "You have started but not submitted your application. It is kept as a draft; "
        "nobody reviews it until you submit it before the call closes."
    ),
    State.SUBMITTED: _(
        "Your application has been received. You can still change it until the call closes; "
        "after that it goes to review."
    ),
    State.WITHDRAWN: _("You withdrew this application. It will not be reviewed."),
    State.INELIGIBLE: _(
        "Your application does not meet every condition of this call (see below). "
        "You can change it and submit it again until the call closes."
    ),
    State.ELIGIBLE: _("Your application meets the conditions of this call and is being reviewed."),
    State.ACCEPTED: _("You have been selected. Confirm or decline your place by the date in your e-mail."),
    State.WAITLISTED: _("You are on the waiting list: if a place becomes free, it is offered to you."),
    State.REJECTED: _("Your application was not selected this time. Thank you for applying."),
    State.CONFIRMED: _("You confirmed your place. Welcome!"),
    State.DECLINED: _("You declined your place."),
}


def visible_call(request, slug):
    """The campus's call at ``slug``; an unpublished one exists only for the campus team."""
    call = get_object_or_404(Call.objects.select_related("campus"), campus=request.campus, slug=slug)
    if not call.is_published and not request.user.has_perm("calls.manage_calls", request.campus):
        raise Http404("No such call.")
    return call


def own_application(call, user):
    """``user``'s application to ``call``: always looked up by the person, never by an id."""
    application = (
        Application.objects.select_related("form", "organisation").filter(call=call, applicant=user).first()
    )
    if application is not None:
        application.call = call
    return application


def phase_of(call, now):
    if now < call.opens_at:
        return "upcoming"
    if now >= call.closes_at:
        return "closed"
    return "open"


class CallListView(TemplateView):
    template_name = "calls/portal/call_list.html"

    def get_context_data(self, **kwargs):
        now = timezone.now()
        groups = {"open": [], "upcoming": [], "closed": []}
        for call in Call.objects.filter(campus=self.request.campus, is_published=True):
            groups[phase_of(call, now)].append(call)
        groups["open"].sort(key=lambda call: call.closes_at)
        groups["upcoming"].sort(key=lambda call: call.opens_at)
        groups["closed"].sort(key=lambda call: call.closes_at, reverse=True)
        mine = {}
        if self.request.user.is_authenticated:
            mine = {
                application.call_id: application
                for application in Application.objects.filter(
                    campus=self.request.campus, applicant=self.request.user
                )
            }
        sections = [
            ("open", _("Open now"), groups["open"]),
            ("upcoming", _("Opening soon"), groups["upcoming"]),
            ("closed", _("Closed"), groups["closed"]),
        ]
        return super().get_context_data(
            sections=[
                (key, title, [(call, mine.get(call.pk)) for call in calls]) for key, title, calls in sections
            ],
            has_calls=any(groups.values()),
            **kwargs,
        )


class CallDetailView(CampusPermissionMixin, DetailView):
    permission_required = "calls.view_call"
    template_name = "calls/portal/call_detail.html"
    context_object_name = "call"

    def get_object(self, queryset=None):
        if not hasattr(self, "object"):
            self.object = visible_call(self.request, self.kwargs["slug"])
        return self.object

    def get_permission_object(self):
        return self.get_object()

    def get_context_data(self, **kwargs):
        call = self.object
        user = self.request.user
        application = own_application(call, user) if user.is_authenticated else None
        phase = phase_of(call, timezone.now())
        apply_form = None
        if user.is_authenticated and application is None and phase == "open" and call.is_published:
            apply_form = ApplyForm(call=call, user=user)
        return super().get_context_data(
            application=application,
            explanation=STATE_EXPLANATIONS.get(application.state) if application else "",
            phase=phase,
            apply_form=apply_form,
            **kwargs,
        )


class MyApplicationsView(CampusLoginRequiredMixin, ListView):
    template_name = "calls/portal/my_applications.html"
    context_object_name = "applications"

    def get_queryset(self):
        return (
            Application.objects.filter(campus=self.request.campus, applicant=self.request.user)
            .select_related("call", "organisation")
            .order_by("-created", "-pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = [
            (application, STATE_EXPLANATIONS.get(application.state, ""))
            for application in context["applications"]
        ]
        return context
