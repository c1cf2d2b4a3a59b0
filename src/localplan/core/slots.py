"""Places on shared pages that other apps fill without editing those pages.

An app registers a function for a slot; the function gets the page's objects and returns a
`Panel` (a template and its context) or None to show nothing:

    @slot("home")
    def deadlines(membership): ...

    @slot("edition_actions")          # buttons beside an edition's title
    def downloads(membership, edition): ...

Slots: "home" (cards on the organization home page), "edition_actions" (buttons on a plan
edition page), "edition_panels" (sections under an edition's title), "settings_details"
(<dt>/<dd> rows on the organization's settings page), "before_submit" (what the planner must
see before sending a draft for review; a panel whose context holds `problems` has them
counted in the confirmation the page asks for).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Panel:
    template: str
    context: dict = field(default_factory=dict)
    order: int = 50


_registry: dict[str, list[Callable]] = defaultdict(list)


def slot(name: str) -> Callable[[Callable], Callable]:
    def register(func: Callable) -> Callable:
        _registry[name].append(func)
        return func

    return register


def panels_for(name: str, **objects) -> list[Panel]:
    shown = [panel for func in _registry[name] if (panel := func(**objects)) is not None]
    return sorted(shown, key=lambda panel: panel.order)
