from django.urls import path

from ..views import answers, rankings

urlpatterns = [
    path("my-match/", answers.MyMatchesView.as_view(), name="my_matches"),
    path("my-match/<int:pk>/", answers.MatchView.as_view(), name="match"),
    path("my-match/<int:pk>/accept/", answers.AcceptView.as_view(), name="match_accept"),
    path("my-match/<int:pk>/change/", answers.ChangeRequestView.as_view(), name="match_change"),
    path(
        "matching/mentees/<int:pk>/ranking/",
        rankings.MenteeRankingView.as_view(),
        name="matching_rank_mentors",
    ),
    path(
        "matching/rounds/<int:pk>/mentors/<int:mentor>/ranking/",
        rankings.MentorRankingView.as_view(),
        name="matching_rank_mentees",
    ),
]
