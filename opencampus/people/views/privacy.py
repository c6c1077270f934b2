"""A person's own personal data: consents on this campus, a download of everything, deletion."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from opencampus.core.links import campus_reverse
from opencampus.core.services.activity import log_activity

from ..consent_terms import CONSENT_TERMS
from ..forms.privacy import DeleteAccountForm, GiveConsentForm
from ..models import ConsentRecord
from ..services.personal_data import delete_account, export_personal_data, give_consent, withdraw_consent
from .account import CampusLoginRequiredMixin


class ConsentsView(CampusLoginRequiredMixin, View):
    template_name = "people/privacy/consents.html"

    def get(self, request, **kwargs):
        records = list(ConsentRecord.objects.filter(campus=request.campus, user=request.user))
        active = {record.purpose: record for record in records if record.is_active}
        options = [(terms, active.get(purpose)) for purpose, terms in CONSENT_TERMS.items()]
        return render(
            request,
            self.template_name,
            {"records": records, "options": options, "account_purpose": ConsentRecord.Purpose.ACCOUNT},
        )

    def post(self, request, **kwargs):
        form = GiveConsentForm(request.POST)
        if form.is_valid():
            purpose = form.cleaned_data["purpose"]
            give_consent(campus=request.campus, user=request.user, purpose=purpose)
            label = CONSENT_TERMS[purpose].label
            messages.success(request, _("Consent recorded: %(purpose)s.") % {"purpose": label})
        else:
            messages.error(request, _("This consent cannot be given here."))
        return redirect(campus_reverse(request.campus, "people:consents"))


class WithdrawConsentView(CampusLoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk, **kwargs):
        consent = get_object_or_404(
            ConsentRecord.objects.exclude(purpose=ConsentRecord.Purpose.ACCOUNT),
            pk=pk,
            campus=request.campus,
            user=request.user,
        )
        if withdraw_consent(consent=consent, actor=request.user):
            label = consent.get_purpose_display()
            messages.success(request, _("Consent withdrawn: %(purpose)s.") % {"purpose": label})
        else:
            messages.info(request, _("This consent was already withdrawn."))
        return redirect(campus_reverse(request.campus, "people:consents"))


class MyDataView(CampusLoginRequiredMixin, TemplateView):
    template_name = "people/privacy/my_data.html"

    def get_context_data(self, **kwargs):
        held = export_personal_data(user=self.request.user)
        return super().get_context_data(held=held, **kwargs)


class MyDataDownloadView(CampusLoginRequiredMixin, View):
    def get(self, request, **kwargs):
        data = export_personal_data(user=request.user)
        log_activity(campus=request.campus, actor=request.user, action="person.data_downloaded")
        response = HttpResponse(
            json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        filename = f"opencampus-personal-data-{timezone.localdate().isoformat()}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        patch_cache_control(response, private=True, no_store=True)
        return response


class DeleteAccountView(CampusLoginRequiredMixin, FormView):
    template_name = "people/privacy/delete_account.html"
    form_class = DeleteAccountForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        campus = self.request.campus
        delete_account(user=self.request.user, campus=campus)
        logout(self.request)
        messages.success(
            self.request, _("Your account has been deleted. Thank you for being part of the campus.")
        )
        return redirect(campus_reverse(campus, "core:home"))
