from django.urls import path

from ..views import manage_residents as views

app_name = "residents_manage"
urlpatterns = [
    path("", views.ResidentListView.as_view(), name="list"),
    path("new/", views.NewResidencyView.as_view(), name="create"),
    path("<int:pk>/", views.EditResidencyView.as_view(), name="edit"),
    path("<int:pk>/state/", views.ResidencyStateView.as_view(), name="state"),
    path("quota/", views.QuotaView.as_view(), name="quota"),
    path("import/", views.ImportView.as_view(), name="import"),
    path("import/template.csv", views.ImportTemplateView.as_view(), name="import_template"),
]
