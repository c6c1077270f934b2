from django.urls import path

from opencampus.calls.views import review

app_name = "reviews"
urlpatterns = [
    path("", review.QueueView.as_view(), name="queue"),
    path("<int:review_id>/", review.ReviewView.as_view(), name="review"),
    path("<int:review_id>/files/<int:answer_id>/", review.ReviewFileView.as_view(), name="file"),
    path("<int:review_id>/conflict/", review.DeclareConflictView.as_view(), name="conflict"),
    path("bids/<slug:slug>/", review.BidsView.as_view(), name="bids"),
]
