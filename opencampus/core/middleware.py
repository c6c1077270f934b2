import zoneinfo

from django.conf import settings
from django.http import Http404
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django_scopes import scope, scopes_disabled

from .models import Campus


class CampusMiddleware:
    """Select the campus from the ``/c/<slug>/`` prefix and scope every query to it.

    Outside a campus prefix no scope is active, so a query on tenant-owned records
    raises instead of leaking rows. The platform admin runs unscoped and filters by
    the campuses a person operates (``core.admin``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.campus = None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return self.get_response(request)
        if match.namespace == "admin":
            with scopes_disabled():
                return self.get_response(request)
        slug = match.kwargs.get("campus")
        if slug is None:
            return self.get_response(request)
        request.campus = Campus.objects.filter(slug=slug).first()
        if request.campus is None:
            raise Http404("No such campus.")
        with scope(campus=request.campus), timezone.override(zoneinfo.ZoneInfo(request.campus.time_zone)):
            return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Views read the campus from ``request.campus``, never from the raw slug.
        view_kwargs.pop("campus", None)


def language_for(request):
    """The chosen language: the person's preference, then the cookie, then the campus's."""
    supported = dict(settings.LANGUAGES)
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.preferred_language in supported:
        return user.preferred_language
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if cookie in supported:
        return cookie
    campus = getattr(request, "campus", None)
    if campus is not None:
        return campus.default_language
    return settings.LANGUAGE_CODE


class LanguageMiddleware:
    """Korean by default; a choice made with the switcher is remembered (cookie and profile)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_for(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        translation.deactivate()
        return response
