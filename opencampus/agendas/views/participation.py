"""What signed-in people do on a problem's page: endorse, follow, comment, report a comment."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View

from opencampus.core.links import campus_reverse
from opencampus.core.views.mixins import CampusPermissionMixin, login_url_for

from ..forms.participation import CommentForm, ReportForm
from ..models import Agenda, Comment
from ..services.comments import add_comment, report_comment
from ..services.errors import AgendaError
from ..services.support import endorse_agenda, follow_agenda, unfollow_agenda, withdraw_endorsement
from .public import agenda_url, find_agenda, render_detail, report_ids


class TakePartMixin(CampusPermissionMixin):
    """POST only; anonymous people log in and come back to the problem's page, not to the action."""

    permission_required = "agendas.take_part"
    http_method_names = ["post"]

    def handle_no_permission(self):
        if not self.request.user.is_authenticated:
            return redirect_to_login(self.login_next(), login_url_for(self.request.campus))
        return super().handle_no_permission()

    def login_next(self):
        return campus_reverse(self.request.campus, "agendas:detail", pk=self.kwargs["pk"])


class AgendaActionView(TakePartMixin, View):
    """One click on a problem's page; the outcome is told in a message on that page."""

    def post(self, request, pk):
        agenda = get_object_or_404(Agenda.objects.select_related("campus"), campus=request.campus, pk=pk)
        try:
            message = self.act(agenda, request.user)
        except AgendaError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, message)
        return redirect(agenda_url(agenda))


class EndorseView(AgendaActionView):
    def act(self, agenda, user):
        endorse_agenda(agenda=agenda, user=user)
        return _("Thank you: you endorse this problem.")


class WithdrawEndorsementView(AgendaActionView):
    def act(self, agenda, user):
        withdraw_endorsement(agenda=agenda, user=user)
        return _("You no longer endorse this problem.")


class FollowView(AgendaActionView):
    def act(self, agenda, user):
        if follow_agenda(agenda=agenda, user=user):
            return _("You follow this problem: we will write to you when it moves on.")
        return _("You already follow this problem.")


class UnfollowView(AgendaActionView):
    def act(self, agenda, user):
        unfollow_agenda(agenda=agenda, user=user)
        return _("You no longer follow this problem.")


class CommentView(AgendaActionView):
    def post(self, request, pk):
        agenda = find_agenda(request, pk)
        form = CommentForm(request.POST)
        if form.is_valid():
            try:
                add_comment(agenda=agenda, author=request.user, body=form.cleaned_data["body"])
            except AgendaError as error:
                form.add_error("body", str(error))
            else:
                messages.success(request, _("Your comment is published."))
                return redirect(agenda_url(agenda) + "#comments")
        return render_detail(request, agenda, comment_form=form, status=400)


class ReportCommentView(TakePartMixin, View):
    def login_next(self):
        comment = get_object_or_404(
            Comment.objects.select_related("agenda__campus"), campus=self.request.campus, pk=self.kwargs["pk"]
        )
        return agenda_url(comment.agenda)

    def post(self, request, pk):
        comment = get_object_or_404(Comment, campus=request.campus, pk=pk)
        form = ReportForm(request.POST, auto_id=report_ids(comment))
        if form.is_valid():
            try:
                report_comment(comment=comment, reporter=request.user, **form.cleaned_data)
            except AgendaError as error:
                # Reported already, one's own, hidden meanwhile: nothing typed is worth keeping.
                messages.error(request, str(error))
            else:
                messages.success(request, _("Thank you: the moderators will look at this comment."))
            return redirect(agenda_url(comment.agenda) + f"#comment-{comment.pk}")
        agenda = find_agenda(request, comment.agenda_id)
        return render_detail(request, agenda, report=(comment.pk, form), status=400)
