"""Small helpers for page templates."""

from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """{{ totals|get_item:2552 }}"""
    return mapping.get(key) if mapping else None


@register.filter
def can_edit_unit_row(membership, unit_id):
    """{% if membership|can_edit_unit_row:entry.unit_id %}"""
    return membership is not None and membership.can_edit_unit_row(unit_id)
