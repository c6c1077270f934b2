"""Import resident organisations, their residencies and members from a CSV file.

``plan_import`` reads the file and reports, row by row, what importing would do and
every problem it sees, without saving anything. ``run_import`` plans again and, only
when no row has a problem, applies the plan in one transaction through the services
of organisations and residencies. Importing the same file twice changes nothing the
second time: each row is compared with what is already saved.
"""

import csv
import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from opencampus.people.models import Membership, Organisation, User
from opencampus.people.services.accounts import ensure_profile, grant_role
from opencampus.people.services.organisations import (
    add_member,
    change_member_role,
    create_organisation,
    update_organisation,
)

from ..models import Residency
from .residencies import (
    OPEN_STATES,
    create_residency,
    may_change_state,
    set_residency_state,
    update_residency,
)

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
ENCODINGS = ("utf-8-sig", "cp949")
ORGANISATION_COLUMNS = ("name_ko", "name_en", "category", "kind", "email", "website")
RESIDENCY_COLUMNS = ("residency_state", "starts_on", "ends_on", "monthly_fee", "monthly_booking_hours")
MEMBER_COLUMNS = ("member_email", "member_name", "member_role", "member_listed")
COLUMNS = ("organisation_slug", *ORGANISATION_COLUMNS, *RESIDENCY_COLUMNS, *MEMBER_COLUMNS)
EXAMPLE_ROW = {
    "organisation_slug": "sunlight-coop",
    "name_ko": "햇빛발전협동조합",
    "name_en": "Sunlight Power Co-op",
    "category": "environment",
    "kind": "resident",
    "email": "hello@sunlight.example.org",
    "website": "https://sunlight.example.org",
    "residency_state": "resident",
    "starts_on": "2026-03-01",
    "ends_on": "2028-02-29",
    "monthly_fee": "300000",
    "monthly_booking_hours": "20",
    "member_email": "minji.kim@example.org",
    "member_name": "김민지",
    "member_role": "representative",
    "member_listed": "yes",
}
YES = {"yes", "y", "true", "1", "예", "네", "o"}
NO = {"no", "n", "false", "0", "아니오", "아니요", "x"}
DATE_FORMATS = ["%Y-%m-%d", "%Y.%m.%d", "%Y/%m/%d"]
HANGUL = re.compile("[\uac00-\ud7a3]")


class ResidentImportError(Exception):
    """The file as a whole cannot be read; the message is for people."""


def template_csv():
    """The header row and one example row, with a BOM so that Excel reads it as UTF-8."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerow(EXAMPLE_ROW)
    return "\ufeff" + out.getvalue()


def decode(data):
    if len(data) > MAX_BYTES:
        raise ResidentImportError(
            _("The file is larger than %(size)d MB. Split it into smaller files.")
            % {"size": MAX_BYTES // (1024 * 1024)}
        )
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ResidentImportError(
        _("The file is neither UTF-8 nor CP949 (Korean Excel) text. Save it as CSV UTF-8.")
    )


def _choices_text(values):
    return ", ".join(values)


def _choice(value, allowed, column):
    if value and value not in allowed:
        raise ValidationError(
            _("unknown %(column)s “%(value)s”; use one of: %(choices)s.")
            % {"column": column, "value": value, "choices": _choices_text(allowed)}
        )
    return value


class RowForm(forms.Form):
    """One CSV row: each cell parsed and checked on its own and against the row's other cells."""

    organisation_slug = forms.SlugField(max_length=80)
    name_ko = forms.CharField(max_length=200, required=False)
    name_en = forms.CharField(max_length=200, required=False)
    category = forms.CharField(required=False)
    kind = forms.CharField(required=False)
    email = forms.EmailField(required=False)
    website = forms.URLField(required=False, assume_scheme="https")
    residency_state = forms.CharField(required=False)
    starts_on = forms.DateField(required=False, input_formats=DATE_FORMATS)
    ends_on = forms.DateField(required=False, input_formats=DATE_FORMATS)
    monthly_fee = forms.DecimalField(required=False, min_value=0, max_digits=14, decimal_places=0)
    monthly_booking_hours = forms.IntegerField(required=False, min_value=0, max_value=32767)
    member_email = forms.EmailField(required=False)
    member_name = forms.CharField(max_length=100, required=False)
    member_role = forms.CharField(required=False)
    member_listed = forms.CharField(required=False)

    def __init__(self, data, **kwargs):
        # Spreadsheets write amounts as “300,000”.
        data = {name: (value or "").strip() for name, value in data.items()}
        data["monthly_fee"] = data.get("monthly_fee", "").replace(",", "").removesuffix("원")
        super().__init__(data, **kwargs)

    def clean_category(self):
        return _choice(self.cleaned_data["category"], Organisation.Category.values, "category")

    def clean_kind(self):
        return _choice(self.cleaned_data["kind"], Organisation.Kind.values, "kind")

    def clean_residency_state(self):
        return _choice(self.cleaned_data["residency_state"], Residency.State.values, "residency_state")

    def clean_member_email(self):
        return self.cleaned_data["member_email"].lower()

    def clean_member_role(self):
        role = self.cleaned_data["member_role"]
        if role and role not in Membership.Role.values:
            raise ValidationError(
                _("member_role must be one of: %(choices)s.")
                % {"choices": _choices_text(Membership.Role.values)}
            )
        return role

    def clean_member_listed(self):
        value = self.cleaned_data["member_listed"].lower()
        if not value:
            return None
        if value in YES:
            return True
        if value in NO:
            return False
        raise ValidationError(_("member_listed must be yes or no."))

    def clean(self):
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on <= starts_on:
            self.add_error("ends_on", _("ends_on is on or before starts_on."))
        residency_given = any(self.data.get(column) for column in RESIDENCY_COLUMNS if column != "starts_on")
        if residency_given and not self.data.get("starts_on"):
            self.add_error("starts_on", _("starts_on is needed for a residency."))
        member_given = any(self.data.get(column) for column in MEMBER_COLUMNS if column != "member_email")
        if member_given and not self.data.get("member_email"):
            self.add_error("member_email", _("member_email is needed for a member."))
        return data

    def problems(self):
        return [
            f"{column}: {message}" if column != "__all__" else message
            for column, messages in self.errors.items()
            for message in messages
        ]


@dataclass
class Row:
    number: int
    slug: str
    data: dict
    valid: bool = False
    actions: list = field(default_factory=list)
    problems: list = field(default_factory=list)


@dataclass
class MemberStep:
    email: str
    name: str
    role: str
    is_listed: bool
    user: User | None
    membership: Membership | None


@dataclass
class OrganisationStep:
    slug: str
    organisation: Organisation | None
    details: dict
    residency: Residency | None = None
    residency_fields: dict = field(default_factory=dict)
    members: list = field(default_factory=list)


@dataclass
class ImportReport:
    rows: list
    steps: list = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)

    @property
    def problem_count(self):
        return sum(len(row.problems) for row in self.rows)

    @property
    def rows_with_problems(self):
        return sum(1 for row in self.rows if row.problems)

    @property
    def is_clean(self):
        return bool(self.rows) and not self.problem_count


def read_rows(text):
    """The file's data rows as dicts keyed by column; blank lines are left out."""
    try:
        return _read_rows(text)
    except csv.Error as error:
        raise ResidentImportError(
            _("The file is not a readable CSV file: %(error)s") % {"error": error}
        ) from error


def _read_rows(text):
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header:
        raise ResidentImportError(_("The file is empty."))
    header = [column.strip().lower() for column in header]
    unknown = [column for column in header if column not in COLUMNS]
    if unknown:
        raise ResidentImportError(
            _("Unknown columns: %(unknown)s. The columns are: %(columns)s.")
            % {"unknown": ", ".join(unknown), "columns": ", ".join(COLUMNS)}
        )
    if "organisation_slug" not in header:
        raise ResidentImportError(_("The column organisation_slug is missing."))
    rows = []
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) == MAX_ROWS:
            raise ResidentImportError(
                _("The file has more than %(count)d rows. Split it into smaller files.") % {"count": MAX_ROWS}
            )
        row = Row(number=number, slug="", data=dict(zip(header, cells, strict=False)))
        if len(cells) > len(header):
            row.problems.append(_("This row has more cells than the header has columns."))
        rows.append(row)
    return rows


def _validate(rows):
    for row in rows:
        form = RowForm(row.data)
        valid = form.is_valid()
        row.slug = form.cleaned_data.get("organisation_slug") or row.data.get("organisation_slug", "")
        row.problems.extend(form.problems())
        row.data, row.valid = form.cleaned_data, valid


def _merge(rows, columns):
    """The organisation's values from its rows; a cell that contradicts an earlier row is a problem."""
    merged, first_seen = {}, {}
    for row in rows:
        for column in columns:
            value = row.data.get(column)
            if value in (None, ""):
                continue
            if column in merged and merged[column] != value:
                row.problems.append(
                    _("%(column)s differs from row %(row)d of the same organisation.")
                    % {"column": column, "row": first_seen[column]}
                )
            elif column not in merged:
                merged[column], first_seen[column] = value, row.number
    return merged


def _plan_organisation(step, rows, merged):
    first = rows[0]
    organisation = step.organisation
    if organisation is None:
        if not (merged.get("name_ko") or merged.get("name_en")):
            first.problems.append(_("A new organisation needs name_ko or name_en."))
        step.details = {
            "name_ko": merged.get("name_ko", ""),
            "name_en": merged.get("name_en", ""),
            "kind": merged.get("kind") or Organisation.Kind.RESIDENT,
            "category": merged.get("category") or Organisation.Category.OTHER,
            "email": merged.get("email", ""),
            "website": merged.get("website", ""),
        }
        first.actions.append(_("create organisation"))
        return
    step.details = {
        column: merged[column]
        for column in ORGANISATION_COLUMNS
        if column in merged and getattr(organisation, column) != merged[column]
    }
    if step.details:
        first.actions.append(_("update organisation (%(fields)s)") % {"fields": ", ".join(step.details)})


def _plan_residency(step, rows, merged, residencies):
    if "starts_on" not in merged:
        return
    first = rows[0]
    wanted = {column: merged[column] for column in RESIDENCY_COLUMNS if column in merged}
    state = wanted.pop("residency_state", None)
    candidates = residencies.get(step.organisation.pk, []) if step.organisation else []
    residency = next((r for r in candidates if r.state in OPEN_STATES), None) or next(
        (r for r in candidates if r.starts_on == merged["starts_on"]), None
    )
    if residency is None:
        state = state or Residency.State.RESIDENT
        if state in OPEN_STATES and any(r.state in OPEN_STATES for r in candidates):
            first.problems.append(_("The organisation already has a residency that has not ended."))
        step.residency_fields = {"state": state, **wanted}
        first.actions.append(_("create residency (%(state)s)") % {"state": state})
        return
    step.residency = residency
    ends_on = wanted.get("ends_on", residency.ends_on)
    if ends_on and ends_on <= wanted["starts_on"]:
        first.problems.append(_("ends_on is on or before starts_on."))
    step.residency_fields = {
        name: value for name, value in wanted.items() if getattr(residency, name) != value
    }
    if step.residency_fields:
        first.actions.append(
            _("update residency (%(fields)s)") % {"fields": ", ".join(step.residency_fields)}
        )
    if state and state != residency.state:
        if may_change_state(residency, state):
            step.residency_fields["state"] = state
            first.actions.append(
                _("residency %(current)s → %(state)s") % {"current": residency.state, "state": state}
            )
        else:
            first.problems.append(
                _("residency_state: a residency that is %(current)s cannot become %(state)s.")
                % {"current": residency.state, "state": state}
            )


def _plan_members(step, rows, users, memberships, new_emails):
    seen = {}
    current_roles = (
        {m.user_id: m.role for m in memberships.get(step.organisation.pk, [])} if step.organisation else {}
    )
    final_roles = dict(current_roles)
    for row in rows:
        if not row.valid or not row.data["member_email"]:
            continue
        email = row.data["member_email"]
        if email in seen:
            row.problems.append(
                _("member_email %(email)s is already in row %(row)d.") % {"email": email, "row": seen[email]}
            )
            continue
        seen[email] = row.number
        user = users.get(email)
        membership = (
            next(
                (m for m in memberships.get(step.organisation.pk, []) if user and m.user_id == user.pk), None
            )
            if step.organisation
            else None
        )
        role = row.data["member_role"] or (membership.role if membership else Membership.Role.MEMBER)
        is_listed = row.data["member_listed"]
        if is_listed is None:
            is_listed = membership.is_listed if membership else False
        member = MemberStep(
            email=email,
            name=row.data["member_name"],
            role=role,
            is_listed=is_listed,
            user=user,
            membership=membership,
        )
        final_roles[user.pk if user else email] = role
        if user is None and email not in new_emails:
            new_emails.add(email)
            row.actions.append(_("create account for new e-mail %(email)s") % {"email": email})
        if membership is None:
            row.actions.append(_("add member (%(role)s)") % {"role": role})
        elif (membership.role, membership.is_listed) != (role, is_listed):
            row.actions.append(_("update member (%(role)s)") % {"role": role})
        else:
            continue
        step.members.append(member)
    if final_roles and Membership.Role.REPRESENTATIVE not in final_roles.values():
        rows[0].problems.append(
            _("An organisation with members needs at least one member_role representative.")
        )


def plan_import(*, campus, text):
    """Read ``text`` and return an ``ImportReport``; nothing is saved."""
    rows = read_rows(text)
    _validate(rows)
    by_slug = defaultdict(list)
    for row in rows:
        if row.slug:
            by_slug[row.slug].append(row)
    organisations = {o.slug: o for o in Organisation.objects.filter(campus=campus, slug__in=list(by_slug))}
    residencies, memberships = defaultdict(list), defaultdict(list)
    for residency in Residency.objects.filter(organisation__in=organisations.values()).order_by("-starts_on"):
        residencies[residency.organisation_id].append(residency)
    for membership in Membership.objects.filter(organisation__in=organisations.values()):
        memberships[membership.organisation_id].append(membership)
    emails = {row.data["member_email"] for row in rows if row.valid and row.data["member_email"]}
    users = {user.email.lower(): user for user in User.objects.filter(email__in=emails)}
    report = ImportReport(rows=rows)
    new_emails = set()
    for slug, organisation_rows in by_slug.items():
        step = OrganisationStep(slug=slug, organisation=organisations.get(slug), details={})
        merged = _merge(organisation_rows, (*ORGANISATION_COLUMNS, *RESIDENCY_COLUMNS))
        _plan_organisation(step, organisation_rows, merged)
        _plan_residency(step, organisation_rows, merged, residencies)
        _plan_members(step, organisation_rows, users, memberships, new_emails)
        report.steps.append(step)
    for row in rows:
        if not row.actions and not row.problems:
            row.actions.append(_("nothing to change"))
    return report


def _apply_organisation(step, campus, actor, counts):
    if step.organisation is None:
        step.organisation = create_organisation(campus=campus, actor=actor, slug=step.slug, **step.details)
        counts["organisations_created"] += 1
    elif step.details:
        step.organisation = update_organisation(organisation=step.organisation, actor=actor, **step.details)
        counts["organisations_updated"] += 1


def _apply_residency(step, actor, counts):
    fields = dict(step.residency_fields)
    if not fields:
        return
    state = fields.pop("state", None)
    if step.residency is None:
        create_residency(organisation=step.organisation, actor=actor, state=state, **fields)
        counts["residencies_created"] += 1
        return
    if fields:
        update_residency(residency=step.residency, actor=actor, **fields)
    if state:
        set_residency_state(residency=step.residency, state=state, actor=actor)
    counts["residencies_updated"] += 1


def _account(member, campus, actor, counts, created):
    if member.user is not None:
        return member.user
    if member.email in created:
        return created[member.email]
    name_field = "name_ko" if HANGUL.search(member.name) else "name_en"
    user = User.objects.create_user(member.email, None, **{name_field: member.name})
    ensure_profile(user)
    grant_role(campus=campus, user=user, role="public", actor=actor)
    counts["accounts_created"] += 1
    created[member.email] = user
    return user


def _apply_members(step, campus, actor, counts, created):
    # Representatives first: an organisation with members always keeps one.
    for member in sorted(step.members, key=lambda m: m.role != Membership.Role.REPRESENTATIVE):
        user = _account(member, campus, actor, counts, created)
        membership = member.membership
        if membership is None:
            membership = add_member(organisation=step.organisation, user=user, role=member.role, actor=actor)
            counts["members_added"] += 1
        else:
            membership = change_member_role(membership=membership, role=member.role, actor=actor)
            counts["members_updated"] += 1
        if membership.is_listed != member.is_listed:
            membership.is_listed = member.is_listed
            membership.save(update_fields=["is_listed"])


def run_import(*, campus, actor, text):
    """Plan, then, if no row has a problem, apply everything in one transaction. Returns the report."""
    report = plan_import(campus=campus, text=text)
    if not report.is_clean:
        return report
    created = {}
    try:
        with transaction.atomic():
            for step in report.steps:
                _apply_organisation(step, campus, actor, report.counts)
                _apply_residency(step, actor, report.counts)
                _apply_members(step, campus, actor, report.counts, created)
    except ValidationError as error:
        raise ResidentImportError(
            _("Nothing was imported: %(problem)s") % {"problem": " ".join(error.messages)}
        ) from error
    return report
