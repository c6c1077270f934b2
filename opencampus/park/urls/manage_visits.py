app_name = "visits_manage"
urlpatterns = []
