"""Load the demo data set: every campus plan, then the demo steps of later features.

A later feature adds a module to this package with a ``load(context)`` function (it gets a
``DemoContext``: the campuses loaded so far, the shared password hash and the tally) and
lists it in ``STEPS``. Steps look records up by natural key before they write, as
``sync.sync`` does, so that loading twice changes nothing.
"""

from dataclasses import asdict, dataclass, field, fields

from django.contrib.auth.hashers import is_password_usable, make_password
from django.db import transaction
from django.utils import translation
from django_scopes import scopes_disabled

from opencampus.core.models import Campus
from opencampus.people.consent_terms import ACCOUNT_TERMS
from opencampus.people.models import CampusRole, ConsentRecord, Membership, Organisation, Profile, User

from . import calls, experiments, mentors, park, problems, programs, seoul, suwon, working_groups
from .specs import DEMO_DOMAIN, CampusSpec, LoginSpec, OrganisationSpec, demo_email
from .sync import Passwords, Tally, sync

PLANS = (seoul.plan, suwon.plan)
STEPS = (
    calls.load,
    park.load,
    programs.load,
    problems.load,
    experiments.load,
    working_groups.load,
    mentors.load,
)

ADMINISTRATOR = LoginSpec(
    email=demo_email("admin"),
    name_ko="플랫폼 관리자",
    name_en="Platform Administrator",
    role="platform administrator",
    languages=("ko", "en"),
)

# What a later load brings back in line: everything the specs describe, except the natural key.
CAMPUS_FIELDS = [spec_field.name for spec_field in fields(CampusSpec) if spec_field.name != "slug"]
ORGANISATION_FIELDS = [
    spec_field.name for spec_field in fields(OrganisationSpec) if spec_field.name != "slug"
]
USER_FIELDS = ["name_ko", "name_en", "preferred_language", "is_active", "is_staff", "is_superuser"]
PROFILE_FIELDS = ["expertise", "languages", "bio_ko", "bio_en"]
MEMBERSHIP_FIELDS = ["role", "is_listed", "since"]


@dataclass(frozen=True)
class DemoLogin:
    email: str
    name_ko: str
    name_en: str
    campus: str  # slug; empty for the platform administrator
    role: str


@dataclass
class DemoContext:
    passwords: Passwords
    tally: Tally = field(default_factory=Tally)
    campuses: dict[str, Campus] = field(default_factory=dict)
    logins: list[DemoLogin] = field(default_factory=list)


@dataclass
class DemoResult:
    campuses: dict[str, Campus]
    logins: list[DemoLogin]
    tally: Tally

    @property
    def created(self):
        return {label: count for label, count in self.tally.created.items() if count}

    @property
    def updated(self):
        return {label: count for label, count in self.tally.updated.items() if count}

    @property
    def changed(self):
        return self.tally.created.total() + self.tally.updated.total()


def load_demo(*, password) -> DemoResult:
    """Create or bring up to date every demo record; the demo logins get ``password``."""
    context = DemoContext(passwords=Passwords(password))
    with transaction.atomic(), scopes_disabled():
        for make_plan in PLANS:
            load_plan(make_plan(), context)
        load_administrator(context)
        for step in STEPS:
            step(context)
    return DemoResult(campuses=context.campuses, logins=context.logins, tally=context.tally)


def load_plan(plan, context):
    tally = context.tally
    spec = plan.campus
    campuses = sync(
        Campus.objects.filter(slug=spec.slug),
        [Campus(**asdict(spec))],
        key=("slug",),
        fields=CAMPUS_FIELDS,
        tally=tally,
    )
    campus = campuses[(spec.slug,)]
    context.campuses[campus.slug] = campus

    organisations = sync(
        Organisation.objects.filter(campus=campus),
        [Organisation(campus=campus, **asdict(organisation)) for organisation in plan.organisations],
        key=("campus_id", "slug"),
        fields=ORGANISATION_FIELDS,
        tally=tally,
    )
    organisation_pk = {slug: organisation.pk for (_, slug), organisation in organisations.items()}

    people = plan.logins + plan.members
    users = _sync_users(plan.logins, plan.members, context)
    user_pk = {spec.email: users[spec.email].pk for spec in people}

    sync(
        Profile.objects.filter(user__email__endswith=DEMO_DOMAIN),
        [_profile(user_pk[spec.email], spec) for spec in people],
        key=("user_id",),
        fields=PROFILE_FIELDS,
        tally=tally,
    )
    # Every account holds the public role, as sign_up() gives it, and its own role on top.
    roles = [(login.email, login.role) for login in plan.logins]
    roles += [(member.email, CampusRole.Role.RESIDENT) for member in plan.members]
    roles += [(spec.email, CampusRole.Role.PUBLIC) for spec in people]
    sync(
        CampusRole.objects.filter(campus=campus, user__email__endswith=DEMO_DOMAIN),
        [CampusRole(campus=campus, user_id=user_pk[email], role=role) for email, role in roles],
        key=("campus_id", "user_id", "role"),
        fields=[],
        tally=tally,
    )
    # A consent is never edited after the fact: what someone agreed to stays as it was.
    with translation.override(spec.default_language):
        account_items = str(ACCOUNT_TERMS.items)
    sync(
        ConsentRecord.objects.filter(
            campus=campus, purpose=ConsentRecord.Purpose.ACCOUNT, user__email__endswith=DEMO_DOMAIN
        ),
        [
            ConsentRecord(
                campus=campus,
                user_id=user_pk[spec.email],
                purpose=ConsentRecord.Purpose.ACCOUNT,
                items=account_items,
                retention_months=ACCOUNT_TERMS.retention_months,
            )
            for spec in people
        ],
        key=("campus_id", "user_id", "purpose"),
        fields=[],
        tally=tally,
    )
    sync(
        Membership.objects.filter(campus=campus, user__email__endswith=DEMO_DOMAIN),
        [
            _membership(campus, organisation_pk[spec.organisation], user_pk[spec.email], spec)
            for spec in people
            if spec.organisation
        ],
        key=("organisation_id", "user_id"),
        fields=MEMBERSHIP_FIELDS,
        tally=tally,
    )
    context.logins += [
        DemoLogin(login.email, login.name_ko, login.name_en, campus.slug, login.role) for login in plan.logins
    ]


def load_administrator(context):
    """The platform administrator: Django's superuser, for every campus's admin pages."""
    spec = ADMINISTRATOR
    users = _sync_users([spec], [], context, administrator=True)
    sync(
        Profile.objects.filter(user=users[spec.email]),
        [_profile(users[spec.email].pk, spec)],
        key=("user_id",),
        fields=PROFILE_FIELDS,
        tally=context.tally,
    )
    context.logins.append(DemoLogin(spec.email, spec.name_ko, spec.name_en, "", spec.role))


def _sync_users(logins, members, context, *, administrator=False):
    """Demo logins get the demo password; generated members an unusable one."""
    passwords = context.passwords
    login_emails = {spec.email for spec in logins}

    def set_password(user):
        user.password = passwords.hash if user.email in login_emails else make_password(None)

    users = sync(
        User.objects.filter(email__endswith=DEMO_DOMAIN),
        [_user(spec, administrator=administrator) for spec in logins + members],
        key=("email",),
        fields=USER_FIELDS,
        tally=context.tally,
        on_create=set_password,
    )
    users = {email: user for (email,), user in users.items()}
    # Bring back what someone may have changed since the last load.
    fixed = [users[spec.email] for spec in logins if not passwords.matches(users[spec.email].password)]
    fixed += [users[spec.email] for spec in members if is_password_usable(users[spec.email].password)]
    for user in fixed:
        set_password(user)
    if fixed:
        User.objects.bulk_update(fixed, ["password"])
        context.tally.updated[User._meta.label] += len(fixed)
    return users


def _user(spec, *, administrator):
    return User(
        email=spec.email,
        name_ko=spec.name_ko,
        name_en=spec.name_en,
        preferred_language=spec.preferred_language,
        is_active=True,
        is_staff=administrator,
        is_superuser=administrator,
    )


def _profile(user_pk, spec):
    if isinstance(spec, LoginSpec):
        return Profile(
            user_id=user_pk,
            expertise=spec.expertise,
            languages=list(spec.languages),
            bio_ko=spec.bio_ko,
            bio_en=spec.bio_en,
        )
    return Profile(user_id=user_pk, expertise="", languages=["ko"], bio_ko="", bio_en="")


def _membership(campus, organisation_pk, user_pk, spec):
    if isinstance(spec, LoginSpec):
        role, is_listed, since = spec.membership_role, spec.membership_role != "member", None
    else:
        role, is_listed, since = spec.membership_role, spec.is_listed, spec.since
    return Membership(
        campus=campus,
        organisation_id=organisation_pk,
        user_id=user_pk,
        role=role,
        is_listed=is_listed,
        since=since,
    )
