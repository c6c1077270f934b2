from django.urls import path

from opencampus.core.views import public

app_name = "core"
urlpatterns = [
    path("", public.CampusHomeView.as_view(), name="home"),
]
