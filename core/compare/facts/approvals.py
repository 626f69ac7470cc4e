"""Which legislature each source says a text still needs the approval of ("would need Congress's approval")."""

from __future__ import annotations

import re

from core.compare.facts.mentions import Mention, mention, passages
from core.compare.institutions import ACTS, act_is_pending, may_name_institution
from core.compare.slots import document_slots
from core.ingest.gates import lower_words

LABEL = "approval: by"
# The approving act's pattern without its closing word boundary: a body's act is read in a window
# of the text whose end may cut a word ("sign off|er"), so where this finds nothing in the whole
# text no body is named in an act of approval.
_APPROVAL_WORD = re.compile(dict(ACTS)["approve"].pattern.removesuffix(r"\b"), dict(ACTS)["approve"].flags)


def approval_mentions(documents) -> list[Mention]:
    """Return each legislature named as the body whose approval a text still needs, one row for all.

    Only an approval still ahead is compared: chambers that already acted may be steps of one
    process ("the Senate passed it, the House voted in May"), while the body a deal must still go
    to is one fact the sources can disagree on.
    """
    out: list[Mention] = []
    for document, passage in passages(documents):
        # A text that cannot name a body (the gate slots use) or has no word of approval holds no
        # slot of this row: its other kinds, the values among them, are not read for it.
        if not may_name_institution(passage.text, lower_words(passage.text)) or not _APPROVAL_WORD.search(passage.text):
            continue
        for slot in document_slots(passage.text):  # the kinds read in every passage, remembered per text
            if slot.type != "institution" or (slot.group, slot.subject) != ("legislature", "approve"):
                continue
            if act_is_pending(passage.text, slot.start):
                found = (document, passage, slot.start, slot.end, slot.value)
                out.append(mention("event:approval:body", LABEL, "event", "institution", *found))
    return out
