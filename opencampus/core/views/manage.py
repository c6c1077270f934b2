"""The campus team's management pages: dashboard, activity log and notifications outbox."""

from django.contrib import messages
from django.db.models import Case, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import ListView, TemplateView

from opencampus.core.forms import ActivityFilterForm, OutboxBulkForm, OutboxMessageForm
from opencampus.core.links import campus_reverse
from opencampus.core.models import ActivityLog, OutboxMessage
from opencampus.core.services.outbox import (
    STATE_ORDER,
    count_by_state,
    discard_messages,
    edit_message,
    release_messages,
)

from .mixins import CampusPermissionMixin, query_string_without_page

State = OutboxMessage.State


class DashboardView(CampusPermissionMixin, TemplateView):
    permission_required = "core.manage_campus"
    template_name = "core/manage/dashboard.html"

    def get_context_data(self, **kwargs):
        user, campus = self.request.user, self.request.campus
        return super().get_context_data(
            can_view_activity=user.has_perm("core.view_activity", campus), **kwargs
        )


class ActivityLogView(CampusPermissionMixin, ListView):
    permission_required = "core.view_activity"
    template_name = "core/manage/activity.html"
    context_object_name = "entries"
    paginate_by = 50

    def get_queryset(self):
        actions = ActivityLog.objects.order_by("action").values_list("action", flat=True).distinct()
        self.filter_form = ActivityFilterForm(self.request.GET or None, actions=actions)
        queryset = ActivityLog.objects.select_related("actor", "content_type").order_by("-created", "-pk")
        if self.filter_form.is_valid():
            if action := self.filter_form.cleaned_data["action"]:
                queryset = queryset.filter(action=action)
            if actor := self.filter_form.cleaned_data["actor"].strip():
                queryset = queryset.filter(actor__email__icontains=actor)
        return queryset

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter_form=self.filter_form, query_string=query_string_without_page(self.request), **kwargs
        )


class OutboxListView(CampusPermissionMixin, ListView):
    """Every message of the campus; without a state filter, what needs a decision comes first."""

    permission_required = "core.manage_outbox"
    template_name = "core/manage/outbox.html"
    context_object_name = "outbox_messages"  # ``messages`` is taken by the messages framework
    paginate_by = 50

    def get_queryset(self):
        self.state = self.request.GET.get("state", "")
        queryset = OutboxMessage.objects.all()
        if self.state in State.values:
            return queryset.filter(state=self.state).order_by("-created", "-pk")
        self.state = ""
        working_order = Case(*(When(state=state, then=Value(rank)) for rank, state in enumerate(STATE_ORDER)))
        return queryset.order_by(working_order, "-created", "-pk")

    def get_context_data(self, **kwargs):
        state_counts = count_by_state()
        return super().get_context_data(
            state=self.state,
            state_counts=state_counts,
            total=sum(count for _state, _label, count in state_counts),
            query_string=query_string_without_page(self.request),
            **kwargs,
        )


def outbox_url(campus, state=""):
    url = campus_reverse(campus, "core_manage:outbox")
    return f"{url}?{urlencode({'state': state})}" if state in State.values else url


class OutboxActView(CampusPermissionMixin, View):
    """Release or discard the messages ticked on the outbox list."""

    permission_required = "core.manage_outbox"
    http_method_names = ["post"]

    def post(self, request):
        back = redirect(outbox_url(request.campus, request.POST.get("state", "")))
        form = OutboxBulkForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return back
        selected = form.cleaned_data["selected"]
        if form.cleaned_data["operation"] == OutboxBulkForm.RELEASE:
            count = release_messages(messages=selected, actor=request.user)
            text = ngettext(
                "%(count)d message is queued for sending.",
                "%(count)d messages are queued for sending.",
                count,
            )
        else:
            count = discard_messages(messages=selected, actor=request.user)
            text = ngettext("%(count)d message was discarded.", "%(count)d messages were discarded.", count)
        messages.success(request, text % {"count": count})
        return back


class OutboxMessageView(CampusPermissionMixin, View):
    """Read one message; a draft or failed one can be edited and released from here."""

    permission_required = "core.manage_outbox"
    template_name = "core/manage/outbox_message.html"

    def get_message(self):
        # The campus scope makes another campus's id a 404.
        return get_object_or_404(OutboxMessage.objects.select_related("recipient"), pk=self.kwargs["pk"])

    def render(self, message, form):
        return TemplateResponse(self.request, self.template_name, {"outbox_message": message, "form": form})

    def get(self, request, pk):
        message = self.get_message()
        form = OutboxMessageForm(initial={"subject": message.subject, "body": message.body})
        return self.render(message, form if message.editable else None)

    def post(self, request, pk):
        message = self.get_message()
        here = campus_reverse(request.campus, "core_manage:outbox_message", pk=message.pk)
        if not message.editable:
            messages.error(request, _("Only drafts and failed messages can be changed."))
            return redirect(here)
        form = OutboxMessageForm(request.POST)
        if not form.is_valid():
            return self.render(message, form)
        edit_message(message=message, actor=request.user, **form.cleaned_data)
        if "release" in request.POST:
            release_messages(messages=[message], actor=request.user)
            messages.success(request, _("The message is queued for sending."))
            return redirect(outbox_url(request.campus))
        messages.success(request, _("The message has been saved."))
        return redirect(here)
