"""Stable identifiers of projects and entries: a prefix and a number, e.g. "P0012"."""

import re

from django.db import models


def next_codes(model: type[models.Model], organization, prefix: str, count: int = 1) -> list[str]:
    """`count` codes not yet used by any row of `model` in this organization, in any edition."""
    pattern = re.compile(rf"^{re.escape(prefix)}(\d+)$")
    used = model.objects.filter(organization=organization, code__startswith=prefix).values_list(
        "code", flat=True
    )
    highest = max((int(m.group(1)) for code in used if (m := pattern.match(code))), default=0)
    return [f"{prefix}{number:04d}" for number in range(highest + 1, highest + count + 1)]
