"""The campus team's field sites: where experiments take place."""

import copy

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from ..forms.sites import FieldSiteForm
from ..models import FieldSite
from ..services.errors import ExperimentError
from ..services.sites import create_field_site, delete_field_site, update_field_site
from .access import ExperimentsManageMixin, manage_url, show_error


class SiteListView(ExperimentsManageMixin, View):
    template_name = "experiments/manage/sites.html"

    def get(self, request):
        sites = (
            FieldSite.objects.filter(campus=request.campus)
            .select_related("organisation", "district")
            .annotate(experiment_count=Count("experiments"))
        )
        return render(request, self.template_name, {"sites": sites})


class SiteEditorMixin(ExperimentsManageMixin):
    template_name = "experiments/manage/site_form.html"

    def get_site(self):
        return None

    def make_form(self, data=None):
        site = self.get_site()
        instance = copy.copy(site) if site is not None else None
        return FieldSiteForm(data, instance=instance, campus=self.request.campus)

    def render_form(self, form, status=200):
        return render(
            self.request, self.template_name, {"form": form, "site": self.get_site()}, status=status
        )

    def get(self, request, **kwargs):
        return self.render_form(self.make_form())

    def post(self, request, **kwargs):
        form = self.make_form(request.POST)
        if form.is_valid():
            try:
                self.save(form)
            except ExperimentError as error:
                show_error(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect(manage_url(request.campus, "sites"))
        return self.render_form(form, status=400)


class NewSiteView(SiteEditorMixin, View):
    def save(self, form):
        create_field_site(campus=self.request.campus, actor=self.request.user, **form.site_fields())


class SiteMixin(ExperimentsManageMixin):
    @cached_property
    def site(self):
        return get_object_or_404(FieldSite, campus=self.request.campus, pk=self.kwargs["pk"])


class EditSiteView(SiteMixin, SiteEditorMixin, View):
    def get_site(self):
        return self.site

    def save(self, form):
        update_field_site(site=self.site, actor=self.request.user, **form.site_fields())


class DeleteSiteView(SiteMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        try:
            delete_field_site(site=self.site, actor=request.user)
        except ExperimentError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The field site is deleted."))
        return redirect(manage_url(request.campus, "sites"))
