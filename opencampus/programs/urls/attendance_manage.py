from django.urls import path

from ..views import attendance_manage as views

app_name = "attendance_manage"
urlpatterns = [
    path("", views.CohortListView.as_view(), name="cohorts"),
    path("<slug:cohort>/", views.OverviewView.as_view(), name="overview"),
    path("<slug:cohort>/sessions/<int:pk>/", views.SessionView.as_view(), name="session"),
    path("<slug:cohort>/sessions/<int:pk>/absent/", views.MarkAbsentView.as_view(), name="mark_absent"),
    path(
        "<slug:cohort>/sessions/<int:pk>/check-in/", views.CheckInScreenView.as_view(), name="check_in_screen"
    ),
    path(
        "<slug:cohort>/sessions/<int:pk>/check-in/open/",
        views.OpenCheckInView.as_view(),
        name="open_check_in",
    ),
    path(
        "<slug:cohort>/sessions/<int:pk>/check-in/close/",
        views.CloseCheckInView.as_view(),
        name="close_check_in",
    ),
    path("<slug:cohort>/sessions/<int:pk>/feedback/", views.SessionFeedbackView.as_view(), name="feedback"),
]
