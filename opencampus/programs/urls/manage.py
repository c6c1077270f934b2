app_name = "programs_manage"
urlpatterns = []
