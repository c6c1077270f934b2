"""When spaces are free: a space's week, the free-room search, and the personal feed's address."""

from datetime import date
from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch
from django.utils import timezone
from django.views import View

from opencampus.core.links import campus_reverse
from opencampus.core.views.mixins import CampusPermissionMixin, login_url_for
from opencampus.people.services.feed_tokens import make_feed_token

from ..forms.availability import FindSpaceForm
from ..models import Space
from ..services.availability import build_week_grid, find_free_spaces
from ..services.calendar_feeds import FEED_SALT

FORM_FIELDS = {"weekday", "part", "date", "start", "end", "people", "feature"}


class SpacePermissionMixin(CampusPermissionMixin):
    """``park.view_space`` on the space in the address; a space one may not see does not exist."""

    permission_required = "park.view_space"

    def get_permission_object(self):
        if not hasattr(self, "space"):
            self.space = get_object_or_404(
                Space.objects.select_related("campus"),
                campus=self.request.campus,
                slug=self.kwargs["space_slug"],
            )
        return self.space

    def handle_no_permission(self):
        raise Http404


def booking_form_url(space):
    """The booking form of ``space``, or None while no booking form is mounted."""
    try:
        return campus_reverse(space.campus, "bookings:new", space_slug=space.slug)
    except NoReverseMatch:
        return None


def booking_link(found, query):
    url = booking_form_url(found.space) if found.may_book else None
    return f"{url}?{query}" if url else None


def chosen_day(request):
    try:
        return date.fromisoformat(request.GET.get("date", ""))
    except ValueError:
        return timezone.localdate()


class WeekView(SpacePermissionMixin, View):
    template_name = "park/availability/week.html"

    def get(self, request, space_slug):
        grid = build_week_grid(space=self.space, day=chosen_day(request), viewer=request.user)
        context = {
            "space": self.space,
            "grid": grid,
            "booking_url": booking_form_url(self.space) if self.space.is_bookable else None,
            "now": timezone.now(),
        }
        return render(request, self.template_name, context)


class FindSpaceView(View):
    """Anyone may search; signed-in people see only the spaces they may book."""

    template_name = "park/availability/find.html"

    def get(self, request):
        searching = bool(FORM_FIELDS & set(request.GET))
        form = FindSpaceForm(request.GET if searching else None, campus=request.campus)
        results = None
        if searching and form.is_valid():
            start, end = form.interval()
            results = find_free_spaces(
                campus=request.campus,
                start=start,
                end=end,
                people=form.cleaned_data["people"],
                features=form.cleaned_data["feature"],
                viewer=request.user,
            )
        context = {"form": form, "results": results}
        if results is not None:
            data = form.cleaned_data
            query = urlencode(
                {"date": data["date"], "start": f"{data['start']:%H:%M}", "end": f"{data['end']:%H:%M}"},
                safe=":",
            )
            context["chosen"] = data
            context["rows"] = [(found, booking_link(found, query)) for found in results]
        return render(request, self.template_name, context)


class PersonalFeedPageView(View):
    """The address of the person's own calendar feed, to copy into a calendar app."""

    template_name = "park/availability/personal_feed.html"

    def get(self, request):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), login_url_for(request.campus))
        token = make_feed_token(user=request.user, campus=request.campus, salt=FEED_SALT)
        path = campus_reverse(request.campus, "availability:personal_feed", token=token)
        response = render(request, self.template_name, {"feed_url": request.build_absolute_uri(path)})
        response["Referrer-Policy"] = "no-referrer"
        return response
