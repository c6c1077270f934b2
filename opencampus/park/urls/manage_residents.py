app_name = "residents_manage"
urlpatterns = []
