"""The campus team's certificate pages: cohorts, then one cohort's verdicts, issuing and revoking."""

from dataclasses import dataclass

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from opencampus.core.links import campus_reverse
from opencampus.people.views.manage import ManagePermissionMixin
from opencampus.programs.models import Cohort, Participant
from opencampus.programs.services.completion import evaluate_cohort

from ..forms import RevokeForm
from ..models import Certificate
from ..services.errors import CertificateError
from ..services.issuing import issue_certificate, issue_certificates_to_completed
from ..services.revocation import revoke_certificate


class CertificatesPermissionMixin(ManagePermissionMixin):
    permission_required = "certificates.manage"

    def get_cohort(self):
        return get_object_or_404(
            Cohort.objects.select_related("campus", "track"),
            campus=self.request.campus,
            slug=self.kwargs["cohort"],
        )


def cohort_url(cohort):
    return campus_reverse(cohort.campus, "certificates_manage:cohort", cohort=cohort.slug)


def base_url(request):
    return request.build_absolute_uri("/")


class CohortListView(CertificatesPermissionMixin, View):
    def get(self, request):
        cohorts = (
            Cohort.objects.filter(campus=request.campus)
            .select_related("track")
            .annotate(
                participant_count=Count("participants", distinct=True),
                certificate_count=Count(
                    "participants__certificates",
                    filter=Q(participants__certificates__revoked_at__isnull=True),
                    distinct=True,
                ),
            )
            .order_by("-starts_on", "pk")
        )
        return render(request, "certificates/manage/cohorts.html", {"cohorts": cohorts})


@dataclass
class Row:
    """One participant on the cohort page: their verdict and their live certificate, if any."""

    verdict: object
    certificate: Certificate | None

    @property
    def can_issue(self):
        return self.verdict.completed and self.certificate is None


class CohortView(CertificatesPermissionMixin, View):
    """Every participant with the completion verdict and reasons; issued certificates below."""

    template_name = "certificates/manage/cohort.html"

    def render_page(self, cohort, *, bound=None, status=200):
        """``bound``: ``(certificate pk, RevokeForm)`` to show again with what was typed."""
        certificates = list(
            Certificate.objects.filter(participant__cohort=cohort)
            .select_related("issued_by", "revoked_by")
            .order_by("-issued_at", "-pk")
        )
        live = {
            certificate.participant_id: certificate
            for certificate in certificates
            if not certificate.is_revoked
        }
        for certificate in certificates:
            certificate.revoke_form = (
                bound[1]
                if bound is not None and bound[0] == certificate.pk
                else RevokeForm(prefix=f"revoke-{certificate.pk}")
            )
        rows = [Row(verdict, live.get(verdict.participant.pk)) for verdict in evaluate_cohort(cohort)]
        context = {
            "cohort": cohort,
            "rows": rows,
            "issuable": sum(row.can_issue for row in rows),
            "completed": sum(row.verdict.completed for row in rows),
            "certificates": certificates,
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, cohort):
        return self.render_page(self.get_cohort())


class IssueView(CohortView):
    http_method_names = ["post"]

    def post(self, request, cohort, participant):
        cohort = self.get_cohort()
        found = get_object_or_404(
            Participant.objects.select_related("user", "cohort__track", "cohort__campus"),
            campus=request.campus,
            cohort=cohort,
            pk=participant,
        )
        try:
            certificate = issue_certificate(found, by=request.user, base_url=base_url(request))
        except CertificateError as error:
            messages.error(request, str(error))
            return self.render_page(cohort, status=400)
        messages.success(
            request,
            _("Certificate issued to %(name)s. The letter with the links waits in the outbox.")
            % {"name": certificate.holder_name},
        )
        return redirect(cohort_url(cohort))


class IssueAllView(CohortView):
    http_method_names = ["post"]

    def post(self, request, cohort):
        cohort = self.get_cohort()
        try:
            issued = issue_certificates_to_completed(
                cohort=cohort, by=request.user, base_url=base_url(request)
            )
        except CertificateError as error:
            messages.error(request, str(error))
            return self.render_page(cohort, status=400)
        count = len(issued.certificates)
        if count:
            messages.success(
                request,
                ngettext(
                    "%(count)d certificate issued; its letter waits in the outbox.",
                    "%(count)d certificates issued; their letters wait in the outbox.",
                    count,
                )
                % {"count": count},
            )
        else:
            messages.info(request, _("Everyone who completed the course already holds a certificate."))
        for _participant, reason in issued.skipped:
            messages.warning(request, reason)
        return redirect(cohort_url(cohort))


class RevokeView(CohortView):
    http_method_names = ["post"]

    def post(self, request, cohort, public_id):
        cohort = self.get_cohort()
        certificate = get_object_or_404(
            Certificate.objects.select_related("campus", "participant__user"),
            campus=request.campus,
            participant__cohort=cohort,
            public_id=public_id,
        )
        form = RevokeForm(request.POST, prefix=f"revoke-{certificate.pk}")
        if not form.is_valid():
            return self.render_page(cohort, bound=(certificate.pk, form), status=400)
        try:
            revoke_certificate(
                certificate, by=request.user, reason=form.cleaned_data["reason"], base_url=base_url(request)
            )
        except CertificateError as error:
            messages.error(request, str(error))
            return self.render_page(cohort, bound=(certificate.pk, form), status=400)
        messages.success(
            request,
            _(
                "The certificate is revoked. Its page and the revocation list say so; "
                "a letter waits in the outbox."
            ),
        )
        return redirect(cohort_url(cohort))
