"""The applicant's answer to an offered place: confirm it by the deadline, or decline it."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ..models import Application
from ..services.decisions import DecisionError, confirm_place, deadline_passed, decline_place
from .portal import ApplicantView, call_url, letter_links

State = Application.State
ANSWERED_STATES = {State.ACCEPTED, State.CONFIRMED, State.DECLINED}


class ConfirmPlaceView(ApplicantView):
    permission_required = "calls.confirm_place"
    template_name = "calls/confirmation/confirm.html"

    def get(self, request, **kwargs):
        if self.application.state not in ANSWERED_STATES:
            messages.info(request, _("No place has been offered to you in this call."))
            return redirect(call_url(self.call, "calls:status"))
        return self.show()

    def show(self, refusal=""):
        application = self.application
        context = {
            "call": self.call,
            "application": application,
            "deadline_passed": application.state == State.ACCEPTED and deadline_passed(application),
            "refusal": refusal,
        }
        return render(self.request, self.template_name, context)

    def post(self, request, **kwargs):
        action = request.POST.get("action")
        try:
            if action == "confirm":
                confirm_place(application=self.application, actor=request.user)
                messages.success(request, _("You confirmed your place. Welcome!"))
            elif action == "decline":
                decline_place(
                    application=self.application, actor=request.user, links=letter_links(request, self.call)
                )
                messages.success(request, _("You declined your place. Thank you for letting us know."))
            else:
                return self.show(refusal=_("Choose to confirm or to decline your place."))
        except DecisionError as error:
            self.application.refresh_from_db()
            return self.show(refusal=str(error))
        return redirect(call_url(self.call, "calls:confirm"))
