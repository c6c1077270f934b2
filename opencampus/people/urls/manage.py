from django.urls import path

from opencampus.people.views import manage

app_name = "people_manage"
urlpatterns = [
    path("people/", manage.PeopleView.as_view(), name="people"),
    path("people/grant/", manage.GrantRoleView.as_view(), name="grant_role"),
    path("people/<int:user_id>/revoke/", manage.RevokeRoleView.as_view(), name="revoke_role"),
    path("organisations/", manage.OrganisationListView.as_view(), name="organisations"),
    path("organisations/new/", manage.NewOrganisationView.as_view(), name="new_organisation"),
    path("organisations/<slug:slug>/edit/", manage.EditOrganisationView.as_view(), name="edit_organisation"),
    path("organisations/<slug:slug>/members/", manage.MembersView.as_view(), name="members"),
    path(
        "organisations/<slug:slug>/members/<int:membership_id>/role/",
        manage.ChangeMemberRoleView.as_view(),
        name="change_member_role",
    ),
    path(
        "organisations/<slug:slug>/members/<int:membership_id>/remove/",
        manage.RemoveMemberView.as_view(),
        name="remove_member",
    ),
]
