app_name = "spaces_manage"
urlpatterns = []
