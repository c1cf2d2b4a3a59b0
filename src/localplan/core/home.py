"""Panels of the organization home page. An app adds one with `@home_panel`; each returns
the template and context to show for a member, or None to show nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Panel:
    template: str
    context: dict = field(default_factory=dict)
    order: int = 50


_panels: list[Callable] = []


def home_panel(func: Callable) -> Callable:
    _panels.append(func)
    return func


def panels_for(membership) -> list[Panel]:
    shown = [panel for func in _panels if (panel := func(membership)) is not None]
    return sorted(shown, key=lambda panel: panel.order)
