"""A holder's own certificates: the list, the PDF in either language, the credential files."""

import json

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views import View

from opencampus.people.views.manage import ManagePermissionMixin

from ..models import Certificate
from ..services.credentials import credential_document
from ..services.pdf import KoreanFontMissing, certificate_pdf

PDF_LANGUAGES = ("ko", "en")


class HolderMixin(ManagePermissionMixin):
    """Signed-in people only; each sees nothing but certificates issued to them."""

    permission_required = "certificates.view_own"

    def my_certificates(self):
        return Certificate.objects.filter(campus=self.request.campus, participant__user=self.request.user)

    def my_live_certificate(self):
        return get_object_or_404(
            self.my_certificates().select_related("campus"),
            public_id=self.kwargs["public_id"],
            revoked_at__isnull=True,
        )


def download(content, *, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class MyCertificatesView(HolderMixin, View):
    def get(self, request):
        certificates = self.my_certificates().order_by("-issued_at", "-pk")
        return render(request, "certificates/mine/list.html", {"certificates": certificates})


class CertificatePdfView(HolderMixin, View):
    def get(self, request, public_id, language):
        if language not in PDF_LANGUAGES:
            raise Http404("No such language.")
        certificate = self.my_live_certificate()
        try:
            content = certificate_pdf(certificate, language=language)
        except KoreanFontMissing as error:
            return render(request, "certificates/mine/no_pdf.html", {"problem": str(error)}, status=503)
        return download(
            content,
            content_type="application/pdf",
            filename=f"certificate-{str(certificate.public_id)[:8]}-{language}.pdf",
        )


class CredentialView(HolderMixin, View):
    """The Open Badges credential: ``jwt`` (the signed compact JWS) or ``json`` (readable, JWT as proof)."""

    kind = None

    def get(self, request, public_id):
        certificate = self.my_live_certificate()
        name = f"certificate-{str(certificate.public_id)[:8]}"
        if self.kind == "jwt":
            return download(certificate.credential, content_type="application/jwt", filename=f"{name}.jwt")
        content = json.dumps(credential_document(certificate), ensure_ascii=False, indent=2)
        return download(content.encode(), content_type="application/json", filename=f"{name}.json")
