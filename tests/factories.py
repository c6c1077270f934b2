import functools

import factory
from django.contrib.auth.hashers import make_password

from opencampus.core.models import Campus
from opencampus.people.models import CampusRole, ConsentRecord, Membership, Organisation, Profile, User

PASSWORD = "correct horse battery staple"


@functools.cache
def password_hash():
    """Argon2 is slow on purpose; hash the shared test password once."""
    return make_password(PASSWORD)


class CampusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campus

    slug = factory.Sequence(lambda n: f"campus-{n}")
    name_ko = factory.Sequence(lambda n: f"캠퍼스 {n}")
    name_en = factory.Sequence(lambda n: f"Campus {n}")
    tagline_ko = "사회혁신 캠퍼스"
    tagline_en = "A social-innovation campus"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name_ko = factory.Sequence(lambda n: f"사람{n}")
    name_en = factory.Sequence(lambda n: f"Person {n}")
    password = factory.LazyFunction(password_hash)
    profile = factory.RelatedFactory("tests.factories.ProfileFactory", factory_related_name="user")


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile

    expertise = "energy, urban regeneration"
    languages = ["ko", "en"]


class CampusRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CampusRole

    campus = factory.SubFactory(CampusFactory)
    user = factory.SubFactory(UserFactory)
    role = CampusRole.Role.PUBLIC


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    campus = factory.SubFactory(CampusFactory)
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    name_ko = factory.Sequence(lambda n: f"단체 {n}")
    name_en = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.RESIDENT
    category = Organisation.Category.YOUTH


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    campus = factory.SelfAttribute("organisation.campus")
    user = factory.SubFactory(UserFactory)
    role = Membership.Role.MEMBER


class ConsentRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsentRecord

    campus = factory.SubFactory(CampusFactory)
    user = factory.SubFactory(UserFactory)
    purpose = ConsentRecord.Purpose.NEWSLETTER
    items = "e-mail address"
    retention_months = 24
