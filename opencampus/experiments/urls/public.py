from django.urls import path

from ..views import public, team

app_name = "experiments"
urlpatterns = [
    path("", public.ExperimentListView.as_view(), name="list"),
    path("<int:pk>/", public.ExperimentDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", team.TeamEditView.as_view(), name="team_edit"),
    path("<int:pk>/milestones/new/", team.AddMilestoneView.as_view(), name="milestone_add"),
    path(
        "<int:pk>/milestones/<int:milestone_pk>/progress/",
        team.MilestoneProgressView.as_view(),
        name="milestone_progress",
    ),
    path("<int:pk>/updates/new/", team.PostUpdateView.as_view(), name="post_update"),
    path("files/<int:pk>/", public.AttachmentView.as_view(), name="attachment"),
]
