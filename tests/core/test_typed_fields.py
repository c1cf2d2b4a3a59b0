"""Money, พ.ศ. year and date fields are typed as text and cleaned to Decimal, int and date."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from localplan.core.forms import FiscalYearField, MoneyField, ThaiDateField


@pytest.mark.parametrize(
    "field, typed, cleaned",
    [
        (MoneyField(), "1,234.50", Decimal("1234.50")),
        (FiscalYearField(), "2552", 2552),
        (ThaiDateField(), "25/12/2551", datetime.date(2008, 12, 25)),
    ],
)
def test_a_typed_value_is_cleaned_to_its_type(field, typed, cleaned):
    assert field.clean(typed) == cleaned


def test_text_too_long_for_a_date_is_a_message_not_a_crash():
    with pytest.raises(ValidationError, match="ไม่ใช่วันที่ที่ถูกต้อง"):
        ThaiDateField().clean("25/12/2551" * 5)


@pytest.mark.parametrize("typed", ["1e6", "12,34,5"])
def test_a_money_field_refuses_a_number_that_is_no_amount_and_names_itself(typed):
    field = MoneyField(label="งบประมาณ (บาท)")
    with pytest.raises(ValidationError) as refusal:
        field.clean(typed)
    assert refusal.value.messages[0].startswith(f"งบประมาณ (บาท): “{typed}” ไม่ใช่จำนวนเงิน")
