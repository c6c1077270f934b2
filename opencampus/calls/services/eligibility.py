"""Eligibility rules, evaluated automatically when an application is submitted."""

from decimal import Decimal, InvalidOperation

from ..models import EligibilityRule

Kind = EligibilityRule.Kind


def evaluate_eligibility(*, application, rules, answers):
    """``[{"rule": id, "passed": bool, "message": str}, …]`` for ``rules``.

    ``answers`` maps question keys to stored answer values.
    """
    return [
        {"rule": rule.pk, "passed": rule_passes(rule, application, answers), "message": rule.message}
        for rule in rules
    ]


def is_blank(value):
    """No answer: nothing, empty text, no choice, or an unticked consent (but 0 is an answer)."""
    return value is None or value is False or value in ("", [])


def rule_passes(rule, application, answers):
    value = answers.get(rule.question_key)
    if rule.kind == Kind.ORGANISATION_KIND:
        return application.organisation is not None and application.organisation.kind in rule.values
    if rule.kind == Kind.ANSWERED:
        return not is_blank(value)
    if rule.kind == Kind.CHOICE:
        chosen = value if isinstance(value, list) else [value]
        return any(item in rule.values for item in chosen)
    if rule.kind == Kind.NUMBER_RANGE:
        try:
            number = Decimal(str(value))
        except (InvalidOperation, ValueError):
            return False
        return (rule.minimum is None or number >= rule.minimum) and (
            rule.maximum is None or number <= rule.maximum
        )
    raise ValueError(f"Unknown eligibility rule kind {rule.kind!r}")
