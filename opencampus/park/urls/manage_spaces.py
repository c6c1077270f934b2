from django.urls import path

from ..views import manage_spaces as spaces
from ..views import manage_trainings as trainings

app_name = "spaces_manage"
urlpatterns = [
    path("", spaces.SpaceListView.as_view(), name="list"),
    path("new/", spaces.NewSpaceView.as_view(), name="create"),
    path("closed-days/", spaces.ClosedDaysView.as_view(), name="closed_days"),
    path("closed-days/<int:pk>/remove/", spaces.RemoveClosedDayView.as_view(), name="closed_day_remove"),
    path("features/", spaces.FeaturesView.as_view(), name="features"),
    path("features/<int:pk>/", spaces.RenameFeatureView.as_view(), name="feature_edit"),
    path("trainings/", trainings.TrainingListView.as_view(), name="trainings"),
    path("trainings/new/", trainings.NewTrainingView.as_view(), name="training_create"),
    path("trainings/<slug:slug>/", trainings.TrainingRecordsView.as_view(), name="training"),
    path("trainings/<slug:slug>/edit/", trainings.EditTrainingView.as_view(), name="training_edit"),
    path(
        "trainings/<slug:slug>/records/<int:pk>/revoke/",
        trainings.RevokeTrainingView.as_view(),
        name="training_revoke",
    ),
    path("<slug:slug>/", spaces.EditSpaceView.as_view(), name="edit"),
    path("<slug:slug>/active/", spaces.SpaceActiveView.as_view(), name="set_active"),
    path("<slug:slug>/hours/", spaces.OpeningHoursView.as_view(), name="hours"),
    path("<slug:slug>/photos/", spaces.PhotosView.as_view(), name="photos"),
    path("<slug:slug>/photos/<int:pk>/delete/", spaces.DeletePhotoView.as_view(), name="photo_delete"),
]
