from django.urls import path

from ..views import bookings as views

app_name = "bookings"
urlpatterns = [
    path("", views.MyBookingsView.as_view(), name="mine"),
    path("new/<slug:space_slug>/", views.NewBookingView.as_view(), name="new"),
    path("<int:pk>/", views.BookingDetailView.as_view(), name="detail"),
    path("<int:pk>/cancel/", views.CancelBookingView.as_view(), name="cancel"),
    path("<int:pk>/dates/<int:occurrence>/move/", views.MoveOccurrenceView.as_view(), name="move"),
]
