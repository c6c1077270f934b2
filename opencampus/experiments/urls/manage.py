from django.urls import path

from ..views import manage, sites

app_name = "experiments_manage"
urlpatterns = [
    path("", manage.ManageListView.as_view(), name="list"),
    path("new/", manage.NewExperimentView.as_view(), name="create"),
    path("<int:pk>/", manage.EditExperimentView.as_view(), name="edit"),
    path("<int:pk>/status/", manage.StatusView.as_view(), name="status"),
    path(
        "<int:pk>/milestones/<int:milestone_pk>/", manage.EditMilestoneView.as_view(), name="milestone_edit"
    ),
    path("sites/", sites.SiteListView.as_view(), name="sites"),
    path("sites/new/", sites.NewSiteView.as_view(), name="site_create"),
    path("sites/<int:pk>/", sites.EditSiteView.as_view(), name="site_edit"),
    path("sites/<int:pk>/delete/", sites.DeleteSiteView.as_view(), name="site_delete"),
]
