"""Working groups as steps of their agenda's lineage: linked only for people who may open them."""

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from opencampus.agendas.lineage import lineage
from opencampus.workgroups.lineage import working_group_steps
from tests.factories import MatchingRoundFactory, MenteeFactory, MentorProfileFactory, MentorshipFactory

from .helpers import public_url


def steps_for(campus, agenda, viewer):
    with scope(campus=campus):
        return [step for step in lineage(agenda, viewer=viewer) if step.kind == "working_group"]


def test_each_group_on_the_agenda_is_a_step(campus, cohort, join, offer, group_of, staff_member):
    offered = offer(cohort, title_en="Food waste")
    group = group_of(cohort, join(cohort), join(cohort), agenda=offered.agenda, name="Compost")
    offer(cohort)  # another problem, no group

    [step] = steps_for(campus, offered.agenda, staff_member)

    assert step.kind_label == "working group"
    assert step.title == "Compost · Spring cohort"
    assert step.url == public_url(campus, "group", pk=group.pk)
    assert step.date == timezone.localdate(group.created)
    assert step.summary == "2 members"
    assert step.status == ""


def test_people_who_cannot_open_the_group_get_no_link(
    campus, cohort, join, offer, group_of, make_person, other_operator
):
    offered = offer(cohort)
    member = join(cohort)
    group_of(cohort, member, agenda=offered.agenda)

    for viewer in (AnonymousUser(), make_person(campus, "public"), join(cohort).user, other_operator):
        [step] = steps_for(campus, offered.agenda, viewer)
        assert step.url == "", viewer
        assert step.title
    [step] = steps_for(campus, offered.agenda, member.user)
    assert step.url != ""


def test_one_query_whatever_the_number_of_groups(campus, cohort, join, offer, group_of, staff_member):
    few, many = offer(cohort), offer(cohort, max_groups=3)
    group_of(cohort, join(cohort), agenda=few.agenda)
    for n in range(3):
        group_of(cohort, join(cohort), join(cohort), agenda=many.agenda, name=f"Many {n}")
    viewer = join(cohort).user
    with scope(campus=campus):
        working_group_steps(few.agenda, viewer=viewer)  # the viewer's roles are read once per request

        with CaptureQueriesContext(connection) as one:
            working_group_steps(few.agenda, viewer=viewer)
        with CaptureQueriesContext(connection) as three:
            steps = working_group_steps(many.agenda, viewer=viewer)

    assert len(steps) == 3
    assert len(three) == len(one) == 1


def test_the_groups_mentor_gets_the_link(campus, cohort, join, offer, group_of, make_person):
    offered = offer(cohort)
    group = group_of(cohort, join(cohort), agenda=offered.agenda)
    mentor = make_person(campus, "mentor")
    with scopes_disabled():
        mentee = MenteeFactory(
            round=MatchingRoundFactory(cohort=cohort, mentee_kind="groups"), participant=None, group=group
        )
        MentorshipFactory(mentee=mentee, mentor=MentorProfileFactory(campus=campus, user=mentor))

    [step] = steps_for(campus, offered.agenda, mentor)

    assert step.url == public_url(campus, "group", pk=group.pk)
