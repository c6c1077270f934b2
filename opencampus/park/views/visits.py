"""Public visit pages: the request form, and the private status page behind each request's token.

No account is needed: whoever holds the token link (sent to the contact) sees that one
request, and nothing else of the campus.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View

from opencampus.core.links import campus_reverse

from ..forms.visits import SurveyForm, VisitRequestForm, country_name
from ..models import VisitRequest, VisitSurvey
from ..services.visits import VisitError, can_answer_survey, request_visit, submit_survey


def base_url(request):
    return request.build_absolute_uri("/")


def private(response):
    """Token pages stay out of search engines and referrer headers."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


def prefill(user):
    if not user.is_authenticated:
        return {"language": get_language()}
    return {"contact_name": user.get_full_name(), "contact_email": user.email, "language": get_language()}


class VisitRequestView(View):
    template_name = "park/visits/request.html"

    def get(self, request):
        form = VisitRequestForm(campus=request.campus, initial=prefill(request.user))
        return render(request, self.template_name, {"form": form})

    def post(self, request):
        form = VisitRequestForm(request.POST, campus=request.campus)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form})
        try:
            visit = request_visit(
                campus=request.campus,
                fields=form.visit_fields(),
                requested_by=request.user,
                base_url=base_url(request),
            )
        except VisitError as error:
            form.add_error(None, str(error))
            return render(request, self.template_name, {"form": form})
        return redirect(campus_reverse(request.campus, "visits:received", token=visit.token))


class TokenMixin:
    def get_visit(self, token):
        return get_object_or_404(
            VisitRequest.objects.select_related("slot", "campus"), campus=self.request.campus, token=token
        )


class VisitReceivedView(TokenMixin, View):
    def get(self, request, token):
        visit = self.get_visit(token)
        link = request.build_absolute_uri(campus_reverse(request.campus, "visits:status", token=token))
        return private(render(request, "park/visits/received.html", {"visit": visit, "link": link}))


class VisitStatusView(TokenMixin, View):
    template_name = "park/visits/status.html"

    def render_page(self, visit, survey_form=None):
        open_survey = can_answer_survey(visit)
        context = {
            "visit": visit,
            "country": country_name(visit.country),
            "survey_form": survey_form or (SurveyForm() if open_survey else None),
            "answered": visit.state == VisitRequest.State.VISITED and not open_survey,
        }
        return private(render(self.request, self.template_name, context))

    def get(self, request, token):
        return self.render_page(self.get_visit(token))

    def post(self, request, token):
        visit = self.get_visit(token)
        form = SurveyForm(request.POST, instance=VisitSurvey(campus=visit.campus, visit=visit))
        if not can_answer_survey(visit):
            messages.info(request, _("The survey for this visit has already been answered. Thank you!"))
            return redirect(campus_reverse(request.campus, "visits:status", token=token))
        if not form.is_valid():
            return self.render_page(visit, survey_form=form)
        try:
            submit_survey(visit=visit, **form.cleaned_data)
        except VisitError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Thank you for your answers!"))
        return redirect(campus_reverse(request.campus, "visits:status", token=token))
