"""Letters about a person's place in a cohort, drafted into the outbox in their language."""

from django.utils import timezone

from opencampus.core.links import campus_reverse
from opencampus.core.services.outbox import draft_mail

DEFAULT_BASE_URL = "http://127.0.0.1:8000"


def cohort_link(cohort, base_url=DEFAULT_BASE_URL, name="programs:cohort"):
    return base_url.rstrip("/") + campus_reverse(cohort.campus, name, slug=cohort.slug)


def draft_registration_letter(registration, template, *, base_url=DEFAULT_BASE_URL, **context):
    """Draft ``programs/mail/<template>.txt`` to the person behind ``registration``."""
    cohort, person = registration.cohort, registration.user
    with timezone.override(cohort.campus.tz):
        return draft_mail(
            campus=cohort.campus,
            to=person.email,
            recipient=person,
            template=f"programs/mail/{template}.txt",
            context={
                "cohort": cohort,
                "person": person,
                "registration": registration,
                "link": cohort_link(cohort, base_url),
                **context,
            },
            language=person.preferred_language,
            reason=f"registration.{template}",
        )
