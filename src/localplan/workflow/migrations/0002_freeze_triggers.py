"""Database triggers keeping announced editions frozen on every write path (triggers.py)."""

from django.db import migrations

from localplan.workflow import triggers


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0001_initial"),
        ("devplan", "0001_initial"),
        ("opsplan", "0001_initial"),
    ]

    operations = [migrations.RunPython(triggers.install, triggers.uninstall, elidable=False)]
