"""Public certificate pages: the verification page and form, and the documents verifiers fetch
(issuer profile, key set, one key, revocation list, achievement). None shows an e-mail address."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views import View

from opencampus.programs.models import Cohort

from ..forms import VerifyForm
from ..models import Certificate, SigningKey
from ..services.credentials import achievement, issuer_document
from ..services.keys import public_jwk, published_keys
from ..services.links import Links
from ..services.revocation import revocation_list
from ..services.verification import verify_credential


def links_for(request):
    return Links(request.campus, request.build_absolute_uri("/"))


def not_indexed(response):
    """Verification pages name people: they are for whoever holds the link, not for search engines."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def document(data):
    """A public JSON document verifiers fetch, also from scripts on other sites."""
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Access-Control-Allow-Origin"] = "*"
    return response


class VerifyView(View):
    """``verify/``: anyone pastes a credential and learns whether this campus stands behind it."""

    template_name = "certificates/public/verify.html"

    def show(self, context, status):
        return not_indexed(render(self.request, self.template_name, context, status=status))

    def render_page(self, form, *, verification=None, status=200):
        return self.show({"form": form, "verification": verification}, status)

    def get(self, request):
        return self.render_page(VerifyForm())

    def post(self, request):
        form = VerifyForm(request.POST)
        if not form.is_valid():
            return self.render_page(form, status=400)
        verification = verify_credential(form.cleaned_data["credential"], campus=request.campus)
        return self.render_page(form, verification=verification)


class CertificateView(VerifyView):
    """``<uuid>/``: the status of one certificate (valid, revoked, unknown), with the same form."""

    template_name = "certificates/public/detail.html"

    def lookup(self):
        return (
            Certificate.objects.filter(campus=self.request.campus, public_id=self.kwargs["public_id"])
            .select_related("campus")
            .first()
        )

    def render_page(self, form, *, verification=None, status=200):
        certificate = self.lookup()
        context = {"form": form, "verification": verification, "certificate": certificate}
        return self.show(context, 404 if certificate is None else status)

    def get(self, request, public_id):
        return super().get(request)

    def post(self, request, public_id):
        return super().post(request)


class IssuerView(View):
    def get(self, request):
        links = links_for(request)
        keys = published_keys(request.campus)
        return document(issuer_document(request.campus, links=links, keys=keys))


class KeySetView(View):
    def get(self, request):
        links = links_for(request)
        keys = published_keys(request.campus)
        return document({"keys": [public_jwk(key, kid=links.key(key.kid)) for key in keys]})


class KeyView(View):
    def get(self, request, kid):
        key = get_object_or_404(SigningKey, campus=request.campus, kid=kid)
        return document(public_jwk(key, kid=links_for(request).key(key.kid)))


class RevocationListView(View):
    def get(self, request):
        return document(revocation_list(request.campus, links=links_for(request)))


class AchievementView(View):
    def get(self, request, cohort):
        found = get_object_or_404(
            Cohort.objects.select_related("track", "campus"), campus=request.campus, slug=cohort
        )
        return document(achievement(found, links=links_for(request)))
