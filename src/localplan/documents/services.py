"""Writes of the documents app: the texts of an edition's documents, the organization's emblem."""

from __future__ import annotations

import io

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from localplan.core.access import require_editable
from localplan.core.models import Membership, Organization
from localplan.devplan.models import DevPlanEdition
from localplan.documents.models import DocumentTexts, OrganizationEmblem
from localplan.opsplan.models import OpsEdition

MAX_EMBLEM_BYTES = 5 * 1024 * 1024
EMBLEM_PIXELS = 600  # plenty for 4.5 cm at 300 dpi (≈530 px)


@transaction.atomic
def save_document_texts(
    *, edition: OpsEdition | DevPlanEdition, by: Membership, **fields
) -> DocumentTexts:
    """Keep the planner's words for the documents of a draft edition."""
    require_editable(edition)
    lookup = "ops_edition" if isinstance(edition, OpsEdition) else "dev_edition"
    texts = DocumentTexts.objects.filter(
        organization=edition.organization, **{lookup: edition}
    ).first() or DocumentTexts(organization=edition.organization, **{lookup: edition})
    for name, value in fields.items():
        setattr(texts, name, value)
    texts.full_clean()
    texts.save()
    return texts


def emblem_png(upload) -> tuple[bytes, int, int]:
    """An uploaded image as a PNG of at most EMBLEM_PIXELS a side; a clear refusal otherwise."""
    if upload.size > MAX_EMBLEM_BYTES:
        raise ValidationError({"image": _("ไฟล์ภาพใหญ่เกินไป (ไม่เกิน 5 MB)")}, code="emblem_too_large")
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
            picture = image.convert("RGBA")
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise ValidationError(
            {"image": _("ไฟล์นี้ไม่ใช่ภาพที่อ่านได้ (ใช้ PNG หรือ JPEG)")}, code="not_an_image"
        ) from error
    picture.thumbnail((EMBLEM_PIXELS, EMBLEM_PIXELS))
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=True)
    return out.getvalue(), picture.width, picture.height


@transaction.atomic
def set_emblem(*, organization: Organization, by: Membership, upload) -> OrganizationEmblem:
    png, width, height = emblem_png(upload)
    emblem = OrganizationEmblem.objects.filter(organization=organization).first()
    emblem = emblem or OrganizationEmblem(organization=organization)
    emblem.image, emblem.width, emblem.height = png, width, height
    emblem.full_clean()
    emblem.save()
    return emblem


@transaction.atomic
def remove_emblem(*, organization: Organization, by: Membership) -> None:
    for emblem in OrganizationEmblem.objects.filter(organization=organization):
        emblem.delete()
