from django.urls import path

from ..views import manage as views
from ..views import manage_taxonomy as taxonomy

app_name = "agendas_manage"
urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("<int:pk>/", views.ManageAgendaView.as_view(), name="agenda"),
    path("<int:pk>/merge/", views.MergeView.as_view(), name="merge"),
    path("moderation/", views.ModerationView.as_view(), name="moderation"),
    path("comments/<int:pk>/hide/", views.HideCommentView.as_view(), name="hide_comment"),
    path("comments/<int:pk>/unhide/", views.UnhideCommentView.as_view(), name="unhide_comment"),
    path("comments/<int:pk>/resolve/", views.ResolveReportsView.as_view(), name="resolve_reports"),
    path("themes/", taxonomy.ThemeListView.as_view(), name="themes"),
    path("themes/new/", taxonomy.ThemeEditorView.as_view(), name="theme_create"),
    path("themes/<int:pk>/", taxonomy.ThemeEditorView.as_view(), name="theme_edit"),
    path("themes/<int:pk>/remove/", taxonomy.RemoveThemeView.as_view(), name="theme_remove"),
    path("districts/", taxonomy.DistrictListView.as_view(), name="districts"),
    path("districts/new/", taxonomy.DistrictEditorView.as_view(), name="district_create"),
    path("districts/<int:pk>/", taxonomy.DistrictEditorView.as_view(), name="district_edit"),
    path("districts/<int:pk>/delete/", taxonomy.DeleteDistrictView.as_view(), name="district_delete"),
    path("targets/", taxonomy.LocalTargetListView.as_view(), name="targets"),
    path("targets/new/", taxonomy.LocalTargetEditorView.as_view(), name="target_create"),
    path("targets/<int:pk>/", taxonomy.LocalTargetEditorView.as_view(), name="target_edit"),
    path("targets/<int:pk>/delete/", taxonomy.DeleteLocalTargetView.as_view(), name="target_delete"),
    path("policy/", taxonomy.PolicyView.as_view(), name="policy"),
]
