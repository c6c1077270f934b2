from django.urls import path

from ..views import manage_visits as views

app_name = "visits_manage"
urlpatterns = [
    path("", views.VisitListView.as_view(), name="list"),
    path("reminders/", views.RemindersView.as_view(), name="reminders"),
    path("<int:pk>/", views.VisitDetailView.as_view(), name="detail"),
    path("<int:pk>/confirm/", views.VisitActionView.as_view(action="confirm"), name="confirm"),
    path("<int:pk>/reschedule/", views.VisitActionView.as_view(action="reschedule"), name="reschedule"),
    path("<int:pk>/decline/", views.VisitActionView.as_view(action="decline"), name="decline"),
    path("<int:pk>/cancel/", views.VisitActionView.as_view(action="cancel"), name="cancel"),
    path("<int:pk>/check-in/", views.VisitActionView.as_view(action="check_in"), name="check_in"),
    path("<int:pk>/no-show/", views.VisitActionView.as_view(action="no_show"), name="no_show"),
    path("slots/", views.SlotListView.as_view(), name="slots"),
    path("slots/new/", views.SlotFormView.as_view(), name="slot_create"),
    path("slots/<int:pk>/", views.SlotFormView.as_view(), name="slot_edit"),
    path("slots/<int:pk>/delete/", views.SlotDeleteView.as_view(), name="slot_delete"),
    path("stats/", views.StatsView.as_view(), name="stats"),
    path("stats/csv/", views.StatsCsvView.as_view(), name="stats_csv"),
]
