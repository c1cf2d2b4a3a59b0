"""On PostgreSQL, check the rows of a statement at once (triggers.py): drop every trigger
and install them anew."""

from django.db import migrations

from localplan.workflow import triggers


def reinstall(apps, schema_editor):
    triggers.uninstall(apps, schema_editor)
    triggers.install(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("workflow", "0002_freeze_triggers")]

    operations = [migrations.RunPython(reinstall, migrations.RunPython.noop, elidable=False)]
