from django.urls import path

from ..views import matching

urlpatterns = [
    path("matching/", matching.RoundsView.as_view(), name="matching_rounds"),
    path("matching/<int:pk>/", matching.RoundView.as_view(), name="matching_round"),
    path("matching/<int:pk>/refresh/", matching.RefreshView.as_view(), name="matching_refresh"),
    path("matching/<int:pk>/close-date/", matching.CloseDateView.as_view(), name="matching_close_date"),
    path("matching/<int:pk>/rules/", matching.AddPairRuleView.as_view(), name="matching_rule_add"),
    path(
        "matching/<int:pk>/rules/<int:rule>/remove/",
        matching.RemovePairRuleView.as_view(),
        name="matching_rule_remove",
    ),
    path("matching/<int:pk>/compute/", matching.ComputeView.as_view(), name="matching_compute"),
    path("matching/<int:pk>/runs/<int:run>/", matching.RunView.as_view(), name="matching_run"),
    path(
        "matching/<int:pk>/runs/<int:run>/publish/", matching.PublishView.as_view(), name="matching_publish"
    ),
    path(
        "matching/<int:pk>/mentorships/<int:mentorship>/reassign/",
        matching.ReassignView.as_view(),
        name="matching_reassign",
    ),
    path(
        "matching/<int:pk>/mentorships/<int:mentorship>/keep/",
        matching.KeepView.as_view(),
        name="matching_keep",
    ),
]
