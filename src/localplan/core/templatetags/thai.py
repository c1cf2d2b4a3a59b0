"""Template filters for dates, fiscal years, money and digits: {{ day|thai_date }} …"""

from django import template
from django.utils.safestring import mark_safe

from localplan.core import thai_calendar as cal

register = template.Library()


@register.filter
def thai_date(day):
    """25 ธันวาคม 2551"""
    return cal.format_thai_date(day, "long")


@register.filter
def thai_date_short(day):
    """25 ธ.ค. 2551"""
    return cal.format_thai_date(day, "short")


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


@register.filter
def thai_words(text):
    """Thai text that a line never breaks inside a word: {{ entry.name|thai_words }}."""
    if text in (None, ""):
        return ""
    from localplan.core.thai_text import html_words

    return mark_safe(html_words(str(text)))
