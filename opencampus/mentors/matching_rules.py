"""Who may rank in a matching round and see their matches.

A mentee (the participant, or any active member of the group) ranks mentors; a mentor ranks a
round's mentees from their own profile; the campus team may look at both. Registered by the views
that check them (``rules`` autodiscovers only ``rules.py``).
"""

import rules

from opencampus.people.rules import is_campus_team

from .rules import is_mentee_person, owns_profile


@rules.predicate
def is_the_mentee_of_round(user, mentee):
    return is_mentee_person(user, mentee)


rules.add_perm("mentors.view_my_matches", rules.is_authenticated)
rules.add_perm("mentors.rank_mentors", is_the_mentee_of_round)
rules.add_perm("mentors.view_mentee_ranking", is_campus_team | is_the_mentee_of_round)
rules.add_perm("mentors.rank_mentees", owns_profile)
rules.add_perm("mentors.view_mentor_ranking", is_campus_team | owns_profile)
