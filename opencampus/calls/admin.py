from django.contrib import admin

from opencampus.core.admin import CampusScopedAdmin

from .models import Answer, Application, Call, EligibilityRule, FormVersion, Question, Section


@admin.register(Call)
class CallAdmin(CampusScopedAdmin):
    list_display = ["title_ko", "kind", "opens_at", "closes_at", "places", "is_published", "campus"]
    list_filter = ["campus", "kind", "is_published"]
    search_fields = ["title_ko", "title_en", "slug"]


@admin.register(FormVersion)
class FormVersionAdmin(CampusScopedAdmin):
    list_display = ["call", "number", "created", "campus"]
    list_select_related = ["call", "campus"]


@admin.register(Section)
class SectionAdmin(CampusScopedAdmin):
    list_display = ["title_ko", "title_en", "form", "position"]
    list_select_related = ["form__call"]


@admin.register(Question)
class QuestionAdmin(CampusScopedAdmin):
    list_display = ["key", "label_ko", "kind", "required", "form"]
    list_filter = ["campus", "kind", "required"]
    list_select_related = ["form__call"]


@admin.register(EligibilityRule)
class EligibilityRuleAdmin(CampusScopedAdmin):
    list_display = ["call", "kind", "question_key"]
    list_select_related = ["call"]


@admin.register(Application)
class ApplicationAdmin(CampusScopedAdmin):
    list_display = ["call", "applicant", "organisation", "state", "submitted_at", "campus"]
    list_filter = ["campus", "state"]
    list_select_related = ["call", "applicant", "organisation", "campus"]
    raw_id_fields = ["applicant", "organisation"]
    search_fields = ["applicant__email"]


@admin.register(Answer)
class AnswerAdmin(CampusScopedAdmin):
    list_display = ["application", "question", "value"]
    list_select_related = ["application__call", "application__applicant", "question"]
    raw_id_fields = ["application", "question"]
