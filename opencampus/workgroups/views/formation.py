"""A formation run's proposal, and applying it to the cohort."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from ..models import FormationRun, WorkingGroup
from ..services.errors import WorkgroupError
from ..services.formation import apply_formation
from ..services.run_report import run_report
from .mixins import CohortManageMixin, manage_url


def percent(share):
    return round(share * 100, 1) if share is not None else None


class RunMixin(CohortManageMixin):
    @cached_property
    def run(self):
        return get_object_or_404(
            FormationRun.objects.select_related("started_by"), cohort=self.cohort, pk=self.kwargs["pk"]
        )


def greedy_scores_higher(run):
    """The solver keeps the greedy plan when it is as good, so a higher greedy score means the greedy
    plan leaves more people the only one of their kind (docs/solvers.md, "Team formation")."""
    return None not in (run.worst_score, run.greedy_worst_score) and run.greedy_worst_score > run.worst_score


class RunPageView(RunMixin, View):
    def get(self, request, cohort, pk):
        context = {
            "greedy_scores_higher": greedy_scores_higher(self.run),
            "cohort": self.cohort,
            "run": self.run,
            "report": run_report(self.run),
            "gap_percent": percent(self.run.result.get("gap")),
            "mean": self.run.result.get("mean"),
            "existing_groups": WorkingGroup.objects.filter(cohort=self.cohort).count(),
        }
        return render(request, "workgroups/manage/run.html", context)


class ApplyRunView(RunMixin, View):
    def post(self, request, cohort, pk):
        try:
            groups, left_out = apply_formation(run=self.run, actor=request.user)
        except WorkgroupError as error:
            messages.error(request, str(error))
            return redirect(manage_url(self.cohort, "run", pk=self.run.pk))
        messages.success(
            request,
            ngettext("%(count)s group is formed.", "%(count)s groups are formed.", len(groups))
            % {"count": len(groups)},
        )
        if left_out:
            messages.warning(
                request,
                ngettext(
                    "%(count)s person of the proposal no longer takes part and was left out.",
                    "%(count)s people of the proposal no longer take part and were left out.",
                    left_out,
                )
                % {"count": left_out},
            )
        messages.info(request, _("Adjust the groups by hand here; the score follows every change."))
        return redirect(manage_url(self.cohort, "groups"))
