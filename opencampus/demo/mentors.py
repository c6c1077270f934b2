"""Demo mentor network: 24 social-innovation leaders in the plan's four fields and two more, who
are also the instructor pool. The 2020 pilot's working groups were matched with mentors (the
stable result, published and accepted) and met them through the autumn; a second round, for the
participants one by one, holds everyone's rankings and waits for the campus team to compute it."""

import random
from datetime import datetime, time, timedelta

from django.db.models import Max

from opencampus.core.models import OutboxMessage
from opencampus.mentors.models import (
    MatchingRound,
    MatchingRun,
    MentorField,
    MentoringSession,
    MentorProfile,
    Mentorship,
)
from opencampus.mentors.services.answers import accept_match
from opencampus.mentors.services.matching import compute_matching, publish_result
from opencampus.mentors.services.mentoring import log_held_session, rate_session
from opencampus.mentors.services.rankings import rank_mentees, rank_mentors, rankable_mentors
from opencampus.mentors.services.rounds import open_round
from opencampus.people.models import CampusRole, Profile, User
from opencampus.programs.models import Cohort, InstructorAvailability, Participant
from opencampus.workgroups.models import GroupMember

from .chain_content.mentors import FIELDS, MENTORING_MEETINGS, MENTORS, THEME_WISHES
from .names import person_name
from .programs import PILOT
from .specs import demo_email
from .sync import sync

SEED = 2020
ROUND_OPENED = datetime(2020, 9, 7, 10)  # the groups' first week (Asia/Seoul)
PUBLISHED = datetime(2020, 9, 14, 10)
RANKED = 4  # mentors a group or a participant ranks
DAY = timedelta(days=1)
# Weekly windows for mentors who are not in the programs demo's instructor pool: (weekday, from, until).
WINDOW_PATTERNS = (
    ((1, 19, 22), (3, 19, 22)),
    ((2, 14, 18), (4, 14, 18)),
    ((0, 10, 12), (5, 10, 16)),
    ((3, 18, 21),),
)


def load(context):
    campus = context.campuses["seoul"]
    fields = load_fields(campus, context.tally)
    profiles = load_network(campus, fields, context.tally)
    cohort = Cohort.objects.get(campus=campus, slug=PILOT)
    if MatchingRound.objects.filter(cohort=cohort).exists():
        return
    staff = User.objects.get(email=demo_email("staff"))
    rng = random.Random(f"{SEED}-matching")
    drafted_before = OutboxMessage.objects.filter(campus=campus).aggregate(last=Max("pk"))["last"] or 0
    mentorships = match_groups(cohort, profiles, fields, staff, rng)
    hold_sessions(mentorships, rng)
    collect_participant_rankings(cohort, profiles, fields, staff, rng)
    # The proposals of 2020 went out then; the outbox of today should not offer them again.
    OutboxMessage.objects.filter(campus=campus, pk__gt=drafted_before).delete()
    context.tally.created[Mentorship._meta.label] += len(mentorships)


def load_fields(campus, tally):
    rows = sync(
        MentorField.objects.filter(campus=campus),
        [
            MentorField(
                campus=campus, code=field.code, name_ko=field.name_ko, name_en=field.name_en, position=n
            )
            for n, field in enumerate(FIELDS)
        ],
        key=("code",),
        fields=["name_ko", "name_en", "position"],
        tally=tally,
    )
    return {code: field for (code,), field in rows.items()}


def load_network(campus, fields, tally):
    """The mentors' accounts, profiles, mentor role and weekly hours; returns their profiles in order."""
    rng = random.Random(f"{SEED}-mentors")
    emails = [demo_email(mentor.local) for mentor in MENTORS]
    existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    sync(
        User.objects.filter(email__in=emails),
        [
            User(email=email, name_ko=ko, name_en=en)
            for email in emails
            if email not in existing
            for ko, en in [person_name(rng)]
        ],
        key=("email",),
        fields=[],
        tally=tally,
        on_create=lambda user: user.set_unusable_password(),
    )
    people = {user.email: user for user in User.objects.filter(email__in=emails)}
    new = [people[email] for email in emails if email not in existing]
    sync(
        Profile.objects.filter(user__in=new),
        [
            Profile(
                user=people[demo_email(mentor.local)],
                expertise=mentor.keywords,
                languages=list(mentor.languages),
            )
            for mentor in MENTORS
            if people[demo_email(mentor.local)] in new
        ],
        key=("user_id",),
        fields=[],
        tally=tally,
    )
    activated = datetime(2020, 6, 15, 10, tzinfo=campus.tz)
    profiles = sync(
        MentorProfile.objects.filter(campus=campus),
        [
            MentorProfile(
                campus=campus,
                user=people[demo_email(mentor.local)],
                state=MentorProfile.State.ACTIVE,
                source=MentorProfile.Source.INVITATION,
                keywords=mentor.keywords,
                languages=list(mentor.languages),
                affiliation=mentor.affiliation,
                capacity=mentor.capacity,
                bio_ko=mentor.bio_ko,
                bio_en=mentor.bio_en,
                is_listed=mentor.listed,
                activated_at=activated,
            )
            for mentor in MENTORS
        ],
        key=("user_id",),
        fields=["state", "keywords", "languages", "affiliation", "capacity", "bio_ko", "bio_en", "is_listed"],
        tally=tally,
    )
    ordered = [profiles[(people[demo_email(mentor.local)].pk,)] for mentor in MENTORS]
    for profile, mentor in zip(ordered, MENTORS, strict=True):
        wanted = {fields[code].pk for code in mentor.fields}
        if set(profile.fields.values_list("pk", flat=True)) != wanted:
            profile.fields.set(wanted)
    sync(
        CampusRole.objects.filter(campus=campus, role=CampusRole.Role.MENTOR),
        [
            CampusRole(campus=campus, user_id=profile.user_id, role=CampusRole.Role.MENTOR)
            for profile in ordered
        ],
        key=("user_id", "role"),
        fields=[],
        tally=tally,
    )
    sync(
        InstructorAvailability.objects.filter(campus=campus, instructor__in=new),
        [
            InstructorAvailability(
                campus=campus, instructor=user, weekday=day, starts_at=time(start), ends_at=time(end)
            )
            for n, user in enumerate(new)
            for day, start, end in WINDOW_PATTERNS[n % len(WINDOW_PATTERNS)]
        ],
        key=("instructor_id", "weekday", "starts_at"),
        fields=["ends_at"],
        tally=tally,
    )
    return ordered


def wishes_of(agenda, fields):
    """The fields and topics a group working on ``agenda`` looks for, from the problem's theme."""
    codes, keywords = THEME_WISHES[agenda.theme.slug if agenda and agenda.theme_id else ""]
    return [fields[code] for code in codes], keywords


def ranked_by_fit(profiles, wanted_fields, keywords, rng):
    """The ``RANKED`` mentors sharing most with the wishes, in an order a person might give (ties kept)."""
    wanted = {field.pk for field in wanted_fields}
    topics = {word.strip() for word in keywords.split(",")}

    def score(profile):
        shared_fields = len(wanted & {field.pk for field in profile.fields.all()})
        return 2 * shared_fields + len(topics & set(profile.keyword_list)) + rng.random()

    best = sorted(profiles, key=score, reverse=True)[:RANKED]
    return {profile.pk: min(rank, 3) for rank, profile in enumerate(best, start=1)}


def match_groups(cohort, profiles, fields, staff, rng):
    """The groups' round: wishes and rankings on both sides, the stable result published and accepted."""
    campus = cohort.campus
    round = open_round(cohort=cohort, mentee_kind=MatchingRound.MenteeKind.GROUPS, actor=staff)
    mentees = list(round.mentees.select_related("group__agenda__theme"))
    pool = with_fields(rankable_mentors(round))
    for mentee in mentees:
        wanted, keywords = wishes_of(mentee.group.agenda, fields)
        member = members_of(mentee.group)[0]
        ranks = ranked_by_fit(pool, wanted, keywords, rng)
        rank_mentors(
            mentee=mentee, ranks=ranks, actor=member, fields=wanted, keywords=keywords, languages=["ko"]
        )
    for profile in profiles:
        interested = [
            mentee
            for mentee in mentees
            if set(mentee.fields.values_list("pk", flat=True)) & {field.pk for field in profile.fields.all()}
        ]
        if interested:
            rng.shuffle(interested)
            rank_mentees(
                round=round,
                mentor=profile,
                ranks={mentee.pk: rank for rank, mentee in enumerate(interested, start=1)},
                actor=profile.user,
            )
    run = compute_matching(round=round, actor=staff)
    publish_result(run=run, method=MatchingRound.Method.STABLE, actor=staff)
    mentorships = list(round.mentorships.select_related("mentor__user", "mentee__group"))
    for mentorship in mentorships:
        accept_match(mentorship=mentorship, actor=mentorship.mentor.user)
        accept_match(mentorship=mentorship, actor=members_of(mentorship.mentee.group)[0])
    opened, published = (moment.replace(tzinfo=campus.tz) for moment in (ROUND_OPENED, PUBLISHED))
    MatchingRound.objects.filter(pk=round.pk).update(created=opened, published_at=published)
    MatchingRun.objects.filter(pk=run.pk).update(created=published)
    Mentorship.objects.filter(round=round).update(
        created=published, mentor_accepted_at=published, mentee_accepted_at=published
    )
    return list(round.mentorships.select_related("mentor__user", "mentee__group").order_by("pk"))


def members_of(group):
    """The group's members, first joined first."""
    return [
        member.participant.user
        for member in group.members.select_related("participant__user")
        .filter(participant__state=Participant.State.ACTIVE)
        .order_by("pk")
    ]


def with_fields(profiles):
    return list(
        MentorProfile.objects.filter(pk__in=[p.pk for p in profiles])
        .prefetch_related("fields")
        .select_related("user")
        .order_by("pk")
    )


def hold_sessions(mentorships, rng):
    """Three meetings per group through the autumn, logged by the mentor and rated by a member."""
    for day, mentorship in enumerate(mentorships):
        members = members_of(mentorship.mentee.group)
        for meeting in MENTORING_MEETINGS:
            starts_at = meeting.when.replace(tzinfo=mentorship.campus.tz) + day * DAY
            session = log_held_session(
                mentorship=mentorship,
                actor=mentorship.mentor.user,
                starts_at=starts_at,
                duration_minutes=meeting.minutes,
                place=meeting.place,
                online_link="",
                topic=meeting.topic,
                private_notes=meeting.private_notes,
                shared_notes=meeting.shared_notes,
                follow_ups=meeting.follow_ups,
            )
            rate_session(
                session=session,
                actor=rng.choice(members),
                rating=rng.choices([3, 4, 5], weights=[1, 3, 5])[0],
                comment=rng.choice(meeting.comments),
            )
            MentoringSession.objects.filter(pk=session.pk).update(created=starts_at, rated_at=starts_at + DAY)


def collect_participant_rankings(cohort, profiles, fields, staff, rng):
    """The participants' own round: everyone ranked mentors, most mentors ranked back; not computed."""
    round = open_round(cohort=cohort, mentee_kind=MatchingRound.MenteeKind.PARTICIPANTS, actor=staff)
    memberships = {
        member.participant_id: member.group
        for member in GroupMember.objects.filter(group__cohort=cohort).select_related("group__agenda__theme")
    }
    mentees = list(round.mentees.select_related("participant__user"))
    pool = with_fields(rankable_mentors(round))
    for mentee in mentees:
        group = memberships.get(mentee.participant_id)
        wanted, keywords = wishes_of(group.agenda if group else None, fields)
        rank_mentors(
            mentee=mentee,
            ranks=ranked_by_fit(pool, wanted, keywords, rng),
            actor=mentee.participant.user,
            fields=wanted,
            keywords=keywords,
            languages=["ko"],
        )
    for profile in profiles:
        if rng.random() < 0.75:
            chosen = rng.sample(mentees, k=min(len(mentees), 8))
            rank_mentees(
                round=round,
                mentor=profile,
                ranks={mentee.pk: rank for rank, mentee in enumerate(chosen, start=1)},
                actor=profile.user,
            )
    MatchingRound.objects.filter(pk=round.pk).update(created=PUBLISHED.replace(tzinfo=cohort.campus.tz))
