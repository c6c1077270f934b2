"""Public pages of social problems: the list, a problem's page with its lineage, its story, evidence files."""

import posixpath

from django.contrib import messages
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, prefetch_related_objects
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from opencampus.core.links import campus_reverse
from opencampus.core.views.mixins import query_string_without_page

from ..forms.filters import MOST_ENDORSED, AgendaFilterForm
from ..forms.participation import CommentForm, HideCommentForm, ReportForm
from ..lineage import lineage
from ..models import Agenda, Comment, CommentReport, Endorsement, Evidence, Follow, SdgTarget
from ..services.policy import agenda_policy
from ..services.story import nest_steps, proposer_label, timeline


def agenda_url(agenda, name="agendas:detail"):
    return campus_reverse(agenda.campus, name, pk=agenda.pk)


def with_endorsements(agendas):
    return agendas.annotate(endorsement_count=Count("endorsements", distinct=True))


class AgendaListView(ListView):
    template_name = "agendas/list.html"
    context_object_name = "agendas"
    paginate_by = 20

    def get_queryset(self):
        campus = self.request.campus
        self.filter_form = AgendaFilterForm(self.request.GET or None, campus=campus)
        filters = self.filter_form.filters() if self.request.GET else {}
        agendas = with_endorsements(
            Agenda.objects.filter(campus=campus, merged_into__isnull=True).select_related(
                "theme", "district", "organisation"
            )
        ).prefetch_related("sdg_goals")
        if query := filters.get("q", "").strip():
            agendas = agendas.filter(Q(title_ko__icontains=query) | Q(title_en__icontains=query))
        for name in ("theme", "state", "district"):
            if name in filters:
                agendas = agendas.filter(**{name: filters[name]})
        if "goal" in filters:
            agendas = agendas.filter(sdg_goals=filters["goal"])
        if filters.get("sort") == MOST_ENDORSED:
            return agendas.order_by("-endorsement_count", "-created", "-pk")
        return agendas.order_by("-created", "-pk")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter_form=self.filter_form,
            query_string=query_string_without_page(self.request),
            can_propose=self.request.user.has_perm("agendas.propose", self.request.campus),
            **kwargs,
        )


def find_agenda(request, pk):
    """The campus's problem ``pk`` with its endorsement count; another campus's is not found."""
    agendas = with_endorsements(
        Agenda.objects.filter(campus=request.campus).select_related(
            "campus", "theme", "district", "organisation", "merged_into"
        )
    )
    user = request.user
    if user.is_authenticated:
        agendas = agendas.annotate(
            endorsed=Exists(Endorsement.objects.filter(agenda=OuterRef("pk"), user=user)),
            followed=Exists(Follow.objects.filter(agenda=OuterRef("pk"), user=user)),
        )
    return get_object_or_404(agendas, pk=pk)


def load_related(agenda, user):
    """What the page lists under the problem, each in one query whatever its length."""
    comments = Comment.objects.select_related("author").order_by("created", "pk")
    if user.is_authenticated:
        mine = CommentReport.objects.filter(reporter=user)
        comments = comments.prefetch_related(Prefetch("reports", queryset=mine, to_attr="my_reports"))
    prefetch_related_objects(
        [agenda],
        "sdg_goals",
        Prefetch("sdg_targets", queryset=SdgTarget.objects.select_related("goal")),
        "evidence",
        "state_changes",
        Prefetch("comments", queryset=comments),
        Prefetch("merged_agendas", queryset=Agenda.objects.order_by("pk")),
    )


def attach_comment_forms(agenda, *, user, can_manage, report):
    """Give each comment the forms the viewer may use on it, with ids of its own."""
    for comment in agenda.comments.all():
        comment.report_form = None
        if user.is_authenticated and comment.author_id != user.pk and not comment.is_hidden:
            bound = report is not None and report[0] == comment.pk
            comment.report_form = report[1] if bound else ReportForm(auto_id=report_ids(comment))
        comment.hide_form = HideCommentForm(auto_id=f"hide-{comment.pk}-%s") if can_manage else None


def report_ids(comment):
    return f"report-{comment.pk}-%s"


def render_detail(request, agenda, *, comment_form=None, report=None, status=200):
    """The problem's page; ``comment_form`` or ``report`` (a comment id and its bound form) bring
    back what the person typed when it could not be accepted."""
    user, campus = request.user, request.campus
    can_manage = user.has_perm("agendas.manage", campus)
    load_related(agenda, user)
    attach_comment_forms(agenda, user=user, can_manage=can_manage, report=report)
    context = {
        "agenda": agenda,
        "proposer": proposer_label(agenda),
        "is_open": agenda.state != Agenda.State.ARCHIVED,
        "is_proposer": user.is_authenticated and agenda.proposed_by_id == user.pk,
        "allow_self_endorsement": agenda_policy(campus).allow_self_endorsement,
        "lineage": nest_steps(lineage(agenda, viewer=user)),
        "comment_form": comment_form or CommentForm(),
        "can_take_part": user.has_perm("agendas.take_part", campus),
        "can_change": user.has_perm("agendas.change_agenda", agenda),
        "can_manage": can_manage,
    }
    return render(request, "agendas/detail.html", context, status=status)


class AgendaDetailView(View):
    def get(self, request, pk):
        agenda = find_agenda(request, pk)
        if agenda.merged_into_id is not None:
            messages.info(
                request,
                _("“%(title)s” was merged into this problem; its supporters and comments are here now.")
                % {"title": agenda.title},
            )
            return redirect(agenda_url(agenda.merged_into))
        return render_detail(request, agenda)


class AgendaStoryView(View):
    """“What happened to this problem?”: one timeline from the proposal to the results."""

    def get(self, request, pk):
        agenda = get_object_or_404(
            Agenda.objects.select_related("campus", "organisation", "merged_into"),
            campus=request.campus,
            pk=pk,
        )
        events = timeline(
            agenda,
            state_changes=agenda.state_changes.order_by("changed_at", "pk"),
            steps=lineage(agenda, viewer=request.user),
        )
        return render(request, "agendas/story.html", {"agenda": agenda, "events": events})


class EvidenceFileView(View):
    """An evidence file, always downloaded (never shown inline, whatever its content)."""

    def get(self, request, pk):
        evidence = get_object_or_404(Evidence, campus=request.campus, pk=pk)
        if not evidence.file:
            raise Http404("This evidence is a link, not a file.")
        try:
            handle = evidence.file.open("rb")
        except FileNotFoundError:
            raise Http404("The file is missing from storage.") from None
        return FileResponse(handle, as_attachment=True, filename=posixpath.basename(evidence.file.name))
