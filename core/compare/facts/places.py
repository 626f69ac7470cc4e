"""Where each source says an event happened: "talks in Berlin" ("at" names institutions too often)."""

from __future__ import annotations

import re

from core.compare.facts.events import MONTHS, WEEKDAYS, matches_near_events
from core.compare.facts.mentions import Mention, mention, plain

PLACE = re.compile(r"\b[Ii]n\s+(?:the\s+)?(?P<name>[A-Z][\w’'-]+(?:\s+(?:of\s+)?[A-Z][\w’'-]+){0,2})")
NOT_PLACES = (
    frozenset(WEEKDAYS)
    | frozenset(MONTHS)
    | frozenset(
        """
the a an this that his her their its it he she they we i total all least first last addition particular
response order fact general short part recent early late january
""".split()
    )
)


def place_mentions(documents) -> list[Mention]:
    """Return each place named with the event of its clause ("met in Berlin" -> talks: place)."""

    def not_a_place(found) -> bool:
        name = found.group("name")
        # "in Monday's election", "in Canada's vote": a possessive qualifies the event, it is no venue
        if name.endswith(("'s", "’s")):
            return True
        return name.split()[0].lower() in NOT_PLACES or re.search(r"\d", name) is not None

    out: list[Mention] = []
    for document, passage, found, event, about in matches_near_events(documents, PLACE, not_a_place):
        out.append(
            mention(
                f"place:{event}",
                f"{event}: place",
                "event",
                "place",
                document,
                passage,
                found.start("name"),
                found.end("name"),
                plain(found.group("name")),
                about=about,
            )
        )
    return out


class _PlainTexts(dict):
    """Each document's whole text in plain lower case, by document id, made when first asked for.

    Read it by `texts[doc_id]` only: `get` and `in` do not make the text, and the mapping is empty
    (so false) until a text is asked for.
    """

    def __init__(self, documents) -> None:
        super().__init__()
        self._texts = {d.id: d.source.text for d in documents}

    def __missing__(self, doc_id: str) -> str:
        made = self[doc_id] = plain(self._texts[doc_id])
        return made


def mentioned_anywhere(documents) -> dict[str, str]:
    """Return each document's whole text in plain lower case, to ask whether it names a place at all.

    Only the sources of two places that differ are asked about: each text is made on first ask.
    """
    return _PlainTexts(documents)
