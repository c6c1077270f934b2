"""The campus team's list of mentor fields: add, change, reorder and delete them."""

import copy

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from ..forms.network import MentorFieldForm
from ..models import MentorField
from ..services.errors import MentorsError
from ..services.network_fields import create_field, delete_field, move_field, update_field
from .mixins import MentorsManageMixin, manage_url, show_error


class FieldListView(MentorsManageMixin, View):
    def get(self, request):
        fields = (
            MentorField.objects.filter(campus=request.campus)
            .annotate(mentor_count=Count("mentors"))
            .order_by("position", "pk")
        )
        return render(request, "mentors/network_manage_fields.html", {"fields": fields})


class FieldEditorMixin(MentorsManageMixin):
    template_name = "mentors/network_manage_field_form.html"
    field = None

    def make_form(self, data=None):
        return MentorFieldForm(data, instance=copy.copy(self.field) if self.field else None)

    def render_form(self, form, status=200):
        return render(self.request, self.template_name, {"form": form, "field": self.field}, status=status)

    def get(self, request, **kwargs):
        return self.render_form(self.make_form())

    def post(self, request, **kwargs):
        form = self.make_form(request.POST)
        if form.is_valid():
            try:
                self.save(form)
            except MentorsError as error:
                show_error(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect(manage_url(request.campus, "fields"))
        return self.render_form(form, status=400)


class NewFieldView(FieldEditorMixin, View):
    def save(self, form):
        create_field(campus=self.request.campus, actor=self.request.user, **form.field_values())


class FieldMixin(MentorsManageMixin):
    @cached_property
    def field(self):
        return get_object_or_404(MentorField, campus=self.request.campus, pk=self.kwargs["pk"])


class EditFieldView(FieldMixin, FieldEditorMixin, View):
    def save(self, form):
        update_field(field=self.field, actor=self.request.user, **form.field_values())


class MoveFieldView(FieldMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        move_field(field=self.field, direction=request.POST.get("direction", ""), actor=request.user)
        return redirect(manage_url(request.campus, "fields"))


class DeleteFieldView(FieldMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        try:
            delete_field(field=self.field, actor=request.user)
        except MentorsError as error:
            messages.error(request, error.message)
            return redirect(manage_url(request.campus, "field_edit", pk=pk))
        messages.success(request, _("The field is deleted."))
        return redirect(manage_url(request.campus, "fields"))
