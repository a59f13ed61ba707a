from django.db import migrations

from archive.alias_keys import rekey_aliases


def rekey(apps, schema_editor):
    rekey_aliases(apps.get_model("archive", "Person"), apps.get_model("archive", "PersonAlias"))


class Migration(migrations.Migration):
    """Alias keys keep an organisation's first words ("Foreign Ministry" is no longer
    "Finance Ministry"); organisations the old key joined are parted (`archive.alias_keys`)."""

    dependencies = [("archive", "0009_review_queue_and_jobs")]

    operations = [migrations.RunPython(rekey, migrations.RunPython.noop)]
