"""Forms of the curation pages that are not model forms: uploads and the merge choice."""

from __future__ import annotations

from django import forms

from archive.links import validate_web_url
from archive.models import Person


class WebURLField(forms.URLField):
    """An article's link: http(s) only, with one message that says so."""

    default_validators = [validate_web_url]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input; empty ones pass, so the import report can name them."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,.jsonl"}))
        super().__init__(allow_empty_file=True, **kwargs)

    def clean(self, data, initial=None) -> list:
        items = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in items]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="Files", help_text=".txt (one article per file) or .jsonl (one article per line)"
    )


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, person: Person) -> str:
        aliases = ", ".join(a.name for a in person.aliases.all() if a.name != person.name)
        counts = f"{person.statement_count} statements, {person.article_count} articles"
        return f"{person.name} ({counts})" + (f" — also {aliases}" if aliases else "")


class MergeForm(forms.Form):
    """Which of the selected persons survives the merge."""

    def __init__(self, persons, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["keep"] = PersonChoiceField(
            queryset=persons,
            widget=forms.RadioSelect,
            empty_label=None,
            label="Keep",
            help_text="The others' spellings, statements and mentions move to this one.",
        )
