app_name = "spaces"
urlpatterns = []
