"""Which legislature each source says a text still needs the approval of ("would need Congress's approval")."""

from __future__ import annotations

from core.compare.facts.mentions import Mention, mention, passages
from core.compare.institutions import act_is_pending, may_name_institution
from core.compare.slots import document_slots
from core.ingest.gates import lower_words

LABEL = "approval: by"


def approval_mentions(documents) -> list[Mention]:
    """Return each legislature named as the body whose approval a text still needs, one row for all.

    Only an approval still ahead is compared: chambers that already acted may be steps of one
    process ("the Senate passed it, the House voted in May"), while the body a deal must still go
    to is one fact the sources can disagree on.
    """
    out: list[Mention] = []
    for document, passage in passages(documents):
        # A text that cannot name a body holds no institution slot (the gate slots use): its other
        # kinds, the values among them, are not read for this row.
        if not may_name_institution(passage.text, lower_words(passage.text)):
            continue
        for slot in document_slots(passage.text):  # the kinds read in every passage, remembered per text
            if slot.type != "institution" or (slot.group, slot.subject) != ("legislature", "approve"):
                continue
            if act_is_pending(passage.text, slot.start):
                found = (document, passage, slot.start, slot.end, slot.value)
                out.append(mention("event:approval:body", LABEL, "event", "institution", *found))
    return out
