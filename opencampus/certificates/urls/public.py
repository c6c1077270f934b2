from django.urls import path

from ..views import mine, public

app_name = "certificates"
urlpatterns = [
    path("mine/", mine.MyCertificatesView.as_view(), name="mine"),
    path(
        "mine/<uuid:public_id>/certificate-<str:language>.pdf", mine.CertificatePdfView.as_view(), name="pdf"
    ),
    path(
        "mine/<uuid:public_id>/credential.jwt", mine.CredentialView.as_view(kind="jwt"), name="credential_jwt"
    ),
    path(
        "mine/<uuid:public_id>/credential.json",
        mine.CredentialView.as_view(kind="json"),
        name="credential_json",
    ),
    path("verify/", public.VerifyView.as_view(), name="verify"),
    path("issuer/", public.IssuerView.as_view(), name="issuer"),
    path("jwks.json", public.KeySetView.as_view(), name="jwks"),
    path("keys/<str:kid>/", public.KeyView.as_view(), name="key"),
    path("revocations/", public.RevocationListView.as_view(), name="revocations"),
    path("achievements/<slug:cohort>/", public.AchievementView.as_view(), name="achievement"),
    path("<uuid:public_id>/", public.CertificateView.as_view(), name="detail"),
]
