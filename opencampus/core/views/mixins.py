from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from rules.contrib.views import PermissionRequiredMixin

from opencampus.core.links import campus_reverse


def login_url_for(campus):
    return campus_reverse(campus, "people:login")


class CampusPermissionMixin(PermissionRequiredMixin):
    """Check ``permission_required`` against the campus (or ``get_permission_object``).

    Anonymous people are sent to the campus's log-in page; signed-in people without
    the permission get the 403 page.
    """

    def get_permission_object(self):
        return self.request.campus

    def handle_no_permission(self):
        if not self.request.user.is_authenticated:
            return redirect_to_login(self.request.get_full_path(), login_url_for(self.request.campus))
        raise PermissionDenied


def query_string_without_page(request):
    """The current filters, to carry across pagination links."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
