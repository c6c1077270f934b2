from django.urls import path

from ..views import network_fields, network_manage

urlpatterns = [
    path("", network_manage.NetworkListView.as_view(), name="network"),
    path("mentors/<int:pk>/", network_manage.MentorManageView.as_view(), name="mentor"),
    path("mentors/<int:pk>/activate/", network_manage.ActivateView.as_view(), name="mentor_activate"),
    path("mentors/<int:pk>/reactivate/", network_manage.ReactivateView.as_view(), name="mentor_reactivate"),
    path("mentors/<int:pk>/deactivate/", network_manage.DeactivateView.as_view(), name="mentor_deactivate"),
    path("invitations/", network_manage.InvitationsView.as_view(), name="invitations"),
    path("invitations/add/", network_manage.AddMentorView.as_view(), name="mentor_add"),
    path(
        "invitations/<int:pk>/cancel/",
        network_manage.CancelInvitationView.as_view(),
        name="invitation_cancel",
    ),
    path("fields/", network_fields.FieldListView.as_view(), name="fields"),
    path("fields/new/", network_fields.NewFieldView.as_view(), name="field_create"),
    path("fields/<int:pk>/", network_fields.EditFieldView.as_view(), name="field_edit"),
    path("fields/<int:pk>/move/", network_fields.MoveFieldView.as_view(), name="field_move"),
    path("fields/<int:pk>/delete/", network_fields.DeleteFieldView.as_view(), name="field_delete"),
]
