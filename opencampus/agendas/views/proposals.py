"""Proposing a social problem and changing it while it waits for review."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from opencampus.core.views.mixins import CampusPermissionMixin

from ..forms.proposal import ChangeAgendaForm, EvidenceFormSet, ProposalForm, evidence_of
from ..models import Agenda
from ..services.errors import AgendaError
from ..services.proposals import propose_agenda, update_agenda
from ..services.similarity import similar_agendas
from .public import agenda_url

EVIDENCE_PREFIX = "evidence"


class ProposeView(CampusPermissionMixin, View):
    """The proposal form. “Check for similar problems” (the button, or the script as one types)
    shows problems like the one typed, so people can join one instead of starting a duplicate."""

    permission_required = "agendas.propose"
    template_name = "agendas/propose.html"

    def make_form(self, data=None, *, checking=False):
        request = self.request
        return ProposalForm(data, campus=request.campus, author=request.user, checking=checking)

    def render_form(self, form, formset, *, similar=None, status=200):
        context = {
            "form": form,
            "formset": formset,
            "similar": similar,
            "checked": similar is not None,
            "files_dropped": bool(self.request.FILES),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request):
        return self.render_form(self.make_form(), EvidenceFormSet(prefix=EVIDENCE_PREFIX))

    def post(self, request):
        checking = "check" in request.POST
        form = self.make_form(request.POST, checking=checking)
        formset = EvidenceFormSet(request.POST, request.FILES, prefix=EVIDENCE_PREFIX)
        if checking:
            similar = similar_agendas(campus=request.campus, text=form.similarity_text())
            return self.render_form(form, formset, similar=similar)
        if form.is_valid() and formset.is_valid():
            try:
                agenda = propose_agenda(
                    campus=request.campus,
                    author=request.user,
                    evidence=evidence_of(formset),
                    **form.proposal_fields(),
                )
            except AgendaError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request, _("Thank you: your problem is proposed. You follow it from now on.")
                )
                return redirect(agenda_url(agenda))
        return self.render_form(form, formset, status=400)


class ChangeAgendaView(CampusPermissionMixin, View):
    """The proposer changes their problem while it is still proposed; the campus team at any time."""

    permission_required = "agendas.change_agenda"
    template_name = "agendas/change.html"

    @cached_property
    def agenda(self):
        return get_object_or_404(
            Agenda.objects.select_related("campus", "theme"), campus=self.request.campus, pk=self.kwargs["pk"]
        )

    def get_permission_object(self):
        return self.agenda

    def render_form(self, form, formset, status=200):
        context = {
            "agenda": self.agenda,
            "form": form,
            "formset": formset,
            "files_dropped": bool(self.request.FILES),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, pk):
        form = ChangeAgendaForm(campus=request.campus, instance=self.agenda)
        return self.render_form(form, EvidenceFormSet(prefix=EVIDENCE_PREFIX))

    def post(self, request, pk):
        form = ChangeAgendaForm(request.POST, campus=request.campus, instance=self.agenda)
        formset = EvidenceFormSet(request.POST, request.FILES, prefix=EVIDENCE_PREFIX)
        if form.is_valid() and formset.is_valid():
            try:
                update_agenda(
                    agenda=self.agenda,
                    actor=request.user,
                    evidence=evidence_of(formset),
                    **form.change_fields(),
                )
            except AgendaError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Your changes are saved."))
                return redirect(agenda_url(self.agenda))
        return self.render_form(form, formset, status=400)
