"""The campus team's decisions page: the staged round, sending it as drafts, and the answers so far."""

from collections import Counter

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from ..models import Application
from ..services.decisions import (
    DECISION_STATES,
    DecisionError,
    decided_applications,
    send_decisions,
    staged_applications,
)
from ..services.selection import clear_staging
from .confirmation import letter_links
from .manage_calls import CallMixin

State = Application.State


class DecisionsView(CallMixin, View):
    template_name = "calls/manage/decisions_overview.html"

    def get(self, request, slug):
        staged = staged_applications(self.call)
        staged_counts = Counter(application.pending_state for application in staged)
        decided = decided_applications(self.call)
        decided_counts = Counter(application.state for application in decided)
        context = {
            "call": self.call,
            "staged": staged,
            "staged_counts": [
                (state.value, state.label, staged_counts.get(state.value, 0)) for state in DECISION_STATES
            ],
            "decided": decided,
            "decided_counts": [
                (state.value, state.label, decided_counts.get(state.value, 0))
                for state in (
                    State.ACCEPTED,
                    State.CONFIRMED,
                    State.DECLINED,
                    State.WAITLISTED,
                    State.REJECTED,
                )
            ],
            "can_manage_outbox": request.user.has_perm("core.manage_outbox", request.campus),
        }
        return render(request, self.template_name, context)


class SendDecisionsView(CallMixin, View):
    http_method_names = ["post"]

    def post(self, request, slug):
        try:
            sent = send_decisions(call=self.call, actor=request.user, links=letter_links(request, self.call))
        except DecisionError as error:
            messages.error(request, str(error))
            return redirect(self.call_url("decisions"))
        if not sent.total and not sent.skipped:
            messages.info(request, _("There are no staged decisions to send."))
            return redirect(self.call_url("decisions"))
        messages.success(
            request,
            ngettext(
                "%(count)s decision took effect. Its letter is a draft in the outbox: "
                "review it there and release it to send it.",
                "%(count)s decisions took effect. Their letters are drafts in the outbox: "
                "review them there and release them to send them.",
                sent.total,
            )
            % {"count": sent.total},
        )
        if sent.skipped:
            messages.warning(
                request,
                ngettext(
                    "%(count)s staged decision no longer fits its application's state "
                    "and was dropped: %(list)s.",
                    "%(count)s staged decisions no longer fit their applications' state "
                    "and were dropped: %(list)s.",
                    len(sent.skipped),
                )
                % {
                    "count": len(sent.skipped),
                    "list": ", ".join(f"#{application.pk}" for application in sent.skipped),
                },
            )
        return redirect(self.call_url("decisions"))


class ClearStagingView(CallMixin, View):
    http_method_names = ["post"]

    def post(self, request, slug):
        count = clear_staging(call=self.call, actor=request.user)
        messages.success(
            request,
            ngettext(
                "%(count)s staged decision was taken back.",
                "%(count)s staged decisions were taken back.",
                count,
            )
            % {"count": count},
        )
        return redirect(self.call_url("decisions"))
