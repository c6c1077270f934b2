"""The campus team's pages for calls: the list, creating and editing a call, publishing it."""

import copy

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from opencampus.core.links import campus_reverse
from opencampus.people.views.manage import ManagePermissionMixin

from ..forms.manage import CallForm, PublishForm
from ..models import Application, Call
from ..services.calls import CallError, create_call, set_call_published, update_call

State = Application.State
COUNTED_STATES = [state for state in State if state != State.DRAFT]


def calls_url(campus, name="calls", **kwargs):
    return campus_reverse(campus, f"calls_manage:{name}", **kwargs)


class CallMixin(ManagePermissionMixin):
    """Pages about one call, found by its address name inside the current campus."""

    permission_required = "calls.manage_calls"

    @cached_property
    def call(self):
        return get_object_or_404(
            Call.objects.select_related("campus"), campus=self.request.campus, slug=self.kwargs["slug"]
        )

    def get_call(self):
        return self.call

    def call_url(self, name, **kwargs):
        return calls_url(self.request.campus, name, slug=self.get_call().slug, **kwargs)


def call_phase(call, now):
    if not call.is_published:
        return "unpublished"
    if now < call.opens_at:
        return "upcoming"
    if now < call.closes_at:
        return "open"
    return "closed"


class CallListView(ManagePermissionMixin, ListView):
    permission_required = "calls.manage_calls"
    template_name = "calls/manage/calls.html"
    context_object_name = "calls"
    paginate_by = 30

    def get_queryset(self):
        counts = {
            f"count_{state.value}": Count("applications", filter=Q(applications__state=state))
            for state in COUNTED_STATES
        }
        return Call.objects.filter(campus=self.request.campus).annotate(**counts).order_by("-opens_at", "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        for call in context["calls"]:
            call.phase = call_phase(call, now)
            call.state_counts = [
                (state.label, getattr(call, f"count_{state.value}"))
                for state in COUNTED_STATES
                if getattr(call, f"count_{state.value}")
            ]
            call.application_count = sum(count for _label, count in call.state_counts)
        return context


class NewCallView(ManagePermissionMixin, View):
    permission_required = "calls.manage_calls"
    template_name = "calls/manage/call_form.html"

    def get(self, request):
        return render(request, self.template_name, {"form": CallForm(campus=request.campus)})

    def post(self, request):
        form = CallForm(request.POST, campus=request.campus)
        if form.is_valid():
            try:
                call = create_call(campus=request.campus, actor=request.user, **form.call_fields())
            except CallError as error:
                form.add_error(error.field, str(error))
            else:
                messages.success(request, _("The call has been created. Now build its application form."))
                return redirect(calls_url(request.campus, "form", slug=call.slug))
        return render(request, self.template_name, {"form": form})


class EditCallView(CallMixin, View):
    template_name = "calls/manage/call_form.html"

    def make_form(self, data=None):
        # The form writes into its instance while validating; keep ``self.call`` as saved.
        return CallForm(data, instance=copy.copy(self.get_call()), campus=self.request.campus)

    def render_form(self, form):
        return render(self.request, self.template_name, {"form": form, "call": self.call})

    def get(self, request, slug):
        return self.render_form(self.make_form())

    def post(self, request, slug):
        form = self.make_form(request.POST)
        if form.is_valid():
            try:
                call = update_call(call=self.call, actor=request.user, **form.call_fields())
            except CallError as error:
                form.add_error(error.field, str(error))
            else:
                messages.success(request, _("The call has been saved."))
                return redirect(calls_url(request.campus, "edit_call", slug=call.slug))
        return self.render_form(form)


class PublishCallView(CallMixin, View):
    """Publish a call or take it offline (posted from the list or the call's page)."""

    http_method_names = ["post"]

    def post(self, request, slug):
        call = self.get_call()
        form = PublishForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose to publish or to take the call offline."))
        else:
            self.publish(call, form.cleaned_data["published"])
        if request.POST.get("back") == "edit":
            return redirect(self.call_url("edit_call"))
        return redirect(calls_url(request.campus))

    def publish(self, call, published):
        try:
            set_call_published(call=call, published=published, actor=self.request.user)
        except CallError as error:
            messages.error(self.request, str(error))
            return
        if published:
            messages.success(self.request, _("The call is published."))
        else:
            messages.success(self.request, _("The call is offline; applicants no longer see it."))
