from django.urls import path

from ..views import availability, feeds

app_name = "availability"
urlpatterns = [
    path("find/", availability.FindSpaceView.as_view(), name="find"),
    path("me/calendar/", availability.PersonalFeedPageView.as_view(), name="personal_feed_page"),
    path("me/calendar/<str:token>.ics", feeds.PersonalFeedView.as_view(), name="personal_feed"),
    path("<slug:space_slug>/week/", availability.WeekView.as_view(), name="week"),
    path("<slug:space_slug>/calendar.ics", feeds.SpaceFeedView.as_view(), name="space_feed"),
]
