from django.urls import path

from ..views import curriculum_manage as views

app_name = "curriculum_manage"
urlpatterns = [
    path("", views.CohortListView.as_view(), name="cohorts"),
    path("<slug:cohort>/", views.CurriculumView.as_view(), name="cohort"),
    path("<slug:cohort>/slots/<int:pk>/remove/", views.RemoveSlotView.as_view(), name="slot_remove"),
    path("<slug:cohort>/sessions/new/", views.SessionFormView.as_view(), name="session_create"),
    path("<slug:cohort>/sessions/<int:pk>/", views.SessionFormView.as_view(), name="session"),
    path("<slug:cohort>/sessions/<int:pk>/delete/", views.DeleteSessionView.as_view(), name="session_delete"),
    path("<slug:cohort>/sessions/<int:pk>/materials/", views.AddMaterialView.as_view(), name="material_add"),
    path(
        "<slug:cohort>/sessions/<int:pk>/materials/<int:material>/remove/",
        views.RemoveMaterialView.as_view(),
        name="material_remove",
    ),
    path("<slug:cohort>/plan/", views.PlanView.as_view(), name="plan"),
    path("<slug:cohort>/timetables/<int:number>/", views.TimetableView.as_view(), name="timetable"),
    path("<slug:cohort>/timetables/<int:number>/publish/", views.PublishView.as_view(), name="publish"),
]
