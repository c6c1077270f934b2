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
                path("organisations/", include("opencampus.park.urls.directory")),
                path("spaces/", include("opencampus.park.urls.spaces")),
                path("availability/", include("opencampus.park.urls.availability")),
                path("bookings/", include("opencampus.park.urls.bookings")),
                path("visits/", include("opencampus.park.urls.visits")),
                path("manage/spaces/", include("opencampus.park.urls.manage_spaces")),
                path("manage/bookings/", include("opencampus.park.urls.manage_bookings")),
                path("manage/residents/", include("opencampus.park.urls.manage_residents")),
                path("manage/visits/", include("opencampus.park.urls.manage_visits")),
                path("programs/", include("opencampus.programs.urls.public")),
                path("manage/programs/", include("opencampus.programs.urls.manage")),
                path("certificates/", include("opencampus.certificates.urls.public")),
                path("manage/certificates/", include("opencampus.certificates.urls.manage")),
                path("my-programs/", include("opencampus.programs.urls.participation")),
                path("manage/attendance/", include("opencampus.programs.urls.attendance_manage")),
                path("manage/curriculum/", include("opencampus.programs.urls.curriculum_manage")),
                path("agendas/", include("opencampus.agendas.urls.public")),
                path("manage/agendas/", include("opencampus.agendas.urls.manage")),
                path("groups/", include("opencampus.workgroups.urls.public")),
                path("manage/groups/", include("opencampus.workgroups.urls.manage")),
                path("experiments/", include("opencampus.experiments.urls.public")),
                path("manage/experiments/", include("opencampus.experiments.urls.manage")),
                path("mentors/", include("opencampus.mentors.urls.public")),
                path("manage/mentors/", include("opencampus.mentors.urls.manage")),
            ]
        ),
    ),
]
