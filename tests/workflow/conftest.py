import importlib.util

import pytest

from localplan.core.models import Role
from tests.factories import MembershipFactory
from tests.workflow.factories import dev_plan_edition, operational_plan_like_fy2552

HAS_DOCUMENTS = importlib.util.find_spec("localplan.documents") is not None


def _fake_official_pdf(edition) -> bytes:
    """Stands in for the documents app's renderer until it is merged: a real, deterministic
    PDF with the edition's title and every row's name."""
    import json

    import typst

    from localplan.workflow.documents import FONTS

    rows = edition.projects if hasattr(edition, "projects") else edition.entries
    names = list(rows.order_by("code").values_list("name", flat=True))
    source = (
        b'#set document(date: none)\n#set text(font: "Sarabun", lang: "th")\n'
        b"#let data = json(bytes(sys.inputs.data))\n#data.title\n\n"
        b"#for name in data.names [#name \\ ]\n"
    )
    return typst.compile(
        source,
        font_paths=[str(FONTS)],
        ignore_system_fonts=True,
        sys_inputs={"data": json.dumps({"title": str(edition), "names": names})},
    )


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Eight members per test: hash their passwords quickly (PBKDF2 takes a second each)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def official_pdf(monkeypatch):
    if not HAS_DOCUMENTS:
        monkeypatch.setattr("localplan.workflow.rendering.official_pdf", _fake_official_pdf)


@pytest.fixture
def members(org):
    """One member of the organization per role: members[Role.EXECUTIVE] …"""
    return {role: MembershipFactory(organization=org, role=role) for role in Role}


@pytest.fixture
def as_role(client, members):
    """as_role(Role.EXECUTIVE) → the test client signed in as that member."""

    def sign_in(role):
        client.force_login(members[role].user)
        return client

    return sign_in


@pytest.fixture
def ops_edition(org):
    return operational_plan_like_fy2552(org)


@pytest.fixture
def dev_edition(org):
    return dev_plan_edition(org)
