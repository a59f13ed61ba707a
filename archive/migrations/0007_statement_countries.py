from django.db import migrations, models


def find_statement_countries(apps, schema_editor):
    """Statements stored before they had countries: what their words name, and the role's
    country (as extraction now records; `reextract` does the same)."""
    from archive.extraction.countries import find_countries

    Statement = apps.get_model("archive", "Statement")
    rows = Statement.objects.select_related("article").only(
        "text", "role_country", "countries", "article__date"
    )
    changed = []
    for statement in rows.iterator(chunk_size=2000):
        codes = set(find_countries(statement.text, statement.article.date))
        codes |= {statement.role_country} - {""}
        if codes:
            statement.countries = sorted(codes)
            changed.append(statement)
        if len(changed) >= 500:
            Statement.objects.bulk_update(changed, ["countries"])
            changed = []
    Statement.objects.bulk_update(changed, ["countries"])


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0006_statement_form"),
    ]

    operations = [
        migrations.AddField(
            model_name="statement",
            name="countries",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="ISO codes of what it speaks about: the countries it names, its role's.",
            ),
        ),
        migrations.RunPython(find_statement_countries, migrations.RunPython.noop),
    ]
