from . import manage_matching, manage_mentoring, manage_network

app_name = "mentors_manage"
urlpatterns = [*manage_network.urlpatterns, *manage_matching.urlpatterns, *manage_mentoring.urlpatterns]
