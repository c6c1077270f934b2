"""Signing up, logging in and out, resetting a password and editing one's profile."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from opencampus.core.links import campus_reverse
from opencampus.core.views.mixins import login_url_for

from ..forms.account import AccountForm, EmailAuthenticationForm, ProfileForm, SignupForm
from ..services.accounts import ensure_profile, sign_up


class CampusLoginRequiredMixin(LoginRequiredMixin):
    def get_login_url(self):
        return login_url_for(self.request.campus)


class SignupView(FormView):
    template_name = "people/signup.html"
    form_class = SignupForm

    def form_valid(self, form):
        data = form.cleaned_data
        user = sign_up(
            campus=self.request.campus,
            email=data["email"],
            password=data["password1"],
            name_ko=data["name_ko"],
            name_en=data["name_en"],
            preferred_language=data["preferred_language"],
        )
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(self.request, _("Welcome! Your account is ready."))
        return redirect(campus_reverse(self.request.campus, "people:profile"))


class LoginView(auth_views.LoginView):
    template_name = "people/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return campus_reverse(self.request.campus, "core:home")


class LogoutView(auth_views.LogoutView):
    def get_success_url(self):
        return campus_reverse(self.request.campus, "core:home")


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "people/password_reset_form.html"
    email_template_name = "people/password_reset_email.txt"
    subject_template_name = "people/password_reset_subject.txt"

    def get_success_url(self):
        return campus_reverse(self.request.campus, "people:password_reset_done")

    def form_valid(self, form):
        self.extra_email_context = {"campus": self.request.campus}
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "people/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "people/password_reset_confirm.html"

    def get_success_url(self):
        return campus_reverse(self.request.campus, "people:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "people/password_reset_complete.html"


class ProfileView(CampusLoginRequiredMixin, View):
    template_name = "people/profile.html"

    def forms(self, data=None):
        user = self.request.user
        return (
            AccountForm(data, instance=user, prefix="account"),
            ProfileForm(data, instance=ensure_profile(user), prefix="profile"),
        )

    def get(self, request, **kwargs):
        account_form, profile_form = self.forms()
        return render(
            request, self.template_name, {"account_form": account_form, "profile_form": profile_form}
        )

    def post(self, request, **kwargs):
        account_form, profile_form = self.forms(request.POST)
        if not (account_form.is_valid() and profile_form.is_valid()):
            return render(
                request, self.template_name, {"account_form": account_form, "profile_form": profile_form}
            )
        with transaction.atomic():
            account_form.save()
            profile_form.save()
        response = redirect(campus_reverse(request.campus, "people:profile"))
        messages.success(request, _("Your profile has been saved."))
        return response
