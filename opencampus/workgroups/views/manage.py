"""The campus team's formation page for a cohort: offered problems, ranking, settings, runs."""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from opencampus.programs.models import Cohort, Participant

from ..forms.offers import FormationSettingsForm, OfferForm, OfferLimitForm
from ..models import CohortAgenda, FormationRun, WorkingGroup
from ..services.errors import WorkgroupError
from ..services.formation import run_formation
from ..services.formation_settings import cohort_attributes, settings_of, update_formation_settings
from ..services.offers import change_offer, offer_agenda, remove_offer, set_ranking_open
from .mixins import CohortManageMixin, manage_url, show_error

ACTIVE = Participant.State.ACTIVE


class IndexView(CohortManageMixin, View):
    """The campus's cohorts, each with its offered problems and groups."""

    def get(self, request):
        cohorts = (
            Cohort.objects.filter(campus=request.campus)
            .select_related("track")
            .annotate(
                offers=Count("offered_agendas", distinct=True),
                groups=Count("working_groups", distinct=True),
                active=Count("participants", filter=Q(participants__state=ACTIVE), distinct=True),
            )
        )
        return render(request, "workgroups/manage/index.html", {"cohorts": cohorts})


class CohortView(CohortManageMixin, View):
    template_name = "workgroups/manage/cohort.html"

    def render_page(self, bound=None, error="", status=200):
        cohort = self.cohort
        formation = settings_of(cohort)
        attributes = cohort_attributes(cohort)
        forms = {
            "offer": OfferForm(cohort=cohort, prefix="offer"),
            "settings": FormationSettingsForm(
                attributes=attributes,
                prefix="settings",
                initial={
                    "min_size": formation.min_size,
                    "max_size": formation.max_size,
                    "balance": formation.balance,
                    "no_isolation": formation.no_isolation,
                },
            ),
        }
        if bound is not None:
            forms[bound[0]] = bound[1]
        offers = (
            CohortAgenda.objects.filter(cohort=cohort)
            .select_related("agenda")
            .annotate(rankings=Count("choices"))
            .order_by("pk")
        )
        context = {
            "cohort": cohort,
            "formation": formation,
            "attributes": attributes,
            "offers": offers,
            "taken": set(WorkingGroup.objects.filter(cohort=cohort).values_list("agenda_id", flat=True)),
            "active": Participant.objects.filter(cohort=cohort, state=ACTIVE).count(),
            "ranked": Participant.objects.filter(cohort=cohort, state=ACTIVE, agenda_choices__isnull=False)
            .distinct()
            .count(),
            "groups": WorkingGroup.objects.filter(cohort=cohort).count(),
            "runs": FormationRun.objects.filter(cohort=cohort).select_related("started_by")[:10],
            "forms": forms,
            "run_error": error,
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, cohort):
        return self.render_page()


class CohortActionView(CohortView):
    """A POST from the cohort page; a refusal shows the page again with what was typed."""

    http_method_names = ["post"]
    form_name = None

    def make_form(self, data):
        return None

    def post(self, request, cohort, **kwargs):
        form = self.make_form(request.POST)
        if form is not None and not form.is_valid():
            return self.render_page(bound=(self.form_name, form), status=400)
        try:
            message = self.perform(form.cleaned_data if form is not None else {})
        except WorkgroupError as error:
            if form is None:
                messages.error(request, str(error))
                return redirect(manage_url(self.cohort))
            show_error(form, error)
            return self.render_page(bound=(self.form_name, form), status=400)
        messages.success(request, message)
        return redirect(manage_url(self.cohort))


class OfferView(CohortActionView):
    form_name = "offer"

    def make_form(self, data):
        return OfferForm(data, cohort=self.cohort, prefix="offer")

    def perform(self, data):
        offer = offer_agenda(
            cohort=self.cohort, agenda=data["agenda"], max_groups=data["max_groups"], actor=self.request.user
        )
        return _("“%(problem)s” is offered to the cohort.") % {"problem": offer.agenda.title}


class OfferActionMixin:
    def offer(self):
        return get_object_or_404(
            CohortAgenda.objects.select_related("agenda"), cohort=self.cohort, pk=self.kwargs["pk"]
        )


class OfferLimitView(OfferActionMixin, CohortManageMixin, View):
    def post(self, request, cohort, pk):
        offer = self.offer()
        form = OfferLimitForm(request.POST)
        try:
            if not form.is_valid():
                raise WorkgroupError(" ".join(form.errors["max_groups"]))
            change_offer(offer=offer, max_groups=form.cleaned_data["max_groups"], actor=request.user)
        except WorkgroupError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Saved."))
        return redirect(manage_url(self.cohort))


class RemoveOfferView(OfferActionMixin, CohortActionView):
    def perform(self, data):
        offer = self.offer()
        rankings = remove_offer(offer=offer, actor=self.request.user)
        return ngettext(
            "“%(problem)s” is no longer offered; %(count)s ranking of it was removed.",
            "“%(problem)s” is no longer offered; %(count)s rankings of it were removed.",
            rankings,
        ) % {"problem": offer.agenda.title, "count": rankings}


class RankingView(CohortActionView):
    def perform(self, data):
        is_open = self.request.POST.get("open") == "1"
        set_ranking_open(cohort=self.cohort, is_open=is_open, actor=self.request.user)
        if is_open:
            return _("Participants may rank the problems now.")
        return _("Ranking is closed.")


class SettingsView(CohortActionView):
    form_name = "settings"

    def make_form(self, data):
        return FormationSettingsForm(data, attributes=cohort_attributes(self.cohort), prefix="settings")

    def perform(self, data):
        update_formation_settings(cohort=self.cohort, actor=self.request.user, **data)
        return _("The formation settings are saved.")


class RunView(CohortActionView):
    """Run the solver in this request (up to about ten seconds)."""

    def post(self, request, cohort):
        try:
            run = run_formation(cohort=self.cohort, actor=request.user)
        except WorkgroupError as error:
            return self.render_page(error=str(error), status=400)
        return redirect(manage_url(self.cohort, "run", pk=run.pk))
