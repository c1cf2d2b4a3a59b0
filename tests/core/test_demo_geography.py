"""The demo's organizations stand in their real province and district."""

import pytest

from localplan.core.demo import nongbua, phairin
from localplan.core.demo.loader import _create_organization


@pytest.mark.parametrize(
    "data, codes, names",
    [
        (phairin, ("31", "3110", "311011"), ("บุรีรัมย์", "ลำปลายมาศ", "ผไทรินทร์")),
        # หนองบัวแก้ว is fictional: no such ตำบล in บ้านไผ่, so it keeps its name unlinked.
        (nongbua, ("40", "4010", None), ("ขอนแก่น", "บ้านไผ่", "หนองบัวแก้ว")),
    ],
)
def test_the_demo_organizations_link_to_their_real_areas(db, data, codes, names):
    org = _create_organization(data)
    assert (org.province_area_id, org.district_area_id, org.subdistrict_area_id) == codes
    assert (org.province, org.district, org.subdistrict) == names
