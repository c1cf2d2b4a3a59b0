"""An organization's emblem (ตราสัญลักษณ์): an uploaded image checked with Pillow and kept as a
small PNG, so that what is stored and served is an image we made, whatever was uploaded."""

from __future__ import annotations

import io
import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

ACCEPTED_FORMATS = {"PNG", "JPEG", "WEBP"}
MAX_PIXELS = 25_000_000  # a 5000 × 5000 scan; beyond that it is not an emblem
LARGEST_SIDE = 512


def read_emblem(data: bytes) -> bytes:
    """The uploaded bytes as a PNG at most 512 px on its longer side; a ValidationError in
    Thai for anything that is not a PNG, JPEG or WebP picture."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                kind = probe.format
                probe.verify()
            if kind not in ACCEPTED_FORMATS:
                raise ValidationError(
                    _("ตราสัญลักษณ์ต้องเป็นไฟล์ภาพ PNG, JPEG หรือ WebP (ไฟล์นี้เป็น %(kind)s)")
                    % {"kind": kind},
                    code="format",
                )
            with Image.open(io.BytesIO(data)) as image:
                if image.width * image.height > MAX_PIXELS:
                    raise ValidationError(_("ภาพใหญ่เกินไป (เกิน 5000 × 5000 จุด)"), code="pixels")
                image.load()
                picture = image.convert("RGBA")
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ) as error:
        raise ValidationError(
            _("อ่านไฟล์นี้เป็นภาพไม่ได้ ตราสัญลักษณ์ต้องเป็นไฟล์ภาพ PNG, JPEG หรือ WebP"), code="not_image"
        ) from error
    picture.thumbnail((LARGEST_SIDE, LARGEST_SIDE))
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=True)
    return out.getvalue()
