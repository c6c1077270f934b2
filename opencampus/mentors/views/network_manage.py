"""The campus team's mentor network: vetting profiles, inviting people and adding them directly."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, Q, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import ListView

from opencampus.core.links import campus_reverse
from opencampus.core.models import ActivityLog
from opencampus.core.views.mixins import query_string_without_page

from ..forms.network import AddMentorForm, DeactivateForm, InviteForm, VettingFilterForm, VettingNoteForm
from ..models import MENTORING_LANGUAGES, MentorInvitation, MentorProfile
from ..services.directory import with_directory_data, with_open_mentorships
from ..services.errors import MentorsError
from ..services.network import activate_mentor, deactivate_mentor, reactivate_mentor, set_vetting_note
from ..services.network_recruitment import add_mentor, cancel_invitation, invite_mentor
from .mixins import MentorsManageMixin, manage_url, show_error

State = MentorProfile.State
HISTORY_LABELS = {
    "mentor.joined": gettext_lazy("joined the network"),
    "mentor.profile_changed": gettext_lazy("changed the profile"),
    "mentor.note_changed": gettext_lazy("changed the vetting note"),
    "mentor.activated": gettext_lazy("activated"),
    "mentor.deactivated": gettext_lazy("deactivated"),
    "mentor.reactivated": gettext_lazy("reactivated"),
}


def base_url(request):
    return request.build_absolute_uri("/")


def any_contains(query, *names):
    """Any of the fields ``names`` contains ``query`` (case-insensitive)."""
    condition = Q()
    for name in names:
        condition |= Q(**{f"{name}__icontains": query})
    return condition


class NetworkListView(MentorsManageMixin, ListView):
    """Every profile of the campus by state, with the counts per state and filters."""

    template_name = "mentors/network_manage_list.html"
    context_object_name = "profiles"
    paginate_by = 30

    def get_queryset(self):
        campus = self.request.campus
        self.filters = VettingFilterForm(self.request.GET, campus=campus)
        values = self.filters.values()
        profiles = MentorProfile.objects.filter(campus=campus)
        if values["state"]:
            profiles = profiles.filter(state=values["state"])
        if values["field"] is not None:
            profiles = profiles.filter(fields=values["field"])
        query = (values["q"] or "").strip()
        if query:
            profiles = profiles.filter(
                any_contains(
                    query, "user__name_ko", "user__name_en", "user__email", "affiliation", "keywords"
                )
            )
        profiles = with_open_mentorships(profiles.select_related("user").prefetch_related("fields"))
        # What needs a decision first: profiles waiting for vetting, then active, then inactive ones.
        state_order = Case(
            *(When(state=state, then=Value(position)) for position, state in enumerate(State.values))
        )
        return profiles.order_by(state_order, "user__name_ko", "pk")

    def get_context_data(self, **kwargs):
        counts = dict(
            MentorProfile.objects.filter(campus=self.request.campus)
            .values_list("state")
            .annotate(count=Count("pk"))
            .order_by()
        )
        return super().get_context_data(
            filters=self.filters,
            state_counts=[(state, label, counts.get(state, 0)) for state, label in State.choices],
            query_string=query_string_without_page(self.request),
            **kwargs,
        )


class ManagedProfileMixin(MentorsManageMixin):
    @cached_property
    def profile(self):
        profiles = with_directory_data(
            MentorProfile.objects.filter(campus=self.request.campus).select_related("application__call"),
            campus=self.request.campus,
            full=True,
        )
        return get_object_or_404(profiles, pk=self.kwargs["pk"])

    def profile_url(self):
        return manage_url(self.request.campus, "mentor", pk=self.profile.pk)


class MentorManageView(ManagedProfileMixin, View):
    """Everything the team knows about a mentor, the vetting note and the state changes."""

    template_name = "mentors/network_manage_mentor.html"

    def history(self):
        """The latest entries about the profile, each with a readable label."""
        entries = (
            ActivityLog.objects.filter(
                campus=self.request.campus,
                content_type=ContentType.objects.get_for_model(MentorProfile),
                object_id=str(self.profile.pk),
            )
            .select_related("actor")
            .order_by("-created", "-pk")[:20]
        )
        return [(entry, HISTORY_LABELS.get(entry.action, entry.action)) for entry in entries]

    def render_page(self, *, note_form=None, deactivate_form=None, error=None, status=200):
        profile = self.profile
        application_link = None
        if profile.application_id:
            application_link = campus_reverse(
                self.request.campus,
                "calls_manage:application",
                slug=profile.application.call.slug,
                pk=profile.application_id,
            )
        context = {
            "profile": profile,
            "application_link": application_link,
            "note_form": note_form or VettingNoteForm(initial={"note": profile.vetting_note}),
            "deactivate_form": deactivate_form or DeactivateForm(),
            "error": error,
            "mentoring_languages": MENTORING_LANGUAGES,
            "history": self.history(),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, pk):
        return self.render_page()

    def post(self, request, pk):
        form = VettingNoteForm(request.POST)
        if not form.is_valid():
            return self.render_page(note_form=form, status=400)
        set_vetting_note(profile=self.profile, actor=request.user, note=form.cleaned_data["note"])
        messages.success(request, _("The note is saved."))
        return redirect(self.profile_url())


class StateChangeView(MentorManageView):
    """Activate or reactivate: a refusal shows on the mentor's page."""

    http_method_names = ["post"]
    change = None
    done = ""

    def post(self, request, pk):
        try:
            self.change(profile=self.profile, actor=request.user, base_url=base_url(request))
        except MentorsError as error:
            return self.render_page(error=error.message, status=400)
        messages.success(request, self.done)
        return redirect(self.profile_url())


class ActivateView(StateChangeView):
    change = staticmethod(activate_mentor)
    done = gettext_lazy("The mentor is active; a mail for them waits in the outbox.")


class ReactivateView(StateChangeView):
    change = staticmethod(reactivate_mentor)
    done = gettext_lazy("The mentor is active again; a mail for them waits in the outbox.")


class DeactivateView(MentorManageView):
    http_method_names = ["post"]

    def post(self, request, pk):
        form = DeactivateForm(request.POST)
        if form.is_valid():
            try:
                deactivate_mentor(
                    profile=self.profile, actor=request.user, reason=form.cleaned_data["reason"]
                )
            except MentorsError as error:
                show_error(form, error)
            else:
                messages.success(request, _("The mentor is inactive; a mail for them waits in the outbox."))
                return redirect(self.profile_url())
        return self.render_page(deactivate_form=form, status=400)


class InvitationsView(MentorsManageMixin, View):
    """Invitations sent, the form to invite someone, and the form to add a person with an account."""

    template_name = "mentors/network_manage_invitations.html"

    def render_page(self, *, invite_form=None, add_form=None, status=200):
        invitations = MentorInvitation.objects.filter(campus=self.request.campus).select_related(
            "invited_by", "accepted_by"
        )
        context = {
            "invitations": invitations,
            "invite_form": invite_form or InviteForm(prefix="invite"),
            "add_form": add_form or AddMentorForm(prefix="add"),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request):
        return self.render_page()

    def post(self, request):
        form = InviteForm(request.POST, prefix="invite")
        if form.is_valid():
            try:
                invitation = invite_mentor(
                    campus=request.campus, actor=request.user, base_url=base_url(request), **form.cleaned_data
                )
            except MentorsError as error:
                show_error(form, error)
            else:
                messages.success(
                    request,
                    _("The invitation to %(email)s waits in the outbox.") % {"email": invitation.email},
                )
                return redirect(manage_url(request.campus, "invitations"))
        return self.render_page(invite_form=form, status=400)


class AddMentorView(InvitationsView):
    http_method_names = ["post"]

    def post(self, request):
        form = AddMentorForm(request.POST, prefix="add")
        if form.is_valid():
            try:
                profile = add_mentor(
                    campus=request.campus,
                    actor=request.user,
                    email=form.cleaned_data["email"],
                    base_url=base_url(request),
                )
            except MentorsError as error:
                show_error(form, error)
            else:
                messages.success(
                    request, _("%(name)s is in the network, waiting for vetting.") % {"name": profile}
                )
                return redirect(manage_url(request.campus, "mentor", pk=profile.pk))
        return self.render_page(add_form=form, status=400)


class CancelInvitationView(MentorsManageMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        invitation = get_object_or_404(MentorInvitation, campus=request.campus, pk=pk)
        try:
            cancel_invitation(invitation=invitation, actor=request.user)
        except MentorsError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The invitation is cancelled; its link no longer works."))
        return redirect(manage_url(request.campus, "invitations"))
