from django.urls import path

from opencampus.core.views import manage

app_name = "core_manage"
urlpatterns = [
    path("", manage.DashboardView.as_view(), name="dashboard"),
]
