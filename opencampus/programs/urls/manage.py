from django.urls import path

from ..views import fees
from ..views import manage as views

app_name = "programs_manage"
urlpatterns = [
    path("", views.OverviewView.as_view(), name="overview"),
    path("tracks/new/", views.NewTrackView.as_view(), name="track_create"),
    path("tracks/<slug:slug>/", views.EditTrackView.as_view(), name="track_edit"),
    path("cohorts/new/", views.NewCohortView.as_view(), name="cohort_create"),
    path("cohorts/<slug:slug>/", views.RosterView.as_view(), name="roster"),
    path("cohorts/<slug:slug>/edit/", views.EditCohortView.as_view(), name="cohort_edit"),
    path("cohorts/<slug:slug>/late-joiner/", views.LateJoinerView.as_view(), name="late_joiner"),
    path("cohorts/<slug:slug>/fill-from-call/", views.FillFromCallView.as_view(), name="fill_from_call"),
    path("cohorts/<slug:slug>/draw/", views.DrawView.as_view(), name="draw"),
    path(
        "cohorts/<slug:slug>/participants/<int:pk>/withdraw/", views.WithdrawView.as_view(), name="withdraw"
    ),
    path("cohorts/<slug:slug>/engagements/", fees.EngagementsView.as_view(), name="engagements"),
    path(
        "cohorts/<slug:slug>/engagements/<int:pk>/rate/",
        fees.ChangeRateView.as_view(),
        name="engagement_rate",
    ),
    path("fees/", fees.FeeListView.as_view(), name="fees"),
    path("fees/export.csv", fees.FeeExportView.as_view(), name="fees_export"),
    path("fees/pay/", fees.PayFeesView.as_view(), name="fees_pay"),
    path("fees/<int:pk>/due/", fees.SetDueView.as_view(), name="fee_due"),
]
