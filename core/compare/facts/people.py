"""People in the sources: names folded across spellings, and every title or role each source gives them."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import accumulate
from string import ascii_letters
from typing import NamedTuple

from core.compare.facts.mentions import Mention, fold, mention, passages, plain
from core.compare.facts.titles import (
    DETERMINERS,
    MODIFIERS,
    POSSESSIVE_END,
    bare_word,
    is_name_token,
    is_role,
    title_word,
    head,
    is_nationality,
    may_hold_role,
    title_value,
)
from core.model import Document, Passage

Span = tuple[int, int, list[str]]  # (start, end, title words) in a passage

TOKEN = re.compile(r"[^\W\d_][\w.’'-]*", re.UNICODE)
_COMMA_END = re.compile(r",\s+$")
_POSSESSIVE_S = re.compile(r"[’']s$")  # compiled once: tried on every word before a name


class _Tokens(NamedTuple):
    """The TOKEN matches of a text as parallel lists."""

    words: list[str]
    starts: list[int]
    ends: list[int]


_TOKEN_SPLIT = re.compile(f"({TOKEN.pattern})")  # the tokens as the odd items of re.split
_ASCII_TOKEN_SPLIT = re.compile(r"([A-Za-z][A-Za-z0-9_.'-]*)")  # the same in ASCII text, scanned faster


@lru_cache(maxsize=65536)
def _tokens(text: str) -> _Tokens:
    """Return the tokens of a text (texts, starts, ends) from one split: no match object per token."""
    parts = (_ASCII_TOKEN_SPLIT if text.isascii() else _TOKEN_SPLIT).split(text)
    offsets = list(accumulate(map(len, parts)))  # offsets[k]: where parts[k] ends
    return _Tokens(parts[1::2], offsets[0:-1:2], offsets[1::2])


@lru_cache(maxsize=65536)
def _name_tokens(text: str) -> tuple[int, ...]:
    """Return the indices of the tokens that can be name words (read once for names and titles)."""
    # A lowercase first letter never starts a name word: the quick test goes first.
    return tuple([k for k, word in enumerate(_tokens(text).words) if not word[0].islower() and is_name_token(word)])


# In text whose word characters are all ASCII: from a capital to the end of its run of token
# characters (the end of its token, TOKEN's characters there).
_CAPITALISED = re.compile(r"[A-Z][A-Za-z0-9_.’'-]*")
_TOKEN_NON_LETTERS = frozenset("0123456789_.’'-")  # token characters that cannot start a token
_WORD_CHARACTER_NOT_ASCII = re.compile(r"[^\W\x00-\x7f]")  # a letter or digit outside ASCII ("é", "²")


def _capitalised_tokens(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, word) of the tokens that begin with a capital, in text whose word characters are ASCII.

    A token runs from the first letter of a run of token characters to the run's end, so a
    capital starts one unless a letter stands before it in its run ("iPhone", "U.S."; not "3M"):
    the capitals are found, not every word.
    """
    found = []
    for match in _CAPITALISED.finditer(text):
        before = match.start() - 1
        while before >= 0 and text[before] in _TOKEN_NON_LETTERS:
            before -= 1
        if before < 0 or text[before] not in ascii_letters:
            found.append((match.start(), match.end(), match.group()))
    return found


@lru_cache(maxsize=65536)
def _names(text: str) -> tuple[tuple[int, int, list[str]], ...]:
    """Return (start, end, name words) for runs of two or more capitalised words."""
    # A lowercase first letter never starts a name word: where every letter is ASCII (curly quotes
    # and dashes aside), only the capitals are read.
    if text.isascii() or not _WORD_CHARACTER_NOT_ASCII.search(text):
        named = [token for token in _capitalised_tokens(text) if is_name_token(token[2])]
    else:
        words, starts, ends = _tokens(text)
        named = [(starts[k], ends[k], words[k]) for k in _name_tokens(text)]
    found, at, count = [], 0, len(named)
    while at < count:  # a single space between two name words makes them adjacent tokens of one run
        first = last = at
        at += 1
        while at < count and text[named[last][1] : named[at][0]] == " " and not POSSESSIVE_END.search(named[last][2]):
            last = at
            at += 1
        if last > first:
            end = named[last][0] + len(bare_word(named[last][2]))
            found.append((named[first][0], end, [bare_word(w) for _s, _e, w in named[first : last + 1]]))
    return tuple(found)


def _prefix_title(text: str, tokens: _Tokens, first: int) -> tuple[int, int, list[str]] | None:
    """Return the title words right before a name ("former President", "his chief negotiator")."""
    texts, starts, ends = tokens
    j = first - 1
    words: list[int] = []  # token numbers
    while (
        j >= 0
        and text[ends[j] : starts[j + 1]] in (" ", "")
        and (title_word(bare_word(texts[j])) or is_nationality(bare_word(texts[j])))
    ):
        if _POSSESSIVE_S.search(texts[j]):
            break
        words.insert(0, j)
        j -= 1
    while words and (
        is_nationality(bare_word(texts[words[0]]))
        or texts[words[0]].lower() in MODIFIERS
        and texts[words[0]].lower() not in ("former", "ex", "estranged")
    ):
        if is_nationality(bare_word(texts[words[0]])):
            words.pop(0)
        else:
            break
    if not words or not any(is_role(bare_word(texts[k])) for k in words):
        return None
    return starts[words[0]], starts[words[-1]] + len(bare_word(texts[words[-1]])), [texts[k] for k in words]


APPOSITIVE_AFTER = re.compile(r"^,\s+((?:[^,.;()]{1,60}?))(?=,|\.|;|$)")
OPENER = re.compile(r"\b(?:his|her|their|the|its)\s", re.I)


APPOSITIVE_REACH = 64  # characters before a name read for "the town's mayor, " (the phrase is at most 50)


def _appositive_ending_at(text: str, end: int) -> tuple[int, int, list[str]] | None:
    """Return the role words (absolute offsets) of an appositive ending right before text[end]."""
    base = max(0, end - APPOSITIVE_REACH)  # a bounded window: a long passage stays linear
    found = _appositive_before(text[base:end])
    if not found:
        return None
    at, (start, stop, words) = found
    return base + at + start, base + at + stop, words


def _appositive_before(text: str) -> tuple[int, tuple[int, int, list[str]]] | None:
    """Return (phrase start, role words) of "the town's mayor, " right before a name."""
    if not _COMMA_END.search(text):
        return None
    comma = text.rstrip().rfind(",")
    for opener in reversed(list(OPENER.finditer(text[:comma]))):
        phrase = text[opener.start() : comma]
        if len(phrase) > 50 or re.search(r"[,.;()]", phrase):
            return None
        tail = _role_tail(phrase)
        if tail:
            return opener.start(), tail
    return None


def _role_tail(phrase: str) -> tuple[int, int, list[str]] | None:
    """Return the role words at the end of an appositive phrase ("Trump's son-in-law" -> son-in-law)."""
    texts, starts, _ends = _tokens(phrase)
    words: list[int] = []  # token numbers
    for k in reversed(range(len(texts))):
        bare = bare_word(texts[k])
        if _POSSESSIVE_S.search(texts[k]) or bare.lower() in DETERMINERS or not title_word(bare):
            break
        words.insert(0, k)
    rest = phrase[: starts[words[0]]].strip() if words else ""
    if not words or not any(is_role(bare_word(texts[k])) for k in words):
        return None
    last = rest.split()[-1] if rest.split() else ""
    if re.search(r"\b(?:and|or|with|by|to|of)\b", rest, re.I) or len(rest.split()) > 4:
        return None  # "X, and his son-in-law, Y": the role belongs to Y
    if rest and not (_POSSESSIVE_S.search(last) or last.lower() in DETERMINERS):
        return None
    return starts[words[0]], starts[words[-1]] + len(bare_word(texts[words[-1]])), [texts[k] for k in words]


GIVEN_AFTER_ROLE = re.compile(r"[,.;)]")


def _given_names_placed(by_given, given_by_surname) -> list[tuple[str, str | None, Document, Passage, list[Span]]]:
    """Return the given-name-only mentions that name exactly one person met in full in the sources."""
    surnames: dict[str, set[str]] = defaultdict(set)
    for surname, givens in given_by_surname.items():
        for given in givens:
            surnames[given].add(surname)
    placed: list[tuple[str, str | None, Document, Passage, list[Span]]] = []
    for given, document, passage, titles in by_given:
        if len(surnames.get(given, ())) == 1:
            placed.append((next(iter(surnames[given])), given, document, passage, titles))
    return placed


def _person_key(words: list[str]) -> tuple[str, str]:
    return fold(words[-1]), fold(words[0])


Named = tuple[str, str, str, str]  # (folded surname, folded given name, the name as written, document id)


def name_counts(documents) -> Counter[Named]:
    """Count the full names of every passage, in the order they are first met.

    Read once for the titles (person_mentions) and for the people known (known_people).
    """
    return Counter(
        (*_person_key(words), " ".join(words), document.id)
        for document, passage in passages(documents)
        for _start, _end, words in _names(passage.text)
    )


def person_mentions(documents, names: Counter[Named]) -> list[Mention]:
    """Return every title mention of every named person, with names folded across sources (names: name_counts)."""
    raw: list[tuple[str, str | None, Document, Passage, list[Span]]] = []  # given None: surname alone
    given_by_surname: dict[str, Counter] = defaultdict(Counter)
    spellings: dict[tuple[str, str], Counter] = defaultdict(Counter)
    per_doc_given: dict[tuple[str, str], set] = defaultdict(set)
    by_given: list[tuple[str, Document, Passage, list[Span]]] = []  # a given name alone after a role
    for (surname, given, written, doc_id), count in names.items():
        given_by_surname[surname][given] += count
        spellings[(surname, given)][written] += count
        per_doc_given[(doc_id, surname)].add(given)
    for document, passage in passages(documents):
        text = passage.text
        if not may_hold_role(text):
            continue  # every title holds a role word: no name here is given one
        tokens = _tokens(text)
        inside: set[int] = set()  # the tokens of the runs, by index
        for start, end, words in _names(text):
            surname, given = _person_key(words)
            first = bisect_left(tokens.starts, start)  # a run starts where its first token does
            inside.update(range(first, first + len(words)))
            titles = []
            before = _prefix_title(text, tokens, first)
            if before:
                titles.append(before)
            else:
                found = _appositive_ending_at(text, start)
                if found:
                    titles.append(found)
            after = APPOSITIVE_AFTER.match(text[end:])
            role = _role_tail(after.group(1)) if after else None
            if after and role:
                titles.append((end + after.start(1) + role[0], end + after.start(1) + role[1], role[2]))
            raw.append((surname, given, document, passage, titles))
        # A title before one known surname ("President Trump") names the person met in full elsewhere.
        for k in _name_tokens(text):
            if k in inside:
                continue
            token_start = tokens.starts[k]
            bare = bare_word(tokens.words[k])
            before = _prefix_title(text, tokens, k)
            if before:
                raw.append((fold(bare), None, document, passage, [before]))
            elif GIVEN_AFTER_ROLE.match(text, tokens.ends[k]):
                # "her estranged husband, Simon, and ...": a role, then one given name set off by commas
                found = _appositive_ending_at(text, token_start)
                if found:
                    by_given.append((fold(bare), document, passage, [found]))
    raw += _given_names_placed(by_given, given_by_surname)
    out: list[Mention] = []
    for surname, given_or_none, document, passage, titles in raw:
        if surname not in given_by_surname or not titles or (given_or_none is None and len(surname) < 3):
            continue
        if given_or_none is None:
            here = per_doc_given.get((document.id, surname)) or set(given_by_surname[surname])
            if len(here) != 1:
                continue  # "Patterson" alone, where two Pattersons are named, is not certain
            given_or_none = next(iter(here))
        given = given_or_none
        name = spellings[(surname, given)].most_common(1)[0][0]
        for start, end, words in titles:
            value = title_value(words)
            out.append(
                mention(
                    f"person:{surname}:{given}:title",
                    f"{name}: title",
                    "person",
                    "title",
                    document,
                    passage,
                    start,
                    end,
                    value,
                )
            )
    heads: dict[tuple[str, str], set] = defaultdict(set)
    for m in out:
        _kind, surname, given, _t = m.fact.split(":")
        heads[(surname, given)].add(head(m.value))
    out += _given_name_mentions(documents, given_by_surname, per_doc_given, heads)
    return out


def _spelt_alike(givens: set[str]) -> bool:
    """Return True when given names differ by one letter or two (Oleh/Oleg): a transliteration, not a person."""
    from difflib import SequenceMatcher

    names = sorted(givens)
    return all(
        SequenceMatcher(None, a, b).ratio() >= 0.75 and a[:1] == b[:1]
        for i, a in enumerate(names)
        for b in names[i + 1 :]
    )


def _given_name_mentions(documents, given_by_surname, per_doc_given, heads) -> list[Mention]:
    """Return given-name mentions for surnames that one source pairs with one given name and another with another."""
    out: list[Mention] = []
    by_surname: dict[str, dict[str, set]] = defaultdict(dict)
    for (doc, surname), names in per_doc_given.items():
        by_surname[surname][doc] = names
    for surname, givens in given_by_surname.items():
        if len(givens) < 2:
            continue
        owners = by_surname[surname]
        single = {doc: next(iter(names)) for doc, names in owners.items() if len(names) == 1}
        if len(set(single.values())) < 2 or any(len(names) > 1 for names in owners.values()):
            continue  # a source naming two people of one surname: relatives, not a misspelling
        roles = [heads.get((surname, given), set()) for given in set(single.values())]
        if not all(roles) or not set.intersection(*roles):
            continue  # only one person holding one role can have a misspelt or wrong given name
        for document, passage in passages(documents):
            if document.id not in single:
                continue
            for start, end, words in _names(passage.text):
                if fold(words[-1]) == surname:
                    label = f"{words[-1]}: given name"
                    kind = "spelling" if _spelt_alike(set(single.values())) else "actor"
                    out.append(
                        mention(
                            f"person:{surname}:given",
                            label,
                            "person",
                            kind,
                            document,
                            passage,
                            start,
                            end,
                            plain(" ".join(words)),
                        )
                    )
    return out


def known_people(names: Counter[Named]) -> dict[str, str]:
    """Return the people named in full anywhere: folded surname -> the full name most often written (names: name_counts)."""
    spellings: dict[str, dict[str, int]] = defaultdict(dict)
    for (surname, _given, written, _doc_id), count in names.items():
        spellings[surname][written] = spellings[surname].get(written, 0) + count
    # The first of the most written, as Counter.most_common(1) picks it.
    return {surname: max(written, key=written.__getitem__) for surname, written in spellings.items()}
