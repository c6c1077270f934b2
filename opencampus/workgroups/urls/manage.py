from django.urls import path

from ..views import adjustment, formation, manage, traits

app_name = "workgroups_manage"
urlpatterns = [
    path("", manage.IndexView.as_view(), name="index"),
    path("<slug:cohort>/", manage.CohortView.as_view(), name="cohort"),
    path("<slug:cohort>/offers/", manage.OfferView.as_view(), name="offer_add"),
    path("<slug:cohort>/offers/<int:pk>/", manage.OfferLimitView.as_view(), name="offer_change"),
    path("<slug:cohort>/offers/<int:pk>/remove/", manage.RemoveOfferView.as_view(), name="offer_remove"),
    path("<slug:cohort>/ranking/", manage.RankingView.as_view(), name="ranking"),
    path("<slug:cohort>/settings/", manage.SettingsView.as_view(), name="settings"),
    path("<slug:cohort>/traits/", traits.TraitsView.as_view(), name="traits"),
    path("<slug:cohort>/traits/from-call/", traits.FillFromCallView.as_view(), name="traits_from_call"),
    path("<slug:cohort>/traits/upload/", traits.UploadTraitsView.as_view(), name="traits_upload"),
    path("<slug:cohort>/runs/", manage.RunView.as_view(), name="run_start"),
    path("<slug:cohort>/runs/<int:pk>/", formation.RunPageView.as_view(), name="run"),
    path("<slug:cohort>/runs/<int:pk>/apply/", formation.ApplyRunView.as_view(), name="run_apply"),
    path("<slug:cohort>/groups/", adjustment.GroupsView.as_view(), name="groups"),
    path("<slug:cohort>/groups/move/", adjustment.MoveView.as_view(), name="move"),
    path("<slug:cohort>/groups/new/", adjustment.NewGroupView.as_view(), name="group_create"),
    path("<slug:cohort>/groups/<int:pk>/rename/", adjustment.RenameGroupView.as_view(), name="group_rename"),
    path(
        "<slug:cohort>/groups/<int:pk>/problem/", adjustment.GroupProblemView.as_view(), name="group_problem"
    ),
    path("<slug:cohort>/groups/<int:pk>/delete/", adjustment.DeleteGroupView.as_view(), name="group_delete"),
]
