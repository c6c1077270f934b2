from django.urls import path

from opencampus.calls.views import confirmation, portal, public

app_name = "calls"
urlpatterns = [
    path("", public.CallListView.as_view(), name="list"),
    # Before ``<slug>/``: a call cannot use the address name "mine".
    path("mine/", public.MyApplicationsView.as_view(), name="mine"),
    path("<slug:slug>/", public.CallDetailView.as_view(), name="detail"),
    path("<slug:slug>/apply/", portal.ApplyView.as_view(), name="apply"),
    path("<slug:slug>/application/", portal.ApplicationFormView.as_view(), name="application"),
    path("<slug:slug>/application/status/", portal.ApplicationStatusView.as_view(), name="status"),
    path("<slug:slug>/application/withdraw/", portal.WithdrawView.as_view(), name="withdraw"),
    # The applicant's answer to an offered place
    path("<slug:slug>/application/confirm/", confirmation.ConfirmPlaceView.as_view(), name="confirm"),
]
