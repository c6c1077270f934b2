"""The absolute addresses a credential names: they must resolve for anyone, years later."""

from dataclasses import dataclass

from opencampus.core.links import campus_reverse

DEFAULT_BASE_URL = "http://127.0.0.1:8000"


@dataclass(frozen=True)
class Links:
    campus: object
    base_url: str = DEFAULT_BASE_URL

    def absolute(self, name, **kwargs):
        return self.base_url.rstrip("/") + campus_reverse(self.campus, name, **kwargs)

    @property
    def home(self):
        return self.absolute("core:home")

    @property
    def issuer(self):
        return self.absolute("certificates:issuer")

    @property
    def revocations(self):
        return self.absolute("certificates:revocations")

    @property
    def jwks(self):
        return self.absolute("certificates:jwks")

    @property
    def mine(self):
        return self.absolute("certificates:mine")

    def key(self, kid):
        return self.absolute("certificates:key", kid=kid)

    def achievement(self, cohort_slug):
        return self.absolute("certificates:achievement", cohort=cohort_slug)

    def certificate(self, public_id):
        return self.absolute("certificates:detail", public_id=public_id)
