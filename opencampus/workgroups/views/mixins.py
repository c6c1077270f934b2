"""What the working-group views share: the cohort from the URL, URLs, errors next to inputs."""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property

from opencampus.core.links import campus_reverse
from opencampus.core.views.mixins import CampusPermissionMixin, login_url_for
from opencampus.people.views.manage import ManagePermissionMixin
from opencampus.programs.models import Cohort


def manage_url(cohort, name="cohort", **kwargs):
    return campus_reverse(cohort.campus, f"workgroups_manage:{name}", cohort=cohort.slug, **kwargs)


def show_error(form, error):
    """Put a service's refusal next to the input it is about (or on top of the form)."""
    form.add_error(error.field if error.field in form.fields else None, error.message)


class SignedInMixin(CampusPermissionMixin):
    """Anonymous people go to the log-in page before any record is looked up."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), login_url_for(request.campus))
        return super().dispatch(request, *args, **kwargs)


class CohortManageMixin(ManagePermissionMixin):
    permission_required = "workgroups.manage"

    @cached_property
    def cohort(self):
        return get_object_or_404(
            Cohort.objects.select_related("campus", "track"),
            campus=self.request.campus,
            slug=self.kwargs["cohort"],
        )
