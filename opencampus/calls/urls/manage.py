from django.urls import path

from opencampus.calls.views import (
    manage_applications,
    manage_calls,
    manage_decisions,
    manage_forms,
    manage_review,
    manage_selection,
)

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
    # Scores, quotas, selection, decisions and exports
    path("<slug:slug>/scores/", manage_selection.ScoresView.as_view(), name="scores"),
    path("<slug:slug>/selection/", manage_selection.SelectionView.as_view(), name="selection"),
    path("<slug:slug>/selection/quotas/", manage_selection.QuotasView.as_view(), name="quotas"),
    path(
        "<slug:slug>/selection/quotas/<int:pk>/delete/",
        manage_selection.DeleteQuotaView.as_view(),
        name="delete_quota",
    ),
    path("<slug:slug>/decisions/", manage_decisions.DecisionsView.as_view(), name="decisions"),
    path("<slug:slug>/decisions/send/", manage_decisions.SendDecisionsView.as_view(), name="send_decisions"),
    path("<slug:slug>/decisions/clear/", manage_decisions.ClearStagingView.as_view(), name="clear_staging"),
    path(
        "<slug:slug>/export/<slug:table>.<slug:file_format>",
        manage_selection.ExportView.as_view(),
        name="export",
    ),
    # Review: phases and rubric, reviewer assignment, conflicts of interest
    path("<slug:slug>/review/setup/", manage_review.ReviewSetupView.as_view(), name="review_setup"),
    path("<slug:slug>/review/phases/new/", manage_review.PhaseView.as_view(), name="new_phase"),
    path("<slug:slug>/review/phases/<int:pk>/", manage_review.PhaseView.as_view(), name="edit_phase"),
    path(
        "<slug:slug>/review/phases/<int:pk>/delete/",
        manage_review.DeletePhaseView.as_view(),
        name="delete_phase",
    ),
    path("<slug:slug>/review/criteria/new/", manage_review.CriterionView.as_view(), name="new_criterion"),
    path(
        "<slug:slug>/review/criteria/<int:pk>/", manage_review.CriterionView.as_view(), name="edit_criterion"
    ),
    path(
        "<slug:slug>/review/criteria/<int:pk>/delete/",
        manage_review.DeleteCriterionView.as_view(),
        name="delete_criterion",
    ),
    path(
        "<slug:slug>/review/criteria/<int:pk>/move/",
        manage_review.MoveCriterionView.as_view(),
        name="move_criterion",
    ),
    path("<slug:slug>/review/assignment/", manage_review.AssignmentView.as_view(), name="review_assignment"),
    path(
        "<slug:slug>/review/assignment/run/",
        manage_review.RunAssignmentView.as_view(),
        name="run_assignment",
    ),
    path(
        "<slug:slug>/review/assignment/overrides/",
        manage_review.OverrideView.as_view(),
        name="add_override",
    ),
    path(
        "<slug:slug>/review/assignment/overrides/<int:pk>/delete/",
        manage_review.DeleteOverrideView.as_view(),
        name="delete_override",
    ),
    path("<slug:slug>/review/conflicts/", manage_review.ConflictsView.as_view(), name="review_conflicts"),
]
