"""The one page of the budget app that needs no login: an agency sends its projects through
the unguessable link the planner gave it (/agency-submissions/<token>/)."""

from django.urls import path

from localplan.budget.views import agency

app_name = "agency_submissions"

urlpatterns = [path("<str:token>/", agency.submit, name="submit")]
