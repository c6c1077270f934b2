"""iCalendar feeds, fetched by calendar apps without a session."""

from django.http import Http404, HttpResponse
from django.views import View

from opencampus.people.services.feed_tokens import feed_owner

from ..services.calendar_feeds import FEED_SALT, person_feed, space_feed
from .availability import SpacePermissionMixin

CONTENT_TYPE = "text/calendar; charset=utf-8"


def calendar_response(content, filename):
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


class SpaceFeedView(SpacePermissionMixin, View):
    def get(self, request, space_slug):
        return calendar_response(space_feed(space=self.space), f"{self.space.slug}.ics")


class PersonalFeedView(View):
    """Whoever holds the signed address reads the person's bookings on this campus."""

    def get(self, request, token):
        user = feed_owner(token=token, campus=request.campus, salt=FEED_SALT)
        if user is None:
            raise Http404
        response = calendar_response(person_feed(user=user, campus=request.campus), "bookings.ics")
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "no-referrer"
        response["Cache-Control"] = "private, no-store"
        return response
