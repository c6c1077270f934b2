from django.urls import path

from ..views import manage

app_name = "certificates_manage"
urlpatterns = [
    path("", manage.CohortListView.as_view(), name="cohorts"),
    path("<slug:cohort>/", manage.CohortView.as_view(), name="cohort"),
    path("<slug:cohort>/issue/<int:participant>/", manage.IssueView.as_view(), name="issue"),
    path("<slug:cohort>/issue-all/", manage.IssueAllView.as_view(), name="issue_all"),
    path("<slug:cohort>/revoke/<uuid:public_id>/", manage.RevokeView.as_view(), name="revoke"),
]
