"""The campus team's space pages: the tree, a space's details, hours and photos, closed days, features."""

import copy

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from opencampus.core.links import campus_reverse
from opencampus.people.views.manage import ManagePermissionMixin

from ..forms.spaces import ClosedDayForm, FeatureForm, FeatureNameForm, OpeningHoursForm, PhotoForm, SpaceForm
from ..models import ClosedDay, Feature, Space, SpacePhoto
from ..services import spaces as services
from ..services.spaces import SpaceError
from ..services.tree import space_tree
from .spaces import arrange_tree, booking_audience, campus_spaces, weekly_hours


def manage_url(campus, name="list", **kwargs):
    return campus_reverse(campus, f"spaces_manage:{name}", **kwargs)


def show_error(form, error):
    """Put a service's refusal next to the input it is about (or on top of the form)."""
    form.add_error(error.field if error.field in form.fields else None, error.message)


def flatten(spaces, depth=0):
    """(space, depth) pairs in tree order, for a table."""
    rows = []
    for space in spaces:
        rows.append((space, depth))
        rows.extend(flatten(space.child_nodes, depth + 1))
    return rows


class SpacesPermissionMixin(ManagePermissionMixin):
    permission_required = "park.manage_spaces"


class SpaceMixin(SpacesPermissionMixin):
    """Pages about one space, found by its address name inside the current campus."""

    @cached_property
    def space(self):
        return get_object_or_404(
            Space.objects.select_related("campus", "parent", "required_training"),
            campus=self.request.campus,
            slug=self.kwargs["slug"],
        )

    def space_url(self, name):
        return manage_url(self.request.campus, name, slug=self.space.slug)


class SpaceListView(SpacesPermissionMixin, View):
    template_name = "park/manage/spaces/list.html"

    def get(self, request):
        spaces = list(campus_spaces(request.campus).annotate(hours_count=Count("opening_hours")))
        for space in spaces:
            space.audience = booking_audience(space)
        return render(request, self.template_name, {"rows": flatten(arrange_tree(spaces))})


class NewSpaceView(SpacesPermissionMixin, View):
    template_name = "park/manage/spaces/space_form.html"

    def get(self, request):
        initial = {}
        parent = request.GET.get("parent")
        if parent:
            initial["parent"] = Space.objects.filter(campus=request.campus, slug=parent).first()
        form = SpaceForm(instance=Space(campus=request.campus), campus=request.campus, initial=initial)
        return render(request, self.template_name, {"form": form})

    def post(self, request):
        form = SpaceForm(request.POST, instance=Space(campus=request.campus), campus=request.campus)
        if form.is_valid():
            try:
                space = services.create_space(
                    campus=request.campus,
                    actor=request.user,
                    features=form.chosen_features(),
                    **form.space_fields(),
                )
            except SpaceError as error:
                show_error(form, error)
            else:
                messages.success(request, _("The space has been added."))
                return redirect(manage_url(request.campus, "edit", slug=space.slug))
        return render(request, self.template_name, {"form": form})


class EditSpaceView(SpaceMixin, View):
    template_name = "park/manage/spaces/space_form.html"

    def make_form(self, data=None):
        # The form writes into its instance while validating; keep ``self.space`` as saved.
        return SpaceForm(data, instance=copy.copy(self.space), campus=self.request.campus)

    def render_form(self, form):
        return render(self.request, self.template_name, {"form": form, "space": self.space})

    def get(self, request, slug):
        return self.render_form(self.make_form())

    def post(self, request, slug):
        form = self.make_form(request.POST)
        if form.is_valid():
            try:
                space = services.update_space(
                    space=self.space,
                    actor=request.user,
                    features=form.chosen_features(),
                    **form.space_fields(),
                )
            except SpaceError as error:
                show_error(form, error)
            else:
                messages.success(request, _("The space has been saved."))
                return redirect(manage_url(request.campus, "edit", slug=space.slug))
        return self.render_form(form)


class SpaceActiveView(SpaceMixin, View):
    """Take a space out of use, or back into use (spaces are never deleted)."""

    http_method_names = ["post"]

    def post(self, request, slug):
        active = request.POST.get("active") == "1"
        services.set_space_active(space=self.space, active=active, actor=request.user)
        if active:
            messages.success(request, _("The space is in use again."))
        else:
            messages.success(request, _("The space is out of use: it is hidden and cannot be booked."))
        return redirect(self.space_url("edit"))


class OpeningHoursView(SpaceMixin, View):
    template_name = "park/manage/spaces/hours.html"

    def render_form(self, form):
        ancestor_ids = space_tree(self.request.campus).ancestors(self.space.pk)
        found = Space.objects.in_bulk(ancestor_ids)
        inherited, source = weekly_hours(self.space, [found[pk] for pk in ancestor_ids if pk in found])
        context = {"form": form, "space": self.space, "inherited": inherited, "inherited_from": source}
        return render(self.request, self.template_name, context)

    def get(self, request, slug):
        return self.render_form(
            OpeningHoursForm(initial=OpeningHoursForm.initial_for(self.space.opening_hours.all()))
        )

    def post(self, request, slug):
        form = OpeningHoursForm(request.POST)
        if form.is_valid():
            try:
                services.set_opening_hours(space=self.space, hours=form.hours(), actor=request.user)
            except SpaceError as error:
                show_error(form, error)
            else:
                messages.success(request, _("The opening hours have been saved."))
                return redirect(self.space_url("hours"))
        return self.render_form(form)


class PhotosView(SpaceMixin, View):
    template_name = "park/manage/spaces/photos.html"

    def render_form(self, form):
        return render(
            self.request,
            self.template_name,
            {"form": form, "space": self.space, "photos": self.space.photos.all()},
        )

    def get(self, request, slug):
        return self.render_form(PhotoForm())

    def post(self, request, slug):
        form = PhotoForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_form(form)
        services.add_photo(space=self.space, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The photo has been added."))
        return redirect(self.space_url("photos"))


class DeletePhotoView(SpaceMixin, View):
    http_method_names = ["post"]

    def post(self, request, slug, pk):
        photo = get_object_or_404(SpacePhoto, campus=request.campus, space=self.space, pk=pk)
        services.delete_photo(photo=photo, actor=request.user)
        messages.success(request, _("The photo has been deleted."))
        return redirect(self.space_url("photos"))


class ClosedDaysView(SpacesPermissionMixin, View):
    template_name = "park/manage/spaces/closed_days.html"

    def render_form(self, form):
        days = ClosedDay.objects.filter(
            campus=self.request.campus, date__gte=timezone.localdate()
        ).select_related("space")
        return render(self.request, self.template_name, {"form": form, "days": days.order_by("date", "pk")})

    def get(self, request):
        initial = {
            "space": Space.objects.filter(campus=request.campus, slug=request.GET.get("space", "")).first()
        }
        return self.render_form(ClosedDayForm(campus=request.campus, initial=initial))

    def post(self, request):
        form = ClosedDayForm(request.POST, campus=request.campus)
        if form.is_valid():
            try:
                services.add_closed_day(campus=request.campus, actor=request.user, **form.closed_day_fields())
            except SpaceError as error:
                show_error(form, error)
            else:
                messages.success(request, _("The closed day has been added."))
                return redirect(manage_url(request.campus, "closed_days"))
        return self.render_form(form)


class RemoveClosedDayView(SpacesPermissionMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        day = get_object_or_404(
            ClosedDay.objects.select_related("space", "campus"), campus=request.campus, pk=pk
        )
        services.remove_closed_day(closed_day=day, actor=request.user)
        messages.success(request, _("The closed day has been removed."))
        return redirect(manage_url(request.campus, "closed_days"))


class FeaturesView(SpacesPermissionMixin, View):
    template_name = "park/manage/spaces/features.html"

    def render_form(self, form):
        features = Feature.objects.filter(campus=self.request.campus).annotate(space_count=Count("spaces"))
        return render(self.request, self.template_name, {"form": form, "features": features})

    def get(self, request):
        return self.render_form(FeatureForm())

    def post(self, request):
        form = FeatureForm(request.POST)
        if form.is_valid():
            try:
                services.create_feature(campus=request.campus, actor=request.user, **form.cleaned_data)
            except SpaceError as error:
                show_error(form, error)
            else:
                messages.success(request, _("The feature has been added."))
                return redirect(manage_url(request.campus, "features"))
        return self.render_form(form)


class RenameFeatureView(SpacesPermissionMixin, View):
    template_name = "park/manage/spaces/feature_form.html"

    @cached_property
    def feature(self):
        return get_object_or_404(Feature, campus=self.request.campus, pk=self.kwargs["pk"])

    def get(self, request, pk):
        form = FeatureNameForm(instance=copy.copy(self.feature))
        return render(request, self.template_name, {"form": form, "feature": self.feature})

    def post(self, request, pk):
        form = FeatureNameForm(request.POST, instance=copy.copy(self.feature))
        if form.is_valid():
            try:
                services.rename_feature(feature=self.feature, actor=request.user, **form.cleaned_data)
            except SpaceError as error:
                show_error(form, error)
            else:
                messages.success(request, _("The feature has been renamed."))
                return redirect(manage_url(request.campus, "features"))
        return render(request, self.template_name, {"form": form, "feature": self.feature})
