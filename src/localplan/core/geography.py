"""Thailand's provinces, districts and subdistricts, from the maintained `geothai` package.

They are reference data in three tables (Province, District, Subdistrict, keyed by the
Department of Provincial Administration's codes), loaded by a data migration;
`localplan load_geography` brings them up to date after `geothai` is upgraded.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import geothai
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _


@dataclass
class GeographyChanges:
    added: int = 0
    renamed: int = 0


def _sync(model, rows: dict[str, dict], using: str) -> GeographyChanges:
    """Add the rows missing from `model` and rename those whose names changed."""
    changes = GeographyChanges()
    manager = model.objects.using(using)
    stored = {row.code: row for row in manager.all()}
    missing = [model(code=code, **values) for code, values in rows.items() if code not in stored]
    manager.bulk_create(missing, batch_size=500)
    changes.added = len(missing)
    renamed = []
    for code, row in stored.items():
        values = rows.get(code)
        if values and any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            renamed.append(row)
    fields = [name for name in next(iter(rows.values()), {}) if not name.endswith("_id")]
    if renamed:
        manager.bulk_update(renamed, fields, batch_size=500)
    changes.renamed = len(renamed)
    return changes


def ensure_geography(apps=None, using: str = "default") -> GeographyChanges:
    """Make the three tables hold every area `geothai` lists. Areas `geothai` no longer lists
    are kept: organizations may still point at them."""
    with transaction.atomic(using=using):
        return _ensure(apps, using)


def _ensure(apps, using: str) -> GeographyChanges:
    if apps is None:
        from django.apps import apps
    Province = apps.get_model("core", "Province")
    District = apps.get_model("core", "District")
    Subdistrict = apps.get_model("core", "Subdistrict")
    provinces = geothai.provinces()
    districts = [d for p in provinces for d in geothai.districts(p.code)]
    subdistricts = [s for d in districts for s in geothai.subdistricts(d.code)]
    if (
        Province.objects.using(using).count() == len(provinces)
        and District.objects.using(using).count() == len(districts)
        and Subdistrict.objects.using(using).count() == len(subdistricts)
        and not _names_changed(Subdistrict.objects.using(using), subdistricts)
    ):
        return GeographyChanges()
    total = GeographyChanges()
    for model, rows in (
        (Province, {p.code: {"name": p.name_th, "name_en": p.name_en} for p in provinces}),
        (
            District,
            {
                d.code: {"name": d.name_th, "name_en": d.name_en, "province_id": d.province_code}
                for d in districts
            },
        ),
        (
            Subdistrict,
            {
                s.code: {"name": s.name_th, "name_en": s.name_en, "district_id": s.district_code}
                for s in subdistricts
            },
        ),
    ):
        changes = _sync(model, rows, using)
        total.added += changes.added
        total.renamed += changes.renamed
    return total


def _names_changed(stored_rows, areas) -> bool:
    """Whether a subdistrict was added, renamed or recoded since the tables were filled."""
    stored = stored_rows.order_by("code").values_list("code", "name")
    return sorted((a.code, a.name_th) for a in areas) != list(stored)


# Finding areas by the names people type -------------------------------------------------


def _suggest(name: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(name, candidates, n=5, cutoff=0.5)
    if not close:
        return ""
    return _(" ชื่อที่ใกล้เคียง: %(names)s") % {"names": ", ".join(close)}


def _named(area, name: str) -> bool:
    return name in (geothai.normalize(area.name), geothai.normalize(area.name_en))


def find_areas(*, province: str, district: str, subdistrict: str = ""):
    """The Province, District and Subdistrict (or None) named as `geothai` spells them
    (Thai, or its English names; a leading จังหวัด/อำเภอ/ตำบล is ignored). Raises ValidationError naming the field
    and the closest names when one is not in the list."""
    from localplan.core.models import District, Province, Subdistrict

    province_name = geothai.normalize(province)
    district_name = geothai.normalize(district)
    subdistrict_name = geothai.normalize(subdistrict) if subdistrict else ""
    found_province = next((p for p in Province.objects.all() if _named(p, province_name)), None)
    if found_province is None:
        names = list(Province.objects.values_list("name", flat=True))
        raise ValidationError(
            {
                "province": _("ไม่พบจังหวัด “%(name)s” ในรายชื่อจังหวัดของประเทศไทย") % {"name": province}
                + _suggest(province_name, names)
            },
            code="unknown_province",
        )
    districts = list(District.objects.filter(province=found_province))
    found_district = next((d for d in districts if _named(d, district_name)), None)
    if found_district is None:
        raise ValidationError(
            {
                "district": _("ไม่พบอำเภอ “%(name)s” ในจังหวัด%(province)s")
                % {"name": district, "province": found_province.name}
                + _suggest(district_name, [d.name for d in districts])
            },
            code="unknown_district",
        )
    found_subdistrict = None
    if subdistrict_name:
        subdistricts = list(Subdistrict.objects.filter(district=found_district))
        found_subdistrict = next((s for s in subdistricts if _named(s, subdistrict_name)), None)
        if found_subdistrict is None:
            raise ValidationError(
                {
                    "subdistrict": _("ไม่พบตำบล “%(name)s” ในอำเภอ%(district)s จังหวัด%(province)s")
                    % {
                        "name": subdistrict,
                        "district": found_district.name,
                        "province": found_province.name,
                    }
                    + _suggest(subdistrict_name, [s.name for s in subdistricts])
                },
                code="unknown_subdistrict",
            )
    return found_province, found_district, found_subdistrict


def area_codes_for_names(province: str, district: str, subdistrict: str = ""):
    """The codes of the areas with these names, straight from `geothai` (no database: the
    data migration uses it), each None where the name is not in the list."""
    province_name = geothai.normalize(province or "")
    district_name = geothai.normalize(district or "")
    subdistrict_name = geothai.normalize(subdistrict or "")
    p = next(
        (p for p in geothai.provinces() if geothai.normalize(p.name_th) == province_name), None
    )
    if p is None:
        return None, None, None
    d = next(
        (d for d in geothai.districts(p.code) if geothai.normalize(d.name_th) == district_name),
        None,
    )
    if d is None:
        return p.code, None, None
    s = next(
        (
            s
            for s in geothai.subdistricts(d.code)
            if subdistrict_name and geothai.normalize(s.name_th) == subdistrict_name
        ),
        None,
    )
    return p.code, d.code, s.code if s else None
