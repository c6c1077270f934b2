from django.urls import path

from ..views import manage_bookings as views

app_name = "bookings_manage"
urlpatterns = [
    path("", views.QueueView.as_view(), name="queue"),
    path("decide/", views.DecideView.as_view(), name="decide"),
    path("all/", views.BookingListView.as_view(), name="list"),
    path("block/", views.BlockSpaceView.as_view(), name="block"),
]
