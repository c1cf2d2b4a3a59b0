from django.db import models


class OrganizationManyToManyField(models.ManyToManyField):
    """A many-to-many whose link table carries `organization`, filled from the owning row."""

    def save_form_data(self, instance, data):
        getattr(instance, self.attname).set(
            data, through_defaults={"organization_id": instance.organization_id}
        )
