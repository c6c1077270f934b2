from django.urls import path

from ..views import mentoring

SESSION = "mentoring/<int:pk>/sessions/<int:session>"

urlpatterns = [
    path("mentoring/", mentoring.MentoringHomeView.as_view(), name="mentoring"),
    path("mentoring/<int:pk>/", mentoring.MentorshipView.as_view(), name="mentorship"),
    path("mentoring/<int:pk>/request/", mentoring.RequestSessionView.as_view(), name="session_request"),
    path("mentoring/<int:pk>/log/", mentoring.LogHeldSessionView.as_view(), name="session_log"),
    path(f"{SESSION}/accept/", mentoring.AcceptSessionView.as_view(), name="session_accept"),
    path(f"{SESSION}/decline/", mentoring.DeclineSessionView.as_view(), name="session_decline"),
    path(f"{SESSION}/cancel/", mentoring.CancelSessionView.as_view(), name="session_cancel"),
    path(f"{SESSION}/held/", mentoring.RecordHeldView.as_view(), name="session_held"),
    path(f"{SESSION}/rating/", mentoring.RateSessionView.as_view(), name="session_rate"),
]
