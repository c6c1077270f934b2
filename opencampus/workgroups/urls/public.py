from django.urls import path

from ..views import group, participant

app_name = "workgroups"
urlpatterns = [
    path("", participant.MineView.as_view(), name="mine"),
    path("cohorts/<slug:cohort>/choices/", participant.ChoicesView.as_view(), name="choices"),
    path("<int:pk>/", group.GroupView.as_view(), name="group"),
    path("<int:pk>/tasks/", group.AddTaskView.as_view(), name="task_add"),
    path("<int:pk>/tasks/<int:task>/", group.AssignTaskView.as_view(), name="task_assign"),
    path("<int:pk>/tasks/<int:task>/done/", group.TaskDoneView.as_view(), name="task_done"),
    path("<int:pk>/tasks/<int:task>/reopen/", group.TaskReopenView.as_view(), name="task_reopen"),
    path("<int:pk>/notes/", group.AddNoteView.as_view(), name="note_add"),
    path("<int:pk>/files/", group.AddFileView.as_view(), name="file_add"),
    path("<int:pk>/files/<int:file>/", group.FileView.as_view(), name="file"),
]
