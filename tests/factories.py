import functools
from datetime import timedelta

import factory
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from opencampus.calls.models import Application, Call, FormVersion, Question, Section
from opencampus.calls.services.forms import current_form
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


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call

    campus = factory.SubFactory(CampusFactory)
    slug = factory.Sequence(lambda n: f"call-{n}")
    kind = Call.Kind.COHORT
    title_ko = factory.Sequence(lambda n: f"혁신가 모집 {n}")
    title_en = factory.Sequence(lambda n: f"Call for innovators {n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    places = 30
    is_published = True


class FormVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FormVersion

    call = factory.SubFactory(CallFactory)
    campus = factory.SelfAttribute("call.campus")
    number = 1


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    form = factory.SubFactory(FormVersionFactory)
    campus = factory.SelfAttribute("form.campus")
    title_ko = "지원자 정보"
    title_en = "About you"


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    section = factory.SubFactory(SectionFactory)
    form = factory.SelfAttribute("section.form")
    campus = factory.SelfAttribute("section.campus")
    key = factory.Sequence(lambda n: f"question-{n}")
    kind = Question.Kind.SHORT_TEXT
    label_ko = factory.Sequence(lambda n: f"질문 {n}")
    label_en = factory.Sequence(lambda n: f"Question {n}")


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    call = factory.SubFactory(CallFactory)
    campus = factory.SelfAttribute("call.campus")
    form = factory.LazyAttribute(lambda application: current_form(application.call))
    applicant = factory.SubFactory(UserFactory)
