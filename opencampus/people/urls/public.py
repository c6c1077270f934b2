from django.urls import path

from opencampus.people.views import account, privacy

app_name = "people"
urlpatterns = [
    path("signup/", account.SignupView.as_view(), name="signup"),
    path("login/", account.LoginView.as_view(), name="login"),
    path("logout/", account.LogoutView.as_view(), name="logout"),
    path("password-reset/", account.PasswordResetView.as_view(), name="password_reset"),
    path("password-reset/sent/", account.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("password-reset/done/", account.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path(
        "password-reset/<uidb64>/<token>/",
        account.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("me/", account.ProfileView.as_view(), name="profile"),
    path("me/consents/", privacy.ConsentsView.as_view(), name="consents"),
    path("me/consents/<int:pk>/withdraw/", privacy.WithdrawConsentView.as_view(), name="withdraw_consent"),
    path("me/data/", privacy.MyDataView.as_view(), name="my_data"),
    path("me/data.json", privacy.MyDataDownloadView.as_view(), name="my_data_download"),
    path("me/delete/", privacy.DeleteAccountView.as_view(), name="delete_account"),
]
