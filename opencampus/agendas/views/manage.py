"""The campus team's pages: the overview, a problem's state and merging, comment moderation."""

from django.contrib import messages
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from opencampus.core.links import campus_reverse
from opencampus.people.views.manage import ManagePermissionMixin

from ..forms.manage import MergeForm, StateForm
from ..models import Agenda, Comment, CommentReport
from ..services.comments import hide_comment, resolve_reports, unhide_comment
from ..services.errors import AgendaError
from ..services.merging import merge_agendas
from ..services.similarity import similar_agendas
from ..services.states import next_states, set_agenda_state
from .public import agenda_url, with_endorsements

State = Agenda.State
AWAITING = (State.PROPOSED, State.UNDER_REVIEW)


def manage_url(campus, name="index", **kwargs):
    return campus_reverse(campus, f"agendas_manage:{name}", **kwargs)


def base_url(request):
    return request.build_absolute_uri("/")


class AgendasManageMixin(ManagePermissionMixin):
    permission_required = "agendas.manage"


def open_reports():
    return CommentReport.objects.filter(resolved_at__isnull=True)


class IndexView(AgendasManageMixin, View):
    template_name = "agendas/manage/index.html"

    def get(self, request):
        campus = request.campus
        agendas = Agenda.objects.filter(campus=campus, merged_into__isnull=True)
        counts = dict(agendas.values_list("state").annotate(n=Count("pk")).order_by())
        awaiting = with_endorsements(agendas.filter(state__in=AWAITING).select_related("theme")).order_by(
            "state", "created", "pk"
        )
        context = {
            "states": [(state, counts.get(state.value, 0)) for state in State],
            "awaiting": awaiting,
            "open_reports": open_reports().filter(campus=campus).count(),
            "proposed": counts.get(State.PROPOSED.value, 0),
        }
        return render(request, self.template_name, context)


class AgendaMixin(AgendasManageMixin):
    @cached_property
    def agenda(self):
        return get_object_or_404(
            with_endorsements(Agenda.objects.select_related("campus", "theme", "merged_into")),
            campus=self.request.campus,
            pk=self.kwargs["pk"],
        )


class ManageAgendaView(AgendaMixin, View):
    """One problem for the team: its history, the next state, merging it into a duplicate."""

    template_name = "agendas/manage/agenda.html"

    def render_page(self, *, state_form=None, merge_form=None, status=200):
        agenda = self.agenda
        text = "\n".join((agenda.title_ko, agenda.title_en, agenda.description_ko, agenda.description_en))
        context = {
            "agenda": agenda,
            "history": agenda.state_changes.order_by("changed_at", "pk"),
            "state_form": state_form or StateForm(states=next_states(agenda)),
            "merge_form": merge_form or MergeForm(),
            "similar": similar_agendas(campus=agenda.campus, text=text, exclude=agenda.pk),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, pk):
        return self.render_page()

    def post(self, request, pk):
        agenda = self.agenda
        form = StateForm(request.POST, states=next_states(agenda))
        if form.is_valid():
            try:
                set_agenda_state(
                    agenda=agenda, actor=request.user, base_url=base_url(request), **form.cleaned_data
                )
            except AgendaError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("The problem is now “%(state)s”; its followers get a mail.")
                    % {"state": agenda.get_state_display()},
                )
                return redirect(manage_url(agenda.campus, "agenda", pk=agenda.pk))
        return self.render_page(state_form=form, status=400)


class MergeView(ManageAgendaView):
    http_method_names = ["post"]

    def post(self, request, pk):
        source = self.agenda
        form = MergeForm(request.POST)
        if form.is_valid():
            target = Agenda.objects.filter(campus=request.campus, pk=form.cleaned_data["target"]).first()
            if target is None:
                form.add_error("target", _("This campus has no problem with that number."))
            else:
                try:
                    merge_agendas(
                        source=source,
                        target=target,
                        actor=request.user,
                        explanation=form.cleaned_data["explanation"],
                        base_url=base_url(request),
                    )
                except AgendaError as error:
                    form.add_error(None, str(error))
                else:
                    messages.success(
                        request,
                        _("“%(source)s” is merged into this problem.") % {"source": source.title},
                    )
                    return redirect(agenda_url(target))
        return self.render_page(merge_form=form, status=400)


# Moderation


class ModerationView(AgendasManageMixin, View):
    """Comments with open reports first, then the comments hidden lately."""

    template_name = "agendas/manage/moderation.html"
    RECENTLY_HIDDEN = 30

    def get(self, request):
        comments = Comment.objects.filter(campus=request.campus).select_related(
            "agenda", "author", "hidden_by"
        )
        reported = (
            comments.filter(reports__resolved_at__isnull=True)
            .distinct()
            .prefetch_related(
                Prefetch(
                    "reports", queryset=open_reports().select_related("reporter"), to_attr="open_reports"
                )
            )
            .order_by("created", "pk")
        )
        hidden = comments.filter(hidden_at__isnull=False).order_by("-hidden_at", "-pk")[
            : self.RECENTLY_HIDDEN
        ]
        context = {"reported": reported, "hidden": hidden}
        return render(request, self.template_name, context)


class CommentActionView(AgendasManageMixin, View):
    """Hide, show again or clear reports; the team returns to the page it came from."""

    http_method_names = ["post"]

    def post(self, request, pk):
        comment = get_object_or_404(
            Comment.objects.select_related("agenda__campus"), campus=request.campus, pk=pk
        )
        try:
            message = self.act(comment)
        except AgendaError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, message)
        if request.POST.get("back") == "agenda":
            return redirect(agenda_url(comment.agenda) + f"#comment-{comment.pk}")
        return redirect(manage_url(request.campus, "moderation"))


class HideCommentView(CommentActionView):
    def act(self, comment):
        hide_comment(comment=comment, actor=self.request.user, reason=self.request.POST.get("reason", ""))
        return _("The comment is hidden; its reports are resolved.")


class UnhideCommentView(CommentActionView):
    def act(self, comment):
        unhide_comment(comment=comment, actor=self.request.user)
        return _("The comment is shown again.")


class ResolveReportsView(CommentActionView):
    def act(self, comment):
        resolve_reports(comment=comment, actor=self.request.user)
        return _("The reports are resolved; the comment stays visible.")
