from django.urls import path

from ..views import participation, proposals, public, similar

app_name = "agendas"
urlpatterns = [
    path("", public.AgendaListView.as_view(), name="list"),
    path("propose/", proposals.ProposeView.as_view(), name="propose"),
    path("similar/", similar.similar_agendas, name="similar"),
    path("<int:pk>/", public.AgendaDetailView.as_view(), name="detail"),
    path("<int:pk>/story/", public.AgendaStoryView.as_view(), name="story"),
    path("<int:pk>/edit/", proposals.ChangeAgendaView.as_view(), name="edit"),
    path("<int:pk>/endorse/", participation.EndorseView.as_view(), name="endorse"),
    path("<int:pk>/unendorse/", participation.WithdrawEndorsementView.as_view(), name="unendorse"),
    path("<int:pk>/follow/", participation.FollowView.as_view(), name="follow"),
    path("<int:pk>/unfollow/", participation.UnfollowView.as_view(), name="unfollow"),
    path("<int:pk>/comment/", participation.CommentView.as_view(), name="comment"),
    path("comments/<int:pk>/report/", participation.ReportCommentView.as_view(), name="report"),
    path("evidence/<int:pk>/", public.EvidenceFileView.as_view(), name="evidence"),
]
