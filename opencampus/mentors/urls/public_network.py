from django.urls import path

from ..views import directory, network

urlpatterns = [
    path("", directory.DirectoryView.as_view(), name="directory"),
    path("<int:pk>/", directory.MentorDetailView.as_view(), name="mentor"),
    path("me/", network.MyProfileView.as_view(), name="my_profile"),
    path("invitation/<str:token>/", network.InvitationView.as_view(), name="invitation"),
]
