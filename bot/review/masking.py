"""Mask a youth's message before it is stored for review: no name, number or address.

Replaces, in this order: e-mail addresses ([EMAIL]), phone numbers (Dutch 06, +31, 0031
and landline numbers with spaces or dashes, and any other run of 6 or more digits:
[TELEFOON]), postcodes ("1234 AB": [POSTCODE]), house numbers after a street or "nr"
("kerkstraat 12", "nr 5": [STRAAT] [HUISNUMMER], nr [HUISNUMMER]), and names as [NAAM]:
the names the conversation knows (slots and entities, passed in), every first name of
`data/nlu/names.yml`, the word after "ik heet", "hij/zij heet", "mijn naam is", "noem me",
"zeg maar" and after a relation ("mijn oom karim"), a capitalised word inside a sentence,
and at a name question the name the answer holds (`bot.vocabulary.name_from_answer`).
It masks too much rather than too little: a masked word a reviewer misses is cheap, a
name kept is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.nlu.name_roles import first_names
from bot.nlu.relation_words import word_relation
from bot.vocabulary import name_from_answer

NAME = "[NAAM]"
PHONE = "[TELEFOON]"
EMAIL = "[EMAIL]"
POSTCODE = "[POSTCODE]"
HOUSE_NUMBER = "[HUISNUMMER]"
STREET = "[STRAAT]"
TOKENS = (NAME, PHONE, EMAIL, POSTCODE, HOUSE_NUMBER, STREET)

_EMAIL_RE = re.compile(r"[\w.+\-]+\s?(?:@|\(at\))\s?[\w\-]+(?:\s?\.\s?[\w\-]+)+", re.UNICODE)
# 06-12345678, 06 1234 5678, +31 6 12345678, 0031612345678, 020-1234567, (020) 123 45 67;
# then any other run of 6 or more digits with spaces or dashes between them.
_PHONE_RE = re.compile(
    r"(?:(?:\+|00)\s?31[\s\-]?(?:\(0\)[\s\-]?)?|\(0\d{1,3}\)[\s\-]?)?\d(?:[\s\-.]?\d){5,}"
)
_POSTCODE_RE = re.compile(r"\b[1-9]\d{3}\s?(?P<letters>[A-Za-z]{2})\b")
# two-letter words a number is often followed by, that are no postcode ("in 2010 en toen")
_NOT_POSTCODE_LETTERS = frozenset(
    "en is in op al te na of om nu ik je we ze er ja zo de ie ok he hé".split()
)
_STREET_ENDINGS = (
    "straat|laan|weg|plein|gracht|kade|singel|dreef|hof|park|pad|dijk|steeg|baan|ring|"
    "plantsoen|markt|erf|veld|hoek|wijk|burg|dam|haven|brink|akker|zoom|kamp"
)
_STREET_RE = re.compile(
    rf"\b[^\W\d_]*(?:{_STREET_ENDINGS})\s+\d{{1,5}}(?:\s?[a-zA-Z]\b|\s?-\s?\d+)?",
    re.IGNORECASE,
)
_NUMBER_WORD_RE = re.compile(
    r"\b(?P<word>nr\.?|no\.?|nummer|huisnummer|huisnr\.?)\s*(?P<num>\d{1,5}(?:\s?[a-zA-Z]\b)?)",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"\[[A-Z]+\]|[^\W\d_]+(?:['\-][^\W\d_]+)*", re.UNICODE)
# after these words the next word is a name ("ik heet sam", "zij heet riet")
_NAME_CUES = (
    ("ik", "heet"), ("hij", "heet"), ("zij", "heet"), ("ze", "heet"), ("die", "heet"),
    ("naam", "is"), ("noem", "me"), ("noem", "mij"), ("zeg", "maar"), ("heet", "ze"),
    ("heet", "hij"), ("heet", "zij"),
)  # fmt: skip
# words that never are a name, also after a cue or a relation
_NEVER_NAME = frozenset(
    "ik jij je u hij zij ze wij we jullie die dat dit het een de en of maar ook niet wel "
    "mijn mn me m'n zijn haar hun onze ons van voor bij met op in aan uit naar is was ben "
    "heet heb heeft wil weet kan mag moet gaat zegt zei doet al nog dan toen nu hier daar "
    "echt heel erg zo ja nee oke ok hoi hallo doei bedankt dank sorry jim coach niks niemand "
    "iemand iets wat wie waar hoe waarom wanneer want omdat als dus gewoon eigenlijk "
    # verbs that often follow "mijn oma ..."
    "woont werkt helpt luistert vindt komt zit speelt snapt begrijpt praat belt kookt "
    "zorgt geeft neemt staat ligt loopt rijdt leert weet".split()
)
# a capitalised word inside a sentence that is no name
_CAPITAL_OK = frozenset("ik jim ok oke nee ja hoi whatsapp instagram snapchat tiktok".split())


def _safe_brackets(text: str) -> str:
    """The youth's own brackets become parentheses, so only our tokens use [ ]."""
    return text.replace("[", "(").replace("]", ")")


def _is_relation(word: str) -> bool:
    found = word_relation(word)
    return bool(found and found[1])


def _known_words(known: Iterable[str]) -> set[str]:
    words: set[str] = set()
    for value in known:
        if not value or not isinstance(value, str):
            continue
        for word in re.findall(r"[^\W\d_]+(?:['\-][^\W\d_]+)*", value):
            lowered = word.lower()
            if len(lowered) >= 2 and lowered not in _NEVER_NAME and not _is_relation(lowered):
                words.add(lowered)
    return words


def _mask_numbers(text: str) -> str:
    text = _EMAIL_RE.sub(EMAIL, text)

    def street(match: re.Match) -> str:
        words = match.group(0).split()
        return f"{STREET} {HOUSE_NUMBER}" if len(words) >= 2 else HOUSE_NUMBER

    text = _STREET_RE.sub(street, text)
    text = _NUMBER_WORD_RE.sub(lambda m: f"{m.group('word')} {HOUSE_NUMBER}", text)

    def postcode(match: re.Match) -> str:
        if match.group("letters").lower() in _NOT_POSTCODE_LETTERS:
            return match.group(0)
        return POSTCODE

    text = _POSTCODE_RE.sub(postcode, text)
    return _PHONE_RE.sub(PHONE, text)


def mask(text: str, known_names: Iterable[str] = (), name_question: bool = False) -> str:
    """The message with every name, phone number, e-mail address, postcode and house
    number replaced by a token. `known_names`: the names the conversation holds (the
    youth's, the chosen person's, the people named). `name_question`: the message answers
    "Hoe heet je?" or "Hoe heet ...?", so a short answer is a name."""
    text = _mask_numbers(_safe_brackets(" ".join(str(text or "").split())))
    known = _known_words(known_names)
    if name_question:
        found = name_from_answer(text, text)
        if found:
            known |= _known_words([found])
    lookup = first_names()
    words = list(_WORD_RE.finditer(text))
    masked: set[int] = set()
    for index, match in enumerate(words):
        word = match.group(0)
        if word in TOKENS:
            continue
        lowered = word.lower()
        if lowered in _NEVER_NAME or _is_relation(lowered):
            continue
        before = [w.group(0).lower() for w in words[max(0, index - 2) : index]]
        sentence_start = match.start() == 0 or text[: match.start()].rstrip()[-1:] in ".!?"
        if (
            lowered in known
            or lowered in lookup
            or (len(before) == 2 and tuple(before) in _NAME_CUES)
            or (before and before[-1] == "heet")
            or (before and _is_relation(before[-1]) and len(lowered) >= 2)
            or (word[:1].isupper() and not sentence_start and lowered not in _CAPITAL_OK)
        ):
            masked.add(index)
    out, last = [], 0
    for index in sorted(masked):
        match = words[index]
        out.append(text[last : match.start()])
        out.append(NAME)
        last = match.end()
    out.append(text[last:])
    result = "".join(out)
    # "[NAAM] [NAAM]" (a first name and a surname) is one name
    return re.sub(r"\[NAAM\](?:\s+\[NAAM\])+", NAME, result)
