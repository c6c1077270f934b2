from django.urls import path

from ..views import visits

app_name = "visits"
urlpatterns = [
    path("", visits.VisitRequestView.as_view(), name="request"),
    path("<str:token>/", visits.VisitStatusView.as_view(), name="status"),
    path("<str:token>/received/", visits.VisitReceivedView.as_view(), name="received"),
]
