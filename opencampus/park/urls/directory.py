from django.urls import path

from opencampus.park.views import directory

app_name = "directory"
urlpatterns = [
    path("", directory.OrganisationDirectoryView.as_view(), name="organisations"),
    path("<slug:slug>/", directory.OrganisationDetailView.as_view(), name="organisation"),
]
