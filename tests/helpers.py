import html
import re


def visible_text(response) -> str:
    """What a reader sees of a page: tags dropped (Thai words are wrapped in spans so that
    lines break between words), entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", response.content.decode()))
