"""Forms of the curation pages that are not model forms: uploads and the merge choice."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypedDict

from django import forms
from django.db.models import QuerySet

from archive.links import validate_web_url
from archive.models import Person

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class WebURLField(forms.URLField):
    """An article's link: http(s) only, with one message that says so."""

    default_validators = [validate_web_url]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input; empty ones pass, so the import report can name them."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,.jsonl"}))
        super().__init__(allow_empty_file=True, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        items = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in items]


class UploadForm(forms.Form):
    # The form's metaclass moves declared fields off the class, so this does not shadow the
    # bound `Form.files` (django-stubs cannot see that).
    files = MultipleFileField(  # type: ignore[assignment]
        label="Files", help_text=".txt (one article per file) or .jsonl (one article per line)"
    )


class _Counts(TypedDict):
    statement_count: int
    article_count: int


if TYPE_CHECKING:
    # A person as the person admin lists them: with their counts annotated.
    CountedPerson = WithAnnotations[Person, _Counts]


class PersonChoiceField(forms.ModelChoiceField["CountedPerson"]):
    def label_from_instance(self, person: CountedPerson) -> str:
        aliases = ", ".join(a.name for a in person.aliases.all() if a.name != person.name)
        counts = f"{counted(person.statement_count, 'statement')}, "
        counts += counted(person.article_count, "article")
        return f"{person.name} ({counts})" + (f" — also {aliases}" if aliases else "")


def counted(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


class MergeForm(forms.Form):
    """Which of the selected persons survives the merge."""

    def __init__(self, persons: QuerySet[CountedPerson], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["keep"] = PersonChoiceField(
            queryset=persons,
            widget=forms.RadioSelect,
            empty_label=None,
            label="Keep",
            help_text="The others' spellings, statements and mentions move to this one.",
            # The most quoted (then the most named) is most likely the right spelling.
            initial=max(persons, key=lambda p: (p.statement_count, p.article_count), default=None),
        )
