"""Letters to the holder, drafted into the campus outbox in the holder's language."""

from django.utils import timezone

from opencampus.core.services.outbox import draft_mail


def mail_holder(certificate, template, *, links):
    holder = certificate.participant.user
    if not holder.is_active or not holder.email:
        return None
    with timezone.override(certificate.campus.tz):
        return draft_mail(
            campus=certificate.campus,
            to=holder.email,
            recipient=holder,
            template=f"certificates/mail/{template}.txt",
            context={"certificate": certificate, "verify_link": certificate.url, "mine_link": links.mine},
            language=holder.preferred_language,
            reason=f"certificate.{template}",
        )
