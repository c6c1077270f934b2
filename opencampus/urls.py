from django.contrib import admin
from django.urls import include, path

from opencampus.core.views import public as core_public

urlpatterns = [
    path("", core_public.CampusListView.as_view(), name="campus_list"),
    path("health/", core_public.health, name="health"),
    path("language/", core_public.set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path(
        "c/<slug:campus>/",
        include(
            [
                path("", include("opencampus.core.urls.public")),
                path("manage/", include("opencampus.core.urls.manage")),
                path("", include("opencampus.people.urls.public")),
                path("manage/", include("opencampus.people.urls.manage")),
                path("calls/", include("opencampus.calls.urls.public")),
                path("manage/calls/", include("opencampus.calls.urls.manage")),
                path("reviews/", include("opencampus.calls.urls.review")),
            ]
        ),
    ),
]
