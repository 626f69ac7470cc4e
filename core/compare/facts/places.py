"""Where each source says an event happened: "talks in Berlin" ("at" names institutions too often)."""
from __future__ import annotations

import re

from core.compare.facts.events import MONTHS, WEEKDAYS, _events, _subject, event_of
from core.compare.facts.mentions import Mention, mention, passages, plain

PLACE = re.compile(r"\b[Ii]n\s+(?:the\s+)?(?P<name>[A-Z][\w’'-]+(?:\s+(?:of\s+)?[A-Z][\w’'-]+){0,2})")
NOT_PLACES = frozenset(WEEKDAYS) | frozenset(MONTHS) | frozenset("""
the a an this that his her their its it he she they we i total all least first last addition particular
response order fact general short part recent early late january
""".split())


def place_mentions(documents) -> list[Mention]:
    """Return each place named with the event of its clause ("met in Berlin" -> talks: place)."""
    out: list[Mention] = []
    for document, passage in passages(documents):
        text = passage.text
        events = _events(text)
        if not events:
            continue
        for found in PLACE.finditer(text):
            name = found.group("name")
            if name.split()[0].lower() in NOT_PLACES or re.search(r"\d", name):
                continue
            nearest = event_of(text, found.start(), found.end(), events)
            if nearest is None:
                continue
            out.append(mention(f"place:{nearest[2]}", f"{nearest[2]}: place", "event", "place", document, passage,
                               found.start("name"), found.end("name"), plain(name),
                               about=_subject(text, nearest[0])))
    return out


def mentioned_anywhere(documents) -> dict[str, str]:
    """Return each document's whole text in plain lower case, to ask whether it names a place at all."""
    return {d.id: plain(d.source.text) for d in documents}
