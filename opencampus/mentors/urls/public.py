from . import public_matching, public_mentoring, public_network

app_name = "mentors"
urlpatterns = [*public_network.urlpatterns, *public_matching.urlpatterns, *public_mentoring.urlpatterns]
