from django.urls import path

from ..views import public as views

app_name = "programs"
urlpatterns = [
    path("", views.CohortListView.as_view(), name="list"),
    path("<slug:slug>/", views.CohortDetailView.as_view(), name="cohort"),
    path("<slug:slug>/register/", views.RegisterView.as_view(), name="register"),
    path("<slug:slug>/cancel/", views.CancelView.as_view(), name="cancel"),
    path("<slug:slug>/lottery/", views.LotteryResultsView.as_view(), name="lottery"),
    path("<slug:slug>/lottery/draw.json", views.LotteryJsonView.as_view(), name="lottery_json"),
]
