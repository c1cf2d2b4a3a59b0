"""The download buttons beside an edition's title (core's "edition_actions" slot)."""

import base64

from django.urls import reverse

from localplan.core.slots import Panel, slot
from localplan.documents.official import forms_for
from localplan.documents.queries import emblem_png
from localplan.opsplan.models import OpsEdition


@slot("edition_actions")
def downloads(membership, edition):
    """No query: the forms are the same for every edition of a kind."""
    org = membership.organization.slug
    kind = "ops" if isinstance(edition, OpsEdition) else "dev"
    links = []
    for spec in forms_for(edition):
        urls = {
            fmt: reverse(
                "documents:download",
                kwargs={
                    "org": org,
                    "kind": kind,
                    "edition_id": edition.pk,
                    "code": spec.code,
                    "fmt": fmt,
                },
            )
            for fmt in spec.formats
        }
        links.append({"label": spec.label, "title": spec.title, "urls": urls})
    texts_url = None
    if membership.can_edit_plans and edition.is_editable:
        texts_url = reverse(
            "documents:texts_edit", kwargs={"org": org, "kind": kind, "edition_id": edition.pk}
        )
    return Panel("documents/_edition_actions.html", {"links": links, "texts_url": texts_url})


@slot("settings_details")
def emblem(membership):
    """The emblem on the organization's settings page, with the way to change it."""
    png = emblem_png(membership.organization)
    return Panel(
        "documents/_settings_emblem.html",
        {
            "preview": base64.b64encode(png).decode() if png else None,
            "edit_url": reverse(
                "documents:emblem_edit", kwargs={"org": membership.organization.slug}
            )
            if membership.can_edit_settings
            else "",
        },
    )
