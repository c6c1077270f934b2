"""Forms of the review side of a call: phases and rubric (operators), assignment, reviews, bids."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from opencampus.people.models import CampusRole, User

from ..models import Application, AssignmentOverride, Bid, Criterion, ReviewPhase
from .manage import datetime_widget

# Scales up to this many steps are answered with radio buttons, longer ones with a number.
MAX_RADIO_STEPS = 11
MAX_SCALE_STEPS = 101
MAX_REVIEWS_PER_APPLICATION = 50
MAX_LOAD = 10000


class ReviewPhaseForm(forms.ModelForm):
    class Meta:
        model = ReviewPhase
        fields = (
            "name_ko",
            "name_en",
            "starts_at",
            "ends_at",
            "reviews_per_application",
            "is_blind",
            "can_see_other_reviews",
            "can_change_decisions",
        )
        widgets = {"starts_at": datetime_widget(), "ends_at": datetime_widget()}

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("starts_at", "ends_at"):
            self.fields[name].help_text = _("Campus time (%(zone)s).") % {"zone": campus.time_zone}
        field = self.fields["reviews_per_application"]
        field.validators.append(MaxValueValidator(MAX_REVIEWS_PER_APPLICATION))
        field.widget.attrs.update(min=1, max=MAX_REVIEWS_PER_APPLICATION)
        field.help_text = _("k: how many reviewers each application gets; the assignment starts from it.")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("name_ko") and not cleaned.get("name_en"):
            self.add_error("name_ko", _("Give the phase's name in Korean or in English."))
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The phase must end after it starts."))
        return cleaned


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ("name_ko", "name_en", "guidance_ko", "guidance_en", "weight", "scale_min", "scale_max")
        widgets = {
            "guidance_ko": forms.Textarea(attrs={"rows": 3}),
            "guidance_en": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "weight": _("How much this criterion counts against the others; any number above 0."),
            "guidance_ko": _("Shown to reviewers next to the scores: what a low and a high score mean."),
        }

    def __init__(self, *args, scale_locked=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.scale_locked = scale_locked
        self.fields["weight"].widget.attrs.update(min="0.01", step="0.01")
        if scale_locked:
            for name in ("scale_min", "scale_max"):
                self.fields[name].help_text = _("Reviews already use this criterion, so its scale stays.")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("name_ko") and not cleaned.get("name_en"):
            self.add_error("name_ko", _("Give the criterion's name in Korean or in English."))
        weight = cleaned.get("weight")
        if weight is not None and weight <= 0:
            self.add_error("weight", _("The weight must be above 0."))
        low, high = cleaned.get("scale_min"), cleaned.get("scale_max")
        if low is not None and high is not None:
            if high <= low:
                self.add_error("scale_max", _("The highest score must be above the lowest."))
            elif high - low + 1 > MAX_SCALE_STEPS:
                self.add_error(
                    "scale_max", _("A scale has at most %(steps)d steps.") % {"steps": MAX_SCALE_STEPS}
                )
        if self.scale_locked and self.instance.pk:
            for name in ("scale_min", "scale_max"):
                if name in cleaned and cleaned[name] != self.initial.get(name):
                    self.add_error(name, _("Reviews already use this criterion, so its scale cannot change."))
        return cleaned

    def criterion_fields(self):
        return {name: self.cleaned_data[name] for name in self._meta.fields}


# Assignment


class AssignmentForm(forms.Form):
    reviews_per_application = forms.IntegerField(
        label=_("Reviews per application (k)"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_REVIEWS_PER_APPLICATION)],
        widget=forms.NumberInput(attrs={"min": 1, "max": MAX_REVIEWS_PER_APPLICATION}),
    )
    min_load = forms.IntegerField(
        label=_("Fewest reviews per reviewer"),
        initial=0,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_LOAD)],
        widget=forms.NumberInput(attrs={"min": 0}),
    )
    max_load = forms.IntegerField(
        label=_("Most reviews per reviewer"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_LOAD)],
        widget=forms.NumberInput(attrs={"min": 1}),
    )
    one_per_organisation = forms.BooleanField(
        label=_("At most one reviewer from the same organisation per application"),
        required=False,
        help_text=_("Solved as an integer program: slower, and reported with its gap."),
    )

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("min_load"), cleaned.get("max_load")
        if low is not None and high is not None and low > high:
            self.add_error("max_load", _("The most must not be below the fewest."))
        return cleaned


class PairForm(forms.Form):
    """A reviewer (by e-mail) and an application of the call (by its number)."""

    email = forms.EmailField(label=_("Reviewer's e-mail"))
    application = forms.IntegerField(
        label=_("Application number"),
        min_value=1,
        max_value=2**63 - 1,
        help_text=_("The number in the first column of the applications below."),
    )

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call

    def clean_email(self):
        email = self.cleaned_data["email"]
        reviewer = User.objects.filter(
            email__iexact=email,
            is_active=True,
            campus_roles__campus=self.call.campus,
            campus_roles__role=CampusRole.Role.REVIEWER,
        ).first()
        if reviewer is None:
            raise forms.ValidationError(_("No reviewer of this campus has this e-mail address."))
        self.cleaned_data["reviewer"] = reviewer
        return email

    def clean_application(self):
        number = self.cleaned_data["application"]
        application = (
            Application.objects.filter(call=self.call, pk=number)
            .exclude(state=Application.State.DRAFT)
            .first()
        )
        if application is None:
            raise forms.ValidationError(_("This call has no submitted application with this number."))
        self.cleaned_data["application_object"] = application
        return number


class OverrideForm(PairForm):
    kind = forms.ChoiceField(
        label=_("Rule"), choices=AssignmentOverride.Kind.choices, widget=forms.RadioSelect
    )

    field_order = ("kind", "email", "application")

    def __init__(self, *args, conflicts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflicts = conflicts

    def clean(self):
        cleaned = super().clean()
        reviewer, application = cleaned.get("reviewer"), cleaned.get("application_object")
        if (
            cleaned.get("kind") == AssignmentOverride.Kind.PIN
            and reviewer is not None
            and application is not None
            and self.conflicts is not None
            and (application.pk, reviewer.pk) in self.conflicts(reviewer)
        ):
            self.add_error(
                None,
                _("This reviewer has a conflict of interest with this application and cannot be pinned."),
            )
        return cleaned


class StaffConflictForm(PairForm):
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


# Reviewers


class ReviewForm(forms.Form):
    """One score field per criterion (radio buttons on short scales) and the comments."""

    comment = forms.CharField(
        label=_("Comments"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What the applicant does well and what could be stronger."),
    )

    def __init__(self, *args, criteria, disabled=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        comment = self.fields.pop("comment")
        for criterion in self.criteria:
            self.fields[field_name(criterion)] = score_field(criterion)
        self.fields["comment"] = comment
        if disabled:
            for field in self.fields.values():
                field.disabled = True

    def criterion_rows(self):
        return [(criterion, self[field_name(criterion)]) for criterion in self.criteria]

    def values(self):
        """``{criterion id: int}`` of the scores given (empty ones left out)."""
        return {
            criterion.pk: self.cleaned_data[field_name(criterion)]
            for criterion in self.criteria
            if self.cleaned_data.get(field_name(criterion)) is not None
        }


def field_name(criterion):
    return f"criterion_{criterion.pk}"


def score_field(criterion):
    label = criterion.name
    low, high = criterion.scale_min, criterion.scale_max
    help_text = _("From %(low)s to %(high)s.") % {"low": low, "high": high}
    if high - low + 1 <= MAX_RADIO_STEPS:
        return forms.TypedChoiceField(
            label=label,
            choices=[(value, value) for value in range(low, high + 1)],
            coerce=int,
            empty_value=None,
            required=False,
            widget=forms.RadioSelect,
            help_text=help_text,
        )
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=low,
        max_value=high,
        widget=forms.NumberInput(attrs={"min": low, "max": high}),
        help_text=help_text,
    )


class ConflictDeclarationForm(forms.Form):
    note = forms.CharField(
        label=_("What is the conflict?"),
        max_length=300,
        help_text=_("For example: a former colleague, a relative, or a project you work on together."),
        error_messages={"required": _("Say briefly why you have a conflict of interest.")},
    )


BID_CHOICES = [("", _("no preference")), *((str(value), label) for value, label in Bid.Level.choices[::-1])]


class BidsForm(forms.Form):
    """A preference for each application on the page; "no preference" removes a bid."""

    def __init__(self, *args, applications, **kwargs):
        super().__init__(*args, **kwargs)
        self.applications = list(applications)
        for application in self.applications:
            self.fields[bid_field_name(application)] = forms.TypedChoiceField(
                label=_("Application %(number)s") % {"number": application.pk},
                choices=BID_CHOICES,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
            )

    def rows(self):
        return [(application, self[bid_field_name(application)]) for application in self.applications]

    def levels(self):
        """``{application id: level or None}`` for every application on the page."""
        return {
            application.pk: self.cleaned_data.get(bid_field_name(application))
            for application in self.applications
        }


def bid_field_name(application):
    return f"bid_{application.pk}"
