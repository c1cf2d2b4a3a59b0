from django.dispatch import Signal

# Sent when an edition of a multi-year plan comes into force (announced), with the editions
# it supersedes: `edition_in_force.send(sender=DevPlanEdition, edition=…, superseded=[…])`.
# Rows elsewhere that point at a project of a superseded edition follow it, by its stable
# code, to the edition now in force (draft operational-plan entries, budget items).
edition_in_force = Signal()
