from django.urls import path

from ..views import activity

urlpatterns = [
    path("activity/", activity.ActivityView.as_view(), name="activity"),
    path("activity/<int:pk>/", activity.MentorActivityView.as_view(), name="activity_mentor"),
]
