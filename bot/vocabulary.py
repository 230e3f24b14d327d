"""Words the conversation understands and says, independent of Rasa: the one vocabulary.

The canonical values of DESIGN.md for `relation`, `support` and `knows_already`, the
words the bot says for them to the youth, the labels the coach reads (portal, demo
panel) and the synonyms for free text are written here once. The NLU data
(`data/nlu/mentor.yml`) and the buttons of `domain.yml` must use the same values:
`tests/test_vocabulary.py` checks both.
"""

from __future__ import annotations

import re
import unicodedata

# canonical value -> how the bot names that person ("Hoe heet je oma?")
RELATIONS: dict[str, str] = {
    "oma": "je oma",
    "opa": "je opa",
    "tante": "je tante",
    "oom": "je oom",
    "broer": "je broer",
    "zus": "je zus",
    "neef": "je neef",
    "nicht": "je nicht",
    "buurman": "je buurman",
    "buurvrouw": "je buurvrouw",
    "sportcoach": "je trainer",
    "leraar": "je leraar",
    "pleegouder": "je pleegouder",
    "vriend_van_de_familie": "die vriend van je familie",
    "vriend": "je vriend",
    "baas": "je baas",
    "ouder": "je vader of moeder",
    "anders": "die persoon",
}
NOT_ELIGIBLE = {"ouder"}

# Sports and where they are done: "mijn coach van voetbal" is a sportcoach, while "mijn
# coach" alone is the youth's professional coach (issue 25). Read by the relation step
# (bot.nlu.relation_words) and the form (bot.dialogue.conversation.is_own_coach).
SPORT_WORDS: tuple[str, ...] = (
    "voetbal", "boksen", "box", "sport", "training", "trainen", "club", "hockey", "judo",
    "zwemmen", "dansen", "turnen", "fitness", "gym", "vechtsport", "kickboksen", "basketbal",
    "tennis", "karate", "handbal", "volleybal", "atletiek", "korfbal", "honkbal", "rugby",
    "waterpolo", "taekwondo", "worstelen", "schaken", "padel", "hardlopen", "skaten",
    # stop 45 (the sixteenth form set): "thaiboks coach van mij", "mn kickboks coach"
    "boks", "thaiboks", "thaiboksen", "kickboks",
)  # fmt: skip

# canonical value -> the word the coach reads (portal, demo panel)
RELATION_NAMES: dict[str, str] = {
    **{value: value for value in RELATIONS},
    "sportcoach": "trainer",  # issue 25: "coach" is only the professional
    "vriend_van_de_familie": "vriend van de familie",
    "anders": "iemand anders",
}
# Relation buttons that name two people; the next question asks which of the two.
RELATION_GROUPS: dict[str, tuple[str, str]] = {
    "oma_opa": ("oma", "opa"),
    "tante_oom": ("tante", "oom"),
    "buurman_buurvrouw": ("buurman", "buurvrouw"),
}
GROUP_NAMES: dict[str, str] = {
    group: " of ".join(RELATION_NAMES[r] for r in pair) for group, pair in RELATION_GROUPS.items()
}

# What the person does for the youth: canonical value -> the coach's label.
SUPPORT_LABELS: dict[str, str] = {
    "emotioneel": "praten en steun",
    "praktisch": "praktische hulp",
    "advies": "advies",
    "gezelschap": "leuke dingen samen",
}
SUPPORT_KINDS: tuple[str, ...] = tuple(SUPPORT_LABELS)
# A support button as the reason the coach reads (the youth's words when typed).
SUPPORT_REASONS: dict[str, str] = {
    "emotioneel": "Ik kan alles tegen hem of haar zeggen",
    "praktisch": "Helpt mij met dingen",
    "advies": "Geeft goede tips",
    "gezelschap": "We doen leuke dingen samen",
}

# Does the person know already? canonical value -> the coach's label.
DONT_KNOW = "weet_niet"
KNOWS_LABELS: dict[str, str] = {
    "ja": "ja",
    "nee": "nee, nog niet",
    DONT_KNOW: "weet de jongere niet",
}
KNOWS_ALREADY: tuple[str, ...] = tuple(KNOWS_LABELS)

# Who asks the chosen person (issue 25, `mentor.asked_by`): canonical value -> the coach's
# label. The values are those of bot/storage/models.py's ASKED_BY.
ASKED_BY_LABELS: dict[str, str] = {
    "jongere": "de jongere zelf",
    "samen": "de jongere samen met de coach",
    "coach": "de coach",
}
# May the parents be asked (issue 25, `youth.parents_answer`, under 16)?
PARENTS_LABELS: dict[str, str] = {
    "ja": "de jongere vindt het goed dat de ouders gevraagd worden",
    "nee": "de jongere wil dat niet: praat eerst met de jongere",
    "coach": "de jongere vertelde over gevaar thuis: "
    "praat eerst met de jongere, niet met de ouders",
}

# Extra spellings for free text; the NLU data holds the same synonyms.
SYNONYMS: dict[str, str] = {
    "oma": "oma", "omaa": "oma", "omi": "oma", "oema": "oma", "grootmoeder": "oma",
    "opa": "opa", "oppa": "opa", "opi": "opa", "grootvader": "opa",
    "tante": "tante", "tant": "tante", "tantie": "tante",
    "oom": "oom", "ome": "oom", "oompje": "oom",
    "broer": "broer", "broertje": "broer", "zus": "zus", "zusje": "zus", "zuster": "zus",
    "neef": "neef", "nicht": "nicht",
    "buurman": "buurman", "buurmam": "buurman", "buurvrouw": "buurvrouw", "buurvrouwe": "buurvrouw",
    # issue 25: "coach" alone is the professional coach (never the JIM), not a synonym
    "sportcoach": "sportcoach", "trainer": "sportcoach", "voetbalcoach": "sportcoach",
    "trener": "sportcoach", "voetbaltrainer": "sportcoach", "bokscoach": "sportcoach",
    "leraar": "leraar", "lerares": "leraar", "juf": "leraar", "meester": "leraar",
    "mentor": "leraar",
    "pleegouder": "pleegouder", "pleegmoeder": "pleegouder", "pleegvader": "pleegouder",
    "pleegmama": "pleegouder", "pleegpapa": "pleegouder",
    "vriend": "vriend", "vriendin": "vriend",
    "baas": "baas", "bazin": "baas",
    "moeder": "ouder", "vader": "ouder", "mama": "ouder", "papa": "ouder", "mam": "ouder",
    "pap": "ouder", "ma": "ouder", "pa": "ouder", "ouder": "ouder", "stiefvader": "ouder",
    "stiefmoeder": "ouder",
    "anders": "anders", "iemand": "anders",
    "omaatje": "oma", "opaatje": "opa", "tanta": "tante", "nonkel": "oom", "bro": "broer",
    "neefje": "neef", "nichtje": "nicht", "buurvrouwtje": "buurvrouw", "boksleraar": "sportcoach",
    "docent": "leraar", "chef": "baas", "werkgever": "baas", "mams": "ouder", "stiefpa": "ouder",
    "stiefma": "ouder",
    # issue 20, from the second held-out form set's misses (2026-12-05): half and step
    # relatives other than parents, a neighbour's nickname, grandparents and uncles in the
    # languages of many youths' families (Turkish, Arabic, Papiamento/Spanish), a manager
    "buuf": "buurvrouw", "buufrouw": "buurvrouw", "buurvrou": "buurvrouw",
    "halfbroer": "broer", "stiefbroer": "broer", "halfzus": "zus", "stiefzus": "zus",
    "stiefopa": "opa", "stiefoma": "oma", "babaanne": "oma", "anneanne": "oma", "nene": "oma",
    "jedda": "oma", "teta": "oma", "abuela": "oma", "dede": "opa", "jeddo": "opa",
    "abuelo": "opa", "tio": "oom", "tia": "tante", "amca": "oom", "dayi": "oom",
    "teyze": "tante", "manager": "baas", "leidinggevende": "baas",
    # issue 20, from the third held-out form set's misses (2026-12-06): aunts and uncles in
    # Arabic (a mother's sister, a father's brother), a teacher's other word
    "khala": "tante", "khalti": "tante", "3amti": "tante", "ammo": "oom", "3ammo": "oom",
    "khalo": "oom", "leerkracht": "leraar",
    # ... and from the fourth (read after it was measured): Polish and Turkish family words,
    # Arabic chat spelling, a friend of the house, a mate
    "babcia": "oma", "dziadek": "opa", "ciocia": "tante", "wujek": "oom", "3ammi": "oom",
    "abi": "broer", "abla": "zus", "huisvriend": "vriend_van_de_familie",
    "huisvriendin": "vriend_van_de_familie", "mattie": "vriend", "matties": "vriend",
    # ... and from the fifth (read after it was measured, 2026-12-06): Somali, Papiamento,
    # Afrikaans, English and Darija family words; a Turkish cousin and in-laws
    "ayeeyo": "oma", "awoowe": "opa", "eeddo": "tante", "habaryar": "tante", "adeer": "oom",
    "abti": "oom", "ammti": "tante", "wela": "oma", "welo": "opa", "granma": "oma",
    "grandma": "oma", "grandpa": "opa", "granpa": "opa", "ouma": "oma", "oupa": "opa",
    "khoya": "broer", "khouya": "broer", "sitto": "oma", "jiddo": "opa", "kuzen": "neef",
    "yenge": "tante", "eniste": "oom",
    # phrases: matched before single words ("vriend van mijn ouders" is no "vriend")
    "vriend vd fam": "vriend_van_de_familie", "vriend van de fam": "vriend_van_de_familie",
    "vriend van ons gezin": "vriend_van_de_familie",
    "vriend van het gezin": "vriend_van_de_familie",
    "vriend van de familie": "vriend_van_de_familie", "familievriend": "vriend_van_de_familie",
    "vriend van familie": "vriend_van_de_familie",
    "vriend van mijn ouders": "vriend_van_de_familie",
    "vriend van mn vader": "vriend_van_de_familie",
    "vriendin van mijn moeder": "vriend_van_de_familie", "mentor op school": "leraar",
    # stop 47 (the twentieth form set, read): Turkish "komşu teyze/amca" (the neighbour, as
    # an aunt or uncle), Papiamento "ruman homber/muhé" (brother, sister; "ruman" alone
    # stays open)
    "komsu teyze": "buurvrouw", "komşu teyze": "buurvrouw", "komsu amca": "buurman",
    "komşu amca": "buurman", "ruman homber": "broer", "ruman hòmber": "broer",
    "ruman muhe": "zus", "ruman muhé": "zus",
}  # fmt: skip
_PHRASES = sorted((k for k in SYNONYMS if " " in k), key=len, reverse=True)

_NAME_PREFIX_RE = re.compile(
    r"^(ik heet|ikke heet|ikke ben|k heet|dr naam is|der naam is|mijn naam is|mn naam is|"
    r"m'n naam is|de naam is|haar naam is|"
    r"zijn naam is|zn naam is|z'n naam is|d'r naam is|iedereen zegt gewoon|iedereen zegt|"
    # the seventh pass (read from the sixth form set): "zijn voornaam is raymond", "ik bn
    # rachida", "ikheet bart", "naam is dennis", "ze heet ook fenna"
    r"(?:mijn|mn|zijn|zn|haar|d'r) voornaam is|ik bn|ikheet|naam is|ze heet ook|hij heet ook|"
    r"iedereen noemt me|iedereen noemt mij|ze noemen me|ze noemen mij|ik ben|noem me maar|"
    r"noem mij maar|noem me|"
    r"noem mij|ik noem hem|ik noem haar|we noemen hem|we noemen haar|wij noemen hem|"
    r"wij noemen haar|zeg maar|je mag|ze heet|zij heet|hij heet|die heet|dat is|het is|heet|"
    # stop 44 (the fifteenth form set, read): "ikke rachid", Frisian "hja hjit"
    r"ikke|k ben|hja hjit|hy hjit|hjit|"
    # stop 45 (the sixteenth form set, read): Frisian "ik bin", "se hjit"; Papiamento "mi
    # nomber ta", "e yama"; Moroccan Arabic "smiya dyali"; "volgens mij heet hij"
    r"ik bin|se hjit|sy hjit|(?:mi|su) nomber ta|(?:mi|e|su) yama|smiya dyali|smiyti|"
    r"volgens mij heet (?:hij|ze|zij)|"
    # stop 46 (the seventeenth form set, read): German "ich bin", "hij heeft de naam", Frisian
    # "us beppe hjit", "mijn oma heet"
    r"ich bin|ich heisse|ich heiße|(?:hij|ze|zij) heeft de naam|"
    r"(?:mijn|mn|m'n|me|myn|mien|us|ús|onze|ons) [^\W\d_]+ (?:heet|hjit|hiet)|is)\s+",
    re.IGNORECASE,
)
# "Ingrid van 't Hof": a space and an apostrophe before "t" (stop 46)
# One word of a name, with its hyphens and apostrophes: "henk-jan", "o'neill" (stop 47)
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
_NAME_RE = re.compile(rf"^{_NAME_WORD.pattern}(?:(?: '| ){_NAME_WORD.pattern}){{0,3}}$")


def canonical_relation(value: str | None) -> str | None:
    """Map a relation entity or a word of free text to a canonical value, or None."""
    if not value:
        return None
    text = value.strip().lower().replace(" ", "_")
    if text in RELATIONS:
        return text
    words = re.findall(r"[^\W\d_]+", value.lower())
    joined = f" {' '.join(words)} "
    for phrase in _PHRASES:
        if f" {phrase} " in joined:
            return SYNONYMS[phrase]
    for word in words:
        if word in SYNONYMS:
            return SYNONYMS[word]
    return None


def relation_label(relation: str | None) -> str:
    """How the bot names the person to the youth: "je oma", "die persoon"."""
    return RELATIONS.get(relation or "", "die persoon")


# Relations that say whether the person is a woman or a man (stop 42): the knows-already
# question says "aan haar" for an oma, "aan hem" for an oom, "aan hem of haar" otherwise.
WOMEN: frozenset[str] = frozenset({"oma", "tante", "zus", "nicht", "buurvrouw"})
MEN: frozenset[str] = frozenset({"opa", "oom", "broer", "neef", "buurman"})


def object_pronoun(relation: str | None) -> str:
    """ "haar", "hem" or "hem of haar": the person as the object of a sentence."""
    if relation in WOMEN:
        return "haar"
    if relation in MEN:
        return "hem"
    return "hem of haar"


def relation_name(relation: str | None) -> str | None:
    """The word the coach reads for a relation: "trainer"; unknown values as they are."""
    if not relation:
        return None
    return RELATION_NAMES.get(relation, relation)


def clean_name(text: str | None) -> str | None:
    """A first name or nickname as the youth typed it, tidied; None if it is no name.

    Letters of any script, up to 4 words, 40 characters: "riet" -> "Riet",
    "ahmed el amrani" -> "Ahmed El Amrani". Numbers, links and HTML are no name.
    """
    if not text:
        return None
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    text = _NAME_PREFIX_RE.sub("", text)
    text = text.strip(" .!?,")
    if not text or len(text) > 40 or not _NAME_RE.match(text):
        return None
    return " ".join(part[:1].upper() + part[1:] for part in text.split(" "))


# A first name with a surname that has its small words: "Yvonne van der Linden".
_NAME_WITH_PARTICLES = re.compile(
    r"[^\W\d_]+(?: (?:van|de|den|der|ter|ten|te|el|al|da|di|le|la|'t)){1,3} [^\W\d_]+",
    re.IGNORECASE,
)
# An answer that says in words that a name follows ("ik heet", "zijn voornaam is").
_SAYS_THE_NAME = re.compile(
    r"^(?:(?:hoi|hey|hallo|hi)\W+(?:hoi\W+)?)?(?:ik heet|ikheet|ik bn|ik ben|hij heet|ze heet|"
    r"zij heet|mijn naam is|mn naam is|zijn naam is|haar naam is|naam is|"
    r"(?:mijn|mn|zijn|haar) voornaam is|(?:je|jullie|u) (?:kan|kunt|mag|mogen) (?:me|mij)|"
    r"(?:ik denk dat|volgens mij) (?:ze|hij|zij))\b",
    re.IGNORECASE,
)
_LONE_NAME_RE = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*(?: [^\W\d_]+(?:['-][^\W\d_]+)*)?")


def lone_name(text: str | None) -> str | None:
    """One or two words of letters only ("Xandrietje", "ayo"), tidied; None otherwise.

    For the answer to a name question that the NLU read as something else (a rare name
    looks like nothing it knows, so it says "out of scope"): at that question such a short
    answer can only be the name. A sentence, a number or a code is never taken.
    """
    if not text:
        return None
    if _SAYS_THE_NAME.match(" ".join(text.split())):
        # "hij heet dragan en hij komt uit bosnië", "je kan me chayenne noemen": the words
        # say a name follows, so the form's own tidying finds it (seventh pass)
        return name_from_answer(text)
    # emoji and marks around it go: "Kenan 😎" (the fourth form set)
    text = " ".join(re.sub(r"[^\w\s'\-]", " ", text).split())
    if not (_LONE_NAME_RE.fullmatch(text) or _NAME_WITH_PARTICLES.fullmatch(text)):
        return None
    return clean_name(text)


# Words around a name that are not part of it: "ehh fenna", "levi hoor", "gewoon opa".
_FILLERS = frozenset(
    "eh ehh ehm uh uhm uhh hmm nou dus gewoon gwn hoor toch he hè ok oke "
    # a greeting or "bro" at either end: "sevda hoi", "denzel bro" (seventh pass)
    "hoi hey hallo hi doei bro bruh "
    # stop 39 (the eighth form set, read): "heyy wannes hier", "yo kevin"
    "heyy heyyy hoii hee yo ey hai "
    # stop 39 (the tenth form set, read): "agnieszka ofzo", "hij heet gwoon dirk", "zazza
    # haha", "gewoon oma haha"
    "ofzo gwoon gewon haha hahaha hihi lol xd "
    # stop 46 (the seventeenth form set): "ehh ff denken... khadija!"
    "ff effe even denken wacht momentje "
    # "wollah" (stop 46; never "ewa", Darija for "well" but also a Polish name)
    "wollah wallah jaja".split()
)
# A sentence starts with one of these after "ze heet" and the like are gone.
# The subjects that start a sentence about someone: also the border of a negation in
# `bot.nlu.safety` ("eigenlijk niet hij zit aan me").
SUBJECTS = frozenset("ik ze zij hij we wij jij".split())
# Titles kept with the surname after them: "mevrouw de vries", "meneer el amrani".
_TITLES = frozenset("meneer mevrouw mevr juf meester dokter dhr mw".split())
# Small words of Dutch and other surnames: "van den berg", "de vries", "el amrani".
SURNAME_PARTS = frozenset(
    "van de den der het ter ten te el al da di du le la op in 't "
    # "ahmed ben ali", "yusuf bin salim" (stop 44); first, "ben" is the name ("ik ben ben")
    "ben bin ibn".split()
)
# Dutch surname prefixes are written small after a first name: "Riet de Vries"; so are
# "ben" and "bin" of an Arabic surname ("Ahmed ben Ali").
_DUTCH_PREFIXES = frozenset("van de den der het ter ten te 't ben bin ibn".split())
# After "van" these say where the person is from, not a surname: "bas van groep 8".
_FROM_WHERE = frozenset(
    "groep school de het mijn mn me onze ons je voetbal hockey turnen zwemmen dans werk "
    "kerk moskee buurthuis club klas stage hiernaast boven beneden naast tegenover "
    "kickboks kickboksen boksen judo karate taekwondo basketbal basket handbal tennis "
    "atletiek scouting gym sport training muziek dansles zwemles schaken vroeger toen vorig "
    # stop 45: "kees van nummer 14", "tiger op straat"
    "vorige nummer huisnummer straat "
    # stop 46: "dhr. bakker van wiskunde", Frisian "jelle fan de fuotbal"
    "wiskunde rekenen nederlands engels frans duits biologie bio geschiedenis aardrijkskunde "
    "economie scheikunde natuurkunde techniek tekenen fuotbal".split()
)
# A name inside the words that say it: "je kan me chayenne noemen", "ik denk dat ze
# annemieke heet", "hoi hoi, ik ben sterre" (seventh pass)
_NAME_INSIDE = re.compile(
    r"^(?:(?:je|jij|jullie|u) (?:kan|kunt|mag|mogen) (?:me|mij) (.+?) noemen|"
    # "ik weet alleen dat hij peter heet" (stop 44)
    r"(?:ik denk dat|volgens mij|ik (?:weet|geloof) (?:alleen |wel |nog )?dat) (?:ze|hij|zij) "
    r"(.+?) heet|"
    # "weet alleen dat iedereen hem mo noemt" (stop 45)
    r"(?:ik )?(?:weet|denk|geloof) (?:alleen |wel )?dat (?:iedereen|we|wij|ze) (?:hem|haar) "
    r"(.+?) (?:noemt|noemen)|"
    r"(?:hoi|hey|hallo|hi)[\s,!.]+(?:hoi[\s,!.]+)?((?:ik ben|ik heet) .+))$",
    re.IGNORECASE,
)
# How a name is spelt, one or two letters: "sofie met f", "anass met dubbel s", "noor zonder
# h", "jaydy met een y" (stop 39; `bot.nlu.at_the_question` leaves it out of the count)
SPELLING_NOTE = re.compile(
    r"[\s,(]+(?:met|zonder)\s+(?:(?:een|1|2|twee|zo'n|zo een|dubbele?)\s+[^\W\d_]{1,2}|"
    # "chayenne met ch" (stop 40): two letters, never a short Dutch word ("met de fiets")
    r"(?!(?:de|je|me|ze|we|en|in|op|om|of|al|na|nu|zo|ik|is|er|te|ja|ok|mn|zn|dr|hem|die)\b)"
    r"[^\W\d_]{1,2})\b",
    re.IGNORECASE,
)
_TOLD_AFTER = re.compile(
    r"\s+(?:die|want|omdat|maar|en (?:ze|hij|zij|die|dan|daar|is|was|ik))\s+|"
    # "hij heet ahmed ik weet zn achternaam niet", "petra haar achternaam weet ik niet",
    # "zizou tegen mij dat vind ik leuk" (stop 46)
    r"\s+(?:ik\s+(?:weet|ken)\s+)?(?:zijn|zn|z'n|haar|d'r|de)\s+achternaam\b(?!.*,)|"
    r"\s+dat\s+(?:vind|vond|is|was)\s+|"
    # "baukje zo heet mn beppe" (stop 47)
    r"\s+zo\s+(?:heet|hjit|hiet|noemen\s+we)\s+|"
    # how it is spelt: "natasha met een h op het eind", "wiktoria (met een w)"; "net als ik"
    r"\s*\(?\s*met (?:een|1|zo een|zo'n|twee|2) |\s+(?:net als|net zoals|zoals)\s+|"
    + SPELLING_NOTE.pattern,
    re.IGNORECASE,
)
# Words after a name that hedge it ("rasha denk ik") or say where the person lives ("de
# buurvrouw naast ons"): no part of the name (issue 20, the third form set).
_HEDGES = [
    ["denk", "ik"],
    ["geloof", "ik"],
    ["of", "zo"],
    ["volgens", "mij"],
    # "Anjali zegt iedereen", "jo zeggen ze" (stop 39)
    ["zegt", "iedereen"],
    ["zeggen", "ze"],
    ["noemt", "iedereen"],
    # "priscilla heet ze", "meneer van den berg heet hij" (stop 44)
    ["heet", "ze"],
    ["heet", "zij"],
    ["heet", "hij"],
    ["heet", "ie"],
    # Frisian "wietske hjit se" (stop 47)
    ["hjit", "se"],
    ["hjit", "er"],
    ["hjit", "hy"],
    ["hjit", "sy"],
]
# Words before a name that are no part of it: "hij heet eigenlijk mohammed", "ze noemen mij
# altijd kleine b", "beppe hjit eigenlijk wietske" (stop 44)
_BEFORE_A_NAME = frozenset(
    "eigenlijk officieel altijd heet hjit hiet "
    # "imam youssef", Javanese "mbah pardi" (stop 46)
    "imam imaam mbah ustad ustaz henna jedda "
    # "granny heet esther", "dat is ouwe sjaak" (stop 47)
    "granny grandma grandpa ouwe "
    # "ik weet zijn achternaam niet, alleen ali" (stop 46, the eighteenth form set)
    "alleen".split()
)
# "chandra of chan": never "ahmed of nee wacht ..." or "echt of een bot"
_NO_NICKNAME = frozenset("nee een niet wat zo zoiets so iets".split())
# A question is no name: "hoe bedoel je hoe heet hij" (stop 44)
_QUESTION_WORDS = frozenset("hoe wat wie waarom waar welke wanneer".split())
# "tante nel noemen we haar": how the family calls the person, after the name (stop 45)
_CALLED_SO = [
    [verb, who, whom]
    for verb in ("noemen", "noem", "zeggen")
    for who in ("we", "wij", "ik", "ze")
    for whom in ("haar", "hem")
]
# Turkish titles after a first name: "emine hanim", "ahmet bey" (stop 45; "abi", "teyze",
# "amca" are family words of `bot.nlu.relation_words`)
_HONORIFICS = frozenset(
    "hanim hanım hanimefendi bey beyefendi efendi hoca hocam "
    # "fatma hala" (stop 46): "hala" alone is no family word of `bot.nlu.relation_words`
    # (it is also a first name); "priya didi", "anand bhaiya" are, like "ayse teyze"
    "hala baji".split()
)
# "opa piet maar hij heet pieter": the name after "maar hij heet" is the name (stop 46)
_REAL_NAME_AFTER = re.compile(
    r"\bmaar\s+(?:(?:hij|ze|zij)\s+heet|(?:(?:zijn|zn|haar|d'r|de|mijn|mn)\s+)?voornaam\s+is)\s+"
    r"(?:eigenlijk\s+|echt\s+|officieel\s+)?(.+)$",
    re.IGNORECASE,
)
# "ja dus ze heet marleen": a yes and a "dus" before the words that say the name
_LEADING_YES = re.compile(r"^(?:ja|jaa|jawel)[\s,.]+(?:(?:dus|nou)[\s,.]+)?(?=\S)", re.IGNORECASE)
# "noem me prinses 👑 haha nee grapje gewoon fleur": the name after the joke (stop 44)
_AFTER_A_JOKE = re.compile(
    r"^.*\b(?:nee\s+)?(?:grapje|geintje|grap|jk|just kidding)\b[\s,.!]*(?:nee\s+)?", re.IGNORECASE
)
# "ramon is zn naam", "Noor is mijn naam", "berkay hier" (a chat's "this is berkay"), "her
# name is kasia", "naam: Zakaria", "ik weet alleen zn voornaam: tesfay" (stop 39)
_NAME_SAID_AFTER = re.compile(
    r"\s+(?:is\s+(?:mijn|mn|m'n|zijn|zn|z'n|haar|d'r|de)\s+(?:voor)?naam|hier|"
    r"tegen\s+(?:me|mij|hem|haar)|"
    # "priya is goed" (stop 44)
    r"is\s+(?:ook\s+)?(?:goed|prima|oke|ok|oké|best|fine)|"
    # "elif ben ik" (stop 46, the nineteenth form set)
    r"ben\s+ik)[\s.!]*$|" r"^(?P<alone>[^\W\d_]+)\s+ik[\s.!]*$",
    re.IGNORECASE,
)
_NAME_SAID_BEFORE = re.compile(
    r"^(?:(?:my|her|his|the)\s+name\s+is|name\s+is|i\s+am|i'm\b|im\b|it's\b|its\b|"
    r".{0,40}\b(?:voor|bij)?naam\s*:|"
    # "mn vrienden zeggen moos", "mn familie noemt me mimi", "ik zeg altijd tante nel",
    # "ze het juliette"
    r"(?:mijn|mn|m'n|me)\s+(?:vrienden|vriendinnen|familie|ouders|moeder|vader|mama|papa|"
    r"broer|zus|broers|zussen|klasgenoten|oma|opa)\s+(?:zegt|zeggen|noemt|noemen)"
    r"(?:\s+(?:me|mij|hem|haar))?|"
    r"ik\s+zeg\s+(?:altijd\s+|gewoon\s+|gwn\s+)?|(?:ze|zij|hij)\s+(?:het|hiet|heed|hee|hyet)(?=\s)|"
    # Limburgs "hae heet sjra", "ich heet sjors", Frisian "hy/sy hjit"; "mijn naam? kenzo",
    # "de naam is dirk", "das luuk" (stop 47, the twentieth form set)
    r"(?:hae|hea|ich|hy|sy|zie)\s+(?:heet|hjit|hiet|heit)(?=\s)|"
    r"(?:mijn|mn|m'n|zijn|zn|z'n|haar|d'r)\s+(?:voor)?naam\s*\?+|(?:de\s+)?naam\s+is(?=\s)|"
    r"das(?=\s)|"
    # "noemmij maar fay" (stop 43, the fourteenth form set; "ze heet gwn linda" needs no
    # entry: "ze heet" and the filler "gwn" are left off already)
    r"noem\s*(?:me|mij)\s+(?:maar\s+|gewoon\s+|gwn\s+)?|"
    # "roep me maar yas", Spanish "soy marisol", "zoiets als sjeng" (stop 46)
    r"roep\s+(?:me|mij)\s+(?:maar\s+)?|soy\s+|me\s+llamo\s+|(?:zoiets|iets)\s+als\s+|"
    # "we zeggen gewoon bobby", "zn naamis liban", "call me dj", "they call me mo", "u can
    # call me ash", "names jordan", "bijnaam is swifty" (the tenth form set, read)
    # "thuis zeggen ze boeba tegen mij", "de mensen hier noemen mij sjors" (stop 46)
    r"(?:(?:thuis|hier|op\s+school|daar)\s+)?(?:we|wij|ze|zij|iedereen|(?:de\s+)?mensen(?:\s+hier)?|"
    r"de\s+meesten?)"
    r"\s+(?:zeggen|noemen|zegt|noemt)(?:\s+(?:hem|haar|me|mij))?|"
    r"(?:thuis|hier|op\s+school|daar)\s+(?:zeggen|noemen)\s+(?:ze|we|wij|zij)(?:\s+(?:hem|haar|me|mij))?|"
    r"(?:mijn|mn|m'n|zijn|zn|z'n|haar|d'r)\s+(?:bij)?naam\s*is|(?:mijn\s+|mn\s+)?(?:bij|roep)naam\s+is|"
    r"(?:just\s+|pls\s+|please\s+)?call\s+me|(?:they|people|everyone|my\s+friends)\s+call\s+me|"
    r"(?:you|u|ya)\s+can\s+call\s+me|name'?s)"
    r"\s*",
    re.IGNORECASE,
)


def words_around_a_name(text: str) -> frozenset[str]:
    """The words that only say a name comes or fill around it ("call me", "my name is",
    "ikke ben", "eh"), lowercased: the name question reads them as part of the answer."""
    lead = _NAME_SAID_BEFORE.match(text)
    said = lead.group() if lead else ""
    prefix = _NAME_PREFIX_RE.match(text[len(said) :])
    said += prefix.group() if prefix else ""
    return frozenset(re.findall(r"[^\W\d_]+", said.lower())) | _FILLERS


# "hij heet mohammed maar iedereen zegt mo", "shaquille maar zeg shaq", "katarzyna maar we
# zeggen kasia": the name the person is called by (stop 39)
_CALLED_INSTEAD = re.compile(
    r"^.{1,60}?\s+maar\s+(?:(?:iedereen|we|wij|ze|zij|jij|je|mn\s+vrienden|de\s+meeste)\s+)?"
    r"(?:zegt|zeggen|noemt|noemen|zeg|noem)\s+(?:(?:maar|me|mij|hem|haar|gewoon|gwn)\s+){0,2}"
    r"(?P<nick>[^\W\d_]+(?:-[^\W\d_]+)?)(?:\s+tegen\s+(?:me|mij|hem|haar))?[\s.!]*$|"
    # "kimberley maar kim is goed" (stop 43)
    r"^.{1,60}?\s+maar\s+(?P<nick2>[^\W\d_]+(?:-[^\W\d_]+)?)\s+is\s+(?:ook\s+)?(?:goed|prima|"
    r"oke|ok|oké|beter|fijner)[\s.!]*$",
    re.IGNORECASE,
)
_CALL_ME = re.compile(r"^(?:noem|roep)\s*(?:me|mij)\s+(?:maar|gewoon|gwn)\s+", re.IGNORECASE)
_WHERE_AT_THE_END = [["naast", "ons"], ["naast", "mij"], ["tegenover", "ons"], ["boven", "ons"],
                     ["onder", "ons"], ["om", "de"], ["van", "hiernaast"], ["van", "beneden"],
                     ["van", "boven"], ["van", "hierboven"], ["van", "hieronder"]]  # fmt: skip
_PLACE_AFTER_DE = frozenset(
    "kerk moskee school club buurt straat klas groep voetbal sportschool winkel supermarkt "
    "snackbar markt overkant buren "
    # seventh pass: "gert van de kantine", "frits van de volkstuin"
    "kantine volkstuin speeltuin bieb bibliotheek zaal sportclub hoek flat jeugdhuis "
    # stop 43 (the fourteenth form set): "patrick van de garage", "femke van de manege"
    "garage manege stal boerderij kinderboerderij kapper kapsalon bakker bakkerij werkplaats "
    "camping zwembad ijsbaan skatebaan bioscoop apotheek praktijk toko pizzeria fietsenmaker "
    "fanfare koor band tempel synagoge kerkkoor "
    # stop 45 (the sixteenth form set): "kevin van de jumbo", "marloes van de hockey",
    # "mevrouw de vries van de bovenverdieping"
    "jumbo lidl aldi hockey hockeyclub bovenverdieping benedenverdieping galerij "
    "portiek kassa".split()
)


_PLACE_ENDINGS = (
    "club", "school", "huis", "hal", "zaal", "vereniging", "winkel", "centrum", "groep", "gezin"
)  # fmt: skip


def called_instead(text: str) -> tuple[str, str] | None:
    """ "shaquille maar zeg shaq" -> ("shaquille", "shaq"): the name given and the one the
    person is called by; None when the answer says no such thing."""
    found = _CALLED_INSTEAD.match(" ".join(text.split()))
    if not found:
        return None
    given = re.split(r"\s+maar\s+", " ".join(text.split()), maxsplit=1)[0]
    return given, found.group("nick") or found.group("nick2")


def after_a_joke(text: str) -> str:
    """ "noem me prinses 👑 haha nee grapje gewoon fleur" -> "gewoon fleur": what is said after
    a joke taken back; the text itself when there is none (stop 44)."""
    joke = _AFTER_A_JOKE.match(text)
    return text[joke.end() :] if joke and text[joke.end() :].strip() else text


def name_from_answer(
    value: str | None, text: str | None = None, called_by: bool = True
) -> str | None:
    """The person's name from an answer to "Hoe heet ...?", tidied; None if it holds none.

    `called_by`: a name told with the one the person is called by ("ik heet damian maar zeg
    maar dami") gives the second, as the youth asks to be called; for the JIM the coach
    needs the name given ("zn naam is dennis maar iedereen zegt den" -> "Dennis", stop 41).

    A relation word or a description is never a name ("de buurman", "gewoon opa"); a name
    with the relation before it gives the name ("oma riet" -> "Riet"); words after a first
    name that say where the person is from are left off ("bas van groep 8" -> "Bas"), a
    surname is kept ("riet de vries", "anja van den berg"), and so is a title with a
    surname ("mevrouw de vries", "meneer el amrani"). Fillers ("ehh", "hoor") and emoji
    at the ends go.
    """
    from bot.nlu.relation_words import PLACE_WORDS, is_dutch, word_relation

    if not value or re.search(r"[@<>/\\=]|\w\.\w|https?:|www", str(value)):
        return None  # an address or code is no name
    called = called_instead(str(value)) or (called_instead(text) if text else None)
    if called and called_by:
        value, text = called[1], None  # "shaquille maar zeg shaq": the name to use
    elif called:
        value, text = called[0], None  # "khalid maar we zeggen khalo": the name given
    # "oom rachid die woont in utrecht", "buurvrouw ineke want daar mag ik altijd komen",
    # "ze heet Ilse en ze woont naast ons": the name comes before what is told about them
    # "noemmij maar fay": the "maar" there is no border before what is told (stop 43)
    value = _CALL_ME.sub("", " ".join(str(value).split()))
    # "wij zeggen altijd opa piet maar hij heet pieter": the name he has (stop 46)
    real = _REAL_NAME_AFTER.search(value)
    if real:
        value = real.group(1)
    value = _LEADING_YES.sub("", value)  # "ja dus ze heet marleen" (stop 46)
    value = after_a_joke(value)  # "noem me prinses haha nee grapje gewoon fleur"
    value = _TOLD_AFTER.split(str(value), maxsplit=1)[0]
    value = _NAME_INSIDE.sub(
        lambda m: next(g for g in m.groups() if g), " ".join(str(value).split())
    )
    # "ze heet samira. samira el haddouti": a full stop between parts, as a comma (stop 46);
    # never after a title ("dhr. bakker")
    value = re.sub(r"(?<!\bdhr)(?<!\bmevr)(?<!\bmw)(?<!\bmr)\.\s+(?=\w)", ", ", str(value))
    if "," in str(value):
        # "Nina, ze is 30", "de buurvrouw naast ons, tineke": the part that is a name
        parts = str(value).split(",")
        # a part that says it is the name comes first: "ik ben de tweeling van sara, ik
        # heet lina" (seventh pass)
        parts.sort(key=_says_the_name_first)
        names = [found for found in map(name_from_answer, parts) if found]
        if len(names) > 1 and names[1].lower().startswith(names[0].lower() + " "):
            return names[1]  # "ze heet linda, linda de jong": the whole name (stop 44)
        return names[0] if names else None
    value = " ".join(str(value).split())
    value = _NAME_PREFIX_RE.sub("", _NAME_SAID_BEFORE.sub("", value))
    value = _NAME_SAID_AFTER.sub(lambda m: m.group("alone") or "", value)  # "hemmo ik"
    if text:
        text = _NAME_PREFIX_RE.sub("", " ".join(str(text).split()))
    words = re.findall(r"'t\b|[^\W\d_]+(?:['-][^\W\d_]+)*|\d+", value)  # "van 't hof"
    if text and words and all(w.lower() in _FILLERS for w in words):
        # the NLU picked a filler as the name ("gwn" of "ze heet gwn ria"): the name is in
        # what was typed (stop 43, typed as a youth would)
        return name_from_answer(text, called_by=called_by)
    if len(words) > 1 and words[0].lower() in SUBJECTS:
        # "ze luistert altijd" at "Hoe heet je oma?": a sentence about the person, never the
        # name "Ze Luistert Altijd" (stop 43, typed as a youth would)
        return None
    if text and len(words) == 1:
        # the NLU found one word of a longer name: keep "mevrouw de vries" whole
        whole = re.findall(r"[^\W\d_]+(?:['-][^\W\d_]+)*|\d+", text)
        lowered = [w.lower() for w in whole]
        if lowered and lowered[0] in _TITLES and words[0].lower() in lowered:
            words = whole
    if text and len(words) > 1 and words[-1].lower() in SURNAME_PARTS:
        # the NLU stopped inside the surname ("wim van der" of "hij heet wim van der meer")
        whole = name_from_answer(text)
        if whole and whole.lower().split()[: len(words)] == [w.lower() for w in words]:
            return whole
        if whole and [w.lower() for w in words][: len(whole.split())] == whole.lower().split():
            return whole  # "stefan van" of "stefan van de kerk": the name without the place
    if text and len(words) == 1 and text.strip().lower() != str(value).strip().lower():
        # the NLU found the first name of "riet de vries": the surname belongs to it
        whole = name_from_answer(text)
        if whole and whole.lower().split()[0] == words[0].lower() and len(whole.split()) > 2:
            if whole.lower().split()[1] in SURNAME_PARTS:
                return whole
        if whole and len(whole.split()) == 2 and whole.lower().split()[0] == words[0].lower():
            if not is_dutch(whole.split()[1]):
                return whole  # "Ria Smit", "giovanni martina": a surname, kept (stop 39)
    lowered = [w.lower() for w in words]
    filler = False
    while lowered and (
        lowered[0] in _FILLERS | {"mijn", "mn", "me", "de", "het", "een", "die", "d'n"}
        # "ok dan stef", "eigenlijk mohammed", "altijd gewoon tante" (stop 44)
        or (len(lowered) > 1 and (lowered[0] in _BEFORE_A_NAME or (filler and lowered[0] == "dan")))
    ):
        words, lowered, filler = words[1:], lowered[1:], True
    if len(lowered) > 1 and lowered[0] in ("mien", "min"):
        words, lowered = words[1:], lowered[1:]  # "mien beppe": "mijn" in dialect, not Mien
    if len(lowered) > 3 and lowered[-3:] in _CALLED_SO:
        words, lowered = words[:-3], lowered[:-3]  # "tante nel noemen we haar" (stop 45)
    if len(lowered) == 2 and lowered[1] in _HONORIFICS:
        words, lowered = words[:1], lowered[:1]  # "emine hanim", "ahmet bey" (stop 45)
    if len(lowered) == 3 and lowered[0] == lowered[2] and lowered[1] in ("ja", "dus", "yes"):
        words, lowered = words[:1], lowered[:1]  # "steven ja steven" (stop 45)
    if lowered in (["ikke"], ["ik"], ["ikzelf"]):
        return None  # "ikke, bo": the name is in the other part
    while lowered and _words_after_a_name(lowered):
        cut = _words_after_a_name(lowered)
        words, lowered = words[:-cut], lowered[:-cut]
    if lowered[-2:] in _WHERE_AT_THE_END:
        cut = 3 if lowered[-3:-2] in (["van"], ["bij"]) else 2
        words, lowered = words[:-cut], lowered[:-cut]  # "de buurvrouw (van) naast ons"
    if not words or lowered[0] in _QUESTION_WORDS or lowered[0] in ("geen", "weet", "wt"):
        return None  # "geen bijnaam, gewoon dewi": the name is in the other part (stop 46)
    # "bas van groep 8": the first name only; "ramon uit curacao", "henk bij de kerk"
    for index, word in enumerate(lowered[1:], start=1):
        following = lowered[index + 1] if index + 1 < len(lowered) else ""
        if word in ("uit", "bij") and following:
            words, lowered = words[:index], lowered[:index]
            break
        if word == "of" and index == 1 and len(lowered) <= 3 and following not in _NO_NICKNAME:
            words, lowered = words[:index], lowered[:index]  # "chandra of chan" (stop 44)
            break
        if (
            word in ("de", "een", "mijn", "mn", "me")
            and index + 1 < len(words)
            and not words[index + 1][:1].isupper()  # "Jolanda de Vriend": a surname, as typed
            and not any(is_dutch(w) for w in lowered[:index])  # "oeps ik bedoelde mijn tante"
            and any(_relation_word(w, word_relation) for w in lowered[index + 1 : index + 3])
        ):
            words, lowered = words[:index], lowered[:index]  # "shurandy de broer van me moeder"
            break
        if word.isdigit():
            words, lowered = words[:index], lowered[:index]  # "ashanti 15 jaar" (stop 46)
            break
        if word in ("van", "fan", "bij", "uit", "op") and (  # Frisian "fan" (stop 46)
            following in _FROM_WHERE - {"de"}  # "van het zaalvoetbal" (seventh pass)
            or (following in ("de", "het", "t", "'t") and index + 2 < len(lowered)
                and (lowered[index + 2] in _PLACE_AFTER_DE | PLACE_WORDS | _FROM_WHERE
                     # "ellen van de turnclub", "marieke van t buurthuis" (stop 39)
                     or lowered[index + 2].endswith(_PLACE_ENDINGS)))
            or following.isdigit()
        ):  # fmt: skip
            words, lowered = words[:index], lowered[:index]
            break
    if lowered[0] in _TITLES and not (lowered[0] in ("juf", "meester") and len(words) == 2):
        rest = [w for w in lowered[1:] if w not in SURNAME_PARTS]
        if rest and len(words) <= 4 and all(_NAME_WORD.fullmatch(w) or w == "'t" for w in words):
            return _capitalise(words)
        return None  # "meneer" alone is no name
    # a relation of two words first: "komsu teyze ayse" (stop 47)
    if len(lowered) > 2 and f"{lowered[0]} {lowered[1]}" in SYNONYMS:
        words, lowered = words[2:], lowered[2:]
    # a relation word first ("oma riet", "buurvrouw gerrie"): the name after it
    while words and _relation_word(lowered[0], word_relation):
        words, lowered = words[1:], lowered[1:]
    while len(lowered) > 1 and lowered[0] in _BEFORE_A_NAME:
        words, lowered = words[1:], lowered[1:]  # "beppe hjit eigenlijk wietske" (stop 44)
    if not words:
        return None  # only a relation: "de buurman", "gewoon opa"
    if any(w.isdigit() for w in lowered):
        return None
    if len(words) == 2 and _relation_word(lowered[1], word_relation):
        words, lowered = words[:1], lowered[:1]  # "ayse teyze", "emre amca" (stop 39)
    if any(_relation_word(w, word_relation) for w in lowered):
        return None  # "riet is mijn buurvrouw" belongs to the relation question
    if all(w in PLACE_WORDS or w in _PLACE_AFTER_DE for w in lowered):
        return None  # "bij de moskee is een meneer": a place, not the person's name
    name = clean_name(" ".join(words))
    return _capitalise(name.split(" ")) if name else None


def _words_after_a_name(lowered: list[str]) -> int:
    """How many words at the end hedge or fill around a name: "rasha denk ik" 2, "shorty
    zeggen ze altijd" 3, "levi hoor" and "sharifa ja" 1 (stop 47); 0 when none."""
    if lowered[-2:] in _HEDGES:
        return 2
    if lowered[-3:-1] in _HEDGES and lowered[-1] in ("altijd", "meestal", "vaak"):
        return 3
    if lowered[-1] in _FILLERS or (len(lowered) > 1 and lowered[-1] in ("ja", "jaa", "jep", "yes")):
        return 1
    return 0


def _says_the_name_first(part: str) -> int:
    found = _SAYS_THE_NAME.match(part.strip())
    if not found:
        return 2
    return 0 if re.search(r"heet|naam", found.group(0), re.IGNORECASE) else 1


def _capitalise(words: list[str]) -> str:
    """ "riet de vries" -> "Riet de Vries": surname parts small, except the first word;
    "henk-jan" -> "Henk-Jan", "o'neill" -> "O'Neill" (stop 47)."""
    return " ".join(
        w.lower() if i and w.lower() in _DUTCH_PREFIXES else _capital(w)
        for i, w in enumerate(words)
    )


def _capital(word: str) -> str:
    parts = re.split(r"(-|(?<=^\w)')", word)
    return "".join(part[:1].upper() + part[1:] for part in parts)


def _relation_word(word: str, word_relation) -> bool:
    found = word_relation(word)
    return bool(found and found[1] and found[0] != "anders")
