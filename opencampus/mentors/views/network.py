"""A mentor's own pages: their profile, and the invitation link that brings them into the network."""

import copy

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from opencampus.core.views.mixins import login_url_for

from ..forms.network import OwnProfileForm
from ..models import MentorInvitation, MentorProfile
from ..services.errors import MentorsError
from ..services.network import open_mentorships, update_own_profile
from ..services.network_recruitment import accept_invitation
from .mixins import SignedInMixin, mentors_url, show_error


class MyProfileView(SignedInMixin, View):
    """The signed-in person's mentor profile on this campus, with its state."""

    permission_required = "mentors.edit_profile"
    template_name = "mentors/network_my_profile.html"

    @cached_property
    def profile(self):
        return (
            MentorProfile.objects.filter(campus=self.request.campus, user=self.request.user)
            .select_related("campus", "user")
            .first()
        )

    def get_permission_object(self):
        return self.profile

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.profile is None:
            return render(request, "mentors/network_not_a_mentor.html", status=404)
        return super().dispatch(request, *args, **kwargs)

    def make_form(self, data=None):
        return OwnProfileForm(data, instance=copy.copy(self.profile), campus=self.request.campus)

    def render_page(self, form, status=200):
        context = {"profile": self.profile, "form": form, "open_mentorships": open_mentorships(self.profile)}
        return render(self.request, self.template_name, context, status=status)

    def get(self, request):
        return self.render_page(self.make_form())

    def post(self, request):
        form = self.make_form(request.POST)
        if form.is_valid():
            try:
                update_own_profile(
                    profile=self.profile,
                    actor=request.user,
                    fields=form.cleaned_data["fields"],
                    **form.profile_values(),
                )
            except MentorsError as error:
                show_error(form, error)
            else:
                messages.success(request, _("Your mentor profile is saved."))
                return redirect(mentors_url(request.campus, "my_profile"))
        return self.render_page(form, status=400)


class InvitationView(View):
    """The link of an invitation mail: sign in (or up), then accept it."""

    template_name = "mentors/network_invitation.html"

    @cached_property
    def invitation(self):
        return get_object_or_404(
            MentorInvitation.objects.select_related("campus", "invited_by", "accepted_by"),
            campus=self.request.campus,
            token=self.kwargs["token"],
        )

    def render_page(self, status=200):
        return render(self.request, self.template_name, {"invitation": self.invitation}, status=status)

    def get(self, request, token):
        return self.render_page()

    def post(self, request, token):
        if not request.user.is_authenticated:
            return redirect_to_login(request.path, login_url_for(request.campus))
        if self.invitation.accepted_at is not None:
            return self.render_page(status=400)
        try:
            accept_invitation(invitation=self.invitation, user=request.user)
        except MentorsError as error:
            messages.error(request, error.message)
            return redirect(mentors_url(request.campus, "invitation", token=token))
        messages.success(request, _("Welcome to the mentor network! Tell the campus about yourself."))
        return redirect(mentors_url(request.campus, "my_profile"))
