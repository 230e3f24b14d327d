"""The intent of an answer, read with the question it answers (issue 20).

The classifier reads a message on its own. At "Wie vind jij fijn om mee te praten?" it
read "mn opa hij is de beste" and "pleegvader, die is echt oke" as out of scope, and the
youth who had just named their opa was told "Daar kan ik je niet mee helpen"; at "Hoe oud
ben je?" it read "sixteen" and "in de zomer word ik 16" as something else, and at "Heb je
al met Riet over de JIM gepraat?" "ja vorige week" as "go back". The form knows which
question it asked: the Rasa server puts it in the message's metadata (`question`: the
form's requested slot, see `rasa_addons/server.py`), and this module reads the answer
with it.

Only a guess gives way: an intent the classifier gives to a message it does not know
(out of scope, a greeting, a thanks) or that answers another question of the form.
Danger keeps its intent (`crisis`, `crisis_check`, and the level that `CrisisGuard`
decides after this step from the classifier's own confidences, which no step here
lowers), and so does every wish of the youth: stop, go back, change the choice, "ik snap
het niet", "weet ik niet", a question to the bot.

Nothing here imports Rasa; `nlu_components.at_the_question` and
`nlu_components.relation_words` are the glue.
"""

from __future__ import annotations

import re
import unicodedata

from bot.dialogue.conversation import (
    asked_by_with_the_no,
    clean_contact,
    is_professional,
    parse_age,
)
from bot.nlu.name_roles import CHAT_WORDS, NOT_A_NAME, is_first_name
from bot.nlu.odd_input import is_not_language
from bot.nlu.relation_words import distance, is_dutch, word_relation
from bot.vocabulary import (
    SPELLING_NOTE,
    SURNAME_PARTS,
    after_a_joke,
    called_instead,
    name_from_answer,
    words_around_a_name,
)

QUESTION = "question"  # the metadata key: the form's requested slot when the message came

# The form's questions (its requested slots) whose answers are read here.
RELATION = "relation"
MENTOR_NAME = "mentor_name"
YOUTH_NAME = "youth_name"
AGE = "youth_age"
REASON = "mentor_reason"
KNOWS_ALREADY = "knows_already"
CONTACT = "contact"
PERSON_QUESTIONS = frozenset({RELATION, MENTOR_NAME})
NAME_QUESTIONS = frozenset({YOUTH_NAME, MENTOR_NAME})

# Intents the classifier gives to what it does not know, or that answer another question.
GUESSES = frozenset(
    "out_of_scope greet goodbye thanks inform_support inform_name inform_mentor inform_age "
    "inform_contact affirm ask_status nlu_fallback".split()
)
# The answer each question's reading gives.
NAMING = "inform_mentor"
AGE_GIVEN = "inform_age"
REASON_GIVEN = "inform_support"
CONTACT_GIVEN = "inform_contact"
YES = "affirm"
NO = "deny"

_ASKS_THE_BOT = re.compile(r"\?|\b(?:jij|jou|jouw|u)\b")
# the first word of a yes or a no, in the languages of many youths' families
YES_WORDS = frozenset(
    "ja jaa jaaa jah jep jup yes yess yeah ye ya yep evet ewa wel zeker tuurlijk "
    "natuurlijk klopt si oui tak".split()
)
NO_WORDS = frozenset("nee neej neee nope no nah nog hayir hayır niet nie non".split())
# "hij weet het", "ze weet ervan", "heb ik al gevraagd": a yes said in other words
_SAID_ALREADY = re.compile(
    r"\b(?:(?:hij|ze|zij|die) weet (?:het|t|ervan|er al van|al)|heb(?:ben)? (?:ik |we |wij )?"
    r"(?:het )?al (?:gevraagd|gezegd|verteld|besproken|over gehad|gepraat))\b"
    r"(?! (?:niet|nie|ni|nog niet|geen))"
)
MENTOR_ADULT = "mentor_adult"
YES_NO_QUESTIONS = frozenset({KNOWS_ALREADY, MENTOR_ADULT})
# At "Hoe wil je dat ik je noem?" the classifier read "Jet" as a question to the bot and
# "Kes" or "Kenzo" as off-topic: the youth who gave their name heard "Ik ben een computer"
# or "Daar kan ik je niet mee helpen". Whatever the youth wants to be called is the answer,
# so a guess of these gives way to one or two words that can be a name; a guess that the
# message is about a person or a reason only with a known first name in it.
# Since stop 39 also a greeting: "Eyob", "Hüseyin" were read as one (a greeting word
# itself is a chat word, never a name).
NAME_FROM_ANY_WORDS = frozenset({"bot_challenge", "nlu_fallback", "out_of_scope", "greet"})
NAME_GUESSES = NAME_FROM_ANY_WORDS | {"inform_support", "inform_mentor"}
OWN_NAME = "inform_name"
# a laugh is no name ("hahaha", "hehe")
_LAUGH = re.compile(r"(?:(?:ha|he|hi|hah|heh|ja)+h?[!.]*\s*)+")
# words a youth types at that question that are no name, said to the bot or about it
_NO_NAME_HERE = frozenset(
    "waarom hoezo mijn mn naam robot computer mens lol haha xd kut idk nvt niks geheim "
    "whatever huh pfff boeit test testen ff even kijken wacht moment eh ehm uhm "
    "ikke iemand niemand hier daar er "
    "hello hellow helo hola salut merhaba ewa goedemorgen goedemiddag goedenavond morgen "
    "middag avond hoii heyy heey hallootjes hoihoi dag "
    # a joke said alone is no name: "grapje" (stop 45); "joke" is: Joke is a Dutch name,
    # often an oma's ("thuis zeggen ze oma joke" got the safety check, stop 46)
    "grapje grappie geintje grap".split()
)
_NO_NAME = CHAT_WORDS | NOT_A_NAME | _NO_NAME_HERE
# Dutch as typed in a chat, besides the dictionary's words: "mn vrienden zeggen moos"
_CHAT_DUTCH = frozenset("mn m'n zn z'n dr d'r gwn ff zeg noem vrienden iedereen k".split())
_SPELLING_NOTE = re.compile(SPELLING_NOTE.pattern + ".*$", re.IGNORECASE)  # to the end
_NAME_WORDS = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
# A short answer: the form's own reading takes it whole (not a story that holds a number).
SHORT = 6


def question_of(metadata: object) -> str | None:
    """The form's question a message answers, from its metadata (None outside the form)."""
    if isinstance(metadata, dict):
        question = metadata.get(QUESTION)
        return question if isinstance(question, str) else None
    return None


def asks_the_bot(text: str) -> bool:
    """ "moet het iemand uit mijn familie zijn?", "ken jij mijn oma": a question, no answer."""
    return bool(_ASKS_THE_BOT.search(text.lower()))


def names_a_person(question: str | None, intent: str | None, text: str, people: bool) -> bool:
    """Whether an answer that holds a person (`people`: words for one were read) names the
    person asked for: at "Wie ...?" and "Hoe heet ...?", whatever the classifier guessed."""
    return (
        question in PERSON_QUESTIONS
        and people
        and intent in GUESSES
        and intent != NAMING
        and not asks_the_bot(text)
    )


def _yes_or_no(text: str) -> str | None:
    words = re.findall(r"[^\W_]+", text.lower())
    if not words:
        return None
    if words[0] in YES_WORDS and words[0] not in NO_WORDS:
        return YES
    if words[0] in NO_WORDS:
        return NO
    if _SAID_ALREADY.search(" ".join(words)):
        return YES
    return None


# An age at "Is Riet 18 jaar of ouder?": "ze is 27", "27", "hij wordt 18 in mei" (stop 46,
# typed as a youth would: "ze is al 27" got the safety check and the question again)
_AN_AGE = re.compile(r"(?<![\d-])(\d{1,3})(?![\d-])")
_TURNS = re.compile(r"\b(?:wordt|word|wort)\b")


def _adult_by_age(text: str) -> str | None:
    """Yes or no to "18 jaar of ouder?" from one age in the answer; None without one."""
    ages = [int(n) for n in _AN_AGE.findall(text)]
    if len(ages) != 1 or not 10 <= ages[0] <= 120:
        return None
    age = ages[0] - 1 if _TURNS.search(text.lower()) else ages[0]  # "ze wordt 18": 17 now
    return YES if age >= 18 else NO


def _yes_or_no_at(question: str | None, text: str) -> str | None:
    """The yes or no that an answer to a yes-or-no question says; at the adult question an
    age decides, also against a "ja" before it ("ja ze is 16" is no adult)."""
    if question == MENTOR_ADULT:
        by_age = _adult_by_age(text)
        if by_age is not None:
            return by_age
    return _yes_or_no(text)


def read_as_the_answer(question: str | None, text: str) -> bool:
    """Whether `text` is a short answer that the question's own reading takes: an age at
    the age question ("in de zomer word ik 16"), a number at the number question, a yes or a
    no at a yes-or-no question ("hij weet het al"), and since stop 39 a name at a name
    question ("ik ben Filip", "Ton van den Berg"; `_only_a_name`).

    Such an answer gets no check from the classifier's confidence alone (CrisisGuard); its
    words still decide. No danger message of the sixteen safety sets (3,949) is one: the
    classifier's guess was about the number or the "weet", not about danger.
    """
    if question in NAME_QUESTIONS and not text.startswith("/"):
        return _only_a_name(text)  # at most five words besides a spelling note
    if question is None or len(text.split()) > SHORT or text.startswith("/"):
        return False
    if question == AGE:
        return parse_age(text) is not None
    if question == CONTACT:
        return clean_contact(text) is not None
    if question in YES_NO_QUESTIONS:
        return _yes_or_no_at(question, text) is not None
    return False


def _only_a_name(text: str) -> bool:
    """A name at a name question, told in Dutch around it ("ik ben Filip", "Ton van den
    Berg", "Anjali zegt iedereen") or a known first name: the answer the question reads.
    Not a name with words the form does not know around it ("açım, evde yemek yok hiç" is
    "I am hungry, no food at home" in Turkish, read as the name "Açım")."""
    name = a_name(text)
    if name is None:
        return False
    parts = {part.lower() for part in _NAME_WORDS.findall(name)}
    if any(is_first_name(part) for part in parts):
        return True
    called = called_instead(text)
    around = words_around_a_name(text)  # "call me tiko", "ze heet eh elif" (stop 40)
    if called:  # "shaquille maar zeg shaq": the name given is a name too
        parts |= {word.lower() for word in _NAME_WORDS.findall(called[0])[-1:]}
        parts |= {word.lower() for word in _NAME_WORDS.findall(called[1])}
        # and the words of "maar zeg maar", "maar iedereen zegt" (a closed pattern)
        rest = " ".join(text.split())[len(called[0]) :]
        around |= {word.lower() for word in _NAME_WORDS.findall(rest)}
    return all(
        is_dutch(w) or w.lower() in _CHAT_DUTCH or w.lower() in around or word_relation(w)
        for w in _NAME_WORDS.findall(_SPELLING_NOTE.sub("", text))
        if w.lower() not in parts
    )


def answer_intent(question: str | None, intent: str | None, text: str) -> str | None:
    """The intent of `text` as the answer to `question`, when the classifier's `intent` is
    a guess that the question shows to be wrong; None to keep the classifier's intent.

    The person questions are read in `names_a_person` (the relation words decide there).
    """
    if (
        question
        and intent in _UNSURE_WHAT
        and _ASKS_ABOUT_JIM.search(" ".join(re.findall(r"\w+", text.lower())))
    ):
        # "wat bedoel je met jim" at "Hoe wil je dat ik je noem?" got "Typ je naam": a
        # question about the word JIM is answered, at every question (stop 45)
        return EXPLAIN
    if (
        question == KNOWS_ALREADY
        and intent == WITHDRAW
        and _yes_or_no(text) == NO
        and asked_by_with_the_no(text)
    ):
        # "nee, wil dat de coach doet": no, and who asks is said; nothing to withdraw
        # (it was "Ik heb nog niets naar je coach gestuurd" and the question again, stop 45)
        return NO
    if question in NAME_QUESTIONS and intent in _SHORT_ANSWERS and _one_known_name(text):
        # "Nele" read as "nee": one word that is a known first name (never "nee" or "ja")
        return OWN_NAME if question == YOUTH_NAME else NAMING
    if (
        question in NAME_QUESTIONS
        and intent in _LONE_WORD_GUESSES
        and _a_lone_word(text)
        and _NAME_WORDS.fullmatch(text.strip(" .!"))
    ):
        # "kiara" read as "ciao": one word that is no goodbye or thanks, nor Dutch, is the
        # name the question asked for (stop 41, read from the twelfth form set); since stop
        # 42 also when the classifier was unsure what it was ("damian" read as a person
        # named, at the youth's own name question: the thirteenth form set)
        return OWN_NAME if question == YOUTH_NAME else NAMING
    if question == YOUTH_NAME:
        return _own_name(intent, text)
    if question == MENTOR_NAME and intent in NAME_FROM_ANY_WORDS and text.strip():
        # "jef", "Ritesh", "her name is kasia" at "Hoe heet je oom?": an unknown name read
        # as a question to the bot or as off-topic is the name (stop 39)
        return NAMING if a_name(text) is not None else None
    if question is None or intent not in GUESSES or not text.strip() or text.startswith("/"):
        return None
    if asks_the_bot(text) and question != CONTACT:
        return None
    if question == AGE:
        # "sixteen", "in de zomer word ik 16", "18 sinds vorige week": the form's own
        # reading of an age (bot.dialogue.conversation.parse_age) finds one number
        if intent != AGE_GIVEN and parse_age(text) is not None:
            return AGE_GIVEN
        return None
    if question == CONTACT:
        if intent != CONTACT_GIVEN and clean_contact(text):
            # "ja 0624681357", "dit is zn nummer 06 12345678": the form's own reading
            return CONTACT_GIVEN
        return None
    if question in YES_NO_QUESTIONS:
        said = _yes_or_no_at(question, text)
        if said is not None and (intent != YES or (question == MENTOR_ADULT and said != YES)):
            return said  # "ja vorige week", "evet", "hij weet het", "ze is 27", "ja ze is 16"
        return None
    if question == RELATION and is_professional(text) and len(text.split()) <= SHORT:
        # "mn hulpverlener", "de voogd" read as off-topic: the form's relation step answers
        # that a care worker cannot be the JIM, kindly (stop 39)
        return NAMING
    if question == REASON:
        # "we gaan soms naar de bioscoop": any words about the person are a reason; a
        # greeting or a thanks of one or two words is not
        if intent in ("out_of_scope", "nlu_fallback", "greet", "thanks", "goodbye") and (
            len(text.split()) >= 3
        ):
            return REASON_GIVEN
        return None
    return None


_SHORT_ANSWERS = frozenset({"deny", "affirm", "dont_know"})
EXPLAIN = "explain_jim"
WITHDRAW = "withdraw_consent"
_UNSURE_WHAT = frozenset({"not_understood", "nlu_fallback", "out_of_scope", "bot_challenge"})
# "wat bedoel je met jim", "wat is een jim eigenlijk", "jim?? wat is dat"
_ASKS_ABOUT_JIM = re.compile(
    r"\b(?:wat|wie|hoe|bedoel|bedoelt|betekent|betekend|uitleg|snap)\b(?: \w+)*? jim\b|"
    r"\bjim\b(?: \w+){0,2} (?:wat is dat|wat betekent dat|wat bedoel je|betekent|is dat)\b"
)
_LONE_WORD_GUESSES = frozenset({"goodbye", "thanks", "inform_mentor", "nlu_fallback"})


# Goodbyes and thanks as youths type them; a word within one typo of one of these is one too
# ("doeii", "bedant": the edit distance of `bot.nlu.relation_words`).
_BYE_OR_THANKS = frozenset(
    "doei doeg dag daag ciao tjao tjau bye bai later laters laterz tot ziens houdoe salut "
    "adios aju ajuus tschuss slaap welterusten bedankt dank danku dankje dankjewel dankuwel "
    "thanks thank thx tnx ty merci shukran sukran tesekkurler top super oke ok okee".split()
)


def _a_lone_word(text: str) -> bool:
    words = _NAME_WORDS.findall(text)
    if len(words) != 1 or len(words[0]) < 3 or is_dutch(words[0]):
        return False
    word = words[0].lower()
    short = re.sub(r"(.)\1+", r"\1", word)  # "byeee", "doeiii"
    return not any(distance(word, bye) <= 1 or distance(short, bye) <= 1 for bye in _BYE_OR_THANKS)


def _one_known_name(text: str) -> bool:
    words = _NAME_WORDS.findall(text)
    return len(words) == 1 and is_first_name(words[0]) and words[0].lower() not in _NO_NAME


def _own_name(intent: str | None, text: str) -> str | None:
    """At the youth's name question: `inform_name` for a name that a guess hid (see
    `a_name`). Greetings, thanks, danger and every wish keep their intent; a guess that
    the message is about a person or a reason only gives way to a known first name."""
    if intent not in NAME_GUESSES:
        return None
    name = a_name(text)
    if name is None:
        return None
    if intent not in NAME_FROM_ANY_WORDS and not any(
        is_first_name(part) for part in _NAME_WORDS.findall(name)
    ):
        return None
    return OWN_NAME


# Small words of an Arabic surname that are first names too (stop 44).
_NAMES_TOO = frozenset({"ben"})


# Emoji after a name that say nothing of danger or sadness: a face that smiles or is cool,
# a heart, sparkles, a flower, a crown, a thumb (stop 46: "britt 😎" got the classifier's
# check at "Hoe wil je dat ik je noem?"). Never a pill, a knife, a skull, tears or a broken
# heart: those keep the name from being read alone.
_FRIENDLY_EMOJI = (
    "\U0001F600-\U0001F60F\U0001F617-\U0001F61D\U0001F60E\U0001F970\U0001F929\U0001F973"
    "\u2764\u2665\U0001F495-\U0001F49F\U0001F9E1\U0001F49B\U0001F49A\U0001F499\U0001F49C"
    "\U0001F5A4\U0001F90D\U0001F90E\u2728\U0001F31F\u2B50\U0001F338\U0001F33A\U0001F33B"
    "\U0001F451\U0001F44D\U0001F44B\U0001F64C\U0001F525\U0001F4AF\U0001F60A\U0001F642"
    "\uFE0F"
)
_EMOJI_AT_THE_END = re.compile(rf"(?<=[^\W\d_])[\s,.!]*[{_FRIENDLY_EMOJI}]+[\s!.]*$")


def a_name(text: str) -> str | None:
    """ "Jet", "jet-lynn", "Sam B", "Milan uit Rotterdam", "nora met 1 r", "ik ben Filip" at
    a name question: the name of one or two words that the form reads in it
    (`bot.vocabulary.name_from_answer`: never a relation or a description; a spelling
    note or where the person is from is left off), in at most five words, with no chat word
    ("hoi", "ok", "bot") or word that is no name ("geen", "niet"), no number in a name given
    alone, no question to the bot, no laugh, mashing or emoji; None otherwise. An emoji at
    the end of a name is how youths type it ("britt 😎", stop 46): left off, unless it may
    say something ("💊", "😭")."""
    text = _EMOJI_AT_THE_END.sub("", text) if _EMOJI_AT_THE_END.search(text) else text
    # the name given before the one the person is called by: "hij heet mohammed maar
    # iedereen zegt mo", "khalid maar we zeggen khalo" (stop 41; "khalo" is also an oom)
    called = called_instead(text)
    # "noem me prinses haha nee grapje gewoon fleur": the name after the joke (stop 44)
    given = called[0] if called else after_a_joke(text)
    # a spelling note does not count: "jaydy met een y aan het eind" (stop 39)
    said = _SPELLING_NOTE.sub("", given)
    words = _NAME_WORDS.findall(said)
    if (
        not 1 <= len(words) <= 5
        or asks_the_bot(text)
        or is_not_language(text)
        or _LAUGH.fullmatch(text.strip().lower())
        or any(unicodedata.category(char) == "So" for char in text)  # "💊💊💊 vannacht"
    ):
        return None
    name = name_from_answer(given)
    if name is None:
        return None
    # the small words of a surname are no parts of it, except "Ben" first ("ik ben ben")
    parts = [
        p
        for i, p in enumerate(_NAME_WORDS.findall(name))
        if p.lower() not in SURNAME_PARTS or (not i and p.lower() in _NAMES_TOO)
    ]
    if (
        not 1 <= len(parts) <= 2  # "Ton van den Berg": two, with the small words aside
        or re.search(r"\d", name)
        or (len(words) <= 2 and re.search(r"\d", said))
        or any(part.lower() in _NO_NAME for part in parts)
    ):
        return None
    return name
