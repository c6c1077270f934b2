from django.urls import path

from opencampus.core.views import manage

app_name = "core_manage"
urlpatterns = [
    path("", manage.DashboardView.as_view(), name="dashboard"),
    path("activity/", manage.ActivityLogView.as_view(), name="activity"),
    path("outbox/", manage.OutboxListView.as_view(), name="outbox"),
    path("outbox/act/", manage.OutboxActView.as_view(), name="outbox_act"),
    path("outbox/<int:pk>/", manage.OutboxMessageView.as_view(), name="outbox_message"),
]
