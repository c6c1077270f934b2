"""Plain descriptions of demo records; the loader turns them into rows."""

import datetime
from dataclasses import dataclass, field

DEMO_DOMAIN = "demo.opencampus.example"


def demo_email(local_part, *, campus=""):
    return f"{local_part}@{campus + '.' if campus else ''}{DEMO_DOMAIN}"


@dataclass(frozen=True)
class CampusSpec:
    slug: str
    name_ko: str
    name_en: str
    tagline_ko: str
    tagline_en: str
    description_ko: str
    description_en: str
    contact_email: str
    address: str
    time_zone: str = "Asia/Seoul"
    default_language: str = "ko"


@dataclass(frozen=True)
class OrganisationSpec:
    slug: str
    name_ko: str
    name_en: str
    kind: str
    category: str
    description_ko: str
    description_en: str
    country: str = "KR"


@dataclass(frozen=True)
class LoginSpec:
    """A person who can log in with the demo password."""

    email: str
    name_ko: str
    name_en: str
    role: str
    preferred_language: str = "ko"
    expertise: str = ""
    languages: tuple[str, ...] = ("ko",)
    bio_ko: str = ""
    bio_en: str = ""
    organisation: str = ""  # slug of the organisation they belong to on this campus
    membership_role: str = "member"


@dataclass(frozen=True)
class MemberSpec:
    """A generated resident account: it cannot log in."""

    email: str
    name_ko: str
    name_en: str
    organisation: str
    membership_role: str
    is_listed: bool
    since: datetime.date
    preferred_language: str = "ko"


@dataclass(frozen=True)
class CampusPlan:
    campus: CampusSpec
    organisations: list[OrganisationSpec]
    logins: list[LoginSpec] = field(default_factory=list)
    members: list[MemberSpec] = field(default_factory=list)
