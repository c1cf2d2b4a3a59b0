"""Template filters for dates, fiscal years, money and digits: {{ day|thai_date }} …

Dates and month names follow the page language; this is the one place that decides it.
A Thai page reads them as `thai_calendar` formats them ("25 ธันวาคม 2551"); an English
page keeps the Buddhist era of every fiscal year on the screen and adds the year A.D.
("25 December B.E. 2551 (2008)"). Documents are made under Thai, so they always read Thai.
Python code that builds text for a page calls these functions too.
"""

import re

from django import template
from django.utils import translation
from django.utils.dates import MONTHS, MONTHS_3
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import gettext as _

from localplan.core import thai_calendar as cal

register = template.Library()
_LATIN = re.compile(r"[A-Za-z]")
_THAI_RUN = re.compile(r"[\u0E00-\u0E7F]+(?:[\s\d.,/()-]+[\u0E00-\u0E7F]+)*")


def thai_page() -> bool:
    """Whether the active language reads dates the Thai way (also with none active)."""
    return (translation.get_language() or "th").split("-")[0] == "th"


def _month(month: int, style: str) -> str:
    """The calendar month 1–12 in the page language: ธันวาคม/ธ.ค. or December/Dec."""
    if thai_page():
        return (cal.MONTH_NAMES if style == "long" else cal.MONTH_ABBREVIATIONS)[month - 1]
    return str(MONTHS[month]) if style == "long" else str(MONTHS_3[month]).title()


def _date(day, style: str) -> str:
    if day in (None, ""):
        return ""
    if thai_page():
        return cal.format_thai_date(day, style)
    day = cal.local_date(day)
    be = cal.be_year(day.year)
    if style == "long":
        return f"{day.day} {_month(day.month, style)} {_('พ.ศ.')} {be} ({day.year})"
    return f"{day.day} {_month(day.month, style)} {_('พ.ศ.')} {be}"


@register.filter
def thai_date(day):
    """25 ธันวาคม 2551; in English 25 December B.E. 2551 (2008)"""
    return _date(day, "long")


@register.filter
def thai_date_short(day):
    """25 ธ.ค. 2551; in English 25 Dec B.E. 2551"""
    return _date(day, "short")


@register.filter
def month_abbr(month: cal.FiscalMonth) -> str:
    """A month of a fiscal year as a column head: ต.ค.; in English Oct"""
    return _month(month.month, "short")


@register.filter
def month_title(month: cal.FiscalMonth) -> str:
    """A month of a fiscal year in full: ตุลาคม 2551; in English October B.E. 2551"""
    if thai_page():
        return f"{month.name} {month.be_year}"
    return f"{_month(month.month, 'long')} {_('พ.ศ.')} {month.be_year}"


@register.filter
def months_text(mask: int) -> str:
    """The months of a 12-bit mask (bit 0 = October): ต.ค., พ.ย.; in English Oct, Nov"""
    return ", ".join(_month((index + 8) % 12 + 1, "short") for index in cal.mask_to_months(mask))


@register.filter
def input_date(day):
    """25/12/2551, as a date is typed"""
    return cal.format_input_date(day)


@register.filter
def money(amount):
    """1,234,567.00; "-" for none"""
    return cal.format_money(amount)


@register.filter
def percent_of(part, whole):
    return cal.format_percent(part or 0, whole or 0)


@register.filter
def thai_digits(text):
    return cal.to_thai_digits(text)


@register.filter
def baht_text(amount):
    return cal.baht_text(amount)


@register.filter
def fiscal_months(fiscal_year):
    return cal.fiscal_months(int(fiscal_year))


@register.filter
def fiscal_year_of(day):
    return cal.fiscal_year_of(day)


def _in_thai(html: str, text: str) -> str:
    """Safe HTML of a Thai text, marked `lang="th"` when the page is in another language,
    so that a screen reader reads it with a Thai voice and the browser breaks it as Thai."""
    from localplan.core.thai_text import THAI

    if thai_page() or not THAI.search(text):
        return mark_safe(html)
    return mark_safe(f'<span lang="th">{html}</span>')


@register.filter
def thai_words(text):
    """Thai text that a line never breaks inside a word: {{ entry.name|thai_words }}."""
    if text in (None, ""):
        return ""
    from localplan.core.thai_text import html_words

    return _in_thai(html_words(str(text)), str(text))


@register.filter
def lang_th(text):
    """Data written in Thai (a name, a place) inside a page in another language:
    {{ organization.full_name|lang_th }} is `<span lang="th">…</span>` on an English page
    and the plain text on a Thai one. Not for <title> or attributes: it makes markup."""
    if text in (None, ""):
        return ""
    if thai_page() or isinstance(text, SafeData) or not _LATIN.search(str(text)):
        return _in_thai(conditional_escape(text), str(text))
    # A name that the English page composes around Thai ("ผไทรินทร์ Subdistrict
    # Administrative Organization"): only its Thai runs are Thai.
    pieces, text, start = [], str(text), 0
    for run in _THAI_RUN.finditer(text):
        pieces += [escape(text[start : run.start()]), _in_thai(escape(run.group()), run.group())]
        start = run.end()
    return mark_safe("".join(pieces) + escape(text[start:]))
