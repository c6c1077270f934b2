import functools
from datetime import timedelta

import factory
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from opencampus.agendas.models import Agenda, District, Theme
from opencampus.calls.models import Application, Call, FormVersion, Question, Section
from opencampus.calls.services.forms import current_form
from opencampus.core.models import Campus
from opencampus.experiments.models import Experiment, FieldSite, Milestone
from opencampus.mentors.models import (
    MatchingRound,
    Mentee,
    MentorField,
    MentoringSession,
    MentorProfile,
    Mentorship,
)
from opencampus.park.models import Residency, Space, TourSlot, Training, TrainingRecord, VisitRequest
from opencampus.people.models import CampusRole, ConsentRecord, Membership, Organisation, Profile, User
from opencampus.programs.models import Cohort, Participant, Track
from opencampus.workgroups.models import CohortAgenda, GroupMember, WorkingGroup

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


class SpaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Space

    campus = factory.SubFactory(CampusFactory)
    slug = factory.Sequence(lambda n: f"space-{n}")
    name_ko = factory.Sequence(lambda n: f"세미나실 {n}")
    name_en = factory.Sequence(lambda n: f"Seminar room {n}")
    kind = Space.Kind.ROOM
    capacity = 20
    bookable_by_public = True


class TrainingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Training

    campus = factory.SubFactory(CampusFactory)
    slug = factory.Sequence(lambda n: f"training-{n}")
    name_ko = factory.Sequence(lambda n: f"장비 교육 {n}")
    name_en = factory.Sequence(lambda n: f"Machine training {n}")
    valid_for_days = 365


class TrainingRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingRecord

    training = factory.SubFactory(TrainingFactory)
    campus = factory.SelfAttribute("training.campus")
    user = factory.SubFactory(UserFactory)
    completed_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))
    expires_on = factory.LazyAttribute(lambda record: record.training.expiry_for(record.completed_on))


class ResidencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Residency

    organisation = factory.SubFactory(OrganisationFactory)
    campus = factory.SelfAttribute("organisation.campus")
    state = Residency.State.RESIDENT
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=365))
    monthly_fee = 300000
    monthly_booking_hours = 20


class TourSlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TourSlot

    campus = factory.SubFactory(CampusFactory)
    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    end = factory.LazyAttribute(lambda slot: slot.start + timedelta(hours=1, minutes=30))
    capacity = 40


class VisitRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VisitRequest

    campus = factory.SubFactory(CampusFactory)
    institution = factory.Sequence(lambda n: f"Institution {n}")
    institution_kind = VisitRequest.InstitutionKind.LOCAL_GOVERNMENT
    country = "KR"
    contact_name = "Kim Minji"
    contact_email = factory.Sequence(lambda n: f"visits{n}@example.org")
    group_size = 15
    language = "ko"


class TrackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Track

    campus = factory.SubFactory(CampusFactory)
    slug = factory.Sequence(lambda n: f"track-{n}")
    kind = Track.Kind.CITIZEN
    name_ko = factory.Sequence(lambda n: f"시민 혁신가 과정 {n}")
    name_en = factory.Sequence(lambda n: f"Citizen innovator course {n}")


class CohortFactory(factory.django.DjangoModelFactory):
    """A published cohort starting in a month, admitted through a call unless told otherwise."""

    class Meta:
        model = Cohort

    track = factory.SubFactory(TrackFactory)
    campus = factory.SelfAttribute("track.campus")
    slug = factory.Sequence(lambda n: f"cohort-{n}")
    name_ko = factory.Sequence(lambda n: f"{n}기")
    name_en = factory.Sequence(lambda n: f"Cohort {n}")
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    ends_on = factory.LazyAttribute(lambda cohort: cohort.starts_on + timedelta(weeks=16))
    size = 30
    admission = Cohort.Admission.SELECTION
    is_published = True


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    cohort = factory.SubFactory(CohortFactory)
    campus = factory.SelfAttribute("cohort.campus")
    user = factory.SubFactory(UserFactory)
    source = Participant.Source.LATE
    joined_on = factory.LazyFunction(timezone.localdate)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    campus = factory.SubFactory(CampusFactory)
    slug = factory.Sequence(lambda n: f"theme-{n}")
    name_ko = factory.Sequence(lambda n: f"주제 {n}")
    name_en = factory.Sequence(lambda n: f"Theme {n}")


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    campus = factory.SubFactory(CampusFactory)
    name_ko = factory.Sequence(lambda n: f"{n}구")
    name_en = factory.Sequence(lambda n: f"District {n}")


class AgendaFactory(factory.django.DjangoModelFactory):
    """A proposed social problem by a citizen (not indexed for similarity: call the service for that)."""

    class Meta:
        model = Agenda

    campus = factory.SubFactory(CampusFactory)
    title_ko = factory.Sequence(lambda n: f"사회문제 {n}")
    title_en = factory.Sequence(lambda n: f"Social problem {n}")
    description_ko = "골목에 쓰레기가 쌓인다."
    description_en = "Rubbish piles up in the alleys."
    proposed_by = factory.SubFactory(UserFactory)


class CohortAgendaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CohortAgenda

    cohort = factory.SubFactory(CohortFactory)
    campus = factory.SelfAttribute("cohort.campus")
    agenda = factory.SubFactory(AgendaFactory, campus=factory.SelfAttribute("..campus"))


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup

    cohort = factory.SubFactory(CohortFactory)
    campus = factory.SelfAttribute("cohort.campus")
    name = factory.Sequence(lambda n: f"Group {n}")


class GroupMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupMember

    group = factory.SubFactory(WorkingGroupFactory)
    campus = factory.SelfAttribute("group.campus")
    participant = factory.SubFactory(ParticipantFactory, cohort=factory.SelfAttribute("..group.cohort"))


class FieldSiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FieldSite

    campus = factory.SubFactory(CampusFactory)
    name_ko = factory.Sequence(lambda n: f"현장 {n}")
    name_en = factory.Sequence(lambda n: f"Field site {n}")


class ExperimentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Experiment

    campus = factory.SubFactory(CampusFactory)
    title_ko = factory.Sequence(lambda n: f"실험 {n}")
    title_en = factory.Sequence(lambda n: f"Experiment {n}")
    hypothesis = "If neighbours share a compost bin, food waste drops by a third."
    starts_on = factory.LazyFunction(timezone.localdate)


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    experiment = factory.SubFactory(ExperimentFactory)
    campus = factory.SelfAttribute("experiment.campus")
    title_ko = factory.Sequence(lambda n: f"단계 {n}")
    title_en = factory.Sequence(lambda n: f"Step {n}")


class MentorFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentorField

    campus = factory.SubFactory(CampusFactory)
    code = factory.Sequence(lambda n: f"field-{n}")
    name_ko = factory.Sequence(lambda n: f"분야 {n}")
    name_en = factory.Sequence(lambda n: f"Field {n}")


class MentorProfileFactory(factory.django.DjangoModelFactory):
    """An active mentor (without the mentor role: grant it with CampusRoleFactory where it matters)."""

    class Meta:
        model = MentorProfile
        skip_postgeneration_save = True

    campus = factory.SubFactory(CampusFactory)
    user = factory.SubFactory(UserFactory)
    state = MentorProfile.State.ACTIVE
    source = MentorProfile.Source.STAFF
    keywords = "circular economy, upcycling"
    languages = factory.LazyFunction(lambda: ["ko", "en"])
    affiliation = "Seoul Upcycling Plaza"
    capacity = 2
    bio_ko = "자원순환 분야에서 10년 일했습니다."
    bio_en = "Ten years in the circular economy."
    activated_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def fields(self, create, extracted, **kwargs):
        if create and extracted:
            self.fields.set(extracted)


class MatchingRoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MatchingRound

    cohort = factory.SubFactory(CohortFactory)
    campus = factory.SelfAttribute("cohort.campus")
    mentee_kind = MatchingRound.MenteeKind.PARTICIPANTS


class MenteeFactory(factory.django.DjangoModelFactory):
    """A participant mentee of a round (pass ``group=`` and ``participant=None`` for a group)."""

    class Meta:
        model = Mentee

    round = factory.SubFactory(MatchingRoundFactory)
    campus = factory.SelfAttribute("round.campus")
    participant = factory.SubFactory(ParticipantFactory, cohort=factory.SelfAttribute("..round.cohort"))
    languages = factory.LazyFunction(lambda: ["ko"])


class MentorshipFactory(factory.django.DjangoModelFactory):
    """An active mentorship between a mentor and a participant mentee of the same campus."""

    class Meta:
        model = Mentorship

    mentee = factory.SubFactory(MenteeFactory)
    campus = factory.SelfAttribute("mentee.campus")
    round = factory.SelfAttribute("mentee.round")
    mentor = factory.SubFactory(MentorProfileFactory, campus=factory.SelfAttribute("..campus"))
    state = Mentorship.State.ACTIVE
    mentor_accepted_at = factory.LazyFunction(timezone.now)
    mentee_accepted_at = factory.LazyFunction(timezone.now)


class MentoringSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentoringSession

    mentorship = factory.SubFactory(MentorshipFactory)
    campus = factory.SelfAttribute("mentorship.campus")
    requested_by = factory.SelfAttribute("mentorship.mentor.user")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=3))
    topic = "Testing the pilot with neighbours"
