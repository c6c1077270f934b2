"""The optional consents a person may give on a campus, each defined once.

Korea's PIPA asks that a consent names its purpose, the personal data items it covers,
how long they are kept and that refusing is possible. The items are stored on the
consent record as they read when the person agreed (in the language they read them), so
later edits here never change what someone agreed to.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import ConsentRecord

Purpose = ConsentRecord.Purpose


@dataclass(frozen=True)
class ConsentTerms:
    purpose: str
    items: str  # lazily translated: stored as read at the moment of consent
    retention_months: int | None
    explanation: str

    @property
    def label(self):
        return Purpose(self.purpose).label


ACCOUNT_TERMS = ConsentTerms(
    purpose=Purpose.ACCOUNT,
    items=_("name, e-mail address, preferred language"),
    retention_months=None,
    explanation=_("Kept while your account exists; you can download or delete your data at any time."),
)

# The optional ones, offered on the consents page.
CONSENT_TERMS = {
    terms.purpose: terms
    for terms in (
        ConsentTerms(
            purpose=Purpose.NEWSLETTER,
            items=_("name, e-mail address, preferred language"),
            retention_months=24,
            explanation=_(
                "The campus sends you news about programmes, calls and events, at most a few times a month."
            ),
        ),
        ConsentTerms(
            purpose=Purpose.DIRECTORY,
            items=_("name, fields of expertise, languages, short bio, organisations"),
            retention_months=None,
            explanation=_(
                "Other people can find you in the campus directory, for example to invite you as a mentor."
            ),
        ),
        ConsentTerms(
            purpose=Purpose.RESEARCH,
            items=_("roles, programme participation, attendance, survey answers"),
            retention_months=36,
            explanation=_(
                "The campus uses your records, without your name, to measure the impact of its "
                "programmes and to publish statistics."
            ),
        ),
    )
}
