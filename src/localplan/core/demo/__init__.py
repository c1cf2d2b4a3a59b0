"""The demo: อบต.ผไทรินทร์ of the seed (regulation of 2548, three-year plan 2552–2554,
operational plan 2552) and a smaller เทศบาลตำบล under today's regime (five-year plan
2566–2570). One data module per organization; `loader` turns them into rows.

The names of people, villages and figures are illustrative, not any organization's real plan.
"""

from localplan.core.demo import nongbua, phairin
from localplan.core.demo.loader import DEMO_PASSWORD, Loaded, load_organizations

ORGANIZATIONS = [phairin, nongbua]
DEMO_SLUGS = [module.ORGANIZATION["slug"] for module in ORGANIZATIONS]

__all__ = ["DEMO_PASSWORD", "DEMO_SLUGS", "ORGANIZATIONS", "Loaded", "load_demo"]


def load_demo() -> list[Loaded]:
    """Load the demo organizations not yet in the database; [] when all are there."""
    return load_organizations(ORGANIZATIONS)
