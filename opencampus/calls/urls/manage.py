from django.urls import path

from opencampus.calls.views import manage_applications, manage_calls, manage_forms

app_name = "calls_manage"
urlpatterns = [
    path("", manage_calls.CallListView.as_view(), name="calls"),
    path("new/", manage_calls.NewCallView.as_view(), name="new_call"),
    path("<slug:slug>/edit/", manage_calls.EditCallView.as_view(), name="edit_call"),
    path("<slug:slug>/publish/", manage_calls.PublishCallView.as_view(), name="publish_call"),
    # The form builder
    path("<slug:slug>/form/", manage_forms.FormBuilderView.as_view(), name="form"),
    path("<slug:slug>/form/sections/new/", manage_forms.SectionView.as_view(), name="new_section"),
    path("<slug:slug>/form/sections/<int:pk>/", manage_forms.SectionView.as_view(), name="edit_section"),
    path(
        "<slug:slug>/form/sections/<int:pk>/delete/",
        manage_forms.DeleteSectionView.as_view(),
        name="delete_section",
    ),
    path(
        "<slug:slug>/form/sections/<int:pk>/move/",
        manage_forms.MoveSectionView.as_view(),
        name="move_section",
    ),
    path("<slug:slug>/form/questions/new/", manage_forms.QuestionView.as_view(), name="new_question"),
    path("<slug:slug>/form/questions/<int:pk>/", manage_forms.QuestionView.as_view(), name="edit_question"),
    path(
        "<slug:slug>/form/questions/<int:pk>/delete/",
        manage_forms.DeleteQuestionView.as_view(),
        name="delete_question",
    ),
    path(
        "<slug:slug>/form/questions/<int:pk>/move/",
        manage_forms.MoveQuestionView.as_view(),
        name="move_question",
    ),
    # Eligibility rules
    path("<slug:slug>/eligibility/", manage_forms.EligibilityView.as_view(), name="eligibility"),
    path(
        "<slug:slug>/eligibility/<int:pk>/delete/",
        manage_forms.DeleteEligibilityRuleView.as_view(),
        name="delete_rule",
    ),
    # Applications
    path("<slug:slug>/applications/", manage_applications.ApplicationListView.as_view(), name="applications"),
    path(
        "<slug:slug>/applications/<int:pk>/",
        manage_applications.ApplicationDetailView.as_view(),
        name="application",
    ),
    path(
        "<slug:slug>/applications/<int:pk>/screen/",
        manage_applications.ScreenApplicationView.as_view(),
        name="screen_application",
    ),
    path(
        "<slug:slug>/applications/<int:pk>/files/<int:answer>/",
        manage_applications.AnswerFileView.as_view(),
        name="answer_file",
    ),
]
