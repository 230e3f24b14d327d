"""Who the youth means, read from their own words: typos, sound-alike spelling, descriptions.

A youth with dyslexia or LVB types "buuvrouw", "trainr", "burman", "vrindin van mama";
another describes someone the buttons do not name: "een meneer bij de moskee", "de man
van mijn tante". The classifier finds a relation word where it looks like one it has
seen, and hands the typo on as the value ("buuvrouw"), so the form and the coach could
not use it. This module reads the message itself and gives the canonical value of
DESIGN.md, in this order:

1. family descriptions: "de moeder van mijn moeder" is an oma, "de man van mijn tante" an
   oom, "een vriendin van mijn moeder" a friend of the family, "de vrouw van hiernaast" a
   buurvrouw; "de moeder van mijn beste vriend" is someone else (`anders`);
2. a word of the relation lexicon, as such or in a compound ("bovenbuurman",
   "voetbaltrainer", "pleegma", "zussie");
3. a fuzzy match of a word to the lexicon: edit distance where a key next to the right
   one and two swapped letters cost less, on a Dutch sound-alike spelling ("uu" and "u",
   "ie" and "i", "ei" and "ij", "ai" and "e" sound alike to a poor speller). Short words
   (3 or 4 letters: oma, oom, zus, baas) only match on the same sound, and never a known
   first name ("Bas" is not "baas", "Omar" not "oma"), so that "boom" or "buurt" never
   become an oom or a buurman. A real Dutch word (a Dutch function word, or a form in
   spaCy's Dutch lookup table) is never taken for a typo: "wakker" is no "vader",
   "nachten" no "nicht". A match the module is not sure of is marked uncertain: the
   form then asks "Bedoel je je buurvrouw?" before it uses it;
4. a person described without a relation word ("de vrijwilliger van het buurthuis",
   "mijn oude oppas"): `anders`, with the description kept for the coach.

Nothing here imports Rasa; `nlu_components.relation_words` is the glue.
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import gzip
import importlib.util
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from bot.vocabulary import SPORT_WORDS, SURNAME_PARTS, SYNONYMS

# canonical relation of each word (extra to bot.vocabulary.SYNONYMS: forms teens type)
_MORE_WORDS = {
    "omaatje": "oma", "omaatjes": "oma", "oematje": "oma", "opaatje": "opa", "oppie": "opa",
    "tanta": "tante", "tantetje": "tante", "nonkel": "oom", "oomie": "oom",
    "bro": "broer", "broers": "broer", "zussie": "zus", "zussen": "zus", "zussje": "zus",
    "neefje": "neef", "nichtje": "nicht", "neven": "neef", "nichten": "nicht",
    "buurmannen": "buurman", "buurvrouwen": "buurvrouw", "buurvrouwtje": "buurvrouw",
    "buurmeisje": "anders", "buurjongen": "anders",
    "trainster": "sportcoach", "trainers": "sportcoach",
    "docent": "leraar", "docente": "leraar", "lerares": "leraar", "leraren": "leraar",
    "juffrouw": "leraar", "meneer_van_school": "leraar",
    "pleegouders": "pleegouder", "pleegma": "pleegouder", "pleegpa": "pleegouder",
    "pleegmam": "pleegouder", "pleegpap": "pleegouder",
    "pleegmoeder": "pleegouder", "pleegvader": "pleegouder",
    "familievriend": "vriend_van_de_familie", "familievriendin": "vriend_van_de_familie",
    "vriendje": "vriend", "vriendinnetje": "vriend", "maat": "vriend", "maatje": "vriend",
    "chef": "baas", "werkgever": "baas", "bazin": "baas",
    "mams": "ouder", "paps": "ouder", "mammie": "ouder", "pappie": "ouder", "ouders": "ouder",
    "stiefpa": "ouder", "stiefma": "ouder", "moeders": "ouder", "vaders": "ouder",
    # plurals ("een van mn ooms"), Flemish and dialect ("bomma", "bompa", "bruur"), slang
    # ("bestie", "fam"), the French word many families use ("cousine"): stop 39, from the
    # eighth form set, read after it was measured
    "ooms": "oom", "tantes": "tante", "omas": "oma", "opas": "opa",
    "bomma": "oma", "bompa": "opa", "moemoe": "oma", "vava": "opa", "bonkel": "oom",
    "bruur": "broer", "breur": "broer", "zusters": "zus",
    "bestie": "vriend", "besties": "vriend", "bff": "vriend", "bestfriend": "vriend",
    "vriendinnen": "vriend", "vrienden": "vriend",
    "cousine": "nicht", "cousines": "nicht", "kozijn": "neef", "kozijns": "neef",
    "famvriend": "vriend_van_de_familie", "famvriendin": "vriend_van_de_familie",
    "gezinsvriend": "vriend_van_de_familie", "gezinsvriendin": "vriend_van_de_familie",
    "bazen": "baas",
    "homie": "vriend", "homies": "vriend",
    "gabber": "vriend", "gabbers": "vriend",
    # Frisian, Limburgs, pet forms (the tenth form set, read after it was measured)
    "beppe": "oma", "pake": "opa", "nonk": "oom", "nónk": "oom", "omie": "oma", "opie": "opa",
    "nefie": "neef", "nichie": "nicht", "oompie": "oom",
    # Achterhoeks and Sranan (the eleventh form set, read after it was measured, stop 40)
    "opoe": "oma", "opoes": "oma", "omu": "oom",
    # Frisian and Brabants/Limburgs, Flemish, chat slang (the thirteenth form set, read
    # after it was measured, stop 42)
    "omke": "oom", "muoike": "tante", "ome": "oom", "gebuur": "buurman", "gebuurvrouw":
    "buurvrouw", "buuf": "buurvrouw", "buurv": "buurvrouw", "sensei": "sportcoach",
    # Achterhoeks and Twents "naober" (stop 45, the sixteenth form set)
    "naober": "buurman", "naoberman": "buurman", "naobervrouw": "buurvrouw",
    # the seventeenth form set (stop 46, read after it was measured): Frisian "buorfrou",
    # great-grandparents, a great-aunt or great-uncle (the set's writers: tante, oom)
    "buorfrou": "buurvrouw", "buorman": "buurman", "buorvrouw": "buurvrouw",
    "overgrootoma": "oma", "overgrootopa": "opa", "overoma": "oma", "overopa": "opa",
    "achteroma": "oma", "achteropa": "opa", "grootoma": "oma", "grootopa": "opa",
    "oudtante": "tante", "oudoom": "oom",
    # the eighteenth form set (stop 46, read after it was measured)
    "buurmevrouw": "buurvrouw", "buurmeneer": "buurman",
}  # fmt: skip
LEXICON: dict[str, str] = {**SYNONYMS, **_MORE_WORDS}
# Family words from other languages, from the seventh form set (read after it was measured,
# 2026-12-06): Somali, Darija, Tigrinya, Polish, Papiamento and English. Only as typed:
# never a fuzzy match's target ("traner" stays a trainer, never a "teacher").
EXACT_ONLY: dict[str, str] = {
    "hooyo": "ouder", "aabo": "ouder", "yemma": "ouder", "yema": "ouder", "mai": "ouder",
    "okhti": "zus", "ukhti": "zus", "akhi": "broer", "haftey": "zus", "hawey": "broer",
    "walaashay": "zus", "walaalkay": "broer", "kuzynka": "nicht", "kuzyn": "neef",
    "sasiadka": "buurvrouw", "sasiad": "buurman", "auntie": "tante", "aunty": "tante",
    "aunt": "tante", "uncle": "oom", "sis": "zus", "sister": "zus", "brother": "broer",
    "cousin": "neef", "teacher": "leraar", "boss": "baas", "neighbour": "buurman",
    "neighbor": "buurman", "baba": "ouder",
    # the fourteenth form set (stop 43): Darija "oekhti" (my sister) and "sahbi" (my friend),
    # street Dutch "brada" (brother)
    "oekhti": "zus", "oekhtie": "zus", "ochti": "zus", "sahbi": "vriend", "sahbie": "vriend",
    "brada": "broer", "bradda": "broer", "brotha": "broer",
    # the fifteenth form set (stop 44): Hindustani "mausi" (mother's sister) and "chacha"
    # (father's brother), "sisa" for a sister
    "mausi": "tante", "chacha": "oom", "sisa": "zus",
    "mom": "ouder", "mum": "ouder", "mother": "ouder", "dad": "ouder", "father": "ouder",
    # stop 41, from what families say (not read from a set): French and Flemish, Italian,
    # Portuguese and Cape Verdean, Indonesian and Moluccan, Surinamese Hindustani, Darija,
    # Polish. Left out as too open: "nana" (opa in Hindustani, oma in English), "mémé" and
    # "pépé" (read without accents: an internet meme, a name), "avó"/"avô" (one word
    # without accents), "prima", "henna", "walaal" and "ruman" (a brother or a sister).
    "mamie": "oma", "papy": "opa", "matante": "tante",
    "tonton": "oom", "nonna": "oma", "nonno": "opa", "nenek": "oma", "kakek": "opa", "nani": "oma",
    "dadi": "oma", "mima": "oma", "khal": "oom", "kho": "broer", "khti": "zus",
    "siostra": "zus", "brat": "broer", "stryj": "oom", "stryjek": "oom", "ciotka": "tante",
    "dziadzia": "opa", "dziadziu": "opa", "babunia": "oma", "primo": "neef",
    "grootje": "oma", "tata": "ouder",
    # Papiamento neighbours (the thirteenth form set, stop 42)
    "bisina": "buurvrouw", "bisinu": "buurman", "bisino": "buurman",
    # the seventeenth form set (stop 46): Papiamento "primu" (cousin), Arabic in chat "5ali"
    # and "khali" (my mother's brother), "khalti" and "3amti" (my aunt), Turkish
    # "antrenör" (coach), Frisian "mem" and "heit" (mother, father)
    "primu": "neef", "khali": "oom", "5ali": "oom", "khalti": "tante",
    "5alti": "tante", "3amti": "tante", "3amma": "tante", "antrenor": "sportcoach",
    "antrenör": "sportcoach", "mem": "ouder", "heit": "ouder",
    # the eighteenth form set (stop 46): Hindi "didi" (big sister), "bhaiya" and "bhai"
    # (big brother), Flemish "moeke" (mother)
    "didi": "zus", "bhaiya": "broer", "bhai": "broer", "moeke": "ouder",
    # the nineteenth form set (stop 46): Hindi grandparents with "ji", "m'ma"
    "nanaji": "opa", "naniji": "oma", "dadaji": "opa", "dadiji": "oma", "m'ma": "ouder",
}  # fmt: skip
# Words that name a person only after "my": "mijn henna" (Darija: my grandmother), "mijn
# meme", "mi prima" (Papiamento: my cousin); alone they are a name or an everyday word
# ("henna" on hands, "prima", "meme") (stop 46, the eighteenth form set)
_OWNED_ONLY: dict[str, str] = {
    "henna": "oma", "meme": "oma", "mémé": "oma", "pepe": "opa", "pépé": "opa",
    "granny": "oma", "grandma": "oma", "grandpa": "opa", "prima": "nicht",
}  # fmt: skip
# "iemand" alone is no person the youth chose ("ik ken iemand" is, via the description)
LEXICON.pop("iemand", None)
LEXICON.pop("anders", None)

# Compounds: a word that ends in one of these is that person ("bovenbuurman",
# "voetbaltrainer", "bokscoach"). Not "ouder" or "moeder": a "gastouder" is no parent.
_HEADS = {
    "buurman": "buurman", "buurvrouw": "buurvrouw", "trainer": "sportcoach",
    "trainster": "sportcoach", "coach": "sportcoach", "leraar": "leraar", "lerares": "leraar",
    "docent": "leraar", "juf": "leraar", "buuf": "buurvrouw",
}  # fmt: skip
# Turkish family words with "my" on the end ("dayım", "amcam", "ablam", "dedem", "halam");
# "hala" alone is also a first name, "halam" is not.
_TURKISH_KIN = {
    "dayi": "oom", "amca": "oom", "abi": "broer", "abla": "zus", "dede": "opa",
    "teyze": "tante", "hala": "tante", "anneanne": "oma", "babaanne": "oma", "nene": "oma",
    "yenge": "tante", "eniste": "oom", "kuzen": "neef",
    # "annem", "babam": my mother, my father (the seventh form set: a parent is asked about
    # kindly, as in Dutch)
    "anne": "ouder", "baba": "ouder",
}  # fmt: skip


def _owned_stems(word: str) -> list[str]:
    """The word without a Turkish "my" ending: "dayim" -> "day", "dayi"."""
    return [word[: -len(end)] for end in ("im", "um", "m") if word.endswith(end)]


# "judoleraar", "zwemleraar", "dansjuf", "tennisdocent": the teacher of a sport (a
# "gymleraar" teaches at school)
_SPORT_TEACHER = re.compile(
    r"^(?:"
    + "|".join(
        sorted(
            {w[:-2] if w.endswith("en") else w for w in SPORT_WORDS} - {"gym", "train", "club"}
            | {"zwem"}
        )
    )
    + r")\w{0,2}(?:leraar|lerares|juf|docent)$"
)
# "pleeg ouders", and in English "foster mom" (stop 40): read as "pleeg" + the word after
_PLEEG = re.compile(
    # "weekendpleegmoeder", "netwerkpleegouder" (stop 46)
    r"^(?:weekend|deeltijd|netwerk|crisis)?pleeg(?:ouders?|moeder|vader|ma|pa|mam|pap|mama|papa|"
    r"mams|paps|"
    r"mom|mum|mother|dad|father|parents?|family)$"
)

# Words close to a relation word that mean something else; never matched fuzzily.
NOT_RELATIONS = frozenset(
    "buurt buren boom room zoom kom om oog ook oma's over maar baan bas bal das kaas vaas "
    "baal maan man vrouw nee neer nicht niet nog vaak zus zo dus huis mus bus plus trein "
    "trui trainen train training juist jus jij jou toen tent tand tante's oude ouwe broek "
    "broed brood moet moest vader moeder meester mentor mensen meneer mevrouw mee meer "
    "vrienden vriendelijk familie buurthuis ander anders andere iemand niemand "
    # issue 25: "coach" alone is the youth's professional coach, never a sportcoach
    "coach coaches "
    # everyday words the cross-validation found read as a person (2026-12-04): "wanneer"
    # as a parent, "geef" as a "chef", "nachten" as a "nicht", "start" as a trainer
    # ("wanneer", "onder", "later", "klaar" are Dutch stop words, "start" a lookup form)
    "geef geeft geven nacht nachten royale mentoren oudere ouderen jongere "
    # "met haar praat ik het meest" is no "meester" (stop 46)
    "meest meeste".split()
)
# "man", "bro" and "sis" are also said to anyone ("nah man", "later bro"): a person only after
# a word that points at one ("een man uit de kerk", "mijn bro").
_CALLED = frozenset("man bro sis".split())
_POINTING = frozenset(
    "de een n 'n die deze mijn mn m'n me onze ons zijn zn z'n haar d'r der je jouw my our "
    "oude ouwe aardige lieve grote kleine jonge oudere andere big lil little older "
    "younger".split()
)


def _said_to_anyone(words: list, index: int) -> bool:
    """ "nah man", "later bro": a word for anyone, not a person named."""
    before = _fold(words[index - 1].group()) if index else ""
    return _fold(words[index].group()) in _CALLED and before not in _POINTING


# Words before a relation word that belong to it ("grote zus", "beste vriend").
_BEFORE = frozenset("grote kleine beste oudere jongere".split())
_KIN_WORDS = frozenset("zus broer vriend neef nicht".split())
_MY = frozenset("mijn mn m'n me myn mien mi".split())

PARENT_WORDS = frozenset(
    "moeder vader mama papa ma pa mam pap mams paps ouders mammie pappie".split()
)
_OWN = r"(?:mijn|mn|m'n|me|onze|ons|de|die|van)"
# "de X van (mijn) Y": the relation of X to the youth through Y
_KIN = {
    # (head, whose): relation
    ("moeder", "parent"): "oma", ("vader", "parent"): "opa", ("mama", "parent"): "oma",
    ("papa", "parent"): "opa", ("zus", "parent"): "tante", ("zuster", "parent"): "tante",
    ("broer", "parent"): "oom",
    ("man", "tante"): "oom", ("vrouw", "oom"): "tante",
    ("zoon", "oom"): "neef", ("zoon", "tante"): "neef", ("dochter", "oom"): "nicht",
    ("dochter", "tante"): "nicht", ("zoon", "zus"): "neef", ("zoon", "broer"): "neef",
    ("dochter", "zus"): "nicht", ("dochter", "broer"): "nicht",
    # "de man van de buurvrouw" (stop 46)
    ("man", "buurvrouw"): "buurman", ("vrouw", "buurman"): "buurvrouw",
    ("moeder", "pleegouder"): "pleegouder", ("vader", "pleegouder"): "pleegouder",
    # "een neef van mijn vader": a cousin of the family (stop 46)
    ("neef", "parent"): "neef", ("nicht", "parent"): "nicht",
}  # fmt: skip
# "de X van mijn Y" with one of these as X and a person as Y is someone else ("de tante van
# mijn vriendin", "de baas van mijn moeder"), unless _KIN gives the relation.
_RELATIVES = frozenset(
    "man vrouw broer zus oma opa zoon dochter tante oom neef nicht baas bazin".split()
)
_FAMILY_FRIEND_HEADS = frozenset(
    "vriend vriendin vriendinnen vrienden kennis kennissen maat collega".split()
)
_FAMILY_FRIEND_OF = frozenset("parent oma opa familie tante oom".split())
# "meneer yilmaz van school", "mevrouw bakker uit mn klas": a teacher, as "meneer van
# school" is
_TEACHER = re.compile(
    r"\b(?:meneer|mevrouw|mevr)\s+(?:[^\W\d_]+\s+){1,3}?(?:van|op|bij|uit)\s+"
    r"(?:(?:mijn|mn|me|de|het|onze)\s+)?(?:school|klas|groep)\b"
    # "meneer de wit van wiskunde": a subject (stop 39)
    # and without the name: "mevrouw van wiskunde" (stop 42)
    r"|\b(?:meneer|mevrouw|mevr|juf|meester)\s+(?:[^\W\d_]+\s+){0,3}?(?:van|voor)\s+"
    r"(?:wiskunde|rekenen|taal|engels|nederlands|frans|duits|biologie|bio|geschiedenis|"
    r"aardrijkskunde|economie|scheikunde|natuurkunde|techniek|muziek|tekenen|handvaardigheid|"
    r"gym|lo|godsdienst|levensbeschouwing|informatica|koken|verzorging)\b"
)
_NEXT_DOOR = re.compile(
    # "de man van hiernaast", and with a name: "meneer el amrani van beneden", "mevrouw de
    # vries van naast ons", "meneer jan van de overkant"
    # "mevrouw hiernaast" at the start, without an article (stop 40)
    # "de teyze van hiernaast": the aunt word many families use for an older neighbour
    r"(?:(?:\b(?:de|die|een)\s+(?:komsu\s+)?|^)(man|meneer|vrouw|mevrouw|mevr|vent|gast|kerel|"
    r"dame|teyze|"
    r"amca|tante|oom|ome)|"
    r"\b(meneer|mevrouw|mevr)\s+"
    r"(?:[^\W\d_]+\s+){1,3}?)\s*(?:die\s+(?:(?:woont|wonen|woonde)\s+)?)?(?:van\s+)?"
    r"(?:hiernaast|naast\s+(?:ons|mij|me)|boven\s+ons|onder\s+ons|beneden|hierboven|"
    r"hieronder|tegenover(?:\s+ons)?|van\s+hiernaast|(?:de\s+)?overkant|"
    # "de meneer van de buren", "de komsu teyze van boven", "van 3 hoog" (stop 46)
    r"van\s+de\s+buren|van\s+boven|van\s+beneden|van\s+\d+\s+hoog|"
    # "een vrouw uit onze flat", "een man uit mijn straat" (stop 39)
    r"(?:uit|in|van)\s+(?:onze|ons|mijn|mn|m'n|de)\s+(?:flat|straat|portiek|galerij))\b"
)

# Words for a person without a relation word: such a description is `anders`.
PERSON_WORDS = frozenset(
    "meneer mevrouw mevr man vrouw jongen meisje vrijwilliger vrijwilligster conciërge "
    "concierge oppas imam dominee pastoor priester pater rabbijn jongerenwerker "
    "buurtwerker kapper kapster gastouder gastmoeder gastvader leider leidster "
    "scoutingleider chauffeur buschauffeur eigenaar winkelier collega kennis stagebegeleider "
    "schoonmaker bakker slager juffrouw dame heer persoon iemand mensen vrijwilligers "
    "instructeur rijinstructeur buurtvader buurtmoeder peetoom peettante peetvader "
    "peetmoeder hoca hodja wijkagent huisbaas ouderling huiswerkbegeleider imaam koster "
    "postbode boer visboer kok pleegbroer pleegzus petemoei kantinejuf "
    "kantinemevrouw vent gast kerel "
    "stiefzus stiefbroer schoonzus zwager oppasmoeder leiding schoonmoeder schoonvader".split()
)
# Words before the person that only say the choice: "ik kies voor", "ik zou zeggen" (also
# read by `bot.nlu.safety.only_people`: they make no story of a person named)
LEADING = re.compile(
    r"^(?:(?:ik\s+)?(?:kies|neem|wil|pak|denk\s+aan|ga\s+voor)(?:\s+(?:voor|aan|graag))?|"
    r"(?:ik\s+)?zou\s+zeggen|(?:ik\s+)?zeg|het\s+is|dat\s+is|ik\s+ken|er\s+is|eh+m*|uh+m*|nou)\s+",
    re.IGNORECASE,
)
PLACE_WORDS = frozenset(
    "buurthuis kerk moskee tempel synagoge school club clubhuis scouting sportschool werk "
    "snackbar winkel supermarkt bieb bibliotheek voetbal voetbalclub training straat "
    "wijk buurt hoek markt zwembad klas groep stage bijbaan jeugdhonk".split()
)
_NAME_AT_PLACE = re.compile(
    r"^\s*([^\W\d_]+)\s+((?:van|bij|uit|op|in)\s+(?:de|het|d|mijn|mn|onze|ons)?\s*([^\W\d_]+).*)$"
)
# A 3, 7 or 9 before letters is a letter of Arabic in chat ("3ammi": my uncle, stop 45)
_WORD = re.compile(r"(?:[3579](?=[^\W\d_]))?[^\W\d_]+(?:'[^\W\d_]+)?")
_COACH_OF_A_SPORT = re.compile(
    r"\b(?:coach(?:es)?|kouts|koutsj)\s+(?:van|bij|op|voor)\s+(?:de\s+|het\s+|mijn\s+|mn\s+|me\s+|"
    r"m'n\s+|ons\s+|"
    r"onze\s+)?(?:" + "|".join(sorted(SPORT_WORDS)) + r"|team|elftal)\w*\b"
    # "mn basketbal coach" (stop 39)
    r"|\b(?:" + "|".join(sorted(SPORT_WORDS)) + r")\s+coach\b"
    # "mijn kickboks leraar", "de leider van mijn voetbalteam" (stop 46)
    r"|\b(?:" + "|".join(sorted(SPORT_WORDS)) + r")\s+(?:leraar|lerares|juf|docent|leider|"
    r"leidster)\b"
    r"|\b(?:leider|leidster|trainer|trainster)\s+(?:van|bij|op)\s+(?:de\s+|het\s+|mijn\s+|"
    r"mn\s+|me\s+|m'n\s+|ons\s+|onze\s+)?(?:" + "|".join(sorted(SPORT_WORDS)) + r")\w*\b"
)


@dataclass(frozen=True)
class Reading:
    """One person the message names: canonical relation, where, how sure, any description."""

    relation: str
    start: int
    end: int
    certain: bool = True
    typed: str = ""  # the words as the youth typed them
    description: str | None = None  # for `anders`: how the youth described the person


def _fold(text: str) -> str:
    """Lowercase without accents ("conciërge" -> "concierge"), same length as the text."""
    out = []
    for char in text.lower():
        # the Turkish dotless i has no accent to drop: "dayım" is "dayim" (stop 41)
        base = "i" if char == "ı" else unicodedata.normalize("NFKD", char)
        out.append(base[0] if base else char)
    return "".join(out)


_PERSONS = frozenset(_fold(word) for word in PERSON_WORDS)

# Dutch spelling that sounds the same: applied to both sides before comparing.
_SOUNDS = (
    ("ij", "ei"), ("y", "ei"), ("au", "ou"), ("ai", "e"), ("ee", "e"), ("aa", "a"),
    ("oo", "o"), ("uu", "u"), ("ie", "i"), ("ch", "g"), ("dt", "t"), ("th", "t"),
    ("ph", "f"), ("ck", "k"), ("c", "k"), ("w", "v"), ("z", "s"), ("x", "ks"),
)  # fmt: skip


@functools.lru_cache(maxsize=4096)
def sound(word: str) -> str:
    """A Dutch sound-alike key: "buuvrouw" and "buvrou" sound the same, so do "trainer" and
    "trener". Doubled letters count once and a final "d" sounds as a "t", a final "v" as an "f"."""
    key = re.sub(r"v$", "f", _fold(word))
    for written, said in _SOUNDS:
        key = key.replace(written, said)
    key = re.sub(r"(.)\1+", r"\1", key)
    key = re.sub(r"d$", "t", key)
    return key


_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_AT = {ch: (r, c) for r, row in enumerate(_ROWS) for c, ch in enumerate(row)}


def neighbours(a: str, b: str) -> bool:
    """Whether two letters are next to each other on a keyboard (the usual slip)."""
    if a not in _KEY_AT or b not in _KEY_AT:
        return False
    (ra, ca), (rb, cb) = _KEY_AT[a], _KEY_AT[b]
    return abs(ra - rb) <= 1 and abs(ca - cb) <= 1 and (ra, ca) != (rb, cb)


def distance(typed: str, word: str) -> float:
    """Edit distance: a letter more, less or other costs 1, a keyboard neighbour 0.5, two
    swapped letters 0.5 (restricted Damerau-Levenshtein with weights)."""
    n, m = len(typed), len(word)
    row = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        row[i][0] = float(i)
    for j in range(m + 1):
        row[0][j] = float(j)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            a, b = typed[i - 1], word[j - 1]
            change = 0.0 if a == b else (0.5 if neighbours(a, b) else 1.0)
            row[i][j] = min(row[i - 1][j] + 1, row[i][j - 1] + 1, row[i - 1][j - 1] + change)
            if i > 1 and j > 1 and a == word[j - 2] and typed[i - 2] == b:
                row[i][j] = min(row[i][j], row[i - 2][j - 2] + 0.5)
    return row[n][m]


def _is_name(word: str) -> bool:
    from bot.nlu.name_roles import is_first_name

    return is_first_name(word)


def word_relation(word: str) -> tuple[str, bool] | None:
    """(canonical relation, certain) for one word, or None: lexicon, compound, fuzzy."""
    folded = _fold(word)
    if folded.endswith("'s") and folded[:-2] in LEXICON:
        folded = folded[:-2]  # "mn oma's", "opa's" (stop 39)
    if folded in LEXICON:
        return LEXICON[folded], True
    if folded in EXACT_ONLY:
        return EXACT_ONLY[folded], True
    if _PLEEG.match(folded):
        return "pleegouder", True
    for stem in _owned_stems(folded.replace("ı", "i")):
        if stem in _TURKISH_KIN:
            return _TURKISH_KIN[stem], True  # "dayım", "ablam": my uncle, my sister
    if (
        len(folded) < 3
        or folded in NOT_RELATIONS
        or folded in _BEFORE  # "beste" (vriend) is no typo of "bestie"
        or folded in _stop_words()
        or folded in _PERSONS
        or _is_name(folded)
    ):
        return None
    for head, relation in _HEADS.items():
        if folded.endswith(head) and len(folded) - len(head) >= 3:
            if relation == "leraar" and _SPORT_TEACHER.match(folded):
                return "sportcoach", True  # "judoleraar", "zwemjuf": a sport's teacher
            return relation, True  # "bovenbuurman", "voetbaltrainer"
    # affectionate endings: "zussie", "tantie", "omaatje"
    for ending in ("tje", "je", "ie", "ke"):
        stem = folded[: -len(ending)]
        if folded.endswith(ending) and len(stem) >= 2 and stem in LEXICON:
            return LEXICON[stem], True
    if is_dutch_word(folded):
        return None  # a real word is no typo: "wakker" is not a "vader", "redder" no "broer"
    return _fuzzy(folded) or _shortened(folded)


def _shortened(folded: str) -> tuple[str, bool] | None:
    """ "buurvr", "buurm", "pleegm": the start of one person's word, cut short. Five
    letters at least, and every word of the lexicon it starts names the same person; not
    certain (the form asks "Bedoel je ...?")."""
    if len(folded) < 5:
        return None
    relations = {
        relation
        for word, relation in LEXICON.items()
        if "_" not in word and len(word) >= len(folded) + 2 and word.startswith(folded)
    }
    return (relations.pop(), False) if len(relations) == 1 else None


def _package_file(package: str, *parts: str) -> Path | None:
    """A data file of an installed package, found without importing the package (spaCy
    imports TensorFlow; the action server and the web app must not load it)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations)), *parts)
    return path if path.is_file() else None


@functools.lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """Dutch function words ("wanneer", "onder", "later"): never a typo of a relation word.
    spaCy's list (spacy/lang/nl/stop_words.py), read as text."""
    path = _package_file("spacy", "lang", "nl", "stop_words.py")
    if path is None:  # pragma: no cover - spaCy is part of the product's venv
        return frozenset()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and "\n" in node.value:
            return frozenset(node.value.split())
    return frozenset()  # pragma: no cover


@functools.lru_cache(maxsize=1)
def _dutch_words() -> frozenset[str]:
    """Dutch word forms and their lemmas (spaCy's Dutch lookup table from
    spacy-lookups-data: 213,000 forms), or nothing where that package is missing. Loaded
    once, in about a second."""
    path = _package_file("spacy_lookups_data", "data", "nl_lemma_lookup.json.gz")
    if path is None:  # pragma: no cover - only the product's own venv has the tables
        return frozenset()
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        table = json.load(handle)
    return frozenset(table) | frozenset(table.values())


def is_dutch_word(folded: str) -> bool:
    """Whether a word is a Dutch word form of the lookup table (so not a typo)."""
    return folded in _dutch_words()


def is_dutch(word: str) -> bool:
    """Whether a word as typed is Dutch: a function word or a form of the lookup table."""
    folded = _fold(word)
    return folded in _stop_words() or is_dutch_word(folded)


def warm() -> None:
    """Load the word lists now (the pipeline step does, so no youth waits for them)."""
    _stop_words()
    _dutch_words()


@functools.lru_cache(maxsize=1)
def _keys() -> dict[str, set[str]]:
    keys: dict[str, set[str]] = {}
    for word, relation in LEXICON.items():
        if "_" in word or " " in word:
            continue
        keys.setdefault(sound(word), set()).add(relation)
    return keys


def _fuzzy(folded: str) -> tuple[str, bool] | None:
    key = sound(folded)
    same = _keys().get(key)
    if same and len(same) == 1:
        return next(iter(same)), True  # sounds the same: "burman", "vrindin", "opaa"
    if len(folded) < 5:
        return None  # short words only on the same sound ("oom" is not "boom")
    best: list[tuple[float, str, str]] = []
    for word, relation in LEXICON.items():
        if "_" in word or len(word) < 5 or abs(len(word) - len(folded)) > 2:
            continue
        best.append((min(distance(folded, word), distance(key, sound(word))), word, relation))
    best = [b for b in best if sound(b[1])[:1] == key[:1]]  # the first letter is seldom wrong
    if not best:
        return None
    best.sort()
    cost, _, relation = best[0]
    runner_up = next((c for c, _, r in best if r != relation), 99.0)
    if runner_up <= cost:
        return None  # as close to two different people: no guess
    if cost <= 1.0 and len(folded) >= 6:
        return relation, True  # "buuvrouw", "trainr", "buurmn"
    if cost <= 1.0:
        return relation, False  # "tanje", "brour": ask first
    return None


def _whose(word: str) -> str | None:
    folded = _fold(word)
    if folded in PARENT_WORDS:
        return "parent"
    if folded in ("familie", "fam", "gezin"):  # "vriend vd fam", "vriend van ons gezin"
        return "familie"
    if folded == "pleeggezin":
        return "pleegouder"  # "de moeder van mijn pleeggezin" (stop 46)
    found = word_relation(folded)
    return found[0] if found and found[1] else None


_OF = re.compile(
    r"\b(?P<head>[^\W\d_]+)\s+(?:van|vd|v)\s+(?:(?:mijn|mn|m'n|me|de|een|onze|ons|d|je|der)\s+)?"
    r"(?:(?:beste|oude|grote|kleine|lieve)\s+)?(?P<whose>[^\W\d_]+)"
)


# "mn tante haar vriend", "mn oma d'r buurvrouw", "mn moeders beste vriendin"
_OWNER = re.compile(
    r"\b(?:(?:mijn|mn|m'n|me)\s+(?P<whose>[^\W\d_]+)\s+(?:haar|d'r|der|zijn|zn|z'n)"
    r"|(?P<s>moeders|vaders|mama'?s|papa'?s|oma'?s|opa'?s|ma's|pa's))\s+"
    r"(?:(?:beste|oude|grote|kleine|lieve)\s+)?(?P<head>[^\W\d_]+)"
)


# "oma van moeders kant", "mijn opa van papa zn kant": the relative itself, whose side of
# the family it is does not change who it is
_SIDE = re.compile(
    r"\b(?P<head>oma|opa|tante|oom|neef|nicht|omi|opi|ome)\s+(?:van\s+)?"
    r"(?:(?:mijn|mn|m'n|me|de)\s+)?(?:moeders|vaders|mama'?s|papa'?s|moeder|vader|mama|papa|"
    # "me oma van mams kant" (stop 43, the fourteenth form set)
    r"mams|paps|mammie|pappie|mamma|pappa|mam|pap|ma|pa)\s+(?:(?:zn|z'n|zijn|haar|d'r|der)\s+)?"
    r"kant\b"
)


# "iemand die mijn familie al heel lang kent", "een man die mijn ouders kent": a friend of
# the family, though the youth may call him "oom" (issue 20, 2026-12-06)
_KNOWS_THE_FAMILY = re.compile(
    r"\b(?:iemand|een\s+(?:man|vrouw|meneer|mevrouw))\s+die\s+(?:mijn|mn|m'n|me|onze|ons)\s+"
    r"(?:familie|fam|ouders|gezin)\s+(?:al\s+)?(?:heel\s+|zo\s+)?(?:lang\s+)?kent\b"
    # "iemand die we al jaren kennen" (stop 39)
    r"|\b(?:iemand|een\s+(?:man|vrouw|meneer|mevrouw))\s+die\s+(?:we|wij)\s+(?:al\s+)?"
    r"(?:heel\s+|zo\s+)?(?:lang|jaren|jaaaren|jaren\s+en\s+jaren)\s+kennen\b"
)


# "ze woont naast ons", "hij woont hierboven": a neighbour, told by where they live
_LIVES_NEAR = re.compile(
    r"\b(?P<who>ze|zij|hij)\s+woont\s+(?:(?:(?:hier|bij\s+ons)\s+)?(?:naast|boven|onder|"
    r"tegenover)\s+(?:ons|mij|me)|hiernaast|hierboven|hieronder|beneden\s+ons|"
    r"bij\s+ons\s+in\s+de\s+(?:flat|straat|portiek))\b"
)


# "weld 3ammi" (son of my uncle), "bent khalti" (daughter of my aunt) in Darija; Javanese
# "mbah putri" and "mbah kakung" (grandmother, grandfather): stop 46, the seventeenth set
_CHILD_OF = re.compile(r"\b(?P<child>weld|wld|ould|ibn|bent|bint)\s+(?P<whose>[3579]?[^\W\d_]+)")
_MBAH = re.compile(r"\bmbah\s+(?P<who>putri|uti|kakung|kung)\b")


def _family_phrase(text: str) -> Reading | None:
    """ "de moeder van mijn moeder" -> oma; "de moeder van mijn vriend" -> anders."""
    folded = _fold(text)
    child = _CHILD_OF.search(folded)
    if child and _whose(child.group("whose")) in ("oom", "tante"):
        relation = "neef" if child.group("child") in ("weld", "wld", "ould", "ibn") else "nicht"
        return Reading(relation, *child.span(), typed=text[slice(*child.span())])
    mbah = _MBAH.search(folded)
    if mbah:
        relation = "oma" if mbah.group("who") in ("putri", "uti") else "opa"
        return Reading(relation, *mbah.span(), typed=text[slice(*mbah.span())])
    side = _SIDE.search(folded)
    if side:
        relation = word_relation(side.group("head"))
        if relation and relation[1]:
            # the whole phrase: the parent word in it names no second person
            return Reading(relation[0], *side.span(), typed=text[slice(*side.span())])
    door = _NEXT_DOOR.search(folded)
    if door:
        relation = (
            "buurvrouw"
            if (door.group(1) or door.group(2))
            in ("vrouw", "mevrouw", "mevr", "dame", "teyze", "tante")
            else "buurman"
        )
        return Reading(relation, door.start(), door.end(), typed=text[door.start() : door.end()])
    near = _LIVES_NEAR.search(folded)
    if near and not any(word_relation(w.group()) for w in _WORD.finditer(folded)):
        # "ze heet wendy en ze woont boven ons": the pronoun says which (stop 42)
        relation = "buurman" if near.group("who") == "hij" else "buurvrouw"
        return Reading(relation, *near.span(), typed=text[slice(*near.span())])
    friend = _KNOWS_THE_FAMILY.search(folded)
    if friend:
        return Reading("vriend_van_de_familie", *friend.span(), typed=text[slice(*friend.span())])
    teacher = _TEACHER.search(folded)
    if teacher:
        return Reading("leraar", *teacher.span(), typed=text[slice(*teacher.span())])
    for match in _OF.finditer(folded):
        found = _of(match.group("head"), match.group("whose"), match.span(), text)
        if found:
            return found
    for match in _OWNER.finditer(folded):
        # "mn tante haar vriend", "mn oma d'r buurvrouw", "mn moeders beste vriendin": the
        # same as "de vriend van mn tante" (stop 39)
        whose = match.group("whose") or re.sub(r"'?s$", "", match.group("s"))
        found = _of(match.group("head"), whose, match.span(), text)
        if found:
            return found
    return None


# The friends of a brother, a sister, a cousin or a friend are their friends, not the
# family's: "de vriendin van mijn zus" is someone else (stop 39).
_PEERS = frozenset("zus broer neef nicht vriend".split())


def _of(head: str, whose_word: str, span: tuple[int, int], text: str) -> Reading | None:
    """The person "<head> van <whose>" names, or None."""
    if whose_word in ("mij", "me", "ons"):
        return None  # "een vriend van mij": the head word says it
    whose = _whose(whose_word)
    typed = text[span[0] : span[1]]
    head_relation = word_relation(head)
    if head_relation and head_relation[0] == "vriend":
        head = "vriendin" if head.endswith("n") else "vriend"  # "vrindin van mama"
    if head in _FAMILY_FRIEND_HEADS and whose in _FAMILY_FRIEND_OF:
        return Reading("vriend_van_de_familie", *span, typed=typed)
    if head == "kennis" or (head in ("vriend", "vriendin") and whose_word == "familie"):
        return Reading("vriend_van_de_familie", *span, typed=typed)
    if whose and (head, whose) in _KIN:
        return Reading(_KIN[(head, whose)], *span, typed=typed)
    if head in PARENT_WORDS | _RELATIVES and whose is not None:
        # a relative of a relative the lexicon has no word for
        return Reading("anders", *span, typed=typed, description=describe(text))
    if head in ("vriend", "vriendin") and whose in _PEERS:
        return Reading("anders", *span, typed=typed, description=describe(text))
    if head_relation and head_relation[0] in ("buurman", "buurvrouw") and whose is not None:
        # "de buurvrouw van mn oma": not the youth's own neighbour
        return Reading("anders", *span, typed=typed, description=describe(text))
    if head in PARENT_WORDS | {"oma", "opa", "broer", "zus"} and whose is None:
        if head_relation and whose_word not in ("school", "klas"):
            # "de moeder van mijn vriend": another person's relative
            return Reading("anders", *span, typed=typed, description=describe(text))
    return None


def describe(text: str) -> str:
    """The youth's own description, for the coach: without "ik kies" and without emoji."""
    kept = " ".join(re.findall(r"[^\s]+", text))
    kept = "".join(c for c in kept if c.isalnum() or c in " '-éëèïöüçê").strip()
    kept = LEADING.sub("", kept.lower()) if LEADING.match(kept.lower()) else kept
    return kept[:120].strip()


def read_relations(text: str) -> list[Reading]:
    """Every person the message names, in the order typed (see the module's docstring),
    without the people the youth took back ("oma. nee wacht, ik bedoel opa": opa)."""
    return list(_chosen(text)[0])  # a copy: the cached list stays as read


def taken_back(text: str) -> list[Reading]:
    """The people the youth named and then took back: "niet mijn broer", "oma" in "oma.
    nee wacht, ik bedoel opa". The classifier's entities on them are dropped too."""
    return list(_chosen(text)[1])


# A person said and then taken back (issue 20, 2026-12-06): a turn between two people,
# the later one stands ("oma. nee wacht, ik bedoel opa", "neef nee nicht", "opa... sorry
# typfout, oom", "mijn tante, of nee toch mijn buurvrouw", "ik zei net buurman maar het is
# de buurvrouw", "mn zus is 16 dus dat kan niet, mn nicht dan", "opa of oom karim, doe
# maar oom karim"). A turn counts only close before the next person (at most four words
# between), so "ze zegt nooit nee tegen mij, net als mijn oma" keeps both people.
_TURN = re.compile(
    r"\b(?:nee|neej|nope|sorry|sry|wacht|typfout|ik\s+bedoel(?:de)?|bedoel\s+ik"
    r"|maar\s+(?:het|t)\s+(?:is|wordt)|doe\s+maar|(?:ik\s+)?kies\s+(?:ik\s+)?"
    r"|(?:dat\s+)?(?:kan|mag)\s+(?:niet|nie))\b"
)
_TURN_GAP = 4
# "ik noem haar mama Ruth maar ze is mijn pleegmoeder": what the youth calls someone
# is not who the person is, when the message also says who the person is.
_CALLED_SO = re.compile(r"\bnoem(?:en)?\s+(?:ik\s+)?(?:haar|hem|d'r|der|ze|hij)\s+$")
# "niet mijn broer", "hij is geen echte oom", "ze is niet echt mijn tante": that person is
# not the one meant (every reading of that relation goes).
_DENIED = re.compile(
    r"\b(?:niet|nie|geen)\s+(?:echt\s+|een\s+)?(?:(?:mijn|mn|m'n|me|de|die|het)\s+)?"
    r"(?:echte\s+|eigen\s+)?$"
)
# "ik twijfel tussen mn trainer en mn buurman. buurman wordt het", "mijn buurvrouw of
# mijn juf. de juf denk ik": a person named again with a word of choosing after it.
_CHOSEN_AFTER = re.compile(r"^\s*(?:wordt\s+het|denk\s+ik|dan|kies\s+ik|is\s+het)\b")


_TITLE_WORDS = frozenset("meneer mevrouw mevr mw mr dhr".split())


def _surnames(text: str, readings: list[Reading]) -> list[Reading]:
    """Relation words typed as a surname: "Kees Baas", "Jolanda de Vriend", "meneer Neef".

    A capitalised relation word right after a capitalised first name or after a title,
    with only the small words of a surname between, is part of the person's name."""
    from bot.nlu.name_roles import first_names

    names = first_names()
    words = [w for w in _WORD.finditer(text)]
    found = []
    for reading in readings:
        at = next((i for i, w in enumerate(words) if w.start() == reading.start), None)
        if at is None or not words[at].group()[:1].isupper() or " " in reading.typed:
            continue
        i = at - 1
        while i >= 0 and _fold(words[i].group()) in SURNAME_PARTS:
            i -= 1
        if i < 0:
            continue
        before = words[i].group()
        if _fold(before) in _TITLE_WORDS or (before[:1].isupper() and _fold(before) in names):
            found.append(reading)
    return found


# "tante gerda maar ze is niet echt familie": an aunt by name only, a friend of the family
# (stop 42, the thirteenth form set)
_NOT_REALLY_FAMILY = re.compile(
    r"\b(?:is|zijn)\s+(?:niet|geen)\s+(?:echt\s+|echte\s+)?(?:familie|fam)\b|"
    r"\b(?:niet\s+echt|geen\s+echte)\s+(?:(?:mijn|mn|m'n|me)\s+)?(?:tante|oom)\b"
)
# "de eigenaar van de kapsalon waar ik werk": the youth's boss
_OWNER_WHERE_I_WORK = re.compile(
    r"\b(?:eigenaar|eigenares|baas|bazin|manager|leidinggevende)\b(?:\s+\S+){0,5}\s+"
    r"waar\s+ik\s+(?:werk|werkte|bijbaan|stage\s+loop|mijn\s+bijbaan\s+heb)\b"
)


@functools.lru_cache(maxsize=2048)
def _chosen(text: str) -> tuple[list[Reading], list[Reading]]:
    """(the people meant, the people taken back), read once per text."""
    readings = _read_all(text)
    folded = _fold(text)
    taken: list[Reading] = []
    not_family = _NOT_REALLY_FAMILY.search(folded)
    if not_family:
        inside = [r for r in readings if not_family.start() <= r.start < not_family.end()]
        rest = [r for r in readings if r not in inside]
        if rest and all(r.relation in ("tante", "oom") for r in rest):
            # "tante gerda, ze is niet echt familie": called so, a friend of the family
            readings = [dataclasses.replace(r, relation="vriend_van_de_familie") for r in rest]
            taken = inside
    owner = _OWNER_WHERE_I_WORK.search(folded)
    if owner and all(r.relation == "anders" for r in readings):
        readings = [Reading("baas", *owner.span(), typed=text[slice(*owner.span())])]
    surnames = _surnames(text, readings)
    if surnames:
        readings = [r for r in readings if r not in surnames]
        kept, dropped = _chosen_among(text, readings)
        return kept, taken + surnames + dropped
    kept, dropped = _chosen_among(text, readings)
    return kept, taken + dropped


def _chosen_among(text: str, readings: list[Reading]) -> tuple[list[Reading], list[Reading]]:
    if len(readings) < 2:
        return readings, []
    folded = _fold(text)
    denied = {r.relation for r in readings if _DENIED.search(folded[: r.start])}
    called = [r for r in readings if _CALLED_SO.search(folded[: r.start])]
    kept = [r for r in readings if r.relation not in denied and r not in called]
    dropped = [r for r in readings if r not in kept]
    if len({r.relation for r in kept}) < 2:
        return kept, dropped
    cut = None  # where the people the youth stands by begin
    for turn in _TURN.finditer(folded):
        after = [r for r in kept if r.start >= turn.end()]
        if not after or not any(r.end <= turn.start() for r in kept):
            continue
        if len(_WORD.findall(folded[turn.end() : after[0].start])) <= _TURN_GAP:
            cut = turn.end()
    maar = [m.end() for m in re.finditer(r"\bmaar\b", folded)]
    for end in maar:
        # "ik vind mijn oom en mijn opa allebei lief maar opa heeft meer tijd": after
        # "maar" only people named before it, so the youth chose among them
        before = {r.relation for r in kept if r.end <= end}
        after = {r.relation for r in kept if r.start >= end}
        if len(before) >= 2 and after and after <= before:
            cut = max(cut or 0, end)
    for reading in kept:
        if _CHOSEN_AFTER.match(folded[reading.end :]):
            earlier = {r.relation for r in kept if r.end <= reading.start}
            if len(earlier) >= 2 and reading.relation in earlier:
                cut = max(cut or 0, reading.start)
    if cut is None:
        return kept, dropped
    chosen = [r for r in kept if r.start >= cut]
    return chosen, dropped + [r for r in kept if r.start < cut]


def _read_all(text: str) -> list[Reading]:
    """Every person the message names, in the order typed, also those taken back."""
    if not text or text.startswith("/"):
        return []
    readings: list[Reading] = []
    phrase = _family_phrase(text)
    if phrase:
        readings.append(phrase)
    folded = _fold(text)
    coach = _COACH_OF_A_SPORT.search(folded)
    if coach and not phrase:
        # "de coach van basketbal": a sportcoach ("mijn coach" alone is the professional)
        readings.append(Reading("sportcoach", *coach.span(), typed=text[slice(*coach.span())]))
    if re.search(r"\bvriend(?:in)?\s+(?:van\s+de|vd)\s+familie\b", folded) and not phrase:
        match = re.search(r"\bvriend(?:in)?\s+(?:van\s+de|vd)\s+familie\b", folded)
        readings.append(Reading("vriend_van_de_familie", *match.span(), typed=match.group()))
    # words inside an e-mail address or a link are no person ("oma.ans@hotmail.nl")
    addresses = [m.span() for m in re.finditer(r"\S*@\S+|\S*(?:https?://|www\.)\S*", text)]
    words = [w for w in _WORD.finditer(text) if not any(a <= w.start() < b for a, b in addresses)]
    for index, match in enumerate(words):
        start, end = match.span()
        if any(r.start <= start < r.end for r in readings):
            continue
        if _said_to_anyone(words, index):
            continue
        before = _fold(words[index - 1].group()) if index else ""
        word = match.group()
        folded_word = _fold(word)
        if folded_word in ("pleeg", "foster") and index + 1 < len(words):
            after = words[index + 1]
            if _PLEEG.match("pleeg" + _fold(after.group())):
                readings.append(
                    Reading("pleegouder", start, after.end(), typed=text[start : after.end()])
                )
                continue
        if folded_word in ("groot", "stage", "huiswerk") and index + 1 < len(words):
            # "mn groot moeder", "mn stage begeleider": one word typed as two (stop 39)
            after = words[index + 1]
            one = folded_word + _fold(after.group())
            typed = text[start : after.end()]
            if one in LEXICON:
                readings.append(Reading(LEXICON[one], start, after.end(), typed=typed))
                continue
            if one in _PERSONS:
                readings.append(
                    Reading("anders", start, after.end(), typed=typed, description=describe(text))
                )
                continue
        pair = f"{folded_word} {_fold(words[index + 1].group())}" if index + 1 < len(words) else ""
        if pair in LEXICON:
            # two words for one person: "komsu teyze", "ruman homber" (stop 47)
            after = words[index + 1]
            readings.append(
                Reading(LEXICON[pair], start, after.end(), typed=text[start : after.end()])
            )
            continue
        if folded_word in ("iemand",) and index + 1 < len(words):
            if _fold(words[index + 1].group()) == "anders":
                readings.append(
                    Reading("anders", start, words[index + 1].end(), typed="iemand anders")
                )
                continue
        after = _fold(words[index + 1].group()) if index + 1 < len(words) else ""
        if folded_word == "ouder" and after == "dan":
            continue  # "ouder dan 18": older, not a parent
        found = word_relation(word)
        owned = _TURKISH_KIN.get(folded_word) or _OWNED_ONLY.get(folded_word)
        if found is None and before in _MY and owned:
            found = (owned, True)  # "mijn hala": an aunt, not Hala (stop 46)
        if found is None:
            continue
        relation, certain = found
        if relation == "anders":
            readings.append(Reading("anders", start, end, certain, word, describe(text)))
            continue
        if before in _BEFORE and relation in _KIN_WORDS:
            start = words[index - 1].start()  # "grote zus", "beste vriend"
        readings.append(Reading(relation, start, end, certain, text[start:end]))
    readings.sort(key=lambda r: r.start)
    if readings:
        return readings
    place = _NAME_AT_PLACE.match(_fold(text))
    if (
        place
        and place.group(3) in PLACE_WORDS
        and place.group(1) not in _PERSONS
        and word_relation(place.group(1)) is None
    ):
        start = place.start(2)  # "hala van het buurthuis": a name and where from
        return [Reading("anders", start, len(text), True, text[start:], describe(text[start:]))]
    for index, word in enumerate(words):
        folded_word = _fold(word.group())
        if folded_word not in _PERSONS or _said_to_anyone(words, index):
            continue
        description = describe(text)
        if description:
            # the word that names the person is the entity; the coach reads the description
            return [Reading("anders", word.start(), word.end(), True, word.group(), description)]
    return []


def canonical(value: str | None) -> str | None:
    """The canonical relation of one entity value ("buuvrouw" -> "buurvrouw"), if sure."""
    if not value:
        return None
    readings = read_relations(value)
    certain = [r for r in readings if r.certain]
    return certain[0].relation if certain else None
