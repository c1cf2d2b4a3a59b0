import datetime
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from localplan.core import thai_calendar as cal


@pytest.mark.parametrize(
    ("day", "fiscal_year"),
    [
        (datetime.date(2008, 9, 30), 2551),
        (datetime.date(2008, 10, 1), 2552),
        (datetime.date(2008, 12, 31), 2552),
        (datetime.date(2009, 1, 1), 2552),
        (datetime.date(2009, 9, 30), 2552),
        (datetime.date(2009, 10, 1), 2553),
        (datetime.date(2024, 2, 29), 2567),
    ],
)
def test_fiscal_year_of_a_day_turns_on_the_first_of_october(day, fiscal_year):
    assert cal.fiscal_year_of(day) == fiscal_year


def test_fiscal_year_2552_runs_from_1_october_2008_to_30_september_2009():
    assert cal.fiscal_year_range(2552) == (datetime.date(2008, 10, 1), datetime.date(2009, 9, 30))


def test_the_twelve_months_start_with_october_of_the_year_before():
    months = cal.fiscal_months(2552)
    assert [m.abbreviation for m in months] == [
        "ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.",
        "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.",
    ]  # fmt: skip
    assert [m.be_year for m in months] == [2551] * 3 + [2552] * 9
    assert months[0].first_day == datetime.date(2008, 10, 1)
    assert months[11].first_day == datetime.date(2009, 9, 1)
    assert [m.index for m in months] == list(range(1, 13))


def test_a_day_maps_to_its_fiscal_month_index():
    assert cal.fiscal_month_index(datetime.date(2008, 10, 31)) == 1
    assert cal.fiscal_month_index(datetime.date(2009, 1, 1)) == 4
    assert cal.fiscal_month_index(datetime.date(2009, 9, 30)) == 12


def test_month_masks_round_trip_and_bars_are_runs():
    mask = cal.months_to_mask([1, 2, 3, 7, 12])
    assert mask == 0b100001000111
    assert cal.mask_to_months(mask) == [1, 2, 3, 7, 12]
    assert cal.month_runs(mask) == [(1, 3), (7, 7), (12, 12)]
    with pytest.raises(ValueError):
        cal.months_to_mask([13])


@pytest.mark.parametrize(
    ("day", "long", "short"),
    [
        (datetime.date(2008, 12, 25), "25 ธันวาคม 2551", "25 ธ.ค. 2551"),
        (datetime.date(2024, 2, 29), "29 กุมภาพันธ์ 2567", "29 ก.พ. 2567"),
        (datetime.date(2009, 1, 1), "1 มกราคม 2552", "1 ม.ค. 2552"),
    ],
)
def test_dates_are_written_in_the_buddhist_era(day, long, short):
    assert cal.format_thai_date(day) == long
    assert cal.format_thai_date(day, "short") == short


def test_thai_digits_both_ways():
    assert cal.to_thai_digits("พ.ศ. 2552 งบ 1,250.50") == "พ.ศ. ๒๕๕๒ งบ ๑,๒๕๐.๕๐"
    assert cal.to_arabic_digits("๒๕๕๒") == "2552"


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (Decimal("1000"), "หนึ่งพันบาทถ้วน"),
        (Decimal("21"), "ยี่สิบเอ็ดบาทถ้วน"),
        (Decimal("10.50"), "สิบบาทห้าสิบสตางค์"),
        (Decimal("0.75"), "เจ็ดสิบห้าสตางค์"),
        (Decimal("0"), "ศูนย์บาทถ้วน"),
        (Decimal("1234567.01"), "หนึ่งล้านสองแสนสามหมื่นสี่พันห้าร้อยหกสิบเจ็ดบาทหนึ่งสตางค์"),
    ],
)
def test_baht_in_words(amount, words):
    assert cal.baht_text(amount) == words


@pytest.mark.parametrize("typed", ["2552", " 2552 ", "๒๕๕๒", "พ.ศ. 2552", "พ.ศ.2552", "2552.0"])
def test_a_year_typed_in_the_buddhist_era_is_read(typed):
    assert cal.parse_be_year(typed) == 2552


def test_a_christian_era_year_is_refused_with_the_year_it_probably_means():
    with pytest.raises(ValidationError) as refusal:
        cal.parse_be_year("2009")
    assert refusal.value.code == "christian_era_year"
    assert "2552" in refusal.value.messages[0] and "ค.ศ." in refusal.value.messages[0]


@pytest.mark.parametrize("typed", ["25x2", "", "12345", "3000", "1999.5"])
def test_a_year_that_is_not_one_is_refused(typed):
    with pytest.raises(ValidationError):
        cal.parse_be_year(typed)


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("25/12/2551", datetime.date(2008, 12, 25)),
        ("๒๕/๑๒/๒๕๕๑", datetime.date(2008, 12, 25)),
        ("2008-12-25", datetime.date(2008, 12, 25)),
        ("29/2/2567", datetime.date(2024, 2, 29)),
    ],
)
def test_a_date_typed_with_a_buddhist_year_is_read(typed, day):
    assert cal.parse_thai_date(typed) == day
    assert cal.parse_thai_date(cal.format_input_date(day)) == day


@pytest.mark.parametrize("typed", ["29/2/2566", "31/4/2552", "25/12/2008", "tomorrow", "1/13/2552"])
def test_an_impossible_or_christian_era_date_is_refused(typed):
    with pytest.raises(ValidationError):
        cal.parse_thai_date(typed)


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("1,234.50", Decimal("1234.50")),
        (" 500 ", Decimal("500.00")),
        ("๑๒๓", Decimal("123.00")),
        (1234.5, Decimal("1234.50")),
        ("150,000 บาท", Decimal("150000.00")),
        (Decimal("7"), Decimal("7.00")),
        ("1,234,567.50", Decimal("1234567.50")),
        ("1234567.5", Decimal("1234567.50")),
        ("12,345", Decimal("12345.00")),
        ("๑,๒๓๔.๕๐", Decimal("1234.50")),
        ("0.00", Decimal("0.00")),
        ("฿500", Decimal("500.00")),
    ],
)
def test_money_is_read_exactly(typed, amount):
    parsed = cal.parse_money(typed)
    assert parsed == amount and isinstance(parsed, Decimal)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("-5", "negative_money"),
        ("abc", "invalid_money"),
        ("1.005", "too_many_decimals"),
        ("NaN", "invalid_money"),
        ("1e13", "invalid_money"),
        ("1e6", "invalid_money"),
        ("12,34,5", "invalid_money"),
        ("1,2345", "invalid_money"),
        ("1234,567", "invalid_money"),
        (",123", "invalid_money"),
        ("1,234,", "invalid_money"),
        ("1 000", "invalid_money"),
        ("1_000", "invalid_money"),
        (".5", "invalid_money"),
        ("5.", "invalid_money"),
        ("+5", "invalid_money"),
        ("Infinity", "invalid_money"),
        ("1,234.5.6", "invalid_money"),
        ("1000000000000", "money_too_large"),
        (float("nan"), "invalid_money"),
        (1e30, "money_too_large"),
        ("1" * 40, "money_too_large"),
    ],
)
def test_bad_money_is_refused_with_a_reason(typed, code):
    with pytest.raises(ValidationError) as refusal:
        cal.parse_money(typed)
    assert refusal.value.code == code


def test_a_refused_amount_names_its_field():
    with pytest.raises(ValidationError) as refusal:
        cal.parse_money("1e6", field="งบประมาณ (บาท)")
    assert refusal.value.code == "invalid_money"
    assert refusal.value.messages[0].startswith("งบประมาณ (บาท): “1e6” ไม่ใช่จำนวนเงิน")


@given(st.decimals(min_value=0, max_value=Decimal("999999999999.99"), places=2))
def test_every_amount_as_printed_reads_back_the_same(amount):
    assert cal.parse_money(f"{amount:,.2f}") == amount
    assert cal.parse_money(f"{amount:.2f}") == amount
    assert cal.parse_money(cal.to_thai_digits(f"{amount:,.2f}")) == amount


@given(st.text(alphabet="0123456789,.", min_size=1, max_size=14))
def test_a_typed_amount_is_read_only_when_its_separators_are_where_they_belong(typed):
    """Whatever digits, commas and points are typed: read only when removing the commas
    leaves a plain number of whole satang (100.500 is 100.50) and the commas group
    thousands; never another number."""
    plain = re.fullmatch(r"(\d{1,3}(,\d{3})+|\d+)(\.\d+)?", typed)
    number = Decimal(typed.replace(",", "")) if plain else None
    readable = plain and number == number.quantize(Decimal("0.01")) and number < Decimal("1e12")
    try:
        amount = cal.parse_money(typed)
    except ValidationError:
        assert not readable
    else:
        assert readable and amount == number


def test_money_and_percent_are_formatted_for_reading():
    assert cal.format_money(Decimal("1234567.5")) == "1,234,567.50"
    assert cal.format_money(None) == "-"
    assert cal.format_money(Decimal("0")) == "-"
    assert cal.format_percent(1, 3) == "33.33"
    assert cal.format_percent(1, 0) == "-"


def test_template_filters_render_thai_dates_and_money():
    from django.template import Context, Template

    rendered = Template(
        "{{ day|thai_date }}|{{ day|thai_date_short }}|{{ amount|money }}|{{ 2552|thai_digits }}"
    ).render(Context({"day": datetime.date(2008, 12, 25), "amount": Decimal("1500")}))
    assert rendered == "25 ธันวาคม 2551|25 ธ.ค. 2551|1,500.00|๒๕๕๒"


def test_a_moment_is_dated_by_the_bangkok_calendar_not_by_utc():
    """03:00 in Bangkok on 3 December is 20:00 UTC on the 2nd: the day shown is the 3rd."""
    moment = datetime.datetime(2026, 12, 2, 20, 0, tzinfo=datetime.UTC)
    assert cal.local_date(moment) == datetime.date(2026, 12, 3)
    assert cal.format_thai_date(moment) == "3 ธันวาคม 2569"
    assert cal.local_date(datetime.date(2026, 12, 2)) == datetime.date(2026, 12, 2)
    assert cal.local_date(datetime.datetime(2026, 12, 2, 23, 0)) == datetime.date(2026, 12, 2)


def test_the_date_filters_read_a_moment_in_bangkok_in_either_language():
    from django.utils import translation

    from localplan.core.templatetags.thai import thai_date, thai_date_short

    moment = datetime.datetime(2026, 12, 2, 17, 0, tzinfo=datetime.UTC)  # 00:00 on the 3rd
    assert thai_date_short(moment) == "3 ธ.ค. 2569"
    with translation.override("en"):
        assert thai_date(moment).startswith("3 December")
