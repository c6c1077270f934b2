"""What the mentor views share: sign-in first, the campus team's permission, errors next to inputs."""

from django.contrib.auth.views import redirect_to_login

from opencampus.core.links import campus_reverse
from opencampus.core.views.mixins import CampusPermissionMixin, login_url_for
from opencampus.people.views.manage import ManagePermissionMixin


def mentors_url(campus, name, **kwargs):
    return campus_reverse(campus, f"mentors:{name}", **kwargs)


def manage_url(campus, name, **kwargs):
    return campus_reverse(campus, f"mentors_manage:{name}", **kwargs)


def show_error(form, error):
    """Put a service's refusal next to the input it is about (or on top of the form)."""
    form.add_error(error.field if error.field in form.fields else None, error.message)


class SignedInMixin(CampusPermissionMixin):
    """Anonymous people go to the log-in page before any record is looked up."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), login_url_for(request.campus))
        return super().dispatch(request, *args, **kwargs)


class MentorsManageMixin(ManagePermissionMixin):
    permission_required = "mentors.manage"
