app_name = "bookings_manage"
urlpatterns = []
