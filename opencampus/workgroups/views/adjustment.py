"""The operator's hand adjustment of a cohort's groups, with the live score after each change.

Every change is a plain form POST followed by a redirect back to the page; workgroups.js only
submits a member's group choice as soon as it changes.
"""

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from opencampus.agendas.models import Agenda
from opencampus.programs.models import Participant

from ..forms.adjustment import GroupForm, GroupProblemForm, MoveForm, RenameForm
from ..models import GroupMember, WorkingGroup
from ..services.adjustment import (
    create_group,
    delete_group,
    live_score,
    move_member,
    rename_group,
    set_group_problem,
)
from ..services.errors import WorkgroupError
from ..services.formation import rankings_of, traits_of
from ..services.formation_settings import cohort_attributes
from ..services.solver_messages import Names
from .mixins import CohortManageMixin, manage_url, show_error

ACTIVE = Participant.State.ACTIVE


def offered_agendas(cohort):
    return Agenda.objects.filter(cohort_offers__cohort=cohort).order_by("pk")


class GroupsView(CohortManageMixin, View):
    template_name = "workgroups/manage/groups.html"

    def render_page(self, bound=None, status=200):
        cohort = self.cohort
        members = GroupMember.objects.select_related("participant__user").order_by("pk")
        groups = list(
            WorkingGroup.objects.filter(cohort=cohort)
            .select_related("agenda")
            .prefetch_related(Prefetch("members", queryset=members))
        )
        participants = list(Participant.objects.filter(cohort=cohort, state=ACTIVE).select_related("user"))
        placed = {member.participant_id for group in groups for member in group.members.all()}
        names = Names(
            people={p.pk: str(p.user) for p in participants},
            problems={group.agenda_id: group.agenda.title for group in groups if group.agenda_id},
        )
        score = live_score(cohort=cohort, groups=groups, names=names)
        ranked, held, attributes = rankings_of(cohort), traits_of(cohort), cohort_attributes(cohort)
        for group in groups:
            group.score = score.scores.get(group.pk)
            group.rows = [
                member_row(member.participant, group.agenda_id, ranked, held, attributes)
                for member in group.members.all()
            ]
            group.rename_form = RenameForm(initial={"name": group.name}, prefix=f"rename-{group.pk}")
        if bound is not None and bound[0].startswith("rename-"):
            for group in groups:
                if f"rename-{group.pk}" == bound[0]:
                    group.rename_form = bound[1]
        agendas = list(offered_agendas(cohort))
        new_form = (
            bound[1]
            if bound is not None and bound[0] == "new"
            else GroupForm(agendas=offered_agendas(cohort), prefix="new")
        )
        context = {
            "cohort": cohort,
            "groups": groups,
            "unplaced": [
                member_row(p, None, ranked, held, attributes) for p in participants if p.pk not in placed
            ],
            "agendas": agendas,
            "attributes": attributes,
            "score": score,
            "new_form": new_form,
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, cohort):
        return self.render_page()


def member_row(participant, agenda_id, ranked, held, attributes):
    """A participant as the page lists them: their rank of the group's problem and their traits."""
    ranking = ranked.get(participant.pk, [])
    return {
        "participant": participant,
        "rank": ranking.index(agenda_id) + 1 if agenda_id in ranking else None,
        "values": [held.get(participant.pk, {}).get(name, "") for name in attributes],
        "left": participant.state != ACTIVE,
    }


def back(cohort):
    return redirect(manage_url(cohort, "groups"))


class GroupActionMixin(CohortManageMixin):
    @cached_property
    def group(self):
        return get_object_or_404(
            WorkingGroup.objects.select_related("cohort", "campus"), cohort=self.cohort, pk=self.kwargs["pk"]
        )


class MoveView(CohortManageMixin, View):
    def post(self, request, cohort):
        form = MoveForm(
            request.POST,
            participants=Participant.objects.filter(cohort=self.cohort),
            groups=WorkingGroup.objects.filter(cohort=self.cohort),
        )
        if not form.is_valid():
            messages.error(request, _("Choose a participant of this cohort and one of its groups."))
            return back(self.cohort)
        participant, group = form.cleaned_data["participant"], form.cleaned_data["group"]
        try:
            move_member(cohort=self.cohort, participant=participant, group=group, actor=request.user)
        except WorkgroupError as error:
            messages.error(request, str(error))
        else:
            if group is None:
                messages.success(request, _("%(person)s is in no group now.") % {"person": participant.user})
            else:
                messages.success(
                    request,
                    _("%(person)s moves to %(group)s.") % {"person": participant.user, "group": group.name},
                )
        return back(self.cohort)


class NewGroupView(GroupsView):
    http_method_names = ["post"]

    def post(self, request, cohort):
        form = GroupForm(request.POST, agendas=offered_agendas(self.cohort), prefix="new")
        if form.is_valid():
            try:
                group = create_group(cohort=self.cohort, actor=request.user, **form.cleaned_data)
            except WorkgroupError as error:
                show_error(form, error)
            else:
                messages.success(request, _("The group “%(name)s” is created.") % {"name": group.name})
                return back(self.cohort)
        return self.render_page(bound=("new", form), status=400)


class RenameGroupView(GroupActionMixin, GroupsView):
    http_method_names = ["post"]

    def post(self, request, cohort, pk):
        prefix = f"rename-{self.group.pk}"
        form = RenameForm(request.POST, prefix=prefix)
        if form.is_valid():
            try:
                rename_group(group=self.group, name=form.cleaned_data["name"], actor=request.user)
            except WorkgroupError as error:
                show_error(form, error)
            else:
                messages.success(request, _("Saved."))
                return back(self.cohort)
        return self.render_page(bound=(prefix, form), status=400)


class GroupProblemView(GroupActionMixin, View):
    def post(self, request, cohort, pk):
        form = GroupProblemForm(request.POST, agendas=offered_agendas(self.cohort))
        if not form.is_valid():
            messages.error(request, _("Choose one of the problems offered to the cohort."))
            return back(self.cohort)
        try:
            set_group_problem(group=self.group, agenda=form.cleaned_data["agenda"], actor=request.user)
        except WorkgroupError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Saved."))
        return back(self.cohort)


class DeleteGroupView(GroupActionMixin, View):
    def post(self, request, cohort, pk):
        name = self.group.name
        try:
            delete_group(group=self.group, actor=request.user)
        except WorkgroupError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The group “%(name)s” is deleted.") % {"name": name})
        return back(self.cohort)
