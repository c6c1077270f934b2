app_name = "calls_manage"
urlpatterns = []
