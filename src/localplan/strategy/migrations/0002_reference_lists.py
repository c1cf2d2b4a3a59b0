from django.db import migrations

from localplan.strategy.reference_data import ensure_reference_lists


def load(apps, schema_editor):
    ensure_reference_lists(apps)


def unload(apps, schema_editor):
    for model in ("WorkPlan", "BudgetSide", "NationalStrategy", "SustainableDevelopmentGoal"):
        apps.get_model("strategy", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("strategy", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
