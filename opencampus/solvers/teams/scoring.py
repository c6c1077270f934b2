"""The team score, 0 to 1000: the one definition the CP-SAT model, the greedy and ``evaluate``
share (docs/solvers.md, "Team formation", gives the formulas).

For a team of ``size`` members working on option o:

- **preference** = 1000 · Σ points / (depth · size): a member's points are depth - r + 1 for
  the option at rank r of their ranking, 0 for an option they did not rank, and depth (full)
  for every option when they ranked none; depth is the longest ranking in the cohort.
- **balance** of a balanced attribute = 1000 · (2 · size - deviation) / (2 · size): a value
  held by c of the cohort's n people should have between ⌊size · c / n⌋ and ⌈size · c / n⌉
  members (its *band*); the deviation sums, over the attribute's values, how far the count of
  members with that value lies outside its band.
- **score** = ⌊(w_p · preference + w_b · mean balance) / (w_p + w_b)⌋ on the exact fractions,
  computed as ``numerator // denominator`` in integers. ``numerator`` is linear in the points
  and the deviations, so the model passes it linear expressions for a given size.
"""

from .problem import TeamProblem

SCORE_MAX = 1000
UNKNOWN = ""  # the value of an attribute a person does not have


class Scorer:
    """The score's ingredients for one (validated) problem; people and options by index."""

    def __init__(self, problem: TeamProblem):
        self.people = len(problem.people)
        option_index = {option.id: j for j, option in enumerate(problem.options)}
        self.depth = max(1, *(len(person.ranking) for person in problem.people))
        self.points = []  # points[i][j]: person i's points for option j
        for person in problem.people:
            if person.ranking:
                row = [0] * len(problem.options)
                for rank, option in enumerate(person.ranking):
                    row[option_index[option]] = self.depth - rank
            else:
                row = [self.depth] * len(problem.options)
            self.points.append(row)
        self.attributes = problem.balance
        self.values, self.value_of, self.counts = {}, {}, {}
        for name in self.attributes:
            self.values[name], self.value_of[name], self.counts[name] = attribute_values(problem, name)
        self.preference_weight = problem.weights.preference
        self.balance_weight = problem.weights.balance if self.attributes else 0
        self._divisor = max(1, len(self.attributes))
        self._bands = {}

    def band(self, name: str, value: int, size: int) -> tuple[int, int]:
        """The fewest and most members of ``size`` with the attribute's ``value`` that keep a
        team in balance: the value's share of the cohort times ``size``, rounded down and up."""
        key = name, value, size
        if key not in self._bands:
            wanted = size * self.counts[name][value]
            self._bands[key] = wanted // self.people, -(-wanted // self.people)
        return self._bands[key]

    def deviation(self, name: str, value: int, members: int, size: int) -> int:
        low, high = self.band(name, value, size)
        return max(0, members - high, low - members)

    def attribute_deviation(self, name: str, counts: list[int], size: int) -> int:
        """``counts[v]``: the team's members with value v of the attribute."""
        return sum(self.deviation(name, value, members, size) for value, members in enumerate(counts))

    def deviations(self, members: list[int]) -> dict[str, int]:
        """Per balanced attribute, the deviation of a team of ``members`` (person indices)."""
        deviations = {}
        for name in self.attributes:
            counts = [0] * len(self.values[name])
            for i in members:
                counts[self.value_of[name][i]] += 1
            deviations[name] = self.attribute_deviation(name, counts, len(members))
        return deviations

    def team_score(self, members: list[int], option: int) -> int:
        points = sum(self.points[i][option] for i in members)
        return self.score(len(members), points, sum(self.deviations(members).values()))

    def numerator(self, size, points, deviation):
        """``points``: the members' points for the option; ``deviation``: summed over the balanced
        attributes. All three may be CP-SAT linear expressions: the numerator is linear in them."""
        return SCORE_MAX * (
            self.preference_weight * 2 * self._divisor * points
            + self.balance_weight * self.depth * (2 * size * len(self.attributes) - deviation)
        )

    def denominator(self, size: int) -> int:
        return 2 * self.depth * self._divisor * size * (self.preference_weight + self.balance_weight)

    def score(self, size: int, points: int, deviation: int) -> int:
        return self.numerator(size, points, deviation) // self.denominator(size)

    def preference(self, size: int, points: int) -> int:
        return SCORE_MAX * points // (self.depth * size)

    def balance(self, size: int, deviation: int) -> int:
        """The balance of one attribute whose deviation is ``deviation``."""
        return SCORE_MAX * (2 * size - deviation) // (2 * size)


def attribute_values(problem: TeamProblem, name: str) -> tuple[tuple[str, ...], list[int], list[int]]:
    """The attribute's distinct values (sorted, the unknown value included if someone lacks it),
    each person's value index, and how many people hold each value."""
    held = [person.attributes.get(name, UNKNOWN) for person in problem.people]
    values = tuple(sorted(set(held)))
    index = {value: v for v, value in enumerate(values)}
    value_of = [index[value] for value in held]
    counts = [0] * len(values)
    for v in value_of:
        counts[v] += 1
    return values, value_of, counts
