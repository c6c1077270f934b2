from django.urls import path

from ..views import spaces as views

app_name = "spaces"
urlpatterns = [
    path("", views.SpaceTreeView.as_view(), name="tree"),
    path("trainings/<slug:slug>/", views.TrainingDetailView.as_view(), name="training"),
    path("<slug:slug>/", views.SpaceDetailView.as_view(), name="detail"),
]
