"""The Thai calendar, fiscal years, digits and money: every conversion lives here.

Fiscal year พ.ศ. 2552 runs from 1 October 2008 to 30 September 2009; it is named by the
Buddhist-era year it ends in (พ.ศ. = ค.ศ. + 543). Month 1 of a fiscal year is ต.ค., month 12
is ก.ย.; an entry's months are stored as a 12-bit mask, bit 0 for ต.ค.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

BE_OFFSET = 543
# Years a user may mean: พ.ศ. 2400 (1857) to พ.ศ. 2700 (2157).
EARLIEST_BE_YEAR = 2400
LATEST_BE_YEAR = 2700

MONTH_NAMES = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
MONTH_ABBREVIATIONS = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
ALL_MONTHS_MASK = (1 << 12) - 1

_THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_THAI = str.maketrans("0123456789", _THAI_DIGITS)
_TO_ARABIC = str.maketrans(_THAI_DIGITS, "0123456789")
CENT = Decimal("0.01")


def be_year(ce_year: int) -> int:
    return ce_year + BE_OFFSET


def ce_year(be: int) -> int:
    return be - BE_OFFSET


def fiscal_year_of(day: datetime.date) -> int:
    """The fiscal year (พ.ศ.) a calendar day falls in."""
    return be_year(day.year + 1 if day.month >= 10 else day.year)


def fiscal_year_range(fiscal_year: int) -> tuple[datetime.date, datetime.date]:
    """First and last day of a fiscal year (พ.ศ.)."""
    year = ce_year(fiscal_year)
    return datetime.date(year - 1, 10, 1), datetime.date(year, 9, 30)


@dataclass(frozen=True)
class FiscalMonth:
    index: int  # 1 = ต.ค. … 12 = ก.ย.
    month: int  # calendar month, 1–12
    be_year: int  # calendar year of this month, in พ.ศ.

    @property
    def abbreviation(self) -> str:
        return MONTH_ABBREVIATIONS[self.month - 1]

    @property
    def name(self) -> str:
        return MONTH_NAMES[self.month - 1]

    @property
    def bit(self) -> int:
        return 1 << (self.index - 1)

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(ce_year(self.be_year), self.month, 1)


def fiscal_months(fiscal_year: int) -> list[FiscalMonth]:
    """The twelve months of a fiscal year, ต.ค. of the year before first."""
    months = []
    for index in range(1, 13):
        month = (index + 8) % 12 + 1
        months.append(FiscalMonth(index, month, fiscal_year - 1 if month >= 10 else fiscal_year))
    return months


def fiscal_month_index(day: datetime.date) -> int:
    """1 for a day in October … 12 for a day in September."""
    return (day.month - 10) % 12 + 1


def months_to_mask(indexes: Iterable[int]) -> int:
    mask = 0
    for index in indexes:
        index = int(index)
        if not 1 <= index <= 12:
            raise ValueError(f"fiscal month index out of range: {index}")
        mask |= 1 << (index - 1)
    return mask


def mask_to_months(mask: int) -> list[int]:
    return [index for index in range(1, 13) if mask & (1 << (index - 1))]


def month_runs(mask: int) -> list[tuple[int, int]]:
    """Consecutive runs of months as (first, last) indexes: the bars drawn on form ผด.02."""
    runs: list[tuple[int, int]] = []
    for index in mask_to_months(mask):
        if runs and runs[-1][1] == index - 1:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    return runs


def local_date(moment: datetime.date) -> datetime.date:
    """The calendar day of a moment where the organization is (settings.TIME_ZONE, Bangkok):
    an aware datetime stored in UTC at 20:00 on the 2nd is the 3rd in Bangkok. A date, or a
    naive datetime (read from a spreadsheet), is taken as it is."""
    if isinstance(moment, datetime.datetime):
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        return moment.date()
    return moment


def format_thai_date(day: datetime.date | None, style: str = "long") -> str:
    """ "25 ธันวาคม 2551" (long) or "25 ธ.ค. 2551" (short); "" for no date."""
    if day is None:
        return ""
    day = local_date(day)
    names = MONTH_NAMES if style == "long" else MONTH_ABBREVIATIONS
    return f"{day.day} {names[day.month - 1]} {be_year(day.year)}"


def to_thai_digits(text: object) -> str:
    return str(text).translate(_TO_THAI)


def to_arabic_digits(text: str) -> str:
    return text.translate(_TO_ARABIC)


def parse_be_year(value: object) -> int:
    """A year typed by a user in พ.ศ. ("2552", "๒๕๕๒", "พ.ศ. 2552"); a ค.ศ. year is refused."""
    text = to_arabic_digits(str(value)).strip()
    text = re.sub(r"^(พ\s*\.\s*ศ\s*\.?|BE)\s*", "", text, flags=re.IGNORECASE)
    if text.endswith(".0"):  # a year read from a spreadsheet cell as a number
        text = text[:-2]
    if not re.fullmatch(r"\d{4}", text):
        raise ValidationError(
            _("“%(value)s” ไม่ใช่ปี พ.ศ. ที่ถูกต้อง (ตัวอย่าง 2552)"),
            code="invalid_year",
            params={"value": value},
        )
    year = int(text)
    if EARLIEST_BE_YEAR - BE_OFFSET <= year < EARLIEST_BE_YEAR:
        raise ValidationError(
            _("%(value)s เป็นปี ค.ศ. กรุณากรอกปี พ.ศ. (%(value)s + 543 = %(be)s)"),
            code="christian_era_year",
            params={"value": year, "be": year + BE_OFFSET},
        )
    if not EARLIEST_BE_YEAR <= year <= LATEST_BE_YEAR:
        raise ValidationError(
            _("ปี พ.ศ. %(value)s อยู่นอกช่วงที่รับได้ (%(low)s–%(high)s)"),
            code="year_out_of_range",
            params={"value": year, "low": EARLIEST_BE_YEAR, "high": LATEST_BE_YEAR},
        )
    return year


def parse_thai_date(value: object) -> datetime.date:
    """A day typed as "25/12/2551" (พ.ศ.) or an ISO date "2008-12-25"."""
    text = to_arabic_digits(str(value)).strip()
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    thai = re.fullmatch(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", text)
    try:
        if iso:
            year, month, day = (int(part) for part in iso.groups())
            return datetime.date(year, month, day)
        if thai:
            day, month = int(thai.group(1)), int(thai.group(2))
            year = parse_be_year(thai.group(3))
            return datetime.date(ce_year(year), month, day)
    except ValueError:
        pass
    raise ValidationError(
        _("“%(value)s” ไม่ใช่วันที่ที่ถูกต้อง กรอกเป็น วัน/เดือน/ปี พ.ศ. เช่น 25/12/2551"),
        code="invalid_date",
        params={"value": value},
    )


def format_input_date(day: datetime.date | None) -> str:
    """The form a date is typed in: "25/12/2551"."""
    if day is None:
        return ""
    return f"{day.day:02d}/{day.month:02d}/{be_year(day.year)}"


# Baht as a person writes it: digits, optionally grouped by thousands with commas
# (1,234,567), then at most a decimal point and digits; a sign only to say it is negative.
_AMOUNT = re.compile(r"(-?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")
_CURRENCY = re.compile(r"^(?:฿\s*)?(.*?)(?:\s*(?:บาท|฿))?$")


def parse_money(value: object, field: str | None = None) -> Decimal:
    """Baht as typed or read from a sheet: "1,234.50", "๑๒๓", " 500 ", "500 บาท", 1234.5.
    Only plain numbers whose commas group thousands are read ("1e6" and "12,34,5" are
    refused, never read as another amount); never negative, at most two decimals. Every
    form field and import reads amounts here; `field` names the field in the message."""
    try:
        return _parse_money(value)
    except ValidationError as refusal:
        if not field:
            raise
        raise ValidationError(
            _("%(field)s: %(reason)s"),
            code=refusal.code,
            params={"field": field, "reason": refusal.messages[0]},
        ) from None


def _parse_money(value: object) -> Decimal:
    amount = None
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        amount = Decimal(str(value))
    else:
        text = _CURRENCY.fullmatch(to_arabic_digits(str(value)).strip()).group(1)
        if _AMOUNT.fullmatch(text):
            amount = Decimal(text.replace(",", ""))
    if amount is None or not amount.is_finite():
        raise ValidationError(
            _(
                "“%(value)s” ไม่ใช่จำนวนเงิน กรอกเป็นตัวเลข คั่นหลักพันด้วยจุลภาคได้"
                " ทศนิยมไม่เกิน 2 ตำแหน่ง (ตัวอย่าง 1,234,567.50)"
            ),
            code="invalid_money",
            params={"value": value},
        )
    if amount < 0:
        raise ValidationError(
            _("จำนวนเงินต้องไม่ติดลบ (%(value)s)"), code="negative_money", params={"value": value}
        )
    if amount >= Decimal("1e12"):
        raise ValidationError(
            _("จำนวนเงินมากเกินไป (%(value)s)"), code="money_too_large", params={"value": value}
        )
    if amount != amount.quantize(CENT):
        raise ValidationError(
            _("จำนวนเงินมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง (%(value)s)"),
            code="too_many_decimals",
            params={"value": value},
        )
    return amount.quantize(CENT)


def format_money(amount: Decimal | None, dash_for_none: bool = True) -> str:
    """ "1,234,567.00"; "-" for no amount."""
    if amount is None or (dash_for_none and amount == 0):
        return "-"
    return f"{Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP):,.2f}"


def format_percent(part: Decimal | int, whole: Decimal | int) -> str:
    if not whole:
        return "-"
    share = Decimal(part) * 100 / Decimal(whole)
    return f"{share.quantize(CENT, rounding=ROUND_HALF_UP):.2f}"


def baht_text(amount: Decimal) -> str:
    """Baht in words for announcements: "หนึ่งพันบาทถ้วน", "สิบบาทห้าสิบสตางค์", "ห้าสิบสตางค์"."""
    from pythainlp.util import num_to_thaiword

    baht, satang = divmod(int(Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP) * 100), 100)
    if not baht and not satang:
        return "ศูนย์บาทถ้วน"
    words = f"{num_to_thaiword(baht)}บาท" if baht else ""
    return words + (f"{num_to_thaiword(satang)}สตางค์" if satang else "ถ้วน")
