from django.urls import path

from ..views import participation, teaching

app_name = "participation"
urlpatterns = [
    path("", participation.HomeView.as_view(), name="home"),
    path("calendar/", participation.CalendarPageView.as_view(), name="calendar"),
    path("calendar/<str:token>.ics", participation.FeedView.as_view(), name="feed"),
    path("check-in/", participation.CheckInView.as_view(), name="check_in"),
    path("check-in/<str:code>/", participation.CheckInCodeView.as_view(), name="check_in_code"),
    path("sessions/<int:pk>/feedback/", participation.FeedbackView.as_view(), name="feedback"),
    path("materials/<int:pk>/", participation.MaterialView.as_view(), name="material"),
    path("teaching/", teaching.TeachingHomeView.as_view(), name="teaching"),
    path(
        "teaching/engagements/<int:pk>/confirm/",
        teaching.ConfirmEngagementView.as_view(),
        name="engagement_confirm",
    ),
    path(
        "teaching/engagements/<int:pk>/decline/",
        teaching.DeclineEngagementView.as_view(),
        name="engagement_decline",
    ),
    path("teaching/availability/", teaching.AddAvailabilityView.as_view(), name="availability_add"),
    path(
        "teaching/availability/<int:pk>/remove/",
        teaching.RemoveAvailabilityView.as_view(),
        name="availability_remove",
    ),
    path("teaching/absences/", teaching.AddAbsenceView.as_view(), name="absence_add"),
    path("teaching/absences/<int:pk>/remove/", teaching.RemoveAbsenceView.as_view(), name="absence_remove"),
]
