"""The applicant's answer to an offered place: confirm it by the deadline, or decline it."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from opencampus.core.links import campus_reverse

from ..models import Application
from ..services.decisions import DecisionError, Links, confirm_deadline, confirm_place, decline_place
from .portal import ApplicantView, call_url

State = Application.State
ANSWERED_STATES = {State.ACCEPTED, State.CONFIRMED, State.DECLINED}


def letter_links(request, call):
    """Absolute addresses of the applicant's pages, for decision letters."""
    return Links(
        confirm=request.build_absolute_uri(campus_reverse(call.campus, "calls:confirm", slug=call.slug)),
        status=request.build_absolute_uri(campus_reverse(call.campus, "calls:status", slug=call.slug)),
    )


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
        deadline = confirm_deadline(application) if application.state == State.ACCEPTED else None
        context = {
            "call": self.call,
            "application": application,
            "deadline": deadline,
            "deadline_passed": deadline is not None and timezone.now() > deadline,
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
