"""How sure the bot is that a message tells of danger, and which help fits it.

Two levels, so a harmless word never gets the suicide line and a real sign never gets lost:

- `CLEAR`: clear words of danger ("hij slaat me", "ik wil dood") or a high crisis
  confidence of the classifier. The help lines come at once.
- `CHECK`: a sign that may be harmless: a word of danger without its clear context
  ("dood", "pillen", "bang"), an idiom ("dood van het lachen", "mijn telefoon is dood",
  "de bal slaan"), or a crisis confidence in a middle band. The bot asks once, gently,
  whether the youth is all right; anything but a clear "goed" then gets the help lines.
- `NONE`: nothing of danger, or a word of danger that the message itself takes back:
  negation ("ze zou me nooit pijn doen", "hij slaat nooit") or context ("mijn opa is
  dood", "ze helpt me met mijn pillen").

The kinds of danger (`SELF_HARM`, `HOME`, ...) choose the help lines (`help_lines`).
Pure functions without Rasa, used by `nlu_components.crisis_guard.CrisisGuard` and the
help-lines action; the thresholds were chosen with the figures of `bench/safety.py`
(README, "Safety").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from bot.vocabulary import SUBJECTS

NONE, CHECK, CLEAR = "none", "check", "clear"
TAKEN_BACK = "taken_back"  # words of danger that the message itself takes back
_RANK = {NONE: 0, CHECK: 1, CLEAR: 2}

SELF_HARM = "self_harm"
VIOLENCE = "violence"  # from anyone: at home it is also HOME
HOME = "home"  # violence at home, a parent who drinks or uses, neglect
SEXUAL = "sexual"
ONLINE = "online"  # online sexual pressure, nude photos, sextortion
HOMELESS = "homeless"  # thrown out, sleeping outside, running away
HONOUR = "honour"  # forced marriage, honour-related threats
BULLYING = "bullying"
DANGER = "danger"  # "ik ben in gevaar", "niet veilig": no kind named
KINDS = (SELF_HARM, VIOLENCE, HOME, SEXUAL, ONLINE, HOMELESS, HONOUR, BULLYING, DANGER)

# Crisis confidence of the (pooled) classifier: at CLEAR_AT or more with crisis first,
# clear; at CHECK_AT or more, the check. DIET's own crisis confidence (before pooling with
# the word model) at DIET_CHECK_AT or more gives the check too, so a crisis DIET alone saw
# is never lost. Chosen on 2026-12-04 with bench/safety.py (365 messages, README "Safety"):
# CLEAR_AT 0.6/0.8/0.9 gave 7/3/1 harmless messages the help lines at once; CHECK_AT
# 0.3/0.2/0.15/0.05 left 14/9/5/2 danger messages without help and gave 13/19/24/48
# harmless ones the check. 0.8 and 0.15 kept both harmless targets (2 % and 15 %) then.
# After the second pass of words (2026-12-04, same bench, the merged model's confidences):
# CHECK_AT 0.15 / 0.2 / 0.25 / 0.3 left 0 / 0 / 0 / 0 danger messages without help and gave
# 32 / 25 / 20 / 17 harmless ones the check; 0.2 is the lowest that meets 15 %, so the
# classifier's middle band still catches danger the words miss.
# After the third batch of training data (2026-12-05, bench/safety_levels.py, model
# jim-bc46f09c1127, the third to seventh sets, 1064 danger and 1162 harmless messages):
# CLEAR_AT 0.8 / 0.9 gave 121 / 82 harmless messages the help lines at once, with the same
# 35 danger messages missed; at 0.9, 45 danger messages get the check first instead of
# the lines at once (anything but a clear "goed" still gives them). 0.95 gave 40 full
# alarms but 39 missed: a taken-back word then lowers a 0.9 to nothing.
# After the fourth batch (2026-12-05: 352 ordinary stories, 57 reasons, 26 hesitations and
# 174 danger messages without danger words), the classifier gives ordinary stories far
# less crisis, and some quiet danger less too. Same code, the third to eighth sets (1291
# danger, 1471 harmless), missed / harmless full / harmless check:
#   model before, CHECK_AT 0.2:  36 / 93 / 316
#   model after,  CHECK_AT 0.2:  59 / 28 / 237   (recall lost: not kept)
#   model after,  CHECK_AT 0.05: 33 / 28 / 357   (kept: fewer missed, a third of the
#                                                 full alarms, 41 more checks)
#   model after,  CHECK_AT 0.03: 23 / 28 / 418
# After the fifth word pass and the fifth batch (2026-12-05 night: 392 ordinary stories, 53
# reasons, 208 quiet danger messages), same code, third to eighth sets, CHECK_AT 0.05:
#   model before the batch, CLEAR_AT 0.9:  30 / 28 / 297
#   model after the batch,  CLEAR_AT 0.9:  18 / 43 / 334
#   model after the batch,  CLEAR_AT 0.95: 19 / 27 / 334   (kept: 11 fewer missed, as
#                                            few full alarms; 37 more checks)
# CHECK_AT 0.05 / 0.04 / 0.03 on the fourteenth set, written blind to decide this
# (2026-12-06, model jim-3a617ff061aa; the rule, set before measuring: the fewest danger
# missed on it, a tie to the higher value): 13 / 11 / 11 missed, 59 / 63 / 68 of 292
# harmless checks. On the thirteenth, measured blind before: 11 / 10 / 9 missed, 79 / 88 /
# 93 checks; on the form answers: 92 / 106 / 124 checks of 1,989.
# With the sixth batch (2026-12-06: 300 danger messages and 240 long harmless answers in
# own words) and the rule set before looking at the blind sixteenth set: no more danger
# missed on the first to fifteenth sets than the model before at 0.04 (6), then the fewest
# harmless checks. Model before at 0.04: 6 missed, 896 checks; new model (entities marked
# in the long answers) at 0.04 / 0.03 / 0.025: 15 / 8 / 5 missed, 838 / 918 / 981
# checks: 0.025.
# With the eleventh word pass (quiet signs, `_QUIET`), same model, the rule set before the
# blind seventeenth set was measured: the highest of 0.025 / 0.04 / 0.06 / 0.1 / 0.15 / 0.2
# that misses no more danger on the first to sixteenth sets than before the pass (7): 2 /
# 5 / 5 / 8 / 28 / 56 missed, 1,080 / 924 / 793 / 641 / 560 / 509 harmless checks (of
# 4,338) -> 0.06. On the blind seventeenth 0.06 missed 7 danger messages of 326 instead of
# 4 at 0.025 (harmless checks 52 instead of 80 of 279): recall comes first, 0.025 stays.
# With the seventh batch (2026-12-06, stop 40: 485 harmless everyday messages,
# data/nlu/everyday.yml) and the twelfth word pass, the rule set before the blind
# eighteenth set was looked at: the highest of 0.01 / 0.015 / 0.02 / 0.025 / 0.04 that
# misses no more danger on the first to seventeenth sets than the model before at 0.025
# (2, with 1,135 harmless checks); the batch is kept only if it then gives fewer checks.
# New model: 2 / 2 / 5 / 7 / 13 missed, 1,280 / 1,125 / 1,028 / 954 / 814 checks -> 0.015.
CLEAR_AT = 0.95
CHECK_AT = 0.015
# crisis and crisis_check together at this or more: the check. It was CLEAR_AT until
# 2026-12-05 and stays 0.8, so a higher CLEAR_AT moves danger to the check, never away.
SUM_CHECK_AT = 0.8
# One word ("Geheimnaam", "💊💊💊 vannacht") is a name or a short answer unless the classifier
# is this sure: no harmless one-word message of the thirteen safety sets, the five form
# sets and the after-handoff set reaches 0.3, and a one-word danger message of the twelfth
# set (0.89) got nothing while the rule asked for CLEAR_AT (2026-12-06).
ONE_WORD_CHECK_AT = 0.5
DIET_CHECK_AT = 0.5
# A word the message itself takes back ("nooit pijn", "niet bang") lowers the classifier's
# check to nothing, unless the classifier is this sure: then the check stays (stop 43).
# Two blind sets showed danger the classifier was sure of and a taken-back word hid: the
# twentieth (2 of its 11 misses) and the twenty-first (3 of 17). On the read sets it costs
# 27 harmless checks of 6,458 ("ik ben bang voor spinnen" 0.88, "hij heeft nog nooit iemand
# pijn gedaan" 0.95); at 0.5 it cost 46 for the same danger found.
SURE_DESPITE_TAKEN_BACK_AT = 0.7


@dataclass(frozen=True)
class Assessment:
    """The level of a message and the kinds of danger it names (may be empty)."""

    level: str = NONE
    kinds: tuple[str, ...] = ()
    # words of danger found but taken back by negation or context ("nooit pijn")
    taken_back: bool = False

    def at_least(self, level: str) -> bool:
        return _RANK[self.level] >= _RANK[level]


@dataclass
class _Found:
    level: str = NONE
    found: dict[str, str] = field(default_factory=dict)  # kind: its highest level
    taken_back: bool = False

    def add(self, level: str, kind: str) -> None:
        if _RANK[level] > _RANK[self.level]:
            self.level = level
        if _RANK[level] > _RANK[self.found.get(kind, NONE)] or kind not in self.found:
            self.found[kind] = level

    @property
    def kinds(self) -> list[str]:
        """The kinds found at the message's own level ("ik wil niet meer naar huis": home)."""
        return [kind for kind, level in self.found.items() if level == self.level]


def normalise(text: str | None) -> str:
    """Lower case, accents and punctuation gone, single spaces."""
    text = unicodedata.normalize("NFKD", text or "").lower()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.findall(r"[^\W_]+", text))


# How teens type the words that matter here: read as the word itself.
_TYPOS = {
    "nie": "niet", "nit": "niet", "nt": "niet", "neit": "niet", "leve": "leven",
    "leefe": "leven", "zelfmoort": "zelfmoord", "zelfmoor": "zelfmoord",
    "selfmoord": "zelfmoord", "zelfmord": "zelfmoord", "zelvmoord": "zelfmoord",
    "suicied": "suicide", "zuicide": "suicide", "doot": "dood", "dod": "dood",
    "dooood": "dood", "doodd": "dood", "m": "mijn", "mn": "mijn", "mijne": "mijn",
    "mzelf": "mezelf", "mezelv": "mezelf", "mijzelf": "mezelf", "mzlf": "mezelf",
    "slaad": "slaat", "slaaat": "slaat", "sla": "slaat", "schop": "schopt",
    "mam": "mama", "pap": "papa", "moedr": "moeder", "vadr": "vader",
    "ff": "even", "wll": "wil", "wl": "wil", "wiel": "wil", "ik": "ik", "k": "ik",
    "kweet": "ik weet", "ben": "ben", "bn": "ben", "meer": "meer", "mr": "meer",
    "thuiss": "thuis", "tuis": "thuis", "huiz": "huis", "gwn": "gewoon",
    "naaktfotos": "naaktfoto", "nudes": "nude", "fotos": "foto", "nix": "niks",
}  # fmt: skip


def _typos(normal: str) -> str:
    return " ".join(_TYPOS.get(word, word) for word in normal.split())


# Small words a youth puts inside a phrase without changing it: "ik wil gewoon
# verdwijnen", "ik zie het echt niet meer zitten". Phrases are also looked for without them.
_FILLERS = {
    "gewoon", "gwn", "echt", "egt", "zo", "zoo", "heel", "erg", "eigenlijk", "eig", "soms",
    "liever", "nu", "nou", "even", "ff", "effe", "graag", "alleen", "maar", "gwoon", "wel",
    "vaak", "altijd", "elke", "dag", "steeds", "weer", "ook", "al", "dan",
}  # fmt: skip

_ME = r"(?:me|mij|mn|m|ons)"
_MY = r"(?:mijn|mn|m|me|mij|onze|ons)"
_PARENT = (
    r"(?:vader|moeder|papa|mama|pap|mam|pa|ma|ouders|stiefvader|stiefmoeder|stiefpa|"
    r"stiefma|stiefpapa|stiefmama|mams|paps|vriend van mijn moeder|vriend van mn moeder|"
    r"vriend van mama|vriend van mn ma|mama haar vriend|mama dr vriend|moeders vriend|"
    r"vriendin van mijn vader|vriendin van papa)"
)
_HIT = (
    r"(?:slaat|slaan|sloeg|sloegen|schopt|schoppen|schopte|schopten|stompt|stompen|stompte|"
    r"mept|meppen|mepte|ramt|ramde|beukt|timmert|knalt|knalde|"
    r"trapt|trappen|trapte|duwt|duwde|wurgt|wurgde|knijpt|mishandelt|mishandelen|"
    r"bijt|krabt|gooit|gooien|gooide|pakt|sleurt|sleept)"
)
_BEATEN = (
    r"(?:geslagen|geschopt|gestompt|getrapt|mishandeld|gewurgd|bedreigd|"
    r"in elkaar geslagen|opgesloten|vastgebonden|verkracht|misbruikt|aangerand|gechanteerd|"
    r"afgetuigd|gemept|geramd|toegetakeld|betast|afgeperst)"
)

# Clear words of danger: (kind, pattern). Searched in each clause of the message.
_CLEAR: list[tuple[str, str]] = [
    # self-harm and suicide
    (SELF_HARM, r"\b(?:zelfmoord\w*|suicide\w*|suicida\w*|zelfdoding)\b"),
    # searching how to die (seventh pass, the twelfth set)
    (
        SELF_HARM,
        r"\b(?:opgezocht|gezocht|gegoogeld|googlen|opzoeken) (?:\w+ ){0,3}hoe (?:je|ik|men) "
        r"(?:\w+ ){0,3}(?:doodgaat|dood gaat|dood kan gaan|sterft|kan sterven)\b|"
        r"\bhoe (?:je|ik) (?:het )?(?:snelst|pijnloos|zonder pijn) (?:\w+ )?(?:doodgaat|dood gaat|"
        r"dood kan gaan|sterft)\b|"
        # "gegoogled hoe je het moet doen zodat het geen pijn doet" (fifteenth pass)
        r"\b(?:opgezocht|gezocht|gegoogeld|gegoogled|gegoogelt|googlen|googelen|opzoeken) "
        r"(?:\w+ ){0,3}hoe (?:je|ik|men) (?:het|dat) (?:\w+ ){0,2}doen\b(?: \w+){0,2} (?:zodat|"
        r"zonder dat|zonder) (?:het |je |ik )?(?:geen |niks |niets )?(?:pijn|voelt|voel)\b",
    ),
    # read from the tenth set's misses (2026-12-05): hurting oneself that "helps", parents
    # never sober, blows at home
    (
        SELF_HARM,
        r"\b(?:krassen|snijden|mezelf pijn doen|mezelf snijden|branden|bonken) (?:\w+ ){0,2}"
        r"(?:helpt|hielp|werkt)\b",
    ),
    (HOME, r"\b(?:nooit|bijna nooit|zelden|niet meer|nooit meer) nuchter\b"),
    (
        VIOLENCE,
        r"\b(?:krijg|kreeg|krijgen|kregen|geeft|gaf|geven|gaven) (?:\w+ ){0,3}(?:klappen|een klap|"
        r"rake klappen|een pak slaag|slaag)\b|"
        r"\b(?:klappen|een klap) (?:\w+ ){0,2}(?:gehad|gekregen|zoals thuis|thuis)\b|"
        r"\bthuis (?:\w+ ){0,3}klappen\b",
    ),
    (SELF_HARM, r"\bwil (?:ik )?(?:dood|doodgaan|dood gaan|sterven)\b"),
    (
        SELF_HARM,
        # the youth about themself: "was ik maar dood", "ik ben liever dood"; never "opa
        # was al dood" (sixth pass: that was the help lines at once)
        # tenth pass: "ik ben dood" alone is most often dead tired or in trouble ("we
        # moesten 10 rondjes rennen ik ben dood", "ik ben zo dood morgen bij die toets"):
        # the check (below); with "maar", "liever" or "beter" it is the wish
        # "als mijn broer dit ziet ben ik dood" (a condition, then the verb first) stays clear
        r"\b(?:(?:was|ben|lig) ik (?:maar |liever |beter )?|ik (?:was|ben|lig) (?:maar |liever |"
        r"beter )|(?:was|ben) (?:maar |liever |beter ))dood\b"
        r"(?! (?:moe|op|eng|stil|saai|ziek|nerveus|gewoon|serieus|verveeld|benieuwd|gegaan|"
        r"als een pier)\b)",  # "zo dood als een pier": dead tired (ninth pass)
    ),
    (
        SELF_HARM,
        r"\b(?:mezelf|mijzelf|me zelf|mzelf)\b(?: \w+){0,3} (?:iets |wat )?"
        r"(?:aan ?doen|aandoet|pijn|snij\w*|kras\w*|ophang\w*|doden|vermoorden|verwond\w*|"
        r"beschadig\w*|verdrink\w*|kapot)",
    ),
    (
        SELF_HARM,
        r"\b(?:snij|snijd|kras|sneed) (?:ik )?(?:mezelf|mijzelf|in mijn|in mn|mn|"
        r"mijn)(?! (?:vinger|duim|nagel)\w*\b) ?(?:arm|armen|been|benen|pols|polsen|huid)?",
        # (eighth pass: a cut in a finger while cooking is no self-harm)
    ),
    (
        SELF_HARM,
        r"\b(?:mijn|mn) (?:arm|armen|polsen|pols) (?:\w+ )?(?:opengesneden|gesneden|kapot)"
        # never sore from a jab or sport (fourteenth pass)
        r"(?! van (?:de |het |die |een )?(?:prik|prikken|vaccin\w*|inenting|sport|sporten|"
        r"training|trainen|fitness|gym|volleybal|handbal|tennis|spierpijn)\b)",
    ),
    (SELF_HARM, r"\bniet meer (?:willen |wil |kunnen )?leven\b"),
    # eleventh pass: tired of existing ("ben het zat om te bestaan")
    (
        SELF_HARM,
        r"\b(?:zat|moe|beu) (?:\w+ ){0,2}(?:om )?te bestaan\b|\bmoe van (?:het )?bestaan\b",
    ),
    (SELF_HARM, r"\ber niet meer (?:wil )?(?:zijn|wezen)\b"),
    (SELF_HARM, r"\b(?:einde|eind) (?:aan|maken aan) (?:mijn leven|alles|het|m'n leven)\b"),
    (SELF_HARM, r"\b(?:einde|eind) aan (?:\w+ )?(?:maken|maak|maakt)\b"),
    (SELF_HARM, r"\b(?:leven|alles) heeft (?:\w+ )?geen zin\b"),
    (SELF_HARM, r"\bheeft (?:\w+ )?geen zin meer\b"),
    (SELF_HARM, r"\bzie het (?:\w+ )?niet meer zitten\b"),
    (SELF_HARM, r"\bwil (?:\w+ )?verdwijnen\b"),
    (SELF_HARM, r"\bbeter (?:af )?zonder (?:mij|me)\b"),
    (SELF_HARM, r"\bniet (?:meer )?wakker (?:worden|word|wil worden)\b"),
    (SELF_HARM, r"\b(?:wil|ga) (?:me|mij|mezelf) (?:\w+ )?ophangen\b"),
    (
        SELF_HARM,
        r"\b(?:te ?veel|een hoop|alle|heel veel|een doosje|een strip) "
        r"(?:pillen|medicijnen|tabletten|paracetamol)\b",
    ),
    (
        SELF_HARM,
        r"\b(?:pillen|medicijnen|tabletten) (?:\w+ )?(?:genomen|geslikt|gepakt) "
        r"(?:om|zodat|en)\b",
    ),
    (SELF_HARM, r"\boverdosis\b"),
    (SELF_HARM, r"\b(?:kill myself|want to die|end my life|suicidal)\b"),
    # "kms": kill myself, as typed in chats (ninth pass, read from the fourteenth set)
    (SELF_HARM, r"\b(?:kms|kmss|killmyself)\b"),
    (SELF_HARM, r"\bhaat mezelf\b(?: \w+){0,4} (?:dood|pijn|weg)\b"),
    (SELF_HARM, r"\bvan kant\b"),
    (SELF_HARM, r"\b(?:liever|beter) dood\b|\bdood (?:zijn|gaan) (?:\w+ ){0,2}(?:beter|liever)\b"),
    (
        SELF_HARM,
        r"\bhoe (?:\w+ ){0,4}(?:dood (?:kan |te |zou )?gaan|zelfmoord|ophangen|"
        r"niet meer wakker)\b",
    ),
    (SELF_HARM, r"\bklaar met (?:het |mijn )?(?:leven|alles|bestaan)\b"),
    (SELF_HARM, r"\b(?:nooit|niet) meer wakker\b"),
    (SELF_HARM, r"\b(?:als|dat) ik er (?:\w+ )?niet (?:meer )?(?:ben|zou zijn|zijn)\b"),
    (SELF_HARM, r"\bafscheidsbrie\w*\b"),
    (SELF_HARM, r"\b(?:brand|bons|sla|slaan|kras|krab|knijp) (?:\w+ )?mezelf\b"),
    (SELF_HARM, r"\b(?:littekens|sneetjes|wondjes) (?:\w+ ){0,3}(?:arm|armen|benen|been|pols)\b"),
    (
        SELF_HARM,
        r"\b(?:bijt|bijten|krab|krabben|sla|bons|brand|snij|kras) (?:ik )?(?:in|op|tegen) "
        r"(?:mijn|mn) (?:arm|armen|hoofd|huid|pols|polsen|benen|been|hand)\b",
    ),
    (SELF_HARM, r"\bsigaret (?:\w+ ){0,3}(?:arm|huid|hand)\b"),
    # violence (anyone)
    (VIOLENCE, rf"\b{_HIT}(?: \w+)? {_ME}\b(?! \w+ (?:bal|hand|knuffel))"),
    (VIOLENCE, rf"\b{_ME} (?:(?!nooit|niet)\w+ )?{_HIT}\b(?! (?:de|een|het) (?:bal|hand))"),
    (VIOLENCE, rf"\b(?:word|werd|ben|wordt|worden) (?:\w+ ){{0,3}}{_BEATEN}\b"),
    (VIOLENCE, rf"\b(?:doet|doen|deed|deden|gedaan) (?:\w+ )?{_ME} (?:\w+ )?pijn\b"),
    (VIOLENCE, rf"\b(?:bedreigt|bedreigen|bedreigde|dreigt|dreigen|dreigde) {_ME}\b"),
    (
        VIOLENCE,
        rf"\b{_ME} (?:(?!nooit|niet)\w+ ){{0,3}}(?:vermoorden|doodmaken|dood maken|neersteken|"
        r"afmaken|in elkaar slaan|slaan|steken)\b",
    ),
    (
        VIOLENCE,
        r"\b(?:met|heeft|had|pakt|pakte) (?:een |zn |zijn |haar )?(?:mes|pistool|"
        r"wapen)\b(?: \w+){0,4} (?:op mij|naar mij|bedreigd|gedreigd|gestoken|tegen mij)",
    ),
    (VIOLENCE, r"\bgestoken\b"),
    (
        VIOLENCE,
        rf"\b{_ME} (?:\w+ ){{0,2}}(?:iets )?(?:aandoet|aandoen|aan doet|aan doen|"
        r"vermoordt|vermoorden|afmaakt)\b",
    ),
    (VIOLENCE, rf"\b(?:vermoordt|vermoord|wurgt|verkracht) (?:\w+ )?{_ME}\b"),
    (
        VIOLENCE,
        r"\b(?:blauwe plekken|blauw oog|gebroken arm|aan mijn haren|tegen de muur|"
        r"met de riem|met een riem|keel dicht|knijpt mijn keel)\b",
    ),
    (VIOLENCE, r"\b(?:opgesloten|sluit (?:mij|me) op|mag (?:de|het) (?:kamer|huis) niet uit)\b"),
    (VIOLENCE, r"\b(?:trapt|breekt|slaat) (?:\w+ )?(?:de|mijn) deur\b"),
    # home: fear, drink and drugs, things thrown, neglect
    (HOME, r"\bbang (?:\w+ )?thuis\b"),
    (
        HOME,
        rf"\bbang (?:\w+ )?voor (?:{_MY} {_PARENT}|hem|haar|ze|mijn broer|mn broer|"
        r"mijn oom|mn oom|die man)\b",
    ),
    (HOME, r"\b(?:thuis|bij ons|hier) (?:is (?:het )?)?(?:\w+ )?(?:niet veilig|onveilig)\b"),
    (HOME, r"\b(?:niet veilig|onveilig) (?:\w+ )?thuis\b"),
    (HOME, r"\bdurf (?:\w+ )?niet (?:meer )?(?:naar huis|thuis)\b"),
    (HOME, r"\bwil niet (?:meer )?naar huis\b"),
    (
        HOME,
        rf"\b{_PARENT} (?:\w+ ){{0,3}}(?:zuipt|zuipen|is dronken|zijn dronken|"
        r"dronken|drinkt te ?veel|drinken te ?veel|drinkt de hele|drinkt elke|drinkt altijd|"
        r"drinkt en|drinken en|gebruikt drugs|gebruiken drugs|drugs|snuift|snuiven|coke|"
        r"verslaafd|high(?! ?five| ?5| ?fives))\b",  # never a high five (fourteenth pass)
    ),
    (
        HOME,
        r"\b(?:gooit|gooien|gooide|smijt|smijten) (?:\w+ ){0,2}(?:met|naar) (?:\w+ ){0,2}"
        r"(?:dingen|spullen|borden|stoelen|glazen|flessen|mij|me|ons)\b",
    ),
    (
        HOME,
        rf"\b{_PARENT} (?:\w+ ){{0,2}}(?:slaat|slaan|sloeg|schopt|schoppen) "
        r"(?:elkaar|mijn moeder|mn moeder|mama|mijn broer|mn broer|mijn zus|mn zus)\b",
    ),
    (
        HOME,
        r"\b(?:krijg|krijgen|kreeg|hebben|heb) (?:\w+ ){0,2}(?:geen|nooit) (?:\w+ )?"
        r"(?:eten|avondeten)\b",
    ),
    (HOME, r"\bgeen eten (?:in huis|thuis|meer)\b"),
    (
        HOME,
        r"\b(?:honger|niks te eten|niets te eten|geen eten)\b(?: \w+){0,5} "
        r"(?:thuis|al dagen|al twee|al drie|nooit|niemand|koelkast)\b",
    ),
    (HOME, r"\b(?:al )?(?:dagen|weken|nachten|week|de hele week) (?:\w+ ){0,3}alleen\b"),
    (
        HOME,
        r"\b(?:elke dag|altijd|vaak|steeds) (?:\w+ ){0,2}honger\b|\bhonger naar (?:school|bed)\b",
    ),
    (
        HOME,
        # "zat" is drunk, not "sat": never with where or how after it ("mijn vader zat
        # vroeger in de gevangenis", "mama zat te huilen"; eighth pass)
        # nor with where before it ("toen mn vader in de gevangenis zat", twenty-first pass)
        rf"\b{_PARENT} (?:(?:(?!(?:in|op|bij|aan|naar|met|achter|onder|uit) )\w+ ){{0,3}}"
        r"zat(?! (?:\w+ )?(?:in|op|bij|te|aan|naar|met|"
        r"achter|voor|vast|thuis|samen|naast|onder|boven|hier|daar|er|ook|vol|klaar)\b)|"
        r"(?:\w+ ){0,3}(?:bezopen|stoned|lam|straalbezopen|drank|"
        r"alcohol|bier|wodka|wijn|pillen|wiet|speed|xtc|heroine|dealer|lijn|lijntjes))\b",
    ),
    (
        HOME,
        rf"\b{_PARENT} (?:\w+ ){{0,2}}(?:slaat|slaan|sloeg|schopt|schoppen|duwt|mishandelt) "
        r"(?:mijn |mn )?(?:broertje|zusje|broer|zus|moeder|vader|mama|papa|kleine)\b",
    ),
    (
        # "mn pa heeft mn moeder weer geslagen" (eighth pass: it was clear only through a
        # "zat" later in the message, read as drunk)
        HOME,
        rf"\b{_PARENT} (?:heeft|had|hebben) (?:\w+ ){{0,2}}(?:mijn |mn )?(?:broertje|zusje|broer|"
        r"zus|moeder|vader|mama|papa|kleine) (?:\w+ ){0,2}(?:geslagen|geschopt|mishandeld|"
        r"gewurgd|in elkaar geslagen)\b",
    ),
    (HOME, r"\bhou het (?:\w+ )?thuis (?:\w+ )?niet (?:meer )?uit\b"),
    # a parent who no longer gets up: use or illness, and nobody who cares for the youth
    (
        HOME,
        rf"\b{_PARENT} (?:komt|kwam|gaat|ging) (?:\w+ ){{0,2}}(?:niet|nie) meer (?:\w+ )?"
        r"(?:uit (?:haar |zijn |het |d'r |der )?bed|zn bed uit|haar bed uit|het bed uit)\b",
    ),
    (HOME, r"\bniemand (?:\w+ )?(?:zorgt|kookt|let) (?:\w+ )?(?:voor|op) (?:mij|me|ons)\b"),
    (HOME, r"\b(?:laten|laat|liet|lieten) (?:mij|me|ons) (?:(?!nooit|niet)\w+ ){0,3}alleen\b"),
    (HOME, r"\bsluiten (?:mij|me) op\b|\bsluit (?:mij|me) op\b"),
    # sexual violence
    (
        SEXUAL,
        r"\b(?:verkracht\w*|verkragt\w*|verkraggt\w*|aangerand|aanrand\w*|misbruik\w*|seksueel\w*|"
        r"ongewenst\w*)\b",
    ),
    (SEXUAL, rf"\b(?:zit|zat|zitten|zaten|komt|kwam) (?:\w+ ){{0,2}}aan {_ME}\b(?! te\b)"),
    (SEXUAL, rf"\b(?:raakt|raken|raakte) {_ME} (?:\w+ ){{0,2}}aan\b"),
    (SEXUAL, r"\baan mijn (?:lijf|lichaam|borsten|kont|billen|kruis|piemel|plassertje)\b"),
    (SEXUAL, rf"\b(?:dwingt|dwingen|dwong|dwongen) {_ME}\b"),
    (SEXUAL, r"\b(?:seks|sex)\b(?: \w+){0,5} (?:niet wil|wilde niet|moest|dwingt|gedwongen)\b"),
    (SEXUAL, r"\b(?:moet|moest) (?:\w+ ){0,2}(?:seks|sex|uitkleden|aan hem zitten)\b"),
    # online sexual pressure and sextortion
    (ONLINE, r"\b(?:naakt\w*|nudes?|nudez|nuds|sexting)\b"),
    (
        ONLINE,
        r"\b(?:chantage|chanteert|chanteren|chanteerde|sextortion|afgeperst|afpersen|"
        r"afperst|perst (?:mij|me) af|dickpic|dick pic)\b",
    ),
    (ONLINE, r"\b(?:dreigt|dreigen|dreigde)\b(?: \w+){0,6} (?:foto|filmpje|video|pics|beelden)\b"),
    (
        ONLINE,
        r"\b(?:foto|filmpje|video|pics|beelden)\b(?: \w+){0,6} (?:dreigt|dreigen|"
        r"anders|tenzij|betalen|geld)\b",
    ),
    (
        ONLINE,
        r"\b(?:wil|vraagt|eist) (?:\w+ ){0,3}dat ik (?:me |mij )?(?:uitkleed|uit kleed|"
        r"foto stuur|naakt)\b",
    ),
    (
        ONLINE,
        r"\b(?:foto|fotos|filmpje|filmpjes|video|videos|pics|pic)\b(?: \w+){0,5} "
        r"(?:verspreid\w*|doorsturen|doorgestuurd|rondsturen|rondgestuurd|online|op insta|"
        r"op internet|naar iedereen|delen|gedeeld|posten|gepost)\b",
    ),
    (
        ONLINE,
        r"\b(?:wil|vraagt|eist|moet) (?:\w+ ){0,3}(?:foto|fotos|pics|filmpje) "
        r"(?:van mijn lichaam|van mij zonder|zonder kleren|in mijn ondergoed|in ondergoed|"
        r"van mijn borsten)\b",
    ),
    (ONLINE, r"\b(?:webcam|cam)\b(?: \w+){0,4} (?:uitkleden|uit kleden|kleren uit)\b"),
    # homeless, thrown out, running away
    (
        HOMELESS,
        r"\b(?:op straat|buiten|in het park|op het station|bij het station|"
        r"in een portiek) (?:\w+ )?(?:slapen|slaap|sliep|wonen|leven)\b",
    ),
    (
        HOMELESS,
        r"\b(?:slaap|sliep|slapen|geslapen|woon|leef) (?:\w+ ){0,2}(?:op straat|buiten|"
        r"in het park|op het station|in een portiek)\b",
    ),
    (
        HOMELESS,
        r"\bgeen (?:plek|plaats|huis|dak|bed) (?:meer |om te slapen|om te wonen|"
        r"boven mijn hoofd)",
    ),
    (HOMELESS, r"\bgeen (?:huis|thuis|slaapplek|slaapplaats)\b(?: meer)?$"),
    (
        HOMELESS,
        r"\b(?:uit huis|eruit|buiten|de deur uit|op straat) (?:\w+ )?"
        r"(?:gezet|gegooid|geschopt|getrapt)\b",
    ),
    (
        HOMELESS,
        r"\b(?:zet|zetten|gooit|gooien|schopt|schoppen) (?:mij|me) (?:\w+ )?"
        r"(?:eruit|uit huis|op straat|buiten)\b",
    ),
    (
        HOMELESS,
        r"\b(?:mag|kan) (?:\w+ )?niet (?:meer )?(?:thuis komen|naar huis|thuis wonen|"
        r"thuiskomen)\b",
    ),
    (HOMELESS, r"\bdakloos\b"),
    # a bag packed and hidden: running away prepared
    (
        HOMELESS,
        r"\b(?:tas|rugzak|koffer|spullen) (?:\w+ ){0,3}(?:ingepakt|klaar(?:gezet|gelegd)?)\b"
        r"(?: \w+){0,5} (?:onder (?:mijn|mn|me) bed|verstopt)\b",
    ),
    # no home of one's own: "ik woon nu een beetje overal en nergens"
    (HOMELESS, r"\b(?:woon|slaap|zit|ben) (?:\w+ ){0,4}overal en nergens\b"),
    # a rope and what it is for, said without the word: "een touw gekocht ... je weet wel
    # waarvoor", "een touw aan de balk"
    (
        SELF_HARM,
        r"\btouw\b(?: \w+){0,10} (?:je weet wel waarvoor|weet je wel waarvoor|voor mezelf|"
        r"om mn nek|om mijn nek|aan de balk|aan het plafond|aan de zolder)\b",
    ),
    (
        HOMELESS,
        r"\b(?:weggerend|weg gerend|weggelopen|weg gelopen|van huis weg|weg van huis|"
        r"van huis gevlucht|"
        r"van thuis gevlucht|gevlucht van thuis|gevlucht van huis)\b",
    ),
    (
        HOMELESS,
        r"\b(?:op straat|buiten|in het park|op het station|bij het station) (?:\w+ )?"
        r"(?:geslapen|overnacht)\b|\b(?:geslapen|overnacht) (?:\w+ ){0,2}(?:op straat|buiten|"
        r"in het park|bij het station|op het station)\b",
    ),
    # at a place to jump from, now
    (
        SELF_HARM,
        r"\b(?:sta|zit|ben|lig|loop) (?:nu |hier )?(?:op|bij|aan|naast|boven op) "
        r"(?:de|het|een) (?:brug|spoor|rails|treinspoor|spoorbaan|dak|flat|rand)\b",
    ),
    (
        HOMELESS,
        r"\b(?:ga|kom|wil) (?:\w+ )?(?:nooit meer|niet meer) (?:terug )?(?:naar huis|thuis)\b",
    ),
    (
        HOMELESS,
        r"\b(?:slaap|sliep|slapen) (?:\w+ ){0,2}(?:in de auto|in een trappenhuis|"
        r"in de fietsenstalling|bij het station|in een tent|op een bankje)\b",
    ),
    (HOMELESS, r"\b(?:mag|kan) (?:\w+ ){0,2}niet (?:meer )?(?:thuis|naar huis|binnen)\b"),
    (
        HOMELESS,
        r"\b(?:geen|nergens) (?:\w+ )?(?:slaapplek|slaapplaats|plek om te slapen|"
        r"om te slapen|te slapen)\b",
    ),
    (
        HOMELESS,
        r"\b(?:tassen|koffer|koffers|spullen) (?:\w+ ){0,3}(?:buiten|voor de deur|"
        r"op straat) (?:gezet|gegooid)\b",
    ),
    # forced marriage and honour
    (
        HONOUR,
        r"\b(?:uithuwelijk\w*|uitgehuwelijkt|uit te huwelijken|eerwraak|huwelijksdwang|"
        r"eergerelateerd\w*|"
        r"besnijdenis|besneden)\b",
    ),
    (HONOUR, r"\b(?:moet|moeten|gedwongen|dwingen) (?:\w+ ){0,4}(?:trouwen|te trouwen)\b"),
    (HONOUR, r"\beer van (?:de|mijn|mn|onze) familie\b"),
    (
        HONOUR,
        rf"\b(?:familie|vader|broer|broers|oom|ooms|neven) (?:\w+ ){{0,3}}{_ME} (?:\w+ ){{0,2}}"
        r"(?:vermoordt|vermoorden|doden|doodt|dood maken|doodmaken|afmaken)\b",
    ),
    (HONOUR, r"\b(?:achterlaten|achtergelaten|opgesloten) in (?:het )?(?:land|buitenland)\b"),
    (HONOUR, r"\bdood (?:ben|bent|is|zijn) voor (?:ze|hen|hun|de familie|mijn familie|iedereen)\b"),
    (HONOUR, r"\b(?:verstoten|onterfd)\b"),
    (HONOUR, r"\b(?:schande|te schande|eer (?:\w+ ){0,2}(?:gekrenkt|kapot|geschonden))\b"),
    (HONOUR, r"\b(?:man|vrouw|jongen|meisje) (?:\w+ ){0,2}voor (?:mij|me) (?:uit)?gekozen\b"),
    (
        HONOUR,
        r"\b(?:terug )?(?:sturen|gestuurd|stuurt|meenemen) (?:\w+ ){0,3}naar (?:\w+ ){0,2}"
        r"(?:land|marokko|turkije|pakistan|afghanistan|somalie|irak|syrie|india|eritrea)\b",
    ),
    (HONOUR, r"\b(?:moet|moeten) (?:\w+ ){0,3}(?:verloven|verloofd|huwen|trouwen)\b"),
    # second pass (2026-12-04, issue 24): danger told in everyday words
    # self-harm: pain that helps, saving pills, hiding wounds, punishing oneself
    (SELF_HARM, r"\bpijn (?:\w+ ){0,2}(?:helpt|hielp|lucht (?:\w+ )?op|geeft rust|voelt goed)\b"),
    (SELF_HARM, r"\bverdien (?:het )?(?:om )?(?:pijn|straf|dood)\b"),
    (
        SELF_HARM,
        r"\b(?:pillen|medicijnen|tabletten|paracetamol|slaappillen|oxazepam)\b(?: \w+){0,3} "
        r"(?:gespaard|verzameld|bewaard|opgespaard|verstopt)\b|\b(?:gespaard|verzameld|"
        r"opgespaard) (?:\w+ ){0,3}(?:pillen|medicijnen|tabletten|paracetamol|slaappillen)\b",
    ),
    # "ik spaar al weken pillen op": the same, as Dutch splits the verb
    (
        SELF_HARM,
        r"\b(?:spaar|spaart|sparen|verzamel|verzamelt|verzamelen) (?:(?!en\b)\w+ ){0,3}(?:pillen|"
        r"medicijnen|tabletten|paracetamol|slaappillen)\b",
    ),
    (
        SELF_HARM,
        rf"\b(?:heb|had) (?:{_ME}|mezelf|mijzelf) (?:\w+ ){{0,2}}(?:gesneden|gekrast|gebrand|"
        r"verwond)\b",
    ),
    (SELF_HARM, r"\b(?:doe|deed) (?:ik )?(?:mezelf|mijzelf|me) (?:iets|wat|pijn) aan\b"),
    (SELF_HARM, r"\bmezelf (?:\w+ )?(?:te )?straffen\b"),
    (
        SELF_HARM,
        r"\b(?:(?:slaat|bons|bonk|beuk) ik|ik (?:slaat|bons|bonk|beuk)) (?:mijn|mn) "
        r"(?:hoofd|vuist|hand|handen) (?:\w+ ){0,2}(?:tegen|op)\b",
    ),
    (SELF_HARM, r"\b(?:mesje|scheermesje|mesjes)\b(?: \w+){0,5} (?:als|voor als|om)\b"),
    # "het helpt even als ik het doe met het mesje": relief from the blade
    (
        SELF_HARM,
        r"\b(?:helpt|hielp)\b(?: \w+){0,7} (?:mesje|mesjes|scheermesje\w*)\b"
        r"|\b(?:rustig|lucht \w* ?op|ontspan\w*)\b(?: \w+){0,4} "
        r"(?:mesje|mesjes|scheermesje\w*|snijden|krassen)\b"
        r"|\b(?:mesje|mesjes|scheermesje\w*)\b(?: \w+){0,6} (?:helpt|hielp|rustig|lucht \w* ?op)\b",
    ),
    # violence: thrown against things, strangled, beaten, threatened
    (
        VIOLENCE,
        r"\btegen (?:de|een) (?:kast|deur|muur|grond|vloer|tafel|radiator|trap) "
        r"(?:aan )?(?:gegooid|geduwd|geslagen|gesmeten|gegooit)\b",
    ),
    (
        VIOLENCE,
        rf"\b(?:heeft|hebben|had|hadden) (?:\w+ ){{0,2}}{_ME} (?:(?!nooit|niet|nog)\w+ ){{0,2}}"
        rf"{_BEATEN}\b",
    ),
    (
        VIOLENCE,
        r"\b(?:krijg|krijgen|kreeg|kregen) (?:\w+ ){0,2}(?:klappen|slaag|een pak slaag|"
        r"de riem|tikken|een klap|een trap|de broekriem)\b",
    ),
    (VIOLENCE, rf"\b(?:maakt|maken|maak) {_ME} kapot als\b|\b{_ME} kapot (?:maakt|maken) als\b"),
    (VIOLENCE, r"\bagressief (?:tegen|naar|op) (?:ons|mij|me|mama|mijn moeder)\b"),
    (
        VIOLENCE,
        r"\b(?:staat|stond|loopt|liep|komt|kwam|zwaait|zwaaide|rent|rende) (?:\w+ ){0,2}met "
        r"(?:een|zn|zijn|haar|het|de) (?:mes|messen|pistool|wapen|hamer|knuppel|"
        r"honkbalknuppel|bijl)\b(?!(?: \w+){0,5} (?:te koken|koken|kookt|te snijden|groente|brood|"
        r"eten|taart|uien))",
    ),
    # danger now: someone breaking in, someone who does not move, held, hiding
    (
        DANGER,
        r"\b(?:deur|raam) (?:\w+ ){0,2}(?:open te breken|in te trappen|open breken|in trappen)\b",
    ),
    (DANGER, r"\b(?:probeert|proberen|wil) (?:\w+ ){0,3}(?:in te breken|binnen te komen)\b"),
    (
        DANGER,
        r"\b(?:ligt|lag) (?:\w+ ){0,3}(?:en beweegt niet|en reageert niet|bewusteloos)\b|"
        r"\b(?:beweegt|reageert|ademt) (?:\w+ )?niet meer\b",
    ),
    (DANGER, r"\blaat (?:mij|me) (?:\w+ )?niet (?:uitstappen|gaan|weg|los|eruit)\b"),
    (HOME, r"\b(?:moeten|moet|gaan|ga) (?:we |ik )?(?:ons|me|mij) verstoppen\b"),
    (DANGER, r"\b(?:zit|zitten|ben|lig) (?:\w+ ){0,2}verstopt\b"),
    # home: fear, a parent who drinks, deals or uses, neglect
    (
        HOME,
        r"\bthuis (?:\w+ ){0,3}(?:eng|gevaarlijk|heel eng|zo eng)\b|\b(?:eng|gevaarlijk) "
        r"(?:\w+ )?thuis\b",
    ),
    (HOME, r"\bthuis wordt er (?:\w+ ){0,2}(?:gedronken|gebruikt|geblowd|gevochten|geslagen)\b"),
    (
        HOME,
        rf"\b{_PARENT} (?:\w+ ){{0,3}}(?:aan de fles|aan de drank|aan de drugs|gebruikt weer|"
        r"gebruikt en|dealt|dealen|verkoopt drugs)\b",
    ),
    (
        HOME,
        r"\b(?:dealt|dealen|dealer|dealers) (?:\w+ ){0,3}(?:bij ons|thuis|ons huis|ons osso|"
        r"in huis)\b",
    ),
    (HOME, r"\b(?:spuiten|spuitjes|naalden|drugs) (?:\w+ ){0,3}(?:bij ons|in huis|thuis)\b"),
    (
        HOME,
        rf"\b{_PARENT} (?:is|zijn) (?:er )?(?:\w+ )?(?:nooit|bijna nooit) (?:thuis|er)\b|"
        rf"\b{_PARENT} (?:is|zijn) er (?:\w+ )?nooit\b(?! voor)",
    ),
    (
        HOME,
        r"\bniemand (?:\w+ ){0,2}(?:wast|kookt|doet boodschappen|gaat met (?:mij|me)|"
        r"vraagt waar ik|let op (?:mij|me|ons)|zorgt voor (?:mij|me|ons))\b",
    ),
    (HOME, r"\b(?:slot|hangslot) op (?:de )?(?:koelkast|kast|voorraadkast)\b"),
    (
        HOME,
        r"\b(?:niks|niets) (?:\w+ )?gegeten\b(?: \w+){0,4} (?:dagen|niks in huis|niets in huis|"
        r"geen eten)\b|\b(?:al )?\w+ dagen (?:\w+ )?(?:niks|niets) (?:\w+ )?gegeten\b",
    ),
    (HOME, r"\b(?:niks|niets|geen eten) (?:meer )?in huis\b"),
    (
        HOME,
        rf"\b{_PARENT} (?:\w+ ){{0,2}}(?:al )?(?:\w+ )?(?:dagen|weken|nachten) (?:\w+ )?weg\b",
    ),
    (
        HOME,
        r"\b(?:thuis|bij ons) (?:is (?:er )?)?(?:nooit|bijna nooit|geen) (?:\w+ )?eten\b|"
        r"\bis (?:er )?thuis (?:\w+ )?(?:nooit|geen) eten\b",
    ),
    (
        HOME,
        r"\bniemand (?:\w+ )?met (?:mij|me) naar (?:de )?(?:dokter|huisarts|tandarts|ziekenhuis)\b",
    ),
    # sexual abuse and exploitation
    (
        SEXUAL,
        r"\b(?:man|mannen|jongens|klanten|oudere man|oudere mannen)\b(?: \w+){0,4} "
        r"(?:voor|om|tegen) (?:geld|doekoe|poen|cash|kleren|spullen|drugs)\b|\bloverboy\w*\b",
    ),
    (
        SEXUAL,
        rf"\b(?:komt|kwam|kruipt|kroop) (?:\w+ ){{0,2}}(?:snachts |s nachts |\w+ )?in {_MY} bed\b",
    ),
    (
        SEXUAL,
        r"\bdingen (?:\w+ ){0,4}(?:die ik niet wil|die ik niet wilde|die geheim|met zijn "
        r"vrienden|met zn vrienden)\b",
    ),
    (SEXUAL, r"\b(?:ging|gingen|ga|gaat) (?:\w+ )?door (?:terwijl|toen|ook al) ik nee\b"),
    # online sexual pressure
    (
        ONLINE,
        r"\b(?:gefilmd|gefotografeerd|opgenomen)\b(?: \w+){0,4} (?:kleedkamer|douche|wc|"
        r"rondgestuurd|doorgestuurd|stiekem)\b",
    ),
    (
        ONLINE,
        r"\b(?:foto|fotos|pics|filmpje)\b(?: \w+){0,3} (?:in (?:mijn |mn )?(?:bikini|ondergoed|"
        r"bh|onderbroek)|zonder kleren)\b",
    ),
    (ONLINE, r"\bvieze (?:foto|fotos|pics|filmpjes|plaatjes|berichten)\b"),
    (
        ONLINE,
        r"\b(?:iedereen|de hele school|de klas) (?:\w+ ){0,2}(?:die |mijn )?(?:foto|filmpje)\b",
    ),
    (
        ONLINE,
        r"\b(?:filmpje|filmpjes|foto|fotos|video)\b(?: \w+){0,4} (?:onder de douche|in de "
        r"kleedkamer|op de wc|in bad|zonder kleren)\b",
    ),
    (
        SEXUAL,
        r"\b(?:slapen|seks|sex|mee naar bed)\b (?:\w+ ){0,2}voor (?:geld|doekoe|poen|cash|drugs)\b",
    ),
    (HOME, r"\b(?:dagen|weken) (?:\w+ ){0,2}(?:niks|niets|geen) (?:te )?eten\b"),
    (HOME, rf"\b{_PARENT} (?:\w+ ){{0,3}}(?:dagen|week|weken|nachten) niet (?:thuis|naar huis)\b"),
    (
        DANGER,
        r"\b(?:iemand|een man|die man|hij|ze|een vreemde) (?:\w+ ){0,5}(?:naar binnen wil|"
        r"binnen wil komen|wil inbreken)\b",
    ),
    # homeless: where to sleep, a night outside, not let in
    (
        HOMELESS,
        r"\b(?:slaap|sliep|slapen) (?:\w+ ){0,2}in (?:het|de|een) (?:fietsenhok|schuur|garage|"
        r"bushokje|trappenhuis|portiek|park|tent|stationshal|kelder|speeltuin|bos|auto)\b",
    ),
    (HOMELESS, r"\bwaar (?:kan|moet|mag) ik (?:\w+ ){0,2}(?:slapen|heen|naartoe)\b"),
    (HOMELESS, r"\b(?:weet|weten) (?:\w+ )?niet waar ik (?:\w+ ){0,2}(?:heen|naartoe|slapen)\b"),
    (HOMELESS, r"\b(?:sta|zit|ben|lig) (?:nu )?(?:\w+ )?op straat\b"),
    (HOMELESS, r"\bmag (?:\w+ )?(?:er|het huis) niet (?:meer )?in\b"),
    (
        HOMELESS,
        r"\bniet (?:meer )?(?:thuis|naar huis|binnen) (?:mag|mogen|kan) (?:komen|slapen|wonen)\b"
        r"|\b(?:thuis|naar huis) mag ik (?:\w+ )?niet (?:meer )?komen\b",
    ),
    (HOMELESS, r"\b(?:wegloop|wegloopt|wegelopen|weggeloopen|weglopen)\b"),
    (HOMELESS, r"\bdurf (?:\w+ )?niet (?:meer )?terug (?:naar huis|naar thuis|thuis)\b"),
    (
        HOMELESS,
        r"\bniet (?:meer )?thuis geweest\b|\bweten niet waar ik ben\b|\bniemand (?:mag )?"
        r"(?:weet|weten) waar ik ben\b",
    ),
    # forced marriage and honour
    (HONOUR, r"\b(?:trouw|trouwen) met iemand die ik niet (?:ken|wil|ken of wil)\b"),
    (HONOUR, r"\b(?:willen|wil|wilt) dat ik (?:\w+ ){0,3}(?:trouw|trouwen)\b"),
    (
        HONOUR,
        r"\bniet (?:meer )?terug(?:kom|komen|kan komen)? (?:uit|van) (?:\w+ )?(?:land|marokko|"
        r"turkije|suriname|pakistan|afghanistan|somalie|irak|syrie|india|eritrea|ghana|"
        r"nigeria|egypte)\b",
    ),
    (
        HONOUR,
        r"\b(?:controleert|controleren|volgt|volgen) (?:\w+ ){0,4}met wie ik (?:praat|omga|app)\b",
    ),
    # third pass (2026-12-04, issue 24c): the kinds the fresh set showed were thin, written
    # from the help lines' own descriptions of these dangers (113, Helpwanted, Centrum
    # Seksueel Geweld, Veilig Thuis, Kindertelefoon) and how youths type, not from the set.
    # self-harm: the words youths use for it, the urge, wounds hidden, burning
    (
        SELF_HARM,
        r"\b(?:cutten|gecut|gecutted|cutting|selfharm|self harm|zelfbeschadig\w*|"
        r"zelfverwond\w*|automutil\w*)\b",
    ),
    (
        SELF_HARM,
        r"\b(?:zin|drang|behoefte|neiging) (?:\w+ ){0,3}(?:om )?(?:te )?(?:snijden|cutten|"
        r"krassen|branden|mesje|mezelf)\b",
    ),
    (
        SELF_HARM,
        r"\b(?:littekens|sneetjes|snijwonden|wondjes|brandwonden)\b(?: \w+){0,4} "
        r"(?:verstop|verstoppen|verstopt|niemand mag zien|mouwen|bedekken|niemand ziet|"
        r"stiekem|zelf gedaan|zelf gemaakt)\b|\b(?:verstop|verstoppen) (?:\w+ ){0,2}"
        r"(?:littekens|sneetjes|snijwonden|wondjes)\b",
    ),
    (
        SELF_HARM,
        r"\b(?:aansteker|sigaret|strijkijzer|heet water) (?:\w+ ){0,3}(?:op|tegen|in) "
        r"(?:mijn|mn) (?:huid|arm|armen|been|benen|hand|handen|pols|buik)\b",
    ),
    # hopelessness and wanting to be gone (113's warning signs)
    (
        SELF_HARM,
        r"\b(?:mijn leven|het leven|leven|bestaan|alles|mijn bestaan)\b (?:\w+ ){0,2}(?:zinloos|"
        r"nutteloos|heeft geen nut|heeft geen doel|niks waard|niets waard|pointless)\b",
    ),
    (
        SELF_HARM,
        r"\b(?:een )?last voor (?:iedereen|mijn ouders|mn ouders|jullie|mijn familie|"
        r"mn familie|de wereld|mijn moeder|mijn vader|ze|hen)\b",
    ),
    (
        SELF_HARM,
        r"\bniemand (?:zou|gaat|zal) (?:\w+ ){0,3}(?:missen|merken dat ik weg)\b|"
        r"\b(?:iedereen|de wereld|mijn ouders|mn ouders) (?:\w+ ){0,3}beter (?:af )?"
        r"(?:zonder|als ik er niet)\b",
    ),
    (
        SELF_HARM,
        r"\b(?:wou|wilde|wens|had|was ik maar) (?:\w+ ){0,3}(?:nooit|niet) geboren\b|"
        r"\b(?:levensmoe|leven zat|zat van het leven|moe van het leven)\b|"
        r"\bgeen (?:reden|zin) (?:meer )?om (?:te leven|nog te leven)\b|"
        r"\b(?:niks|niets|niemand) (?:meer )?om voor te leven\b",
    ),
    (SELF_HARM, r"\b(?:voor altijd|voorgoed|eeuwig) (?:\w+ )?(?:slapen|weg zijn)\b"),
    (SELF_HARM, r"\b(?:wil|ga) (?:\w+ ){0,2}er (?:een )?(?:eind|einde) aan\b"),
    # online: sextortion, a stranger moving the chat to a private app, questions about bed
    (
        ONLINE,
        r"\banders (?:\w+ ){0,5}(?:online|op internet|op insta|op snap|op tiktok|naar iedereen|"
        r"naar mijn ouders|naar mn ouders|naar mijn school|rondsturen|rond sturen|verspreid\w*|"
        r"doorsturen|stuurt (?:\w+ ){0,2}door|zet (?:\w+ ){0,3}online|(?:gaat|gaan) "
        r"(?:\w+ ){0,3}rond|rondgaan)\b",
    ),
    (
        ONLINE,
        r"\b(?:zet|stuurt|deelt|verspreidt|post) (?:\w+ ){0,5}(?:als|tenzij) ik (?:\w+ ){0,2}"
        r"(?:niet |geen )?(?:betaal|betalen|geld|meer stuur|euro)\b",
    ),
    (
        ONLINE,
        r"\b(?:screenshots?|opnames?|chats|gesprekken)\b(?: \w+){0,6} (?:dreigt|dreigen|"
        r"anders|tenzij|verspreid\w*|rondsturen|betalen)\b",
    ),
    (
        ONLINE,
        r"\b(?:oudere|volwassen|een man|man van|iemand|een jongen|een meisje|hij|ze) "
        r"(?:\w+ ){0,2}(?:op|van|via|uit) (?:tiktok|insta|instagram|snap|snapchat|discord|"
        r"roblox|fortnite|een game|de game|internet|whatsapp|een app)\b(?: \w+){0,6} "
        r"(?:andere app|prive|telegram|snapchat|signal|kik|alleen wij|niet (?:mag |mogen )?"
        r"vertellen|niemand vertellen|geheim|"
        r"lichaam|in bed|naakt|ondergoed|webcam|cam)\b",
    ),
    (
        ONLINE,
        r"\b(?:hij|ze|die man|die jongen|iemand) (?:is|van) (?:al )?(?:\d\d|twintig|dertig|"
        r"veertig|vijftig)\b(?: jaar| jr)?(?: \w+){0,8} (?:snapchat|telegram|prive|geheim|"
        r"niet vertellen|mijn lichaam|naar bed|naakt)\b",
    ),
    (
        ONLINE,
        r"\b(?:online|in de chat|appt|dm|dms|snap|snapchat|insta|discord|tiktok|in een game)\b"
        r"(?: \w+){0,8} (?:vraagt|vroeg|vragen|wil weten) (?:\w+ ){0,5}(?:in bed|mijn bed|"
        r"op bed|wat ik aan|hoe ik eruit zie|naakt|alleen thuis|lichaam|seks|sex|maagd)\b",
    ),
    (
        SEXUAL,
        r"\b(?:vraagt|vroeg|vragen|wil weten) (?:\w+ ){0,5}(?:over|naar|of|wat) (?:\w+ ){0,2}"
        r"(?:seks|sex|maagd|ondergoed|mijn borsten|mn borsten)\b",
    ),
    (ONLINE, r"\bbetaalt (?:mij|me) (?:\w+ ){0,2}voor (?:foto|fotos|pics|filmpjes|filmpje)\b"),
    (SEXUAL, r"\bsugar ?dadd\w*\b"),
    # sexual abuse: the secret it is kept with, "dingen", hands under clothes, no said
    (
        SEXUAL,
        r"\b(?:zegt|zei|zeggen|noemt|noemde) (?:\w+ ){0,3}(?:ons|onze|een) (?:kleine? )?"
        r"geheim(?:pje|je)?\b|\bons (?:kleine? )?geheim(?:pje|je)? (?:is|blijft|moet)\b",
    ),
    (
        SEXUAL,
        r"\b(?:wil|wilde|laat|liet|dwingt) (?:\w+ )?dat ik (?:\w+ ){0,2}dingen (?:bij|met|aan|"
        r"voor) (?:hem|haar) doe\b|\b(?:doet|deed|doen) (?:\w+ )?dingen (?:met|bij|aan) "
        r"(?:mij|me)\b|\bdingen (?:\w+ ){0,3}die ik (?:niet fijn|niet leuk|eng|vies) vind\b",
    ),
    (
        SEXUAL,
        r"\b(?:hand|handen|vingers) (?:\w+ ){0,3}(?:in|onder) (?:mijn|mn) (?:broek|rok|shirt|"
        r"trui|kleren|onderbroek|ondergoed|bh|jurk)\b",
    ),
    (SEXUAL, r"\btegen (?:mijn|mn) (?:wil|zin) (?:\w+ ){0,3}(?:aan|gezoend|gekust|seks|sex)\b"),
    # touching the youth does not want: "ik wil niet dat hij me aanraakt", "mn stiefvader
    # wil me kussen en aanraken", "hij kust me en dat wil ik nie" (the "niet" is the
    # danger itself here, so it sits inside the pattern and takes nothing back)
    (
        SEXUAL,
        rf"\b(?:wil|wilde) niet dat (?:\w+ ){{1,4}}{_ME} (?:\w+ ){{0,2}}(?:aanraakt|aanraakte|"
        r"betast|betastte|vastpakt|aanzit|aanzat)\b",
    ),
    (
        SEXUAL,
        rf"\b(?:stiefvader|stiefpa|stiefbroer|oom|ome|opa|neef|broer|vader|papa|buurman|"
        rf"trainer|leraar|meester|baas|die man|een man|vriend van (?:mijn |mn )?(?:moeder|"
        rf"mama|ma)) (?:wil|wilde|probeert|probeerde) {_ME} (?:\w+ ){{0,3}}(?:aanraken|"
        rf"betasten|aan te raken|aan te zitten|vastpakken)\b",
    ),
    (
        SEXUAL,
        rf"\b(?:kust|zoent|kuste|zoende|aait|betast|raakt|pakt|knuffelt) {_ME}\b(?: \w+){{0,6}} "
        r"(?:en|maar) dat wil ik (?:niet|nie|echt niet)\b",
    ),
    (
        SEXUAL,
        r"\b(?:zoent|kust|zoende|kuste|streelt|aait|betast) (?:\w+ ){0,4}(?:terwijl|ook al|"
        r"hoewel) ik (?:\w+ ){0,2}(?:nee|niet wil|stop)\b",
    ),
    (
        SEXUAL,
        r"\b(?:stiefvader|stiefpa|stiefbroer|oom|opa|neef|hij|die man|vriend van (?:mijn |mn )?"
        r"(?:moeder|mama|ma)) (?:\w+ ){0,3}(?:kijkt|komt binnen|gluurt|filmt) (?:\w+ ){0,3}"
        r"(?:als|wanneer|terwijl) ik (?:\w+ ){0,2}(?:douche|in bad|me omkleed|mij omkleed|naakt|"
        r"me aankleed)\b",
    ),
    (SEXUAL, r"\b(?:moet|moest) (?:\w+ ){0,3}(?:pijpen|aftrekken|beffen|aan zijn piemel)\b"),
    # neglect: alone for days or weekends, no power, nobody who cares for the child
    (
        HOME,
        r"\b(?:hele|halve|alle) (?:weekenden|weekend|nachten|dagen|week|weken) (?:\w+ )?alleen\b|"
        r"\balleen (?:\w+ )?(?:al|sinds) (?:\w+ ){0,2}(?:dagen|weken|nachten|week)\b",
    ),
    (
        HOME,
        r"\b(?:laten|laat|liet|lieten) (?:mij|me|ons) en (?:mijn |mn )?\w+ (?:(?!nooit|niet)\w+ )"
        r"{0,3}alleen\b",
    ),
    (
        HOME,
        r"\b(?:geen|nooit) (?:stroom|licht|verwarming|warm water|gas)\b(?: \w+){0,4} "
        r"(?:dagen|weken|al|thuis|in huis|koud|afgesloten)\b|\b(?:stroom|gas|water|licht) "
        r"(?:\w+ ){0,2}(?:afgesloten|eraf gehaald)\b",
    ),
    (
        HOME,
        r"\bkoelkast (?:\w+ ){0,2}(?:altijd|weer|steeds|nooit|al dagen|al weken) (?:\w+ )?leeg\b",
    ),
    (
        HOME,
        rf"\b{_PARENT} (?:\w+ ){{0,3}}(?:zorgen|zorgt|letten|let|koken|kookt) (?:\w+ )?niet "
        r"(?:\w+ )?(?:voor|op) (?:mij|me|ons)\b|\bniemand (?:die|dat) (?:\w+ )?(?:voor|op) "
        r"(?:mij|me|ons) (?:zorgt|let)\b|\b(?:zorg|zorgen) (?:\w+ ){0,2}(?:zelf|helemaal alleen) "
        r"voor (?:mezelf|ons)\b",
    ),
    (
        HOME,
        r"\b(?:honger|niks gegeten|niets gegeten) (?:\w+ ){0,4}want (?:\w+ ){0,3}(?:thuis|geen)",
    ),
    # a parent who drinks or uses: the verbs, the state, what it does at home
    (
        HOME,
        rf"\b{_PARENT} (?:\w+ ){{0,3}}(?:blowt|blowen|rookt wiet|roken wiet|snuift|snuiven|"
        r"ruikt naar (?:drank|alcohol|bier|wiet)|laveloos|onder invloed|"
        # never the best of the world: "mijn moeder kookt het lekkerst van de wereld",
        # "de liefste mama van de wereld" (eighteenth pass)
        r"(?<!st )(?<!ste )(?<!der )(?<!mama )(?<!papa )(?<!ouders )"
        r"van de wereld|"
        r"ladderzat|stomdronken|teut|lazarus|aan het (?:drinken|zuipen|blowen|gebruiken|"
        r"snuiven))\b",
    ),
    (
        HOME,
        rf"\bals {_PARENT} (?:\w+ ){{0,2}}(?:gedronken|gebruikt|geblowd|gesnoven|drinkt|"
        r"blowt|snuift|zuipt|dronken|zat|high|stoned)\b",
    ),
    (
        HOME,
        r"\b(?:wordt|worden|werd|is|zijn) (?:\w+ ){0,2}(?:agressief|gemeen|eng|gewelddadig|"
        r"boos) (?:\w+ ){0,2}(?:van|door|na|als) (?:\w+ ){0,2}(?:drank|drinken|drugs|blowen|"
        r"bier|alcohol|wiet|coke|pillen|gedronken|gebruikt)\b",
    ),
    (HOME, r"\b(?:thuis|bij ons|in huis) (?:\w+ ){0,3}(?:gedeald|coke|cocaine|heroine)\b"),
    (
        HOME,
        rf"\b(?:spuiten|spuitjes|naalden|zilverpapier|lijntjes|zakjes|poeder|lege flessen) "
        rf"(?:\w+ ){{0,4}}van {_MY} {_PARENT}\b",
    ),
    # running away, not going home, going to someone met online
    (
        HOMELESS,
        r"\b(?:ervandoor|er vandoor|weggegaan|weg gegaan|gevlucht|ontsnapt|weggevlucht)\b"
        r"(?: \w+){0,3} (?:van huis|van thuis|thuis|uit huis)\b|"
        r"\b(?:van huis|van thuis|uit huis) (?:\w+ ){0,2}(?:ervandoor|weggegaan|gevlucht|"
        r"ontsnapt|weggerend|weggefietst)\b",
    ),
    (
        HOMELESS,
        r"\b(?:ga|ging|kom|wil|hoef|gaan) (?:\w+ )?(?:nooit|niet) meer terug\b(?! (?:naar|op|"
        r"in|bij) (?!(?:huis|thuis|mijn ouders|mn ouders|ons huis|mijn familie)\b))",
    ),
    (
        HOMELESS,
        r"\b(?:al|sinds) (?:\w+ ){0,2}(?:dagen|nachten|gisteren|vrijdag|zaterdag|zondag|maandag|"
        r"dinsdag|woensdag|donderdag|een week|twee weken|vorige week) (?:\w+ ){0,2}(?:niet|nooit)"
        r" (?:meer )?(?:thuis|naar huis)\b|\b(?:nachten|dagen) (?:\w+ )?niet (?:meer )?"
        r"(?:thuis|naar huis) (?:geweest|gegaan|geslapen)\b",
    ),
    (
        HOMELESS,
        r"\b(?:slaap|sliep|slapen|geslapen|logeer|blijf|woon) (?:\w+ ){0,2}bij (?:\w+ ){0,2}"
        r"(?:vreemde|vreemden|onbekende|onbekenden|iemand die ik (?:niet|net|online|van "
        r"internet) (?:\w+ )?ken|een man die ik|iemand van (?:internet|snap|insta|tiktok))\b",
    ),
    (
        HOMELESS,
        r"\b(?:ga|gaan|ging|vlucht|ren|wil) (?:\w+ ){0,3}(?:naar|bij) (?:een |die |de )?"
        r"(?:man|vent|oudere jongen) (?:\w+ ){0,2}die ik (?:\w+ ){0,4}(?:op|via|van) (?:insta|"
        r"instagram|snap|snapchat|tiktok|internet|discord|roblox|een app|een game|online)\b",
    ),
    (HOMELESS, r"\b(?:zwerf|zwerven|zwerft|rondgezworven|rondzwerven)\b"),
    (
        HOMELESS,
        r"\b(?:vannacht|vanavond|morgen) (?:\w+ ){0,4}weg (?:\w+ ){0,2}(?:en|zonder dat) "
        r"(?:niemand|ze|mijn ouders|mn ouders) (?:\w+ ){0,2}(?:weet|weten|merken|merkt)\b",
    ),
    # violence: blows given, grabbed by the throat, neighbours calling the police, threats
    (
        VIOLENCE,
        rf"\b(?:geeft|geven|gaf|gaven) {_ME} (?:\w+ )?(?:klappen|een klap|een mep|"
        r"meppen|slaag|een schop|een trap|tikken|een knal|een oplawaai|een dreun|dreunen|"
        r"een pak slaag)\b",
    ),
    (
        VIOLENCE,
        rf"\b(?:grijpt|greep|pakt|pakte|trekt|trok) (?:\w+ ){{0,2}}{_ME} (?:\w+ ){{0,2}}(?:bij|aan)"
        r" (?:de|mijn|mn) (?:keel|nek|haren|haar|kraag)\b",
    ),
    (
        VIOLENCE,
        r"^(?!.*\b(?:haha\w*|hihi|grapje|xd|lol)\b).*\b(?:zegt|zei|dreigt|dreigde) (?:\w+ )"
        r"{0,4}(?:me|mij|ons) (?:\w+ ){0,7}(?:afmaken|afmaakt|vermoorden|vermoordt|doodmaken|"
        r"neersteken|neersteekt)\b",
    ),
    (
        HOME,
        r"\b(?:politie|buren) (?:\w+ ){0,4}(?:gebeld|bellen|kwam|kwamen|stond|was er) "
        r"(?:\w+ ){0,4}(?:ruzie|geschreeuw|vechten|slaan|gevecht)\b|\b(?:ruzie|geschreeuw|"
        r"vechten|gevecht) (?:\w+ ){0,6}(?:politie gebeld|politie kwam)\b",
    ),
    (HOME, r"\bblijf ?van ?mijn ?lijf\w*\b"),
    # forced marriage and honour: virginity, being watched, threats about a boy- or girlfriend
    (HONOUR, r"\b(?:maagdelijkheid\w*|maagdenvlies\w*|achterlating)\b"),
    (
        HONOUR,
        r"\b(?:broer|broers|neven|familie|ooms) (?:\w+ ){0,3}(?:bewaken|bewaakt|bespioneren|"
        r"bespioneert|houden (?:\w+ ){0,4}in de gaten|houdt (?:\w+ ){0,4}in de gaten|doorzoeken|"
        r"doorzoekt)(?: (?:\w+ ){0,2}(?:mij|me|mijn telefoon|mn telefoon))?\b",
    ),
    (
        HONOUR,
        r"\b(?:familie|vader|broer|broers|oom|ooms|neef|neven|ouders)\b(?: \w+){0,8} "
        r"(?:jongen|vriendje|vriend|meisje|vriendin)\b(?: \w+){0,8} (?:klaar met (?:jou|je|mij|"
        r"me)|dood|afmaken|vermoord\w*|opsluiten|schande)\b",
    ),
    # danger now: a stranger inside, followed, pulled into a car, fire or gas
    (DANGER, r"\b(?:inbreker|inbrekers)\b(?: \w+){0,3} (?:in huis|binnen|beneden|boven|hier|nu)\b"),
    (
        DANGER,
        r"\b(?:man|mannen|auto|busje|jongens) (?:\w+ ){0,3}(?:achtervolgt|achtervolgen|"
        r"rijdt achter|loopt achter) (?:\w+ )?(?:mij|me)\b",
    ),
    (
        DANGER,
        r"\b(?:trekt|trok|sleurt|sleurde|duwt|duwde) (?:\w+ )?(?:mij|me) (?:\w+ ){0,2}"
        r"(?:in|de) (?:de |een |zijn )?(?:auto|busje|bus|wagen)\b",
    ),
    (DANGER, r"\b(?:er is brand|brand in (?:ons|het|mijn|mn) huis|ruik gas|gaslucht)\b"),
    # shooting now (thirteenth pass, read from the eighteenth set)
    (DANGER, r"\ber (?:wordt|word) (?:\w+ )?(?:nu|net|hier|buiten) (?:\w+ )?geschoten\b"),
    # no kind named
    (DANGER, r"\bin (?:groot |echt |levens)?gevaar\b"),
    (DANGER, r"\b(?:ben|voel) (?:\w+ ){0,2}(?:niet veilig|onveilig)\b"),
    (DANGER, r"\bniet veilig\b"),
    (DANGER, r"\bhelp (?:me|mij|mn)\b(?: \w+){0,3} (?:bang|gevaar|pijn|nood)"),
    (
        DANGER,
        r"\bik ben (?:zo |heel |echt )?bang\b(?! (?:voor|dat|om|van) (?:spinnen|honden|"
        r"het donker|de tandarts|examens|toetsen|te laat|hoogte))(?:$| (?:help|hij|ze|want))",
    ),
    # other languages (2026-12-04): a youth in danger writes in the language that comes.
    # tenth pass (read from the fifteenth set): a bone broken by someone ("mn vader heeft
    # mn arm gebroken"; one's own "ik heb mn arm gebroken" is an accident), and a threat to
    # post photos unless more are sent ("als ik geen nieuwe foto's stuur plaatst hij de
    # oude")
    (
        VIOLENCE,
        rf"\bheeft (?:\w+ ){{0,2}}{_MY} (?:\w+ )?(?:arm|armen|been|neus|pols|vinger|vingers|"
        r"rib|ribben|kaak|sleutelbeen|hand|enkel) (?:\w+ )?gebroken\b",
    ),
    (
        ONLINE,
        r"\bals ik\b(?: \w+){0,6} (?:stuur|betaal|geef|doe)\b(?: \w+){0,2} (?:plaatst|post|deelt|"
        r"verspreidt|zet|stuurt|laat) (?:hij|ze|zij)\b(?: \w+){0,4} (?:oude|oudere|foto|fotos|"
        r"foto s|pics|filmpje|filmpjes|video|videos|online|op (?:insta|snap|internet|tiktok))\b",
    ),
    # a hand hit in a door on purpose, or by someone (the sixth batch's own examples)
    (
        SELF_HARM,
        r"\bexpres (?:\w+ ){0,3}(?:hand|hoofd|arm|vingers) (?:\w+ ){0,4}(?:geslagen|gestoten|"
        r"gebonkt|geklemd)\b",
    ),
    (
        VIOLENCE,
        rf"\b(?:sloeg|slaat|klemde|klemt|duwde|ramde) {_MY} (?:hand|vingers|arm) (?:\w+ ){{0,2}}"
        r"(?:tussen|in) de deur\b",
    ),
    # a "niet" inside the condition is no denial: "als ik nie snij kan ik nie slapen"
    (SELF_HARM, r"\bals ik (?:\w+ )?(?:niet|nie|ni) (?:snij|snijd|kras|bonk|brand)\b"),
    # Common ways to say these dangers in English, Turkish, Arabic (also Moroccan Darija in
    # Latin letters), Polish, French, Spanish and Papiamento, after `normalise` (no accents:
    # "öldürmek" is "oldurmek"; "ı" and "ł" stay). 112 answers in any language.
    (
        SELF_HARM,
        r"\b(?:kill|killing|hurt|hurting|cut|cutting|harm|harming) myself\b"
        r"|\bend (?:my life|it all)\b"
        r"|\b(?:want to|wanna) (?:die|end it)\b|\bsuicidal\b|\bno reason to live\b"
        r"|\b(?:dont|don t|do not) want to (?:live|be alive|exist)\b|\bbetter off dead\b"
        r"|\bbetter off without me\b|\bwish i (?:was|were) dead\b|\bwish i was never born\b"
        # tenth pass (read from the fifteenth set): to disappear for ever
        r"|\b(?:want to|wanna|going to|gonna) disappear (?:forever|for ever|for good)\b",
    ),
    (
        VIOLENCE,
        r"\b(?:dad|father|stepdad|stepfather|mom|mum|mother|stepmom|stepmother|brother|"
        r"parents|uncle) (?:(?!never|not|dont|didnt|wouldnt|doesnt)\w+ ){0,2}(?:hits|beats|"
        r"kicks|chokes|hurts|hit|beat|kicked|choked|hurt|abuses|abused) me\b"
        r"|\b(?:he|she|they) (?:(?!never|not|dont|didnt|wouldnt|doesnt)\w+ ){0,2}(?:hits|beats|"
        r"chokes|abuses) me\b(?! at)|\bbeing (?:attacked|beaten|abused)\b"
        r"|\bsomeone (?:is )?(?:attacking|beating|hitting) me\b"
        # tenth pass: "i get hit at home", "i got beaten by my dad"
        r"|\bi (?:get|got|am|was|keep getting) (?:\w+ )?(?:hit|beaten|slapped|kicked)\b"
        r"(?! (?:by (?:a|the) (?:ball|car|bike)|in (?:the|a) (?:game|match)))",
    ),
    (
        SEXUAL,
        r"\b(?:raped|rape me|molested|sexually abused|sexual abuse)\b|\b(?:touched|touches|"
        r"touching) me (?:\w+ ){0,3}(?:didnt want|didn t want|without|against|down there|"
        r"where i)\b",
    ),
    (
        ONLINE,
        r"\bblackmail\w*\b|\bsextort\w*\b|\b(?:leak|post|share|send|spread)\w* (?:\w+ ){0,3}"
        r"(?:nudes|nude pics|nude photos|my pics|my photos|my videos)\b"
        r"|\b(?:nudes|nude pics|my pics|my photos) (?:\w+ ){0,4}"
        r"(?:unless|or else|if i dont|if i don t)\b",
    ),
    # seventh pass (2026-12-06, the eleventh set's misses): hitting someone at home now,
    # photos held with a threat
    (
        VIOLENCE,
        r"\b(?:dad|father|stepdad|stepfather|mom|mum|mother|stepmom|brother|uncle|he|she|"
        r"they) (?:is |are )?(?:hitting|beating|kicking|choking|hurting) (?:me|my (?:mom|mum|"
        r"mother|dad|father|sister|brother|little sister|little brother))\b",
    ),
    (
        ONLINE,
        r"\b(?:has|have|got) my (?:pics|nudes|nude pics|photos|videos)\b(?: \w+){0,8}? "
        r"(?:if i (?:dont|don t|do not) pay|everyone|pay|money|unless)\b",
    ),
    (
        HOMELESS,
        r"\bran away\b|\brunning away\b|\brun away from home\b|\bkicked (?:me )?out\b"
        r"|\bthrew me out\b|\bnowhere to (?:sleep|go|stay)\b|\bsleeping (?:on the street|"
        r"outside|rough)\b|\bhomeless\b",
    ),
    (
        HOME,
        r"\b(?:mom|mum|mother|dad|father|parents|stepdad) (?:is |are )?(?:always |often |"
        r"every day |again )?(?:drunk|wasted|high|on drugs|using drugs)\b"
        r"|\bno food (?:at home|in the house)\b|\bnobody (?:feeds|takes care of) me\b"
        r"|\b(?:dont|don t|doesnt|doesn t|never) (?:\w+ )?feeds? (?:me|us)\b",
    ),
    (HONOUR, r"\bforc\w* (?:me )?(?:to )?marr\w*\b|\bhonou?r (?:killing|violence)\b"),
    (DANGER, r"\b(?:i m|im|i am) (?:in danger|not safe)\b|\bsomeone is following me\b"),
    # Turkish
    (
        SELF_HARM,
        r"\bkendimi (?:oldur\w*|kes\w*|as\w*|oldurece\w*)\b|\bolmek isti\w*\b|\bintihar\w*\b"
        r"|\byasamak istemiyorum\b",
    ),
    (
        VIOLENCE,
        r"\b(?:babam|annem|abim|agabeyim|uvey babam|kocam|amcam) (?:\w+ ){0,2}(?:dov|vur)\w*\b"
        r"|\bbeni (?:dov|vur)\w*\b",
    ),
    (SEXUAL, r"\b(?:taciz\w*|tecavuz\w*)\b"),
    (HONOUR, r"\bzorla (?:evlen|nisanl)\w*\b"),
    (HOMELESS, r"\bevden (?:kac|at)\w*\b"),
    # Arabic script, and Moroccan Darija in Latin letters
    (SELF_HARM, r"انتحار|(?:اريد|بدي|ابغى|بغيت|نبغي) (?:ان )?(?:اموت|موت|نموت|انتحر)"),
    (VIOLENCE, r"يضربني|تضربني|يضربوني"),
    (SELF_HARM, r"\bbghit n?mou?t\b|\bn(?:q|k)t(?:e|a)l ras+i\b|\bbghit nqtel\b"),
    (VIOLENCE, r"\b(?:kay|tay|ka|ta)?d(?:e)?r(?:e)?bni\b"),
    # Polish
    (SELF_HARM, r"\b(?:chce|chcialbym|chcialabym) (?:umrzec|sie zabic)\b|\bzabic sie\b"),
    (SELF_HARM, r"\bsamoboj\w*\b"),
    (
        VIOLENCE,
        r"\b(?:tata|ojciec|mama|matka|ojczym|brat) (?:\w+ ){0,2}(?:mnie )?(?:bije|bil|bila|"
        r"uderza)\b|\bmnie (?:bije|bil|bila|uderza)\b",
    ),
    (SEXUAL, r"\bgwa[lł]c\w*\b|\bgwa[lł]t\w*\b|\bmolest\w*\b"),
    # French and Spanish
    (
        SELF_HARM,
        r"\bje veux mourir\b|\bme suicider\b|\bme tuer\b|\bquiero morir\w*\b"
        r"|\bme quiero matar\b|\bmatarme\b",
    ),
    (VIOLENCE, r"\b(?:il|elle|mon pere|ma mere) me (?:frappe|bat)\b"),
    # Papiamento
    (SELF_HARM, r"\bmi ke muri\b|\bmata mi mes\b|\bmi no ke biba\b"),
    (VIOLENCE, r"\b(?:ta|a) dal mi\b|\bta bati mi\b"),
    # fourth pass (2026-12-04, issue 24): word orders and words the nets lacked
    (
        HOMELESS,
        r"\bhuis uit (?:\w+ )?(?:gezet|gegooid|geschopt|getrapt|gezonden)\b|"
        r"\bhet huis uit (?:\w+ )?(?:zetten|gooien|schoppen)\b",
    ),
    (SELF_HARM, r"\bstoppen met (?:\w+ ){0,3}(?:leven|mijn leven|het leven)\b"),
    (SELF_HARM, r"\ber (?:\w+ )?beter niet (?:kan |kon |zou )?(?:zijn|wezen)\b"),
    (
        SELF_HARM,
        r"\b(?:in|op) (?:mijn|de) (?:arm|armen|been|benen|bovenbenen|pols|polsen|huid|buik)\b"
        r"(?: \w+){0,2} (?:gekrast|opengekrast|gesneden|gebrand)\b",
    ),
    (
        SELF_HARM,
        r"\b(?:sneetjes|sneeen|sneden|krassen|snijwonden|wondjes) van mezelf\b|"
        r"\bvol (?:met )?(?:sneetjes|sneeen|snijwonden|krassen van mezelf)\b",
    ),
    (
        SELF_HARM,
        r"\b(?:krab|krabben|krabde|kras|krassen|trek|pulk) (?:ik )?(?:\w+ )?(?:mijn )?"
        r"(?:huid|arm|armen|benen) (?:\w+ )?(?:open|kapot|stuk)\b",
    ),
    (SELF_HARM, r"\bbloedt?\b(?: \w+){0,4} van wat ik (?:deed|gedaan heb|doe|heb gedaan)\b"),
    (BULLYING, r"\b(?:kys|kill urself|kill yourself|ga dood zeggen|zeggen dat ik dood moet)\b"),
    (
        SEXUAL,
        rf"\baan {_ME} (?:\w+ )?(?:zitten|zit|zat|komen|komt)\b(?! te\b)|"
        r"\b(?:naar bed|seks|sex) (?:\w+ ){0,3}voor geld\b|\bvoor geld (?:\w+ ){0,3}"
        r"(?:naar bed|seks|sex)\b",
    ),
    (ONLINE, r"\b(?:dickpics|dick pics|dikpics|dikpic)\b"),
    (
        ONLINE,
        r"\b(?:foto|fotos|filmpje|filmpjes|video|pic|pics) (?:van )?(?:mezelf|mij)\b"
        r"(?: \w+){0,6} (?:online|verspreid\w*|rondgestuurd|doorgestuurd|gedeeld|gepost)\b",
    ),
    (
        HONOUR,
        r"\b(?:wants? me to|want me to|have to|make me|forcing me to) marry\b|"
        r"\bniet (?:meer )?terug (?:\w+ ){0,2}naar nederland\b",
    ),
    (VIOLENCE, rf"\b(?:maken|maakt|maak) (?:ze|hij|zij|hun|die|zn|mijn|ze mij) {_ME} af\b"),
    (
        DANGER,
        r"\b(?:ligt|lag) (?:\w+ ){0,2}op de (?:grond|vloer) (?:\w+ ){0,2}(?:doet|zegt|reageert) "
        r"(?:niks|niets) meer\b",
    ),
    (
        DANGER,
        r"\b(?:laten|lieten|liet) (?:mij|me) (?:\w+ )?niet (?:uitstappen|gaan|weg|los|eruit)\b",
    ),
    (
        VIOLENCE,
        r"\b(?:bij|aan) (?:mijn|de) (?:keel|nek|haren) (?:\w+ )?(?:gepakt|gegrepen|vastgepakt|"
        r"getrokken|vastgehouden)\b",
    ),
    (
        VIOLENCE,
        r"\b(?:gooit|gooide|smeet|smijt|gooien|gooiden) (?!(?:\w+ ){0,3}bal\b)(?:\w+ ){0,3}"
        r"(?:naar|tegen) (?:mijn) "
        r"(?:hoofd|gezicht|kop)\b",
    ),
    (HOME, rf"\b{_PARENT} er (?:\w+ )?nooit (?:is|zijn)\b"),
    # sixteenth pass (read from the twenty-first set's misses): "waarom leef ik eigenlijk nog"
    (SELF_HARM, r"\bwaarom (?:leef|besta) ik (?:\w+ )?(?:nog|eigenlijk|uberhaupt)\b"),
]
# "ik wil niet meer" on its own, or with anything else after it, is a crisis; only these
# words after it make it about this chat ("ik wil niet meer meedoen", "... dat je het stuurt").
_ABOUT_THE_CHAT = {
    "meedoen", "chatten", "kiezen", "typen", "sturen", "doorsturen", "delen", "dat",
    "wachten", "praten", "antwoorden", "spelen", "eten", "drinken", "gamen", "slapen",
}  # fmt: skip
# ... and these words after it make it clear; any other word gives the check
# ("ik wil niet meer naar school" may be harmless, "ik wil niet meer verder" is not).
_NOT_ANYMORE_CLEAR = {None, "leven", "verder", "bestaan", "zijn", "hier", "ademen", "wakker"}
_NOT_ANYMORE = re.compile(r"\bwil niet meer\b(?: (\w+))?")
# Jumping from a height or in front of traffic.
_JUMP = re.compile(r"\b(?:spring|springen|springt|sprong|sprongen)\b")
_HEIGHT_OR_TRAFFIC = re.compile(
    r"\b(?:dak|brug|flat|raam|balkon|toren|klif|trein|metro|spoor|snelweg|auto|bus|tram)\b"
)
_IN_FRONT_OF_A_TRAIN = re.compile(
    r"\b(?:voor|onder) (?:de|een) (?:trein|metro|tram)\b|"
    # sixth pass: walking or jumping in front of a car or a bus (a verb with it: the wish)
    r"\b(?:voor|onder) (?:de|een) (?:auto|bus|vrachtwagen|vrachtauto|truck) (?:te )?"
    r"(?:lopen|springen|gaan liggen|gooien|stappen|rennen)\b|"
    r"\b(?:loop|spring|stap|ren) (?:ik |je )?(?:\w+ )?voor (?:de|een) (?:auto|bus|vrachtwagen|"
    r"vrachtauto|truck)\b"
)

# Words of danger that may be harmless on their own: the check, unless context or
# negation takes them back. (kind, pattern)
_UNSURE: list[tuple[str, str]] = [
    # tenth pass (read from the fifteenth set): an injury explained away ("in het
    # ziekenhuis zeiden we dat ik van de fiets viel"), no dentist or doctor allowed, being
    # forgotten at home, tired of everything
    (
        HOME,
        r"\b(?:zeggen|zeiden|zei|zeg|moest zeggen|moet zeggen|moest ik zeggen|moet ik zeggen) "
        r"(?:\w+ ){0,3}dat ik (?:\w+ ){0,4}(?:gevallen|viel|gestoten|gebotst)\b",
    ),
    (
        HOME,
        r"\bmag (?:\w+ ){0,3}(?:nooit|niet|nooit meer) naar (?:de )?(?:tandarts|dokter|huisarts|"
        r"ziekenhuis|doktor)\b",
    ),
    (HOME, r"\b(?:we|wij|ik) (?:worden|word) (?:\w+ ){0,2}vergeten\b"),
    (SELF_HARM, r"\bmoe van alles\b"),
    (
        SELF_HARM,
        r"\b(?:dood|doodgaan|sterven|overlijden|zelf ?moord|ophangen|(?<!die )(?<!haar )"
        r"(?<!zijn )(?<!hun )pillen|snijden|spring ik|ik spring|"
        r"snij|snijd|kras|krassen|verdwijnen|springen|ik kan niet meer|haat mijn leven|"
        r"haat mezelf|leeg van binnen|wil weg|geen zin meer|voor altijd weg|niemand mist|"
        r"niemand zou me missen|niemand gaat me missen|nooit meer wakker|voor zin|"
        r"slapen en nooit)\b",
    ),
    (
        VIOLENCE,
        r"\b(?:slaat|slaan|sloeg|sloegen|schopt|schoppen|schopte|stompt|trapt|wurgt|"
        r"geslagen|geschopt|mishandel\w*|stikken|mes|messen|pistool|wapen|bedreigd|bedreigt|"
        r"dreigt|pijn|bloed|blauwe plekken|knijpt|kneep|geknepen|knijpen)\b",
    ),
    (VIOLENCE, r"\bvermoord\w*\b(?! (?:haar|hem|je|jou|jullie|iedereen|ze|die|dat))"),
    (HOME, r"\b(?:drinkt|drinken|dronken|drugs|blowt|blowen|schreeuwt|schreeuwen)\b"),
    (SEXUAL, r"\b(?:seks|sex|aanraken|aangeraakt|aanraakt|aanraakte|betast)\b"),
    (
        ONLINE,
        r"\b(?:foto|fotos|pics|filmpje)\b(?: \w+){0,4} (?:sturen|stuurde|stuur|stuurt|opsturen|"
        r"vraagt|wil hebben)\b|\bwil dat ik (?:\w+ ){0,3}(?:foto|fotos|pics|filmpje|naakt)\b",
    ),
    (
        HOMELESS,
        r"\b(?:weglopen|weg lopen|loop weg|loop ik weg|ren ik weg|wegrennen|buiten slapen|"
        r"slaap buiten|niet naar huis|nergens heen|geen plek)\b",
    ),
    # a sick child nobody takes to the doctor: neglect, or a parent who cannot
    (
        HOME,
        r"\bniemand (?:\w+ ){0,2}(?:brengt|neemt|gaat|belt) (?:\w+ ){0,3}(?:naar |met )?"
        r"(?:de |een )?(?:dokter|huisarts|ziekenhuis|tandarts)\b",
    ),
    (HONOUR, r"\b(?:trouwen|eer|familie boos)\b"),
    (
        BULLYING,
        r"\b(?:gepest|pesten|pest|pesterij\w*|uitgescholden|buitengesloten|"
        r"achtervolgd|achtervolgt)\b",
    ),
    (
        DANGER,
        r"\b(?:bang|gevaar|onveilig|help|hulp|nood|sos|politie|112|voor de deur|"
        r"achter me aan|volgt me|gevolgd|komt eraan|komt me halen|verstopt)\b",
    ),
    # second pass (2026-12-04): signs that may be harmless on their own
    (
        HOME,
        r"\b(?:moet|moeten) (?:\w+ ){0,2}(?:zelf |alleen )?voor (?:mijn |mn )?(?:zusje|broertje|"
        r"zusjes|broertjes|zus|broer) zorgen\b",
    ),
    (HOME, r"\b(?:die|haar|zijn|hun) (?:pillen|drugs|spul|flessen)\b"),
    (
        ONLINE,
        r"\b(?:hebben|heeft) (?:\w+ )?(?:mijn|mn) (?:fotos|foto|filmpje|pics) (?:\w+ ){0,3}"
        r"(?:gezet|gedeeld|gepost)\b",
    ),
    (SEXUAL, r"\b(?:mannen|oudere man|klanten)\b(?: \w+){0,6} (?:geld|doekoe|poen|cash)\b"),
    (DANGER, r"\b(?:valt|viel) (?:\w+ )?flauw\b|\bmag (?:\w+ )?niet (?:meer )?weg\b"),
    (VIOLENCE, r"\b(?:houdt|hield|houden) (?:mij|me) (?:\w+ )?(?:vast|tegen|gevangen)\b"),
    (HOME, r"\b(?:geen schone kleren|niemand wast|geen verwarming|ijskoud in huis|geen stroom)\b"),
    (HOME, r"\bmag (?:\w+ )?niet (?:meer )?(?:naar buiten|de deur uit)\b"),
    (HOME, r"\bergens anders (?:slapen|slaap)\b|\bslaap (?:\w+ ){0,3}ergens anders\b"),
    (
        HOMELESS,
        r"\b(?:tas|koffer|spullen) (?:\w+ ){0,2}(?:ingepakt|gepakt|inpakken|pak)\b|"
        r"\bpak (?:\w+ ){0,2}(?:mijn |mn )?(?:spullen|tas|koffer)\b",
    ),
    (HOMELESS, r"\b(?:ga|ben) (?:\w+ ){0,2}weg en niemand\b|\b(?:en dan|dan) ben ik weg\b"),
    (SEXUAL, r"\bop (?:zijn|haar|zn) schoot\b"),
    (SELF_HARM, r"\blange mouwen\b|\bniemand (?:\w+ ){0,2}mijn armen\b"),
    (
        DANGER,
        r"\b(?:mag|mocht) (?:het )?(?:aan|tegen) niemand (?:\w+ )?(?:vertellen|zeggen)\b|"
        r"\b(?:aan|tegen) niemand (?:\w+ )?(?:mag|mocht) (?:vertellen|zeggen)\b|"
        r"\bniet tegen (?:mijn |mn )?ouders (?:\w+ )?(?:zeggen|vertellen)\b|"
        r"\benge (?:man|mannen)\b",
    ),
    (SELF_HARM, r"\bwil (?:\w+ ){0,2}(?:weg zijn|weg wezen)\b"),
    # third pass (2026-12-04, issue 24c): signs that may be harmless on their own
    (
        SELF_HARM,
        r"\b(?:zinloos|ik ben waardeloos|ik ben niks waard|ik ben niets waard|"
        r"kan het niet meer aan|trek het niet meer|hou het niet meer vol|mesje|mesjes|"
        r"littekens)\b",
    ),
    (DANGER, r"\bbloed (?:\w+ ){0,2}(?:stopt niet|houdt niet op|blijft komen)\b"),
    (
        ONLINE,
        r"\b(?:wil|vraagt|zegt|wilde|vroeg) (?:\w+ ){0,4}(?:naar|op|via) (?:snapchat|telegram|"
        r"kik|signal|wickr|prive|een andere app|andere app)\b",
    ),
    (
        ONLINE,
        r"\b(?:man|jongen|iemand|vriend|vriendin|meisje) (?:\w+ )?die ik (?:\w+ ){0,3}(?:op|via|"
        r"van) (?:insta|instagram|snap|snapchat|tiktok|internet|discord|roblox|online)\b|"
        r"\b(?:afspreken|afgesproken|ontmoeten) (?:\w+ ){0,6}(?:online|van insta|van snap|"
        r"van tiktok|van internet|van discord)\b",
    ),
    (SEXUAL, r"\bgeheim(?:pje|je)\b|\bons geheim\b|\bniemand mag het weten\b"),
    (
        SEXUAL,
        r"\b(?:vraagt|vroeg|vragen|wil weten) (?:\w+ ){0,5}(?:in bed|mijn lichaam|mn lichaam|"
        r"wat ik aanheb|wat ik aan heb|hoe ik eruit zie)\b",
    ),
    (SEXUAL, r"\b(?:s nachts|snachts|nachts) (?:\w+ ){0,3}(?:op|in) (?:mijn|mn) (?:kamer|bed)\b"),
    (
        HOME,
        r"\b(?:niks|niets) (?:\w+ )?gegeten\b(?: \w+){0,4} (?:gister|gisteren|eergisteren)\b|"
        r"\b(?:gister|gisteren) (?:\w+ ){0,3}(?:niks|niets) gegeten\b",
    ),
    (
        HOME,
        r"\bkoelkast (?:\w+ ){0,2}leeg\b|\bgeen (?:geld )?(?:voor )?eten (?:\w+ ){0,2}"
        r"(?:gekocht|in huis)\b|\b(?:nooit|bijna nooit) iemand thuis\b|"
        r"\bmoet (?:\w+ ){0,2}zelf (?:eten|koken|boodschappen)\b|"
        r"\ber is (?:\w+ )?geen eten\b|\bis er (?:\w+ )?geen eten\b",
    ),
    (
        HOME,
        r"\b(?:spuiten|naalden|zilverpapier|lijntjes)\b(?: \w+){0,4} (?:in de badkamer|in de "
        r"kast|gevonden|onder het bed)\b|\b(?:vond|gevonden) (?:\w+ ){0,3}(?:spuiten|naalden|"
        r"zilverpapier)\b",
    ),
    (
        DANGER,
        r"\bzodat (?:de buren|niemand|school|de juf|de meester|de buurt) (?:\w+ ){0,2}(?:het )?"
        r"(?:niet )?(?:ziet|zien|weet|weten|merkt|merken|ruikt|hoort|horen)\b|"
        r"\b(?:buren|school|juf|meester) (?:\w+ ){0,3}(?:mogen|mag) (?:het )?(?:niet|nooit) "
        r"(?:zien|weten|merken)\b",
    ),
    (
        HOMELESS,
        r"\b(?:slaapplek|slaapplaats|onderdak|noodopvang|crisisopvang)\b|"
        r"\bwaar niemand (?:mij|me) (?:\w+ )?(?:kent|vindt|kan vinden|zoekt)\b",
    ),
    (
        HOMELESS,
        r"\bals\b(?: \w+){1,8} (?:ben|ga|loop|ren) ik (?:\w+ )?weg\b|"
        r"\b(?:gevlucht|vluchten|wegrennen)\b",
    ),
    (
        DANGER,
        r"\b(?:als|dat) het (?:nog (?:\w+ )?(?:keer|x) |weer |nog een keer )gebeurt\b|"
        r"\bzegt (?:\w+ ){0,2}dat ik het verdien\w*\b",
    ),
    (
        VIOLENCE,
        r"\b(?:is het|ben je|is t) (?:\w+ )?(?:klaar|gedaan|over|afgelopen) met (?:jou|je|mij|"
        r"me)\b|\b(?:dan ben je|je bent) dood\b",
    ),
    (
        HONOUR,
        r"\bnikah\b|\b(?:erachter komt|erachter komen|mogen niet weten|mag niet weten)\b"
        r"(?: \w+){0,5} (?:vriend|vriendje|vriendin|homo|gay|lesbisch|trans|relatie)\b|"
        r"\b(?:vriend|vriendje|vriendin|homo|lesbisch|relatie)\b(?: \w+){0,5} (?:erachter komt|"
        r"erachter komen|mag niet weten|mogen niet weten)\b",
    ),
    (
        DANGER,
        r"\b(?:bonkt|bonst|beukt|ramt|schopt|trapt|bonken|beuken) (?:\w+ ){0,2}(?:op|tegen|"
        r"aan) (?:de|mijn|onze|mn) (?:deur|voordeur|raam|ramen)\b",
    ),
    # fifth pass (2026-12-05): pain that nobody has looked at for long is neglect, not sport
    (
        HOME,
        r"\b(?:al )?(?:maanden|weken|jaren) (?:\w+ ){0,2}pijn\b|\bpijn (?:\w+ ){0,2}(?:al )?"
        r"(?:maanden|weken)\b|\b(?:niemand|ouders|moeder|vader|mama|papa|ze|hij) (?:\w+ ){0,3}"
        r"(?:maakt|maken|regelt|regelen|belt|bellen) (?:\w+ ){0,2}(?:geen |nooit een )?afspraak\b|"
        r"\b(?:maakt|maken|regelt|regelen) (?:\w+ ){0,2}(?:geen|nooit een) afspraak\b",
    ),
    # a secret kept for someone, an address asked for online
    (DANGER, r"\bniemand (?:\w+ )?(?:mag|mocht) (?:\w+ )?(?:vertellen|zeggen)\b"),
    (
        ONLINE,
        r"\b(?:vraagt|vroeg|vragen|wil|wilde) (?:\w+ ){0,3}(?:mijn|mn|m) (?:adres|huisadres)\b",
    ),
    # read from the tenth set's misses (2026-12-05): an urgent call for someone, photos
    # shared, a parent passed out among the bottles, caring for everything, a free bed,
    # being chased, "what he did to me"
    (DANGER, r"\bbel (?:\w+ ){0,2}(?:iemand|de politie|112)\b|\bbel (?:\w+ )?(?:nu|snel)\b"),
    (
        ONLINE,
        r"\b(?:deelt|delen|deelde|post|zet|verspreidt|verspreid|stuurt) (?:\w+ ){0,2}(?:mijn|mn|m) "
        r"(?:fotos|foto|filmpje|filmpjes|pics|nudes|naaktfotos)\b",
    ),
    (
        HOME,
        r"\b(?:tussen|naast) (?:de|die|alle|lege) (?:lege )?(?:flessen|blikken)\b|"
        r"\b(?:ligt|lag|liggen) (?:\w+ ){0,3}(?:knock ?out|buiten westen|laveloos)\b|"
        r"\b(?:stomdronken|ladderzat|bezopen|straalbezopen)\b",
    ),
    (
        HOME,
        r"\bmoet (?:\w+ ){0,2}(?:zelf |alleen )?voor (?:alles|de baby|de kleintjes|iedereen) "
        r"(?:\w+ ){0,2}zorgen\b|\bzorg (?:\w+ ){0,2}(?:alleen |zelf )?voor (?:de baby|de kleintjes"
        r"|alles)\b",
    ),
    (
        HOMELESS,
        r"\bwaar kan (?:je|ik|iemand) (?:\w+ ){0,2}(?:slapen|overnachten|blijven)\b|"
        r"\bgratis slapen\b|\bplek om te slapen\b",
    ),
    (DANGER, r"\b(?:achtervolgen|achtervolgde|achtervolgden)\b"),
    (
        DANGER,
        r"\bwat (?:\w+ ){0,2}(?:met|bij) (?:me|mij) (?:deed|doet|gedaan heeft|heeft gedaan|"
        r"deden)\b",
    ),
    # fourth pass (2026-12-04, issue 24): indirect signs, the check first
    (SELF_HARM, r"\bben ik er (?:\w+ ){0,2}niet meer\b|\bik ben er (?:\w+ ){0,3}toch niet meer\b"),
    (SELF_HARM, r"\b(?:wil|ga|kom) (?:\w+ ){0,4}(?:naar de hemel|in de hemel)\b"),
    (SELF_HARM, r"\bwordt (?:\w+ )?nooit (?:meer )?beter\b|\bmoe van (?:het )?leven\b"),
    (
        SELF_HARM,
        r"\bexpres (?:\w+ )?(?:niks|niets|niet|geen eten)\b(?: \w+){0,2} ?(?:eten|eet|gegeten)?|"
        r"\b(?:eet|eten) (?:\w+ ){0,4}expres (?:niks|niets|niet)\b",
    ),
    (VIOLENCE, r"\b(?:wordt|werd|word|worden) (?:\w+ ){0,2}agressief\b"),
    (HOME, r"\blege (?:flessen|blikken|drankflessen)\b"),
    (HOME, r"\bslaap (?:\w+ ){0,2}op de (?:grond|vloer)\b|\bgeen (?:eigen )?bed\b"),
    (DANGER, r"\b(?:man|vreemde|iemand) (?:\w+ ){0,2}in (?:mijn) (?:kamer|slaapkamer)\b"),
    (
        ONLINE,
        r"\b(?:man|jongen|iemand|vent) (?:\w+ ){0,3}(?:van )?(?:[2-6]\d)\b(?: \w+){0,6} "
        r"(?:afspreken|afspraak|ontmoeten|bij hem)\b",
    ),
    # sixth pass (2026-12-06), read from the danger that the third to tenth sets still
    # missed or found only in the classifier's lowest band; each tested in other words
    # a child who puts a parent to bed, an empty fridge, stealing food, "we have nothing"
    (
        HOME,
        r"\b(?:moet|moest|moeten) (?:\w+ ){0,2}(?:haar|hem|mama|papa|ma|pa|mijn moeder|mijn vader) "
        r"(?:\w+ ){0,2}(?:in|naar) (?:bed|de bank) (?:leggen|brengen|helpen|slepen|sjouwen)\b|"
        r"\bik (?:haar|hem|mama|papa|ma|pa|mijn moeder|mijn vader) (?:\w+ ){0,2}(?:in|naar) "
        r"(?:bed|de bank) (?:moet|moest|moeten) (?:leggen|brengen|helpen|slepen|sjouwen)\b",
    ),
    (
        HOME,
        r"\b(?:koelkast|ijskast|fridge) (?:is |was |staat )?(?:weer |altijd |al |steeds )?leeg\b",
    ),
    (
        HOME,
        r"\b(?:omdat|want) (?:we|wij|ik) (?:thuis )?(?:niks|niets|geen eten|geen geld) "
        r"(?:hebben|heb|hadden|had)\b|"
        r"\b(?:want|omdat) (?:we|wij) (?:hebben|hadden) (?:thuis )?(?:niks|niets|geen eten|"
        r"geen geld)\b|"
        r"\b(?:jat|jatten|jatte|steel|stelen|stal|gejat|gestolen) (?:\w+ ){0,3}"
        r"(?:eten|brood|boodschappen)\b|"
        r"\b(?:eten|brood|boodschappen) (?:\w+ ){0,2}(?:gejat|gestolen|jatten|stelen)\b",
    ),
    (
        HOME,
        r"\b(?:ik woon|woon ik) (?:nu |sinds kort |al )?(?:gewoon |gwn )?(?:helemaal )?alleen\b",
    ),
    # living in a tent, sleeping in a car or a shed; leaving a care home; nobody wants me
    (
        HOMELESS,
        r"\b(?:woon|wonen|woont) (?:\w+ ){0,2}in (?:een |de |mn |mijn )?(?:tent|tentje|auto|"
        r"schuur|garage|fietsenkelder|portiek|trappenhuis)\b|"
        r"\b(?:slaap|slapen|sliep) (?:\w+ ){0,2}in (?:een |de |mn |mijn )?(?:auto|schuur|garage|"
        r"fietsenkelder|fietsenstalling|portiek|trappenhuis|bushokje)\b",
    ),
    (
        HOMELESS,
        r"\b(?:weggelopen|ervandoor|weggegaan|weg gegaan|gevlucht|weggerend) (?:\w+ ){0,2}"
        r"(?:uit|van) (?:de |het |mijn |mn )?(?:instelling|groep|opvang|pleeggezin|internaat|"
        r"leefgroep|gezinshuis|azc)\b|\bik wil hier weg\b",
    ),
    (HOMELESS, r"\bwil(?:len)? (?:me|mij) ook (?:niet|nie)\b"),
    # married as a child
    (
        HONOUR,
        r"\b(?:getrouwd|trouwen|trouw|uitgehuwelijkt|uithuwelijken) (?:\w+ ){0,8}"
        r"(?:toen ik|ik ben|ben pas|ben ik) (?:1[0-7]|twaalf|dertien|veertien|vijftien|zestien|"
        r"zeventien)\b",
    ),
    # why bother, it is over soon anyway, giving one's things away, cutting again
    (
        SELF_HARM,
        r"\bwaarom (?:\w+ ){0,2}(?:nog|eigenlijk|uberhaupt|ueberhaupt) (?:\w+ )?"
        r"(?:moeite doe|moeite doen|mijn best doe|doorga|door ga)\b|\bwhy (?:even )?bother\b",
    ),
    (
        SELF_HARM,
        r"\b(?:is het|ben ik) (?:\w+ ){0,3}toch (?:voorbij|weg)\b|"
        r"\b(?:morgen|straks|binnenkort|vannacht) is het (?:\w+ )?voorbij\b",
    ),
    (
        SELF_HARM,
        r"\b(?:mag|mogen|krijgt|krijgen) (?:\w+ ){0,2}al (?:mijn|mn|me) \w+ (?:hebben|krijgen)\b",
    ),
    (SELF_HARM, r"\b(?:cut|cutting|cutted) (?:again|myself|me)\b|\bi cut\b"),
    # a child fallen from a height: danger now
    (DANGER, r"\bvan (?:het|de|een) (?:balkon|dak|flat|raam) (?:af )?gevallen\b"),
    # seventh pass (2026-12-06), read from the eleventh and twelfth sets' misses after
    # they were measured; each tested in other words. Typing quietly, someone from an app
    # at the door, an "accident" with scissors, wrists that look bad, honour, a fake
    # account trusted, going abroad without money, "not like at home", nothing at home
    (DANGER, r"\b(?:moet|moest) (?:\w+ )?(?:zachtjes|zacht|stil|heel stil|stiekem) typen\b"),
    (
        ONLINE,
        r"\b(?:van|op|via) (?:de |het )?(?:snapchat|snap|insta|instagram|tiktok|discord|"
        r"internet|online|chat|app) (?:\w+ ){0,3}(?:staat|wacht|is|stond|wachtte) (?:nu |hier |"
        r"buiten |weer )?(?:bij|voor|aan|op) (?:mijn|ons|de|het) (?:school|huis|deur|werk|"
        r"straat)\b",
    ),
    (
        SELF_HARM,
        r"\bongelukje (?:\w+ ){0,3}met (?:de|een|het|mijn) (?:schaar|mes|mesje|scheermes|"
        r"scheermesje)\b",
    ),
    (SELF_HARM, r"\b(?:pols|polsen) (?:\w+ ){0,2}(?:ziet|zien) er (?:\w+ )?niet uit\b"),
    (HONOUR, r"\b(?:namus|namoes|sharaf|izzat)\b"),
    (
        ONLINE,
        r"\bfake (?:account|profiel|accounts)\b(?: \w+){0,6} (?:vertrouwd|vertrouwde|spijt|"
        r"gestuurd|stuurde|foto|pics|afgesproken)\b",
    ),
    (
        HOMELESS,
        r"\bhoe (?:kom|ga|reis) (?:je|ik) (?:\w+ ){0,2}zonder geld\b|"
        r"\bzonder geld (?:naar|in) (?:belgie|duitsland|frankrijk|engeland|spanje|turkije|"
        r"marokko|polen|amsterdam|rotterdam|den haag|utrecht|het buitenland)\b",
    ),
    (
        HOME,
        r"\bniet zoals (?:thuis|bij (?:mijn|ons) (?:thuis|vader|moeder|ouders|papa|mama|"
        r"stiefvader|stiefmoeder))\b",
    ),
    (
        HOME,
        r"\b(?:er )?thuis (?:weer |vaak |nooit |soms )?(?:niks|niets|geen eten|geen brood)"
        r"(?! te doen| aan de hand| bijzonders| aan| mis| meer aan)(?: is| te eten)?\b",
    ),
    # eighth pass (2026-12-06), read from the thirteenth set's misses after the fourteenth
    # was written; each tested in other words. A hole a fist made, foil and needles at
    # home, a parent passed out early, washing clothes in the sink, sleeping anywhere, a
    # coat for a blanket, leaving with clothes and no ticket
    (
        HOME,
        r"\b(?:gat|deuk|barst|scheur) (?:\w+ ){0,4}(?:van|door) (?:zijn|haar|zn|z n|d r|der|"
        r"mijn vaders|papas|mamas) "
        r"(?:vuist|hoofd|voet|schop|trap)\b|"
        r"\b(?:vuist|vuisten) (?:\w+ ){0,2}door (?:de|het|een) (?:deur|muur|raam|kast)\b",
    ),
    (
        HOME,
        r"\b(?:zwarte |verbrande )?(?:stukjes |stukken |velletjes )?(?:zilver)?folie (?:\w+ ){0,3}"
        r"(?:op (?:tafel|de tafel|de bank|de grond|zijn kamer|haar kamer)|overal|in de kamer)\b|"
        r"\b(?:zwarte|verbrande) (?:stukjes |stukken )?folie\b|"
        r"\b(?:liggen|ligt|lagen|lag|vind|vond|vinden) (?:\w+ ){0,4}(?:stukjes |velletjes )"
        r"(?:zilver)?folie\b|"
        r"\b(?:naalden|naaldjes|spuiten|spuitjes) (?:\w+ ){0,3}(?:in|op|bij) (?:onze|de|ons|mijn|"
        r"het) (?:tuin|huis|kamer|badkamer|wc|bank|tafel|keuken|trap)\b",
    ),
    (
        HOME,
        r"\bom (?:\d+|twaalf|elf|tien|negen|acht|een|twee|drie) uur (?:\w+ ){0,2}(?:al )?"
        r"(?:plat|lam|laveloos|knock ?out|van de wereld)\b|"
        r"\bligt (?:hij|ze|zij|pa|ma|papa|mama) (?:\w+ ){0,2}(?:al )?(?:plat|lam|laveloos|"
        r"knock ?out|van de wereld)\b",
    ),
    (
        HOME,
        r"\b(?:was|wassen) (?:\w+ ){0,2}(?:kleren|kleding|sokken|onderbroeken) (?:\w+ ){0,2}"
        r"(?:in de|in het|met de) (?:wasbak|gootsteen|douche|bad|emmer)\b|"
        r"\bwasmachine (?:is |staat )?(?:al )?(?:maanden|weken|jaren) (?:\w+ )?kapot\b",
    ),
    (
        HOMELESS,
        # never "ik slaap nergens zo lekker als bij oma" (fifteenth pass)
        r"\bik slaap (?:nu |al )?(?:overal|nergens|overal en nergens)\b(?! (?:zo|beter|liever|"
        r"lekker\w*|fijner|rustiger)\b)|"
        r"\bslaap (?:\w+ ){0,3}in de (?:trein|nachtbus|metro|tram)\b|"
        r"\b(?:mijn|mn|me) jas is (?:\w+ )?(?:mijn|mn|me) (?:deken|bed|dekbed)\b",
    ),
    (
        HOMELESS,
        r"\b(?:trein|bus|metro) (?:\w+ ){0,5}zonder (?:kaartje|ticket|ov|ovkaart|geld)\b|"
        r"\b(?:kleren|spullen|tas|rugzak|pasje)\b(?: \w+){0,6} (?:ben ik|ga ik) (?:weg|pleite|"
        r"foetsie|vertrokken)\b",
    ),
    # home that is "not good" ("als het thuis niet goed gaat mag ik bij haar slapen"): a
    # quiet sign inside an answer, found by trying the form as a youth would (stop 36)
    (
        HOME,
        r"(?<!voel me )(?<!voel ik me )\bthuis (?:\w+ ){0,2}niet (?:goed|fijn|veilig|oke|ok|"
        r"gezellig)\b|"
        r"\bniet (?:goed|fijn|veilig) (?:\w+ )?thuis\b|"
        r"\bthuis (?:\w+ ){0,2}(?:weer )?(?:mis ?gaat|fout gaat|"
        r"uit de hand loopt)\b",
    ),
    # ninth pass (read from the fourteenth set): hunger that is "normal" at home, no coat or
    # no bed, a parent who "is weer zo", a bag that is home now, the police looking for you,
    # the highest flat asked about, not knowing whether one holds on
    (
        HOME,
        r"\bhonger\b(?: \w+){0,6} (?:normaal|gewend|altijd zo|elke dag zo)\b|"
        r"\b(?:ik heb|we hebben|wij hebben|heb ik) (?:nog |al |steeds |nog steeds )?geen "
        r"(?:winterjas|jas|jassen|schoenen|bed|matras|dekbed|verwarming|warm water|stroom)\b"
        r"(?! (?:nodig|meer nodig|aan|mee|bij me|gekocht|uitgezocht|lol|haha|xd|vergeten|"
        r"meegenomen)\b)",
    ),
    (
        HOME,
        rf"\b{_PARENT} is (?:vandaag |nu |alweer |weer )+(?:zo|zo raar|zo vreemd|zo ver)"
        r"(?: vandaag| vanavond| nu)?$",
    ),
    (
        HOMELESS,
        r"\b(?:tas|sporttas|rugzak|auto|bankje|bank|trap|portiek|station|park|fietsenstalling|"
        r"bushokje) is (?:nu |nu dus |eigenlijk |gewoon )?(?:mijn|mn|me) (?:huis|thuis|bed|"
        r"slaapplek|slaapkamer)\b|"
        r"\b(?:als|wanneer|of) de politie (?:je|jou|me|mij|ons) (?:\w+ )?(?:zoekt|zoeken|"
        r"vindt|vinden|ophaalt)\b",
    ),
    (
        SELF_HARM,
        r"\b(?:hoogste|hoge) (?:flat|flats|gebouw|gebouwen|brug|parkeergarage|dak|daken)\b|"
        r"\bweet (?:niet|nie|nt) of ik (?:\w+ ){0,2}nog (?:volhoud|trek|red|haal|wacht|leef|"
        r"ben|kan)\b",
    ),
    # fifteenth pass (read from the twentieth set's misses), a negation before them takes
    # them back ("hij geeft me nooit een tik"): a slap ("dat ik een tik krijg", said as what
    # does not happen with the chosen person), a teacher who feeds the youth, a minor
    # travelling far alone, living with a friend's adult cousin
    (
        VIOLENCE,
        r"\b(?:een |n )?(?:tik|tikken|mep|meppen|pets|petsen) (?:\w+ )?(?:krijg|krijgen|kreeg|"
        r"kregen|gekregen|geeft|gaf|geven)\b|"
        r"\b(?:krijg|kreeg|krijgen|kregen|gekregen) (?:\w+ ){0,2}(?:een |n )?(?:tik|tikken|mep|"
        r"meppen|pets)\b(?! (?:op (?:mijn|mn|me|m) vingers|van (?:de|het|een) (?:bal|deur|raam)))|"
        r"\bhoef (?:ik )?(?:niet|nooit) bang te (?:zijn|wezen) (?:voor|dat)\b(?: \w+){0,4} (?:tik|"
        r"tikken|mep|meppen|klap|klappen|slaag|geslagen|slaan|schoppen|geschreeuw)\b",
    ),
    (
        HOME,
        r"\b(?:juf|meester|mentor|mentrix|leraar|lerares|docent|docente|school|concierge)\b "
        r"(?:\w+ ){0,2}(?:geeft|gaf|neemt|nam|maakt|smeert) (?:me|mij) (?:\w+ ){0,2}(?:een )?"
        r"(?:broodje|broodjes|boterham|boterhammen|ontbijt|eten|lunch)\b",
    ),
    (
        HOMELESS,
        r"\bmet (?:1[0-7]|twaalf|dertien|veertien|vijftien|zestien|zeventien)\b(?: \w+){0,3} "
        r"(?:in (?:je|mijn|mn|me) eentje|alleen)\b(?: \w+){0,4} (?:bus|trein|flixbus|"
        r"vliegtuig|reizen|liften)\b|"
        r"\bbij (?:haar|zijn|zn|een|die|hun) (?:neef|broer|vriend|jongen|man|gast|kennis)\w* "
        r"(?:\w+ )?(?:kan|kon|mag|mocht|ga|gaan) (?:ik )?(?:wonen|slapen|verblijven|blijven)\b|"
        r"\b(?:kan|kon|mag|mocht) (?:ik )?(?:\w+ )?bij (?:haar|zijn|zn|een|die|hun) (?:neef|broer|"
        r"vriend|jongen|man|gast|kennis)\w* (?:gaan )?(?:wonen|slapen|verblijven)\b",
    ),
    # sixteenth pass (read from the twenty-first set's misses), a negation before them takes
    # them back: how many pills is too many, a parent's "harde handen", asking the bot for
    # food, away from the foster family or the group, a girl of the family left behind in
    # the parents' country
    (
        SELF_HARM,
        r"\bhoeveel (?:\w+ )?(?:paracetamol|paracetamollen|pillen|ibuprofen|slaappillen|tabletten|"
        r"oxazepam|diazepam|medicijnen|pijnstillers|oxy|xanax)\b(?: \w+){0,3} (?:te veel|teveel|"
        r"dodelijk|gevaarlijk|genoeg om)\b",
    ),
    (
        VIOLENCE,
        r"\b(?:harde|losse) (?:handen|handjes)\b(?! (?:van|door) (?:het |zijn |haar |de )?(?:werk|"
        r"werken|bouw|klussen|tuin|sporten|turnen))",
    ),
    (
        HOME,
        r"\b(?:heb|hebben) (?:jij|jullie|je) (?:(?:wat|iets|nog|misschien|ff|even) ){0,2}(?:te )?"
        r"eten\b",
    ),
    (
        HOMELESS,
        r"\b(?:ben|zijn) (?:nu |net |gewoon |gwn |al )?weg (?:bij|van|uit) (?:mijn |mn |me |m |de |"
        r"het |ons )?(?:pleeggezin|pleegouders|pleegmoeder|pleegvader|pleegmama|pleegpapa|"
        r"leefgroep|groep|instelling|gezinshuis|opvang|crisisopvang)\b",
    ),
    (
        HONOUR,
        r"\b(?:nicht|nichtje|zus|zusje|zussen|vriendin|ik)\b(?: \w+){0,4} (?:in|naar) (?:turkije|"
        r"marokko|somalie|pakistan|afghanistan|irak|syrie|eritrea|egypte|algerije|tunesie|"
        r"koerdistan|het thuisland|het land van (?:mijn|mn|me) ouders)\b(?: \w+){0,2} "
        r"(?:gebleven|achtergelaten|achtergebleven|moeten blijven|moest blijven)\b",
    ),
]

# Quiet signs of danger told without a word of danger (eleventh pass, 2026-12-06, read from
# the danger messages of the first to sixteenth sets that only the classifier's lowest band
# caught), so a higher CHECK_AT loses none of them. Each gives the check, never more. A
# "niet" is part of these phrases ("ik ga niet terug naar de leefgroep"), so negation does
# not take them back; a harmless context stops them, and they never lower what the
# classifier says. (kind, pattern)
_QUIET: list[tuple[str, str]] = [
    # not being there later, a goodbye for ever, "sorry voor alles", not needing anything
    # any more, not being well, a rope bought, plasters on one's arm
    (
        SELF_HARM,
        r"\b(?:als|of) ik er (?:\w+ ){0,2}nog (?:ben|zijn|ben dan)\b|"
        r"\b(?:doei|dag|bye|doeg|ciao|vaarwel|gedag) (?:\w+ ){0,2}voor altijd\b|"
        r"\bvoordat ik (?:\w+ ){0,2}wegga (?:\w+ ){0,2}voor altijd\b|\bsorry voor alles\b|"
        r"\b(?:(?:hoef|heb) ik|ik (?:hoef|heb)) (?:\w+ )?toch (?:niks|niets) meer\b"
        r"(?! (?:te|aan|voor|nodig)\b)|"
        r"\b(?:een )?(?:touw|strop) (?:\w+ ){0,2}(?:gekocht|gehaald|klaargelegd|klaar gelegd)\b"
        # never for a hammock or a swing (twentieth pass)
        r"(?! voor (?:\w+ )?(?:hangmat|schommel|boot|tent|hond|springtouw|klimrek|vlaggenmast|"
        r"waslijn|knutsel\w*))|"
        r"\bpleisters op (?:mijn|me|m) (?:arm|armen|pols|polsen|been|benen|bovenbeen|"
        r"bovenbenen|buik)\b|"
        r"\b(?:thinking|think|thought|thinkin) (?:about|of) (?:ending|end) (?:it|things|"
        r"everything)\b(?! with\b)",
    ),
    # trouble at home told plainly: home is war again, a parent's short fuse, bruises
    # still purple, beer counted or paid from the grocery money, a parent taken out of
    # her own vomit, saying a parent is ill when school calls, a sick child not taken to
    # the doctor, eating from a bin, the last meal days ago, no coat in the snow, no one
    # who looks after me
    (
        HOME,
        r"\bthuis is het (?:\w+ ){0,2}(?:mis|oorlog|een hel|hel|ellende|niet te doen)\b|"
        rf"\b{_PARENT} heeft (?:een )?(?:heel |erg |super |echt )?kort lontje\b|"
        r"\b(?:tel|telt|tellen|ruim|ruimt|opruimen) (?:\w+ ){0,3}(?:lege )?(?:blikjes|flessen|"
        r"blikken)\b|\bblikken bier\b|"
        r"\bbiertje\b(?: \w+){0,4} (?:worden er|wordt er|worden het|wordt het) (?:\w+ )?"
        r"(?:\d+|tien|twintig|veel|meer)\b|"
        r"\b(?:geld|boodschappengeld|huishoudgeld) (?:\w+ ){0,4}op aan (?:\w+ )?(?:bier|drank|"
        r"wiet|drugs|gokken|alcohol|blikken|sigaretten)\b|"
        r"\b(?:haar|d r|dr|zijn|z n|zn|hun) (?:eigen )?kots\b|"
        rf"\b(?:moet|moest) (?:\w+ ){{0,2}}zeggen dat {_PARENT} ziek (?:is|was)\b|"
        rf"\b{_PARENT} wil (?:\w+ )?(?:niet|nooit) (?:met \w+ )?naar (?:de )?(?:dokter|huisarts|"
        r"ziekenhuis)\b|"
        r"\b(?:eet|eten|at|aten) (?:\w+ ){0,2}uit (?:de|een) (?:container|vuilnisbak|prullenbak|"
        r"afvalbak|kliko)\b|"
        r"\b(?:gister|gisteren|eergisteren|dagen|vrijdag|zaterdag|zondag|maandag|dinsdag|"
        r"woensdag|donderdag) (?:\w+ ){0,3}voor het laatst (?:\w+ )?(?:gegeten|eten gehad)\b|"
        r"\bin (?:een |mijn )?(?:tshirt|t shirt|korte broek|slippers) (?:\w+ ){0,2}(?:door|in) "
        r"de (?:sneeuw|kou|vrieskou)\b|"
        r"^heb (?:nog |al )?geen (?:winterjas|jas) en het vriest\b|"
        r"\banders (?:heb ik|hebben we|eet ik|eten we) (?:niks|niets|geen eten)\b"
        r"(?! (?:te|aan|om)\b)|"
        r"\bwie zorgt (?:er )?(?:\w+ )?voor (?:mij|me)\b",
    ),
    # on the way to nowhere, a bag that is all one has, how far money takes you, staying
    # there for good, the location turned off
    (
        HOMELESS,
        r"\bnaar nergens\b|"
        r"\b(?:tas|rugzak|koffer|sporttas) is alles wat ik (?:nog )?heb\b|"
        r"\bhoe ver kom (?:je|ik) met\b|"
        r"\bblijf (?:ik )?daar (?:gewoon|voor altijd|voorgoed)\b(?! (?:tot|een|\d|het weekend|"
        r"vannacht|slapen)\b)|"
        r"\b(?:locatie|gps|find my|snapmap|snap map) (?:\w+ ){0,2}uit(?:gezet|zetten|gedaan)\b|"
        # a ticket one way (stop 40: the one `crisis` example the cross-validation missed)
        r"\b(?:enkele reis|enkeltje|one ?way(?: ticket)?)\b",
    ),
    # a video passed round, an age he hides, feeling dirty since he came
    (
        ONLINE,
        r"\b(?:sexy|naakt|naaktfoto|bloot|blote|nude|pikante)\b(?: \w+){0,8} (?:rond|viral|"
        r"verspreid|gedeeld)\b|"
        r"\b(?:mag (?:niet|nooit)|(?:niet|nooit) mag) weten hoe oud (?:hij|ze|zij) (?:echt )?is\b",
    ),
    (
        SEXUAL,
        r"\bvoel (?:me|mij) (?:zo |heel |echt )?vies\b(?! (?:van|na|door) (?:het |de |mijn )?"
        r"(?:sport|sporten|training|zweet|voetbal|gym|modder|regen|eten)\b)",
    ),
    # paying for a parent's bad day, parents away and a young child left at home, no food
    # since a day, clean for weeks (and not now), a nosebleed from him, being forgotten
    (
        HOME,
        r"\bslechte dag (?:\w+ ){0,4}ben ik (?:\w+ )?(?:de pineut|de klos|het haasje|de sjaak)\b|"
        r"\b(?:ouders|papa en mama|mama en papa|pa en ma) (?:zijn|zitten|gaan|gingen) (?:\w+ ){0,4}"
        r"(?:op vakantie|weg)\b(?: \w+){0,3} (?:ik moest|moest ik|ik moet|ik ben|ben ik) (?:\w+ )?"
        r"(?:thuisblijven|thuis blijven|alleen thuis|alleen)\b|"
        r"\bsinds (?:\w+ ){0,2}(?:niks|niets) (?:meer )?gegeten\b|"
        r"\bvergeten (?:ze|zij|mijn ouders) (?:\w+ )?dat ik (?:er )?(?:ben|besta)\b",
    ),
    (
        SELF_HARM,
        r"\b(?:was|ben|bleef) (?:\w+ ){0,2}(?:dagen|weken|maanden) schoon\b|"
        r"\biedereen bedankt voor alles\b",
    ),
    (
        VIOLENCE,
        r"\b(?:bloedneus|blauw oog|dikke lip|gebroken neus) (?:\w+ )?door (?:hem|haar|mijn|"
        r"papa|mama|vader|moeder|stiefvader)\b",
    ),
    (DANGER, r"\b(?:scared|afraid) (?:\w+ ){0,2}(?:coming|comes|will come) (?:for|after) me\b"),
    # running from the group home, not wanting to stay here, a boyfriend far older
    (
        HOMELESS,
        r"\b(?:ben|zijn) (?:\w+ )?weg (?:uit|van) (?:de|het|mijn) (?:instelling|leefgroep|opvang|"
        r"pleeggezin|groep|internaat)\b|"
        r"\bterug naar (?:de|het|mijn) (?:instelling|leefgroep|opvang|pleeggezin|internaat)\b"
        r"(?: \w+){0,2} (?:wat|hoe) (?:ze|zij|jullie) ook\b|"
        r"\b(?:hier wil ik|ik wil hier) (?:\w+ )?niet (?:meer )?blijven\b",
    ),
    (
        SEXUAL,
        r"\b(?:vriend|vriendje|vriendin|date|scharrel) is (?:[2-9]\d) (?:jaar )?en ik ben "
        r"(?:1[0-5]|[0-9])\b",
    ),
    # a body part still purple or blue (a fall or sport takes it back)
    (
        VIOLENCE,
        r"\b(?:mijn|me|m) (?:rug|arm|armen|been|benen|gezicht|oog|nek|zij|buik|billen|bovenbeen|"
        r"bovenarm|kont) (?:is|zijn) (?:\w+ ){0,2}(?:paars|blauw|bont en blauw|groen en blauw)\b",
    ),
    # talking is not possible, he is here; not being well (no kind named)
    (
        DANGER,
        r"\bgaat (?:het )?(?:\w+ )?(?:helemaal |echt |totaal |al lang )?niet goed met (?:me|mij)\b|"
        r"\bkan (?:\w+ )?niet (?:praten|bellen|typen|zeggen) (?:\w+ ){0,2}(?:hij|ze|zij) (?:is|zit|"
        r"staat) (?:hier|er|in de kamer|naast|achter)\b|"
        r"^(?:hij|ze|zij) is (?:er|hier) snel\b",
    ),
    # twelfth pass (read from the seventeenth set): mice or rats over the bed, many people
    # in one room, hunger said twice, no food at home in Turkish or Polish
    (
        HOME,
        r"\b(?:muizen|muis|ratten|rat|kakkerlakken|bedwantsen)\b(?: \w+){0,3} (?:over|in|op) "
        r"(?:het |de |mijn |me |ons |onze )?(?:bed|bedden|matras|matrassen|kussen|dekens)\b|"
        r"\bmet (?:z n |zn |ons |onze )?(?:[4-9]|1\d|vier|vijf|zes|zeven|acht|negen|tien)"
        r"(?:en)?(?: mensen| man| personen)? (?:in|op) (?:1|een) (?:kamer|matras|bed)\b|"
        r"\bhonger\b(?: \w+){0,3} honger\b|"
        r"\b(?:evde )?yemek yok\b|\bniet? ma (?:nic )?(?:do )?jedzenia\b",
    ),
    # someone who comes into the bathroom while the youth showers (Dutch and English);
    # the check, since a parent bringing a towel says the same words
    (
        SEXUAL,
        r"^(?!(?:\w+ ){0,2}(?:zusje|zus|broertje|hond|kat|poes)\b).*"
        r"\b(?:komt|kwam|loopt|liep|stapt|stapte)\b(?: \w+){0,3} (?:de |in de |mijn |me |m )?"
        r"(?:badkamer|douche|douchecel|wc) (?:in |binnen )?(?:\w+ ){0,2}(?:als|wanneer|terwijl|"
        r"toen) ik\b(?: \w+){0,3} (?:douche|douchen|in bad|onder de douche|me omkleed|mij "
        r"omkleed|naakt|erin zit|erin ben|er ben|er zit)\b|"
        r"\b(?:comes|came|walks|walked|keeps coming|barges) (?:in|into)(?: the| my)? "
        r"(?:bathroom|shower)\b(?: \w+){0,2} (?:when|while|whenever) (?:i m|im|i am|i)\b",
    ),
    # thirteenth pass (read from the eighteenth set's misses): no address of one's own now
    # (at "adres?": "heb ik niet echt op dit moment"), afraid of the holiday to the
    # parents' country, rain inside one's room, nobody cooking at home, no power or
    # heating at home, shooting in one's own street, "snel ... hij komt"
    (
        HOMELESS,
        r"\bik heb (?:nu |even |op dit moment |momenteel )?geen (?:vast |eigen )?(?:adres|"
        r"woonadres|huis|dak boven mijn hoofd)\b|"
        r"\badres\b(?: \w+){0,2} heb ik (?:niet|geen)\b(?: \w+){0,2} (?:op dit "
        r"moment|nu|meer|momenteel)\b|"
        r"\badres\b(?: \w+){0,2} heb ik (?:nu|even|momenteel|op dit moment) (?:niet|geen)\b",
    ),
    (
        HONOUR,
        r"\b(?:bang|eng|stress|zenuwachtig|wil niet|niet mee)\b(?: \w+){0,4} "
        r"(?:(?:zomer)?vakantie|reis|zomer)\b(?: \w+){0,3} (?:naar )?(?:het )?(?:land van "
        r"(?:mijn|me|m) (?:ouders|vader|moeder|familie)|thuisland|vaderland)\b|"
        r"\b(?:(?:zomer)?vakantie|reis)\b(?: \w+){0,2} (?:naar )?(?:het )?(?:land van "
        r"(?:mijn|me|m) (?:ouders|vader|moeder|familie)|thuisland|vaderland)\b(?: \w+){0,3} "
        r"(?:eng|bang|wil ik niet|ga ik niet|durf ik niet)\b",
    ),
    (
        HOME,
        r"\bregent (?:\w+ )?binnen\b|\blekt (?:\w+ )?in (?:mijn|me|m|onze|ons) (?:kamer|"
        r"slaapkamer|huis|bed)\b|"
        r"\b(?:nobody|no one|niemand) (?:\w+ )?(?:cooks|kookt|kookte)\b(?: \w+){0,3} (?:at home|"
        r"thuis|bij ons|ooit|nooit|ever|here|hier|i just|i eat|i only|ik eet)\b|"
        r"\bgeen (?:stroom|elektriciteit|licht|gas) (?:en |of )?(?:geen )?(?:verwarming|warm "
        r"water|stroom|gas)\b",
    ),
    (
        DANGER,
        r"\bgeschoten (?:in|bij|voor) (?:onze|ons|mijn|me|m|de) (?:straat|huis|deur|flat|"
        r"portiek|galerij|buurt)\b|"
        r"\bsnel\b(?: \w+){0,3} (?:hij|ze|zij) (?:komt|is hier|komt eraan|staat)\b",
    ),
    # fourteenth pass (read from the nineteenth set's misses): a quarrel that grows, a
    # bruise "not from football", a rough stepfather, "it gets rough at home, with hands"
    (
        HOME,
        r"\bruzie\b(?: \w+){0,6} (?:steeds|alsmaar|almaar|nog|elke keer) (?:harder|erger|"
        r"luider|heftiger)\b|"
        r"\b(?:blauwe plek\w*|plekken|blauwe ogen|blauw oog|striemen|wonden|wondjes|schrammen)\b"
        r"(?: \w+){0,4} (?:niet|nie) (?:van|door|bij) (?:het |de )?\w+|"
        r"\b(?:thuis|bij ons)\b(?: \w+){0,3} gaat (?:het|t|er) (?:\w+ ){0,2}(?:hard|hardhandig|"
        r"ruw)\b(?! (?:werken|leren|gewerkt))|"
        r"\bmet (?:de |z\w* |haar |zn |d\w* )?(?:handen|vuisten|riem|stok|slipper) (?:enzo|en zo|"
        r"ofzo|of zo)\b",
    ),
    (VIOLENCE, r"\bhardhandig\w*\b"),
    # mice and mould everywhere, a parent who is "there and not there"
    (
        HOME,
        r"\boveral (?:\w+ )?(?:muizen|ratten|kakkerlakken|ongedierte|schimmel|vieze luiers)\b|"
        r"\b(?:muizen|ratten|kakkerlakken|ongedierte) en (?:\w+ )?schimmel\b|"
        r"\bschimmel en (?:\w+ )?(?:muizen|ratten|kakkerlakken|ongedierte)\b|"
        rf"\b{_PARENT} is er (?:wel )?(?:maar|en) (?:ook )?(?:weer )?(?:niet|nie|ook niet)\b",
    ),
    # a hug or a touch "not normal"
    (
        SEXUAL,
        r"\b(?:knuffelt|knuffelen|knuffelde|aanraakt|aanraken|raakt (?:mij|me) aan|zit aan "
        r"(?:mij|me)|zat aan (?:mij|me)|zoent|zoende)\b(?: \w+){0,2} (?:niet normaal|raar|vreemd|"
        r"te lang|anders dan normaal|op een rare manier|op een vieze manier|niet oke|niet ok)\b",
    ),
    # living "a bit" with friends, every time somewhere else
    (
        HOMELESS,
        r"\bwoon (?:\w+ ){0,3}bij (?:vrienden|vriendinnen|steeds (?:\w+ )?(?:andere|anderen)|"
        r"wisselende)\b|"
        r"\bslaap (?:\w+ ){0,2}(?:steeds|elke nacht|elke week|iedere nacht) (?:ergens anders|"
        r"bij (?:iemand )?anders|bij (?:\w+ )?andere)\b",
    ),
    # a photo that may leak, the family's shame and a brother who checks the phone
    (
        ONLINE,
        # never a lesson's advice ("dat je nudes nooit moet doorsturen")
        r"^(?!.*\b(?:nooit|never|les|lessen|voorlichting|gastles)\b).*?"
        r"\b(?:foto|fotos|foto s|plaatje|filmpje|video|naaktfoto\w*|nudes?|pics?)\b(?: \w+){0,3} "
        r"(?:uitlekt|uitlekken|uitgelekt|lekt|gelekt|verspreid\w*|doorgestuurd|doorsturen|"
        r"rondgestuurd|rondsturen|online zet\w*|online gezet|rond gaat|rondgaat)\b",
    ),
    (
        HONOUR,
        r"\b(?:familie|eer)\b(?: \w+){0,3} (?:niet|geen) (?:mag |mogen |magge )?(?:\w+ )?"
        r"(?:te )?schande\b|"
        r"\bschande (?:\w+ ){0,3}(?:over|voor|aan) (?:de|onze|ons|mijn|mn|me) familie\b|"
        r"\b(?:broer|broers|neef|neven|oom|ooms) (?:checkt|checken|controleert|controleren|leest|"
        r"lezen|pakt|pakken) (?:\w+ )?(?:mijn|mn|me|m) (?:telefoon|mobiel|gsm|berichten|appjes|"
        r"chats|insta)\b",
    ),
    # fifteenth pass (read from the twentieth set's misses): "thuis is het een beetje hard",
    # a parent the youth puts in the recovery position, the youth as the mother at home,
    # screenshots from an unknown number, sofa surfing, living nowhere really
    (
        HOME,
        r"\b(?:thuis|bij ons)\b(?: \w+){0,3} is (?:het|t|er) (?:\w+ ){0,3}(?:hard|hardhandig|"
        r"ruw)\b(?! (?:werken|leren|gewerkt|nodig|doorwerken))|"
        rf"\b{_PARENT}\b(?: \w+){{0,4}} (?:in de )?(?:stabiele )?zijligging\b|"
        r"\b(?:ik ben|ben ik) (?:\w+ ){0,2}de (?:moeder|vader|mama|papa|ouder|volwassene) "
        r"(?:thuis|in huis|van het huis|van ons huis|hier)\b",
    ),
    (
        ONLINE,
        r"^(?!.*\b(?:nooit|never|les|lessen|voorlichting|gastles)\b).*?"
        r"\bonbekend\w* (?:nummer|account|iemand|jongen|man|profiel)\b(?: \w+){0,4} "
        r"(?:screenshots?|screens|foto|fotos|foto s|filmpjes?|video\w*|pics?|nudes?)\b|"
        r"^(?!.*\b(?:nooit|never|les|lessen|voorlichting|gastles)\b).*?"
        r"\b(?:screenshots?|screens|foto|fotos|foto s|filmpjes?|video\w*|pics?) (?:\w+ ){0,3}van "
        r"(?:mij|me)\b(?: \w+){0,4} onbekend\w* (?:nummer|account|iemand|profiel)\b",
    ),
    (
        HOMELESS,
        r"\b(?:bank ?surf\w*|couch ?surf\w*|banksurfer\w*)\b|"
        r"\belke (?:week|nacht|dag) (?:een )?(?:andere|ander) (?:bank|bed|plek|adres)\b|"
        r"\b(?:woon|slaap) (?:ik )?(?:nu )?nergens\b(?! (?:zo|beter|liever|lekker\w*|fijner|"
        r"rustiger|anders)\b)|"
        r"\b(?:een )?beetje hier (?:en )?(?:een )?beetje daar\b|"
        r"\bnu eens hier dan (?:weer )?daar\b|"
        # sixteenth pass: "ik woon nu een beetje overal", a sleeping bag bought just in case
        r"\b(?:woon|slaap) (?:ik )?(?:nu |nou |eigenlijk )?(?:een beetje |zo n beetje |gwn |"
        r"gewoon )?overal\b(?! (?:goed|lekker|prima|fijn|wel)\b)|"
        r"\b(?:slaapzak|noodtas|vluchttas|(?:tas|spullen|rugzak) (?:al )?ingepakt)\b(?: \w+){0,5} "
        r"(?:voor de zekerheid|voor als het moet|voor het geval|als ik weg moet|"
        r"voor noodgevallen)\b",
    ),
    # sixteenth pass (read from the twenty-first set's misses): wrists nobody may see, a
    # parent who is "niet zichzelf", "mijn eigen manier om ermee om te gaan" after bullying,
    # getting a photo off the internet
    (
        SELF_HARM,
        r"\b(?:mijn|mn|me|m) (?:polsen|pols|armen|onderarmen|bovenbenen|dijen)\b (?:\w+ ){0,3}"
        r"(?:niet|nie|nooit) (?:\w+ )?zien\b|"
        r"\bniemand (?:mag|kan|moet) (?:\w+ )?(?:mijn|mn|me|m) (?:polsen|pols|armen|onderarmen|"
        r"bovenbenen|dijen) zien\b|"
        r"\b(?:mijn|mn|me|m) eigen manier (?:om )?(?:ermee|er mee|daarmee|daar mee|hiermee) om te "
        r"gaan\b",
    ),
    (HOME, rf"\b{_PARENT} is (?:\w+ ){{0,2}}(?:niet|nie) (?:helemaal )?zichzelf\b"),
    (
        ONLINE,
        r"\b(?:foto|fotos|foto s|filmpje|filmpjes|video|videos|pics?)\b(?: \w+){0,3} (?:van|uit|"
        r"offline) (?:het )?(?:internet|insta|instagram|snap|snapchat|tiktok|online|groepsapp)\b"
        r"(?: \w+){0,2} (?:af|weg|verwijderen|verwijderd|halen|gehaald)\b|"
        r"\bhoe (?:krijg|haal|verwijder) (?:je|ik) (?:\w+ ){0,3}(?:foto|fotos|filmpje|video|"
        r"pics?)\b(?: \w+){0,5} (?:weg|offline|offline halen)\b",
    ),
    # seventeenth pass (read from the twenty-second set's misses): walking round the town
    # late at night, off from the group home, no address now, showering at the gym these
    # days, not knowing where one lives
    (
        HOMELESS,
        r"\b(?:loop|zwerf|hang|dwaal) (?:\w+ ){0,3}rond\b(?: \w+){0,6} (?:al laat|te laat|"
        r"nacht|donker|middernacht)\b|"
        r"\b(?:de groep|het pleeggezin|de leefgroep|de instelling|de opvang|thuis)\b(?: \w+){0,5} "
        r"(?:ga|gaan|ben|loop) (?:\w+ ){0,3}vandoor\b|"
        r"\b(?:heb|hebben|heeft) (?:\w+ ){0,2}(?:geen|niet echt een|geen echt|geen vast) (?:vast )?"
        r"(?:adres|woonadres|thuis)\b|"
        r"\bdouche (?:\w+ ){0,2}(?:tegenwoordig|sinds kort|nu altijd|al weken) (?:\w+ ){0,2}"
        r"(?:in|bij|op) (?:de |het )?(?:sportschool|zwembad|school|station)\b|"
        r"\b(?:woonplaats|adres|waar ik woon)\b(?: \w+)? (?:geen idee|weet ik (?:niet|nie))\b",
    ),
    # no money for groceries often, hunger always, bread from a neighbour now and then
    (
        HOME,
        r"\b(?:vaak|soms|nooit|meestal|weer) (?:\w+ )?geen geld (?:\w+ ){0,2}(?:voor|om) "
        r"(?:\w+ ){0,2}(?:boodschappen|eten|brood|avondeten)\b|"
        r"\bhonger\b(?: \w+)? (?:altijd|elke dag|steeds|de hele tijd)\b|"
        r"\b(?:geeft|gaf|brengt|bracht) (?:me|mij|ons) (?:soms|vaak|stiekem|weleens|af en toe) "
        r"(?:\w+ )?(?:brood|boterhammen|boterham)\b",
    ),
    # an injury not told: "mn pols doet pijn van gister haha lang verhaal"
    (
        VIOLENCE,
        r"\b(?:pijn|blauwe plek\w*|wond|wondje|snee|sneetje|gebroken|gekneusd|verband|"
        r"hechting\w*|schram\w*)\b(?: \w+){0,6} (?:lang verhaal|long story)\b",
    ),
    # a ticket only there, not choosing whom one goes with
    (
        HONOUR,
        r"\b(?:ticket|kaartje|vlucht|vliegticket) (?:\w+ ){0,2}(?:alleen|maar) (?:een )?"
        r"heen(?:weg|reis)?\b(?! en terug)|"
        r"\bmag (?:\w+ )?(?:niet|nie) zelf (?:\w+ ){0,2}(?:kiezen|bepalen|beslissen) met wie ik "
        r"(?:ga|ben|trouw|verkering)\b",
    ),
    # eighteenth pass (read from the twenty-third set's misses): a parent "te hard" for
    # the youth, a parent ill from the wine in the morning, away every weekend, meals at
    # the neighbours', no coat for the winter, being forgotten
    (
        HOME,
        rf"\b{_PARENT} (?:\w+ ){{0,3}}(?:te hard|te ruw|hardhandig|te streng) (?:\w+ )?"
        r"(?:voor|tegen|met) (?:mij|me|ons)\b|"
        rf"\b{_PARENT} (?:\w+ ){{0,4}}ziek van de (?:wijn|drank|bier|alcohol|wodka|whisky)\b|"
        rf"\b{_PARENT} (?:is|zijn) (?:\w+ )?(?:vaak|altijd|elk|elke|ieder|weer|steeds|hele) "
        r"(?:\w+ ){0,2}weg (?:in het|elk|elke|ieder|het hele|hele|s|'s) (?:\w+ )?"
        r"(?:weekend|weekenden|"
        r"nacht|nachten|nachts|avond|avonden|avonds)\b|"
        rf"\b{_PARENT} (?:is|zijn) (?:\w+ ){{0,2}}(?:het hele|hele|elk|elke|ieder) (?:weekend|"
        r"weekenden|nacht|nachten) (?:\w+ )?weg\b|"
        r"\b(?:ik )?ga (?:\w+ )?(?:vaak|altijd|elke dag|meestal|steeds) "
        r"(?:\w+ )?(?:bij de buren|bij de buurvrouw|bij de buurman|bij vrienden) "
        r"(?:\w+ )?(?:eten|mee ?eten)\b|"
        r"\b(?:ik )?eet (?:\w+ )?(?:vaak|altijd|elke dag|meestal|steeds) "
        r"(?:\w+ )?(?:bij de buren|bij de buurvrouw|bij de buurman)\b(?! (?:met|op|tijdens) "
        r"(?:de )?(?:kerst|feestdagen|zondag|zondagen|verjaardagen|suikerfeest|offerfeest|"
        r"ramadan|iftar))|"
        r"\b(?:heb|hebben) (?:\w+ )?geen (?:winterjas|jas|schoenen|warme kleren) (?:\w+ )?voor "
        r"de (?:winter|kou)\b|"
        rf"\b(?:ze|zij|{_PARENT}) (?:vergeten|vergeet|vergat|vergaten) (?:mij|me|ons)\b"
        r"(?! (?:\w+ )?(?:te bellen|te appen|te vertellen|te zeggen|op te halen van (?:voetbal|"
        r"training|zwemles)))",
    ),
    # a place to sleep on friends' sofas, an older friend who offers a home far away
    (
        HOMELESS,
        r"\b(?:bank ?hop\w*|bankhoppen|bank hoppen)\b|"
        r"\b(?:vriend|vriendje|jongen|gast|man|kennis)\b (?:\w+ )?(?:zegt|zei|zeggen) (?:dat )?"
        r"ik (?:(?:\w+ )?(?:bij hem|bij hun|bij haar) (?:kan|mag)|(?:kan|mag) (?:\w+ )?(?:bij hem|"
        r"bij hun|bij haar)) (?:komen )?(?:wonen|intrekken)\b",
    ),
    # an account or a picture to get off the internet "vanwege iets"
    (
        ONLINE,
        r"\b(?:snap|snapchat|insta|instagram|tiktok|account|profiel|pagina)\b(?: \w+){0,3} "
        r"(?:verwijderen|weghalen|wissen|deleten|dicht|offline)\b(?: \w+){0,2} (?:(?:vanwege|door|"
        r"om|omdat) (?:iets|wat|dingen)|(?:dat|die) over (?:jou|mij|me) gaat)\b|"
        r"\b(?:iets|wat|foto|fotos|filmpje|video) (?:\w+ ){0,2}(?:van|af|weg van) (?:het )?"
        r"(?:internet|insta|snap|snapchat|tiktok|online)\b(?: \w+){0,3} (?:wat|dat|die) "
        r"(?:\w+ ){0,3}niet\b|"
        r"\b(?:stond|staat|stonden|staan) (?:\w+ ){0,2}(?:iets|wat|dingen|foto\w*) (?:van "
        r"(?:mij|me) )?(?:op )?(?:\w+ ){0,2}(?:wat|dat|die) (?:\w+ )?(?:prive|priv|privé) "
        r"(?:was|is|waren|zijn)\b",
    ),
    # nineteenth pass (read from the twenty-fourth set's misses): a JIM who need not last
    # long, it going wrong again after a stop, not knowing how long one holds on, being the
    # joke at school, banging on the door, a parent "te streng met zijn handen" or odd after
    # the weekend, an uncle "te aanhalig", a cover story told by a parent, going from friend
    # to friend, sleeping at the JIM's
    (
        SELF_HARM,
        r"\b(?:hoeft|hoef|hoeven) (?:\w+ )?niet (?:zo )?lang mee te gaan\b|"
        r"\b(?:was|ben) (?:\w+ ){0,2}gestopt (?:\w+ ){0,2}(?:maar|en) (?:\w+ ){0,2}"
        r"(?:gaat het|ging het|"
        r"doe ik het|deed ik het) weer (?:mis|fout)\b|"
        r"\bhoe lang ik (?:het )?(?:nog )?(?:volhou\w*|vol hou\w*|uithou\w*|uit hou\w*)\b",
    ),
    (
        BULLYING,
        r"\b(?:ben ik|ik ben) (?:altijd )?de grap (?:van|op|in)\b|\bop school ben ik de grap\b",
    ),
    (
        DANGER,
        r"\b(?:hard|keihard|heel hard) (?:op|tegen) (?:de|mijn|onze) deur (?:gebonkt|gebonsd|"
        r"geslagen|getrapt|gebeukt)\b|\b(?:bonkt|bonst|beukt|bonken|bonzen) (?:\w+ )?(?:op|tegen) "
        r"(?:de|mijn|onze) deur\b",
    ),
    (
        HOME,
        rf"\bna (?:het|elk|ieder) weekend (?:\w+ ){{0,2}}(?:is|doet) {_PARENT} "
        r"(?:\w+ ){0,2}raar\b|"
        rf"\b{_PARENT} (?:\w+ ){{0,3}}raar na (?:het|elk|ieder) weekend\b|"
        rf"(?<!ik )\b(?:zegt|zei|zeggen) (?:{_PARENT}|ze|hij) (?:\w+ )?tegen (?:de |mijn )?"
        r"(?:juf|meester|"
        r"school|leraar|lerares|dokter|huisarts|mentor|docent)\b",
    ),
    (
        SEXUAL,
        r"(?<!nooit )(?<!niet )(?<!never )\b(?:te aanhalig|te klef|handtastelijk|te handig met "
        r"zijn handen)\b",
    ),
    (
        HOMELESS,
        r"\bvan (?:vriend|vriendin|maat|bank|adres|huis) naar (?:vriend|vriendin|maat|bank|adres|"
        r"huis)\b",
    ),
    # twentieth pass (read from the twenty-fifth set's misses): a parent "een beetje hard met
    # haar handen", food "een probleem" at home, sleeping at a teacher's or a JIM with a
    # bed, "voor hoelang nog", "zeg haar dat het niet haar schuld is", a hurry said with
    # nothing that explains it, "speciale limonade", an account about the youth to delete,
    # what happens to the chat "als iemand doodgaat"
    (
        HOME,
        rf"\b{_PARENT} (?:\w+ ){{0,4}}(?:hard|ruw|streng|los) met (?:zijn|haar|zn|z n|d r) "
        r"(?:handen|hand|vuisten|vuist|riem)\b|"
        r"\beten is (?:\w+ ){0,3}(?:een )?(?:beetje )?(?:een )?probleem\b|"
        r"\bspeciale (?:limonade|drankje|drankjes|sapje|sap|thee)\b",
    ),
    (
        HOMELESS,
        r"\b(?:slapen|wonen|logeren) bij (?:je|jouw|mijn|mn|de) jim\b|"
        r"\bbij (?:je|jouw|mijn|mn|de|een) (?:leraar|lerares|juf|meester|trainer|coach|mentor|"
        r"jim) (?:\w+ )?(?:slapen|wonen|logeren)\b|"
        r"\b(?:jim|iemand) (?:\w+ ){0,3}(?:die|met) (?:\w+ )?(?:ook )?een (?:bed|slaapplek|"
        r"logeerbed) "
        r"(?:\w+ )?voor (?:mij|me)\b",
    ),
    (
        SELF_HARM,
        r"\bvoor hoe ?lang nog\b|"
        r"\b(?:zeg|vertel) (?:\w+ ){0,2}(?:maar )?dat het niet (?:haar|zijn|jouw|hun|"
        r"jullie) schuld "
        r"(?:is|was)\b|"
        r"\bwat gebeurt er met (?:\w+ ){0,3}(?:chat|account|gesprek|berichten|"
        r"keuze) als (?:iemand|ik|"
        r"je) (?:doodgaat|dood gaat|sterft|er niet meer is|dood is)\b",
    ),
    (
        DANGER,
        r"^(?!.*\b(?:want|omdat|bus|trein|les|school|eten|training|werk|afspraak|batterij|"
        r"telefoon|pauze)\b).*\b(?:moet|moeten|(?:kan|kun|kunnen) (?:je|jij|jullie|u)) "
        r"(?:\w+ )?snel zijn\b",
    ),
    (
        ONLINE,
        r"\b(?:nep|fake) ?(?:account|profiel) (?:van|over) " r"(?:mij|me)\b",
    ),
    # twenty-first pass (read from the twenty-sixth set's misses): someone who saw the
    # youth's legs and was shocked, arms that look "lelijk" now, "zou het ze spijten als mij
    # iets overkomt"; a noise at the window; "vraag voor een vriend"; "niet zoals bij ons",
    # "niet normaal gemeen"; food given "soms" by a neighbour; sleeping "bij wie ik kan",
    # sitting somewhere because it is open all night
    (
        SELF_HARM,
        r"\b(?:zag|zagen|ziet|zien|gezien) (?:\w+ ){0,2}(?:mijn|mn|m n|me) (?:armen|arm|benen|been|"
        r"polsen|pols|bovenbenen|bovenbeen|buik|littekens)\b(?: \w+){0,5} (?:schrok|schrokken|"
        r"geschrokken|schrikt|schrikken)\b|"
        r"\b(?:mijn|mn|m n|me) (?:armen|polsen|benen|bovenbenen) (?:zijn|zien er) (?:\w+ ){0,2}"
        r"(?:lelijk|eng|niet mooi)\b|"
        r"\bspijten (?:\w+ ){0,2}als (?:mij|me|ik)\b|"
        r"\bspijt (?:\w+ ){0,2}(?:krijgen|hebben) als (?:mij|me|ik) (?:iets|wat)\b",
    ),
    (
        DANGER,
        r"\bik hoor (?:iets|iemand|geluid|geluiden|voetstappen|gestommel|wat) (?:\w+ ){0,2}(?:bij|"
        r"aan|op|voor|achter) (?:het|de|mijn|mn|ons) (?:raam|deur|voordeur|trap|gang|"
        r"slaapkamer)\b|"
        r"\bvraag(?:je)? voor een (?:vriend|vriendin|maat|vriendje)\b",
    ),
    (
        HOME,
        r"\bniet zoals (?:bij ons|thuis|bij mij thuis|bij ons thuis|bij mijn ouders|bij mij)\b|"
        r"\bniet (?:normaal|gewoon) (?:\w+ ){0,2}(?:gemeen|boos|streng)\b|"
        r"\b(?:geeft|gaf|geven) (?:me|mij) (?:soms|weleens|wel eens|af en toe|vaak) (?:\w+ )?"
        r"(?:eten|te eten|brood|avondeten)\b",
    ),
    (
        HOMELESS,
        r"\bslaap (?:\w+ )?(?:bij wie|waar) (?:ik )?(?:kan|mag|terecht kan)\b|"
        r"\b(?:zit|ben|slaap|blijf|wacht) (?:\w+ ){0,4}(?:want|omdat) (?:die|het|dat|"
        r"deze) (?:\w+ )?"
        r"(?:24 ?uur|de hele nacht|hele nacht|dag en nacht) open\b",
    ),
    # it all being over at last
    (
        SELF_HARM,
        r"\bwanneer (?:is|houdt) (?:het|dit) (?:\w+ )?(?:eindelijk )?(?:over|voorbij|op) "
        r"(?:allemaal|alles)\b|\bwanneer is (?:het|dit) allemaal (?:eindelijk )?(?:over|"
        r"voorbij)\b",
    ),
]

# Clear words that cooking, crafts and the other harmless contexts of `_HARMLESS` take
# back: "ik heb weer gesneden" is self-harm, "ik heb de uien gesneden" is not. (kind, pattern)
_CLEAR_UNLESS_HARMLESS: list[tuple[str, str]] = [
    (
        SELF_HARM,
        r"\b(?:arm|armen|pols|polsen|been|benen|huid|bovenbeen|dij) (?:\w+ ){0,2}open ?gehaald\b|"
        r"\bopen ?gehaald (?:\w+ ){0,3}(?:arm|armen|pols|polsen)\b",
    ),
    (
        SELF_HARM,
        r"\b(?:weer|opnieuw|vannacht|gisteren|vandaag) (?:\w+ ){0,2}(?:gesneden|gekrast|"
        r"gebrand)\b|\b(?:heb|had) (?:ik )?(?:weer )?(?:gesneden|gekrast)\b|"
        r"\b(?:aan het|weer) (?:snijden|krassen)\b",
    ),
    (
        SELF_HARM,
        r"\b(?:mesje|mesjes|scheermes\w*|stanleymes\w*|snijmes\w*)\b(?: \w+){0,4} (?:gepakt|"
        r"pakken|pak|weer|verstopt|verstop|bewaar|bewaard|gekocht)\b",
    ),
]

# Sport, games and media: they take back hitting and dying, never touching or photos
# asked for, since a game, an app or a club is where grooming happens ("een man op
# fortnite vraagt wat ik aanheb", "de trainer van voetbal raakt me aan").
_FIGHTING_GAMES = r"tekken|smash|street fighter|mortal kombat|brawl stars"
_SPORT_AND_GAMES = (
    r"\b(?:bal|ballen|tennis|tennisbal|hockey|golf|honkbal|badminton|shuttle|slag|"
    r"de maat|alarm|munt|drum|drums|trommel|piano|record|zijn slag|een slag|terug|op hol|"
    r"mijn hand|(?<!losse )handjes|high five|boks|boksen|kickboks\w*|judo|karate|taekwondo|"
    r"voetbal|doel|goal|training|wedstrijd|fifa|fortnite|minecraft|game|gamen|spel|"
    r"rondjes|hardlopen|conditietraining|bootcamp|langs de lijn|langs het veld|"
    r"zombies|monsters|punchingbal|zak|bokszak|kussengevecht|vlieg|mug|muggen|pingpong|"
    r"elkaar voor de gein|voor de grap|als grap|"
    # hammering and odd jobs: "mn oom slaat de spijkers scheef" (twelfth pass)
    r"spijker|spijkers|hamer|klust|klussen|timmert|timmeren|"
    # game and sport words (thirteenth pass): skins, a rage quit, carrying the team, penalties
    r"skins|skin|cs|csgo|cs2|valorant|rage ?quit|ragequit|gecarried|gecarryd|respawn|penalty|"
    r"penaltys|penalties|"
    # fighting games (nineteenth pass: "hij vermoordt me altijd met tekken")
    + _FIGHTING_GAMES + r")\b"
)
# Never an app: "ik word uitgescholden op tiktok en ik kan niet meer" is bullying where it
# happens (seventeenth pass); never "lang verhaal", a story not told ("mn pols doet pijn
# van gister haha lang verhaal").
_MEDIA_WORDS = r"\b(?:horror|film|serie|boek|(?<!lang )verhaal|spel|game|netflix|nieuws)\b"

# Context that makes a word of danger harmless. The word matched is taken back when
# one of these matches the same clause.
_HARMLESS: list[str] = [
    # idioms and things that die
    r"\bdood (?:van|vd|v) (?:het |de )?(?:lachen|honger|dorst|verveling|schrik|kou|"
    r"slaap|moeheid|stress|zenuwen)\b",
    r"\b(?:doodmoe|doodop|doodgewoon|doodstil|doodeng|doodsbang voor (?:spinnen|honden))\b",
    r"\b(?:lach|lachen|lachte|lacht) (?:me|mij|mezelf|ons) (?:\w+ )?(?:dood|kapot|rot)\b",
    # never "dood op school": dead to the others there (fourteenth pass)
    r"\bdood (?:moe|op(?! (?:school|straat|insta|instagram|snap|tiktok))|eng|stil|saai|ziek|"
    r"nerveus|verveeld)\b",
    r"\bdood als een pier\b",  # dead tired or dead drunk after a party (ninth pass)
    # dying a hundred times in a game (sixteenth pass)
    r"\b(?:\d+|honderd|duizend|tig|zoveel|zo vaak) keer dood\b",
    # "ik ben zo dood morgen bij die toets": in trouble at school (tenth pass)
    r"\bben (?:\w+ )?dood (?:\w+ ){0,4}(?:toets|proefwerk|examen|tentamen|overhoring|so|rapport|"
    r"presentatie|spreekbeurt)\b",
    r"\b(?:telefoon|mobiel|gsm|batterij|accu|laptop|tablet|ipad|iphone|oplader|"
    r"plant|plantje|vis|visje|goudvis|hamster|konijn|cavia|hond|kat|poes|vogel|"
    r"opa|oma|overgrootvader|overgrootmoeder|oom|tante|buurman|buurvrouw|grootvader|"
    r"grootmoeder|game|spel|server|wifi|internet|auto|fiets|scooter|muis|lamp) "
    r"(?:\w+ ){0,2}(?:is|was|ging|gaat|zijn) (?:\w+ ){0,2}dood\b",
    r"\b(?:is|zijn|was) (?:\w+ )?(?:jaar |jaren )?(?:geleden )?(?:dood ?gegaan|overleden)\b",
    r"\b(?:sinds|toen|nadat) (?:\w+ ){0,3}(?:dood|overleden|doodging)\b",
    r"\b(?:dood|overleden) (?:sinds|in|vorig|twee|drie|vier|een paar|al)\b",
    # "mijn vader is al heel lang dood" (thirteenth pass): never "ik ben"
    r"\b(?:is|zijn|was|waren) al (?:\w+ ){0,2}(?:lang|jaren|jaar|tijdje|tijd) (?:dood|overleden)\b",
    r"\b(?:na|over) de dood van\b",
    r"\bniet dood\b",
    # nineteenth pass: laughing "om" a video, a phone about to die, "mijn dood nog eens", a
    # fish killed, autocorrect
    r"\b(?:lag|lig|liggen|lagen) (?:\w+ )?dood (?:om|door) (?:die|dat|de|het|een|zijn|haar)\b",
    r"\b(?:telefoon|mobiel|batterij|accu|laptop|tablet|ipad|phone|tel)\b(?: \w+){0,6} "
    r"(?:gaat|ging|is|weer) "
    r"(?:\w+ )?dood\b",
    r"\bmijn dood nog\b|\bnog (?:eens )?mijn dood\b",
    r"\b(?:de|een|die) (?:vis|vissen|kip|muis|rat) (?:\w+ )?dood\b",
    r"\bautocorrect\w*\b",
    # twentieth pass: "ik sta te springen om", "loop ff weg van mn laptop", scars of chicken
    # pox, a nut allergy, "dood nieuwsgierig", "ik knuffel je dood", "haar dood worden", a
    # dead bird, an anti-bullying contract
    r"\bsta(?:at|an)? te springen (?:om|van)\b",
    r"\b(?:loop|ben|ga) (?:ff|even|effe) weg\b|\bben zo terug\b|\bbrb\b",
    r"\blittekens? (?:van|door) (?:de |het |een )?(?:waterpokken|operatie|acne|puistjes|val|"
    r"ongeluk|brandwond|vaccinatie)\b",
    r"\b(?:allergie|allergisch|epipen|notenallergie|pinda\w*)\b",
    r"\bdood ?nieuwsgierig\b|\bdoodop\b|\b(?:me|mij) dood (?:verveel|vervelen|schaam|schrik|"
    r"erger)\b",
    r"\bknuffel (?:je|jou|hem|haar|jullie) dood\b|\b(?:haar|zijn|je|jouw) dood (?:word|wordt|"
    r"worden)\b",
    r"\bdode (?:vogel|muis|rat|vis|egel|duif|mug|vlieg|spin|plant)\b",
    r"\banti ?pest\w*\b",
    # "mijn oma, de moeder van mijn vader die dood is" (eighteenth pass); never with a wish
    # ("ik wil naar opa die dood is")
    r"^(?!.*\b(?:wil|wou|willen|mis|naar|bij)\b).*\bdie (?:al )?(?:\w+ )?(?:dood|overleden) "
    r"(?:is|zijn|was|waren)\b",
    # someone else's death told as a fact, idioms with dying
    r"\b(?:dood ?ging|dood ?gingen|doodgegaan|dood gegaan|overleden|overleed|gestorven|stierf)\b",
    # ... never "ik": "hoe het zou zijn als ik dood was" is a wish (sixth pass)
    r"\b(?!ik\b)(?:\w+) (?:\w+ ){0,2}(?:is|zijn|was|waren) (?:(?!ik\b|me\b|mij\b)\w+ ){0,2}dood\b",
    r"\b(?:schaam|verveel|schrik|schrikt|schrikken|schrok|lach|erger|zweet|stress|werk|loop) "
    r"(?:me|mij|zich|je|ons) "
    r"(?:\w+ )?dood\b",
    r"\b(?:ik|we|wij) (?:wil|ga|gaan|willen) (?:\w+ )?(?:wat|iets) (?:drinken|eten)\b",
    r"\b(?:dood|sterf|sterven|sterft|smelt) (?:\w+ )?van (?:de |het )?(?!pijn\b|angst\b)\w+",
    # never "geen zin meer in alles", "in het leven" (fifth batch: "kheb er geen zin meer in,
    # in alles")
    # at the end only when said alone ("ik heb er geen zin meer in" is stopping; "ze pesten
    # me en ik heb er geen zin meer in" is not, eighteenth pass)
    r"^(?:\w+ ){0,4}geen zin (?:meer )?in$|\bgeen zin (?:meer )?in\b(?= \w)"
    r"(?! (?:in )?(?:alles|niks|niets|het leven|leven|mijn leven|mn leven|dit leven|"
    r"m'n leven|me leven|het bestaan)\b)",
    r"\bgeen zin (?:meer )?om te (?:chatten|praten|typen|kiezen|antwoorden|wachten|spelen)\b",
    r"\b(?:bedankt|dank|dankje|dankjewel|thanks|thx|merci) (?:\w+ ){0,2}(?:hulp|help)\b",
    r"\b(?:vroeger|toen ik klein was|op de basisschool|nu niet meer|is alweer goed|"
    r"weer goed)\b",
    # sport and games
    _SPORT_AND_GAMES,
    # medicine and care
    r"\b(?:helpt|hielp|help|geeft|herinnert|let|zorgt|haalt) (?:\w+ ){0,4}(?:pillen|"
    r"medicijnen|medicatie|tabletten)\b",
    # never "pillen die niet van de dokter zijn" (sixth pass)
    r"\b(?:pillen|medicijnen|tabletten) (?:(?!niet\b|geen\b|zonder\b)\w+ ){0,3}(?:voor|tegen|"
    r"van de dokter|van de "
    r"huisarts|innemen|in te nemen|op tijd)\b",
    r"\b(?:hoofdpijn|buikpijn|kiespijn|rugpijn|keelpijn|oorpijn|spierpijn|groeipijn|blaar|"
    r"blaren)\b",
    r"\bpijn (?:aan|in) (?:mijn|mn|m|de|het) (?:buik|hoofd|tand|tanden|rug|knie|been|"
    r"voet|enkel|arm|keel|oor|oren|spieren|nek|schouder|vinger|teen)\b",
    r"\bpijn (?:van|na) (?:het |de )?(?:sporten|sport|training|vallen|voetbal|beugel|"
    r"tandarts|prik|griep)\b",
    # cooking and crafts
    r"\b(?:snijden|snij|snijd|snijdt|sneed|gesneden|mes|messen|mesje|kras|krassen|gekrast)\b"
    r"(?: \w+){0,4} "
    r"(?:groente|groenten|brood|uien|ui|tomaat|tomaten|vlees|vis|kip|taart|appel|papier|karton|"
    r"koken|kookt|keuken|eten|haar|knutselen|hout|plank|fruit|kaas|pizza|telefoon|scherm|"
    r"auto|tafel|cd|lak|vinger|duim|potlood|stof|karton)\b",
    r"\b(?:groente|groenten|brood|uien|taart|vlees|papier|haar|knutselen)\b(?: \w+){0,3} "
    r"(?:snijden|snij|snijd|knippen|gesneden|gekrast|geknipt)\b",
    # drinks that are harmless
    r"\b(?:drinkt|drinken|dronk)\b(?: \w+){0,3} (?:koffie|thee|water|cola|melk|limonade|"
    r"sap|chocomel|fris|ranja|energy|redbull)\b",
    r"\b(?:koffie|thee|water|cola|melk|limonade|sap|chocomel|fris|ranja)\b(?: \w+){0,3} "
    r"(?:drinken|drinkt|dronk)\b",
    r"\b(?:drinken|wat drinken|iets drinken)\b(?: \w+){0,3} (?:samen|met haar|met hem|"
    r"in de stad|op het terras|bij de mac)\b",
    # things hung up, jumped on, fears that are ordinary
    r"\b(?:was|jas|foto|schilderij|poster|slinger|slingers|kerstballen|telefoon|de "
    r"telefoon|lampjes|gordijnen|vlag)\b(?: \w+){0,3} ophangen\b",
    r"\bbang (?:voor|van|in) (?:spinnen|honden|het donker|donker|de tandarts|tandarts|"
    r"examens|toetsen|onweer|hoogte|prikken|clowns|slangen|wespen|de toets|insecten|"
    r"vliegen|muizen|achtbanen|films|horror\w*|naalden|naald|grote honden|"
    r"(?:het )?spookhuis|de boor|de kermis)\b",
    r"\bbang (?:ben |was |werd )?(?:voor|van) (?:een|de|het|mijn) (?:toets|examen|proefwerk|"
    r"spreekbeurt|presentatie|tandarts|prik|wedstrijd|rijexamen|uitslag|film|spin|hond)\b",
    r"\bbang (?:ben |was )?(?:dat|om) (?:ik )?(?:\w+ ){0,3}(?:te laat|zak|toets|niet lukt|fout|"
    r"vergeet|niet weet|niet goed|afwijst|nee zegt|niet wil|geen tijd|verpest|verknal|"
    r"slecht|onvoldoende|niet haal|faal)\w*\b",
    _MEDIA_WORDS,
    r"\b(?:help|helpt|hielp|hulp)\b(?: \w+){0,3} (?:met|bij) (?:mijn |mn |m )?(?:huiswerk|"
    r"school|koken|fiets|werk|geld|brieven|formulieren|rekenen|taal|verhuizen|sporten|"
    r"solliciteren|boodschappen|planning|kamer|papieren|dingen|alles)\b",
    r"\b(?:helpt|hielp|help|hulp|geholpen)\b(?: \w+){0,4} (?:als|wanneer|toen) ik\b",
    r"\b(?:ruzie|bang|gepest|pijn|verdrietig)\b(?: \w+){0,4} (?:helpt|hielp|geholpen|troost|"
    r"troostte|steunt|steunde|beschermt|beschermde|praat|luistert|is er|was er)\b",
    r"\b(?:helpt|hielp|troost|troostte|steunt|steunde|beschermt|beschermde|luistert|"
    r"er voor me)\b(?: \w+){0,5} (?:ruzie|bang|gepest|pijn|verdrietig|pest|gevaar)\b",
    r"\b(?:trouwen|trouwt|trouwde|bruiloft|huwelijk)\b(?: \w+){0,4} (?:met (?:zijn|haar) "
    r"vriend\w*|feest|volgend jaar|van mijn (?:zus|broer|nicht|neef|tante|oom))\b",
    r"\b(?:mijn|mn) (?:zus|broer|nicht|neef|tante|oom) (?:gaat |gaan )?trouwen\b",
    r"\bfoto(?:s)? (?:\w+ ){0,3}(?:van de vakantie|van ons|van mijn hond|op school|voor "
    r"de klas|maken)\b",
    r"\b(?:politieagent|bij de politie|politie (?:werkt|is haar|is zijn))\b",
    r"\bweg (?:van|naar) (?:school|de stad|vakantie|de les|les|de klas|klas|training|de training|"
    r"de tafel|tafel|het feest|feestje)\b",
    # never the holiday to the parents' country feared (thirteenth pass)
    r"\b(?:vakantie|kamp|logeren|schoolreis|werkweek|toernooi|sleepover)\b"
    r"(?!(?: \w+){0,3} (?:naar )?(?:het )?(?:land van (?:mijn|me|m) (?:ouders|vader|moeder|"
    r"familie)|thuisland|vaderland)\b)"
    # nor a ticket only there (seventeenth pass: "... naar marokko maar mijn ticket is alleen
    # heen")
    r"(?!.*\b(?:alleen (?:een )?heen|enkele reis|enkeltje)\b)",
    r"\b(?:houdt|hield) (?:mij|me) (?:\w+ )?vast (?:als|wanneer|toen)\b",
    r"\bwil weg (?:met|naar|op) (?:vakantie|haar|hem|de stad)\b",
    r"\b(?:eerste hulp|ehbo|spoedeisende hulp|baard|snor|scheren|ontharen|kapper|fade|"
    r"in het net)\b",
    # seventeenth pass (read from the twenty-second set's checks): a hand on the table when
    # laughing, a toy gun, a drawing or a tattoo of a skull, ketchup that looks like blood,
    # a knife while cooking, fainting in the heat, the family's past before the youth was
    # born, iron pills, a blood test, "hij vindt het een eer" (no honour violence)
    r"\bslaat (?:\w+ )?op (?:de |het )?(?:tafel|deur|knop|bel|trommel|knie|knieen)\b",
    r"\bspeelgoed ?(?:pistool|geweer|mes|zwaard|wapen)\w*|"
    r"\btattoo\w* (?:\w+ ){0,2}(?:pistool|mes|doodshoofd|schedel)\b",
    r"\b(?:schedel|mes|pistool|doodshoofd)\b(?: \w+){0,3} (?:getekend|geschilderd)\b",
    r"\blijkt (?:wel |net )?(?:op )?bloed\b|\b(?:ketchup|nepbloed|tomatensaus)\b",
    r"\b(?:kookt|koken|kook|bakt|bakken|keuken)\b(?: \w+){0,6} (?:mes|messen)\b",
    r"\bflauw (?:\w+ ){0,2}(?:door|van) (?:de )?(?:hitte|warmte)\b",
    r"\bvoordat ik geboren (?:was|werd)\b|\bbij (?:mijn|mn|de|haar) (?:geboorte|bevalling)\b",
    r"\b(?:ijzer|ijzerpillen|ijzertabletten|vitamine\w*)\b",
    r"\bbloed (?:\w+ ){0,2}(?:geprikt|prikken|laten prikken)\b|\bbloedprik\w*|\bbloedonderzoek\b",
    r"\b(?:een eer|eervol|vereerd|geeerd)\b",
]
# Context that takes back only the words of some kinds (fifth pass, 2026-12-05): sport,
# a body that hurts after the dentist or a vaccination, a lesson or the news about a
# subject, a game. Narrower than `_HARMLESS`, which takes back every unsure word of its
# clause: "mijn trainer raakt me aan" or "hij heeft me 2 jaar geleden aangeraakt" must keep
# their check, so sport and the past never take back touching, and "sinds de operatie slaat
# mijn vader me" keeps its hitting: a context takes back only the words it explains (a
# pain, blood, fear) or, with None, every word of its kinds. (kinds, words, pattern)
_HARMLESS_FOR: list[tuple[frozenset[str], str | None, str]] = [
    # eighteenth pass (read from the twenty-third set's harmless checks): a gang arrested
    # in the news (never a parent or a brother), one small glass (never in the morning, never
    # "te veel"), shouting at a match on tv, "pijn is fijn", a pain without pain, a tattoo,
    # fainting at a jab, "ik kan mezelf wel slaan", a scratch on a screen
    (
        frozenset({DANGER, HOME}),
        r"politie|drugs|agenten",
        r"^(?!.*\b(?:vader|moeder|papa|mama|pa|ma|ouders|broer|zus|stiefvader|stiefmoeder|oom|"
        r"thuis)\b).*\b(?:opgepakt|gearresteerd|opgerold)\b",
    ),
    (
        frozenset({HOME}),
        r"drinkt|drinken|dronk",
        r"^(?!.*\b(?:ochtend|ochtends|morgens|ontbijt|te veel|teveel|en dan|daarna|dronken|"
        r"zat)\b).*\b(?:drinkt|drinken|dronk) (?:\w+ ){0,3}(?:een|1|n) (?:biertje|glaasje|"
        r"wijntje|pilsje|borreltje)\b",
    ),
    (
        frozenset({HOME}),
        r"schreeuw\w*|scheldt|vloekt|gilt",
        r"\bals (?:ajax|feyenoord|psv|az|twente|oranje|utrecht|vitesse|heerenveen|barca|"
        r"barcelona|real|madrid|liverpool|arsenal|galatasaray|fenerbahce|besiktas|raja|wydad|"
        r"(?:zijn|zn|haar|hun|z n) (?:club|team|clubje)) (?:\w+ )?(?:verliest|verloor|scoort|"
        r"wint|speelt|gelijkspeelt)\b|\bbij (?:het )?(?:voetbal|de wedstrijd) kijken\b",
    ),
    (
        frozenset({VIOLENCE}),
        r"pijn",
        r"\bpijn is fijn\b|\bzonder pijn\b|\b(?:tattoo|tatoeage|tattoe|tatoo|piercing|"
        r"gaatjes|oorbellen)\b",
    ),
    (
        frozenset({DANGER}),
        r".*flauw.*",
        r"\b(?:prik|prikje|prikken|geprikt|vaccinatie|inenting|naald|bloedprik\w*|spuitje)\b",
    ),
    # nineteenth pass (read from the twenty-fourth set's harmless checks): a trainer who
    # shouts, a girl missing in the news, blood of a fish, meat or at the emergency
    # department, a frightened pet, a blender's blade, a wasp in the room
    (
        frozenset({HOME}),
        r"schreeuw\w*|roept|brult",
        r"\b(?:trainer|trainster|coach|juf|meester|scheids|leraar|lerares)\b (?:\w+ ){0,2}"
        r"(?:schreeuwt|schreeuwde|roept|brult)\b",
    ),
    (
        frozenset({DANGER}),
        r"politie|vermist",
        r"\b(?:meisje|jongen|kind|man|vrouw|hond|kat|opa|oma)\b (?:\w+ ){0,4}vermist\b"
        r"(?!.*\b(?:ik|mij|me|mijn|mn)\b)",
    ),
    (
        frozenset({VIOLENCE, HOME}),
        r"bloed",
        r"\b(?:vis|vissen|kip|vlees|slager|leeuw|dierentuin|verpleegster|verpleegkundige|"
        r"ambulance\w*|eerste hulp|operatie|chirurg)\b",
    ),
    (
        frozenset({DANGER}),
        r"bang|angstig",
        r"\b(?:hond|hondje|kat|poes|konijn|cavia)\b (?:\w+ ){0,3}(?:zo |heel |erg )?bang\b",
    ),
    (
        frozenset({VIOLENCE}),
        r"mes|messen",
        r"\bmes (?:van|in) de (?:blender|keukenmachine|foodprocessor|grasmaaier|staafmixer)\b",
    ),
    (
        frozenset({DANGER}),
        r"help|hulp",
        r"\b(?:wesp|wespen|spin|spinnen|muis|muizen|rat|kakkerlak|insect\w*)\b",
    ),
    (
        frozenset({VIOLENCE}),
        r"slaan",
        r"\bkan (?:mezelf|mijzelf|me zelf|mn eigen|m n eigen|mijn eigen) (?:wel |echt )?"
        r"(?:\w+ ){0,3}slaan\b",
    ),
    (
        frozenset({SELF_HARM}),
        r"kras\w*",
        r"\bkras(?:je|jes|sen)? (?:op|in|over) (?:mijn |mn |me |m |de |het |een |zijn |haar |"
        r"ons )?\w*(?:scherm|telefoon|auto|fiets|bril|tafel|deur|muur|lak|vloer|glas|scooter|"
        r"laptop|ipad|tablet|spiegel|hoesje)\b",
    ),
    # knives at someone's work (seventeenth pass: "mijn moeder is slager, ze heeft op haar
    # werk altijd messen")
    (
        frozenset({VIOLENCE, DANGER, HOME}),
        r"mes|messen",
        r"\b(?:op|voor) (?:haar|zijn|zn|z n|hun) werk\b",
    ),
    # sport and a body that hurts from it
    (
        frozenset({VIOLENCE}),
        r"pijn|bloed|blauwe plekken",
        r"\b(?:gym|gymles|turnen|bootcamp|krachttraining|fitness|sportschool|hardlopen|"
        r"touwklimmen|atletiek|zwemles|schaatsen|skaten|turnles|spinning|crossfit|"
        r"van de balk|getraind|trainen|gesport|sporten)\b",
    ),
    (
        frozenset({VIOLENCE}),
        r"pijn",
        r"\b(?:tanden|tand|kies|kiezen|arm|benen|been|knie|knieen|buik|hoofd|rug|voet|voeten|"
        r"enkel|spieren|nek|keel|vinger|teen|tenen|oor|oren|handen|hand|schouder|pols|kuiten)"
        r" (?:\w+ )?(?:doet|doen|deed|deden) (?:\w+ ){0,2}pijn\b",
    ),
    # the dentist, a vaccination, a blood test, a wasp: pain, blood and fear of it
    (
        frozenset({VIOLENCE, DANGER}),
        r"pijn|bloed|bang|(?:valt|viel) (?:\w+ )?flauw|mes|messen",
        r"\b(?:beugel|griepprik|prik gehad|bloedprik|bloed (?:laten |gaan )?prikken|"
        r"bloed (?:gaan |laten )?geven|bloed gaan geven|tandarts|vulling|boor|insuline|"
        r"suikerziekte|diabetes|geopereerd|operatie|wesp|wespen|mug|muggen|"
        r"aardappel\w*|schillen|nep ?bloed|slachterij|slager)\b",
    ),
    # a subject of a lesson, the news or a game: not the youth's own danger
    (
        frozenset({SELF_HARM, VIOLENCE, HOME, BULLYING, DANGER, HOMELESS}),
        r"dood|doodgaan|sterven|overlijden|zelf ?moord|drugs|drinken|drinkt|dronken|gepest|pesten|"
        r"pest|pesterij\w*|politie|bloed|vermoord\w*|mishandel\w*|wapen|mes|messen|pistool|"
        r"gevlucht|vluchten|weglopen|bang|gevaar|hulp|help|ongeluk",
        r"\b(?:les|lessen|mentorles|spreekbeurt|werkstuk|presentatie|toets|proefwerk|gedicht|"
        r"schilderij|project|opdracht|verslag|documentaire|artikel|stuk)\b(?: \w+){0,4} over\b|"
        r"\b(?:voor|bij) (?:bio|biologie|ckv|drama|geschiedenis|nederlands|aardrijkskunde)\b|"
        r"\b(?:jeugdjournaal|journaal|nos|krant|nu nl|op het nieuws|in het nieuws|"
        r"drugslab|drugsvangst|opgerold)\b",
    ),
    (
        frozenset({SELF_HARM, VIOLENCE, HOME, DANGER, HOMELESS}),
        None,
        r"\b(?:boss|noob|elden ring|brawl stars|pubg|last of us|call of duty|dayz|cluedo|"
        r"weerwolven|schaak|schaken|mario kart|escape room|apex|overwatch|zelda|pokemon|sims|"
        r"clash royale|stumble guys|rocket league|halloween|zombie|zombies|brawlhalla|"
        r"fall guys|gta|hitman|resident evil|five nights|"
        # shooters (sixteenth pass: "ik heb een nieuw wapen gekocht in free fire")
        r"free ?fire|warzone|cs ?go|counter ?strike)\b",
    ),
    # deaths of many far away, idioms with hitting
    (
        frozenset({SELF_HARM}),
        r"dood",
        r"\b(?:mensen|kinderen|dieren|soldaten|vissen|kippen|koeien|varkens|iedereen in)\b"
        r"(?: \w+){0,3} dood\b",
    ),
    (
        frozenset({VIOLENCE}),
        r"slaat|slaan|sloeg|sloegen",
        r"\bmezelf (?:wel )?voor (?:mijn |mn |m |de )?kop\b|\b(?:spijker|gong|klok|hamer|"
        r"koningin|toren|paard)\b|\bop (?:zijn|zn|mijn|mn|z|m) (?:duim|vinger)\b",
    ),
    # "met de eer strijken", "eerlijk gezegd": no honour ("eerlijk gezegd ben ik thuis
    # altijd bang" keeps its fear)
    (frozenset({HONOUR}), None, r"\bmet de eer\b|\beer(?:lijk|lijke)\b"),
    # "help" with a question not understood: the chat itself, not danger (ninth pass)
    (
        frozenset({DANGER}),
        r"help",
        r"\b(?:snap|snapte|begrijp|begreep|weet) (?:\w+ ){0,2}(?:de vraag|deze vraag|die vraag|"
        r"de vragen|de som|de sommen|de opdracht|het huiswerk|welke knop|wat ik moet typen)\b",
    ),
    # hunger in the ramadan or on a diet (ninth pass: hunger "normal" at home is a check)
    (
        frozenset({HOME}),
        r"honger\b.*",
        r"\b(?:ramadan|vasten|vast|iftar|suhoor|dieet|lijnen)\b",
    ),
    # things jumped on or into: a trampoline, a ditch, a bed (only the jumping: "mn pa ligt
    # knock out op de bank" keeps its check)
    (
        frozenset({SELF_HARM}),
        r"springen|spring ik|ik spring|ophangen",
        r"\b(?:trampoline|sloot|zwembad|water|duikplank|bed|bank|paard|touwtje)\b",
    ),
    # asked whether one is in bed yet: bedtime, not a question about the body
    (
        frozenset({SEXUAL}),
        None,
        r"\bof (?:ik|je) (?:al |nog |wel )?(?:in bed (?:lig|ligt|ben|bent)|naar bed (?:ga|gaat))\b",
    ),
    # pills a doctor gives (not "pillen die niet van de dokter zijn", "zonder recept")
    (
        frozenset({SELF_HARM}),
        r"pillen",
        r"^(?!.*\b(?:niet|geen|zonder) (?:van )?(?:de |een |het )?(?:dokter|huisarts|arts|"
        r"voorschrift|recept)\b).*\b(?:adhd|add|ritalin|concerta|psychiater|apotheek|"
        r"apotheker|verpleegkundige|dokter|huisarts|arts|voorschrift|recept)\b",
    ),
    # running away or sleeping out long ago or on a balcony: the past, not now
    (
        frozenset({HOMELESS}),
        None,
        r"\b(?:toen ik (?:\d+|vijf|zes|zeven|acht|negen|tien|elf|twaalf|klein) was|"
        r"jaar geleden|jaren geleden|lang geleden|balkon|sterren)\b",
    ),
    # twelfth pass (read from the seventeenth set's harmless messages):
    # the youth who helps someone ("ik help opa met de tomaten"); "help ik ..." still asks
    (frozenset({DANGER}), r"help", r"\bik help\b(?! (?:me|mij|ons)\b)"),
    # dying of shame or of a crush seeing one's story, lying dead with laughter at a joke
    (
        frozenset({SELF_HARM}),
        r"dood|sterven",
        r"\bdood ?(?:geschaamd|schamen|schaam)\b|\bschaam\w* (?:me|mij) (?:\w+ )?dood\b|"
        r"\bdood als (?:\w+ ){0,2}(?:crush|story|storie|ex)\b|"
        r"\b(?:grap|grapje|meme|filmpje|haha\w*|lol)\b(?: \w+){0,4} (?:lig|lag) (?:\w+ )?dood\b|"
        r"\bom (?:bij )?te sterven\b(?: \w+){0,2} (?:lekker|mooi|heerlijk|goed)\b|"
        r"\b(?:lekker|mooi|heerlijk) om (?:bij )?te sterven\b",
    ),
    # knives and blood in someone's work: a butcher, a cook, a nurse, a first-aid course
    # (not when the same clause threatens or hurts)
    (
        frozenset({VIOLENCE, DANGER}),
        r"mes|messen|bloed",
        r"^(?!.*\b(?:dreig\w*|bedreig\w*|steek\w*|stak|snijdt|sneed|zwaait|zwaaide|bang|pijn|"
        r"achter (?:me|mij) aan|op (?:me|mij)|naar (?:me|mij))\b).*\b(?:slager|slagerij|kok|chef|"
        r"verpleegkundige|verpleegster|verpleger|chirurg|ehbo|ehbo cursus|slijpt|slijpen|"
        r"bloedprik\w*|bloed geprikt|bloed geven|bloeddonor|donor)\b|"
        r"^(?!.*\b(?:dreig\w*|bedreig\w*|steek\w*|stak|bang|pijn)\b).*\bwerkt (?:\w+ ){0,4}met "
        r"(?:messen|een mes)\b",
    ),
    # sixteenth pass (read from the twenty-first set's checks): a heart cut open in biology,
    # a cat and a mouse, followed in a dream, honest "ook als het pijn
    # doet", blood checked at the doctor, "als ik bang ben mag ik bij haar komen" (never
    # when the fear is of a person or of home)
    (frozenset({SELF_HARM}), r"snijden|snij|snijd", r"\b(?:bio|biologie|practicum)\b"),
    (
        frozenset({VIOLENCE}),
        r"vermoord\w*",
        r"\b(?:kat|poes|kater|hond)\b(?: \w+){0,3} (?:muis|muizen|vogel|vogeltje|mus|rat|ratten)\b",
    ),
    (
        frozenset({BULLYING, DANGER}),
        r"achtervolgd|achtervolgt|gevolgd",
        r"\b(?:droom|dromen|droomde|gedroomd|nachtmerrie)\b",
    ),
    (frozenset({VIOLENCE}), r"pijn", r"\book als (?:het|t) (?:\w+ )?pijn doet\b"),
    (
        frozenset({VIOLENCE}),
        r"bloed",
        r"\b(?:dokter|huisarts|ziekenhuis|bloedonderzoek|bloedtest|gecheckt|piercing|tattoo|"
        r"tatoeage)\b",
    ),
    (
        frozenset({DANGER}),
        r"bang",
        r"\bals ik bang (?:ben|was|word)\b(?! voor (?!onweer|het donker|donker|spinnen|honden|"
        r"enge|films|horror|toetsen|de toets|examens|vuurwerk))(?: \w+){0,4} (?:kan|mag|ga|kom) "
        r"ik\b",
    ),
    # the police looking for a man in the news, never for the youth
    (
        frozenset({DANGER}),
        r"politie",
        r"\bde politie zoekt (?:een|de|die|twee|drie|nog) (?:man|vrouw|jongen|jongens|dader|"
        r"daders|verdachte\w*)\b",
    ),
]

# Negation near a word of danger takes it back: "ze zou me nooit pijn doen", "hij slaat
# nooit". Only within two words before or after it, in the same clause.
_NEGATIONS = {
    "nooit", "niet", "geen", "nimmer", "niks", "niets", "nergens",
    # other languages (the block above): "he would never hit me", "asla", "nigdy", "jamais"
    "never", "not", "dont", "didnt", "wouldnt", "doesnt", "asla", "nigdy", "jamais", "nunca",
}  # fmt: skip
_NEGATION_WINDOW = 2
# Inside a match of hitting or hurting ("hij doet me nooit pijn"), these say it never
# happens; "niet" and "geen" are left out there ("hij laat me niet gaan", "bij hem krijg
# ik geen klappen" tell of danger).
_NEVER = frozenset({"nooit", "nimmer", "never"})
# Clause borders: a negation or context in one clause says nothing about another.
_CLAUSE_SPLIT = re.compile(r"[,.;:!?\n]+|\b(?:maar|want|omdat|behalve|alleen)\b")
# Games, films, books and songs: violence or death in them is not the youth's danger.
# ("oorlog" not after "het" or "weer": "thuis is het weer oorlog", eleventh pass)
# Never an app (seventeenth pass): "ik word uitgescholden op tiktok en ik kan niet meer" is
# bullying where it happens, not a video watched; nor "lang verhaal", a story not told.
_MEDIA = re.compile(
    r"\b(?:film|films|serie|boek|(?<!lang )verhaal|liedje|song|rapper|rap|clip|anime|manga|game|"
    r"games|gamen|spel|character|poppetje|level|eindbaas|among us|impostor|valorant|cod|roblox|"
    r"minecraft|fortnite|gta|fifa|paintball|lasergame\w*|netflix|nieuws|"
    # a stunt filmed, not the youth's wish ("op tiktok zag ik iemand van een brug springen
    # voor een stunt")
    r"voor een stunt|als stunt|stuntvideo\w*|stuntfilmpje\w*|"
    r"horror\w*|(?<!het )(?<!weer )(?<!dag )(?<!avond )(?<!nacht )oorlog|geschiedenis|toneel)\b"
)
_ABOUT_ME = re.compile(r"\b(?:ik|me|mij|mezelf|mijn)\b")
# The youth in the story after a comma: "een boek over een meisje dat wordt uitgehuwelijkt,
# net als ik" is the youth's own danger (seventeenth pass).
_LIKE_ME = re.compile(
    r"\b(?:net als ik|net als mij|zoals ik|zoals mij|net zoals ik|net zoals mij|ik ook|mij ook|"
    r"bij mij ook|bij ons ook|bij ons thuis ook|dat ben ik|dat is mij|dat gebeurt mij)\b"
)
# A pillow or a cuddly toy: no beating ("mijn zusje slaat mij soms met een kussen"); "wil
# me kussen" is no pillow: only "met een kussen".
_PILLOW_WORDS = (
    r"met (?:een |het |de |haar |zijn |zn |z n |mijn |mn |m )?(?:kussen|kussens|knuffel|"
    r"knuffels)|kussengevecht"
)
# Sport or an accident: a kick or a bruise there is not violence against the youth.
_SPORT_OR_ACCIDENT = re.compile(
    r"\b(?:per ongeluk|voetbal|hockey|training|wedstrijd|judo|karate|boksen|kickboksen|"
    r"thaiboksen|thaiboks|sparren|gesparred|gespard|sparring|mma|worstelen|rode kaart|"
    r"gele kaart|scheids|"
    # the opponent in a match (seventeenth pass: "de tegenstander sloeg me knock out")
    r"tegenstander|in de ring|"
    # a trampoline, moving house, a fighting game (nineteenth pass)
    r"trampoline|verhuizen|verhuisd|verhuizing|sjouwen|"
    + _FIGHTING_GAMES
    + r"|zombie|zombies|level \d+|"
    # other fighting sports (fifteenth pass: "bij taekwondo kreeg ik een trap tegen mn hoofd")
    r"taekwondo|jiujitsu|jiu jitsu|aikido|kungfu|kung fu|capoeira|krav maga|wushu|kendo|"
    # the punching bag (sixteenth pass: "hij traint me met slaan op de zak")
    r"op de (?:zak|bokszak|pads)|bokszak|stootkussen|"
    # a pillow or a cuddly toy is no beating (`_PILLOW_WORDS`); a wasp is no knife
    + _PILLOW_WORDS + r"|"
    r"gestoken door (?:een |de )?(?:wesp\w*|bijen|mug\w*|kwal\w*|brandnetel\w*|insect\w*)|"
    r"rugby|handbal|gevallen|viel|by accident|accidentally|football|soccer|with (?:a|the) "
    r"ball|in (?:a|the) game|at fifa)\b"
)
# The harmless context itself denied: "die blauwe plek heb ik niet van voetbal"
# (fourteenth pass): a quiet sign then stands whatever the sport around it.
_FROM_SPORT = (
    r"(?:voetbal\w*|sport\w*|gym|vallen|gevallen|val|training|trainen|hockey|judo|boksen|"
    r"kickboks\w*|spelen|fietsen)\b"
)
_NOT_FROM_SPORT = re.compile(
    r"\b(?:niet|nie|echt niet) (?:van|door|bij|met) (?:het |de |een )?" + _FROM_SPORT + "|"
    # a cover story: "op school zeg ik dat het van voetbal is" (twenty-first pass)
    r"\b(?:zeg|zeggen|zei|zeiden|vertel|vertellen|vertelde|vertelden|gezegd|verteld)\b"
    r"(?: \w+){0,6} (?:gestoten\b|" + _FROM_SPORT + ")"
)


# Sixteenth pass (read from the twenty-first set's full alarms and checks).
# A story, not an app: only these take back online abuse told in the third person.
_STORY = re.compile(
    r"\b(?:film|films|serie|boek|(?<!lang )verhaal|liedje|song|clip|anime|manga|netflix|nieuws|"
    r"toneel|geschiedenis|horror\w*|documentaire|docu)\b"
)
# A referee's card in the message: a kick on the pitch is the check, not the help at once
# ("de scheids gaf hem rood want hij schopte mij").
_REFEREE = re.compile(
    r"\b(?:rode kaart|gele kaart|(?:gaf|geeft) (?:hem|haar|me|mij) (?:rood|geel)|(?:kreeg|krijgt) "
    r"(?:rood|geel))\b"
)
# A parent who used to drink or use and has been clean for years: the check.
_CLEAN_NOW = re.compile(
    r"^(?!.*\b(?:weer|opnieuw|terugval)\b)"  # "ze was 2 jaar clean, nu gebruikt ze weer"
    r".*\b(?:is|zijn|ben) (?:nu |al |alweer |inmiddels )*(?:\d+ |een |twee |drie |vier |vijf |"
    r"tien )?(?:jaar |jaren |maanden |maand )?clean\b"
)
_ONCE = re.compile(
    r"\b(?:was|waren|dronk|dronken|gebruikte|gebruikten) (?:\w+ )?vroeger\b|"
    r"\bvroeger (?:\w+ ){0,2}(?:verslaafd|dronk|dronken|gebruikte)\b"
)
# A small child who wandered off in a shop is no running away.
_WANDERED_OFF = re.compile(
    r"\bweggelopen (?:\w+ ){0,3}(?:bij|in|op|uit) (?:de |het |een )?(?:kassa|supermarkt|ah|"
    r"appie|jumbo|lidl|aldi|winkel|markt|pretpark|efteling|dierentuin|speeltuin|strand|kermis|"
    r"ikea|mall|winkelcentrum)\b|"
    # someone else's childhood: "mijn vader is als kind een keer weggelopen" (seventeenth pass)
    r"\b(?!ik\b)\w+ (?:is|was) (?:als kind|als kleine jongen|als klein meisje|toen (?:hij|zij|ze) "
    r"(?:nog )?klein was)\b(?: \w+){0,3} weggelopen\b"
)
# A pet that scratches or bites: the check, never the help lines at once (seventeenth
# pass: "mijn kat krabt me altijd, ik heb overal krasjes").
_A_PET = re.compile(
    r"\b(?:kat|katten|poes|poesje|kitten|hond|hondje|puppy|konijn|cavia|hamster|papegaai|"
    r"vogel|paard)\b (?:\w+ ){0,2}(?:krabt|krabde|krabben|bijt|beet|bijten|trapt|trapte)\b"
)
# A book, a film or a lesson about someone else: "voor nederlands moet ik een boek lezen
# over een meisje dat wordt uitgehuwelijkt", "we leren over medicijnen en overdosis"
# (seventeenth pass). The check, not the help lines at once; never when the youth is in
# what follows ("over een meisje zoals ik") or says danger before it.
_ABOUT_SOMEONE_IN = re.compile(
    r"\b(?:boek|boeken|film|serie|verhaal|werkstuk|stuk|opstel|spreekbeurt|presentatie|toneelstuk|"
    r"boekverslag|documentaire|docu|les|lessen|leren|leerden|geleerd)\b(?: \w+){0,3} over\b"
)
_PILLOW = re.compile(rf"\b(?:{_PILLOW_WORDS})\b")
# Long ago, said anywhere in the message: "ik ben een keer weggelopen maar dat is jaren
# geleden" (nineteenth pass); a trip or a tent only in the clause itself.
_LONG_AGO_WORDS = (
    r"vroeger|lang geleden|jaren geleden|jaar geleden|toen ik klein was|"
    r"toen ik (?:\d+|vijf|zes|zeven|acht|negen|tien|elf|twaalf) was"
)
_LONG_AGO = re.compile(rf"\b(?:{_LONG_AGO_WORDS})\b")
# Signs that no harmless word beside them takes back, since the harmless word is part of
# how they are said (twentieth pass): wanting to be with someone who died ("oma is dood en
# ik wil gewoon bij haar zijn": "is dood" is a fact, the wish is not), a hand that hurts
# "van wat ik gedaan heb" ("mijn hand" is also a high five). (kind, pattern)
_CHECK_WHATEVER_CONTEXT: list[tuple[str, str]] = [
    (
        SELF_HARM,
        r"^(?=.*\b(?:dood|overleden|gestorven)\b).*\bwil (?:\w+ ){0,2}bij (?:haar|hem|hun|opa|oma|"
        r"mama|papa) (?:zijn|gaan|komen)\b",
    ),
    (
        SELF_HARM,
        r"\bpijn (?:\w+ )?van wat ik (?:\w+ )?(?:gedaan heb|heb gedaan|deed|"
        r"mezelf heb aangedaan)\b",
    ),
]
# Twentieth pass: "een overdosis suiker", "... maar dat is klaar", "op mijn vorige school".
_SWEET_OVERDOSE = re.compile(
    r"\boverdosis (?:aan )?(?:suiker|snoep|chocola|chocolade|koffie|cafeine|energy|cola|liefde|"
    r"memes|tiktok|netflix)\b"
)
_OVER_NOW = re.compile(
    r"\b(?:dat|het) is (?:nu |al )?(?:klaar|voorbij|over|opgelost)\b|\bop (?:mijn|"
    r"mn) vorige school\b"
)
# A broken arm in plaster: treated, told most likely of an accident; the check, never the
# help lines at once (nineteenth pass: "ik heb een gebroken arm in het gips").
_IN_A_CAST = re.compile(r"\b(?:gips|gipsverband|mitella|in het gips|gipsen)\b")
_AT_ME = re.compile(r"\b(?:me|mij|mezelf|ons|mn|mijn|m n|thuis)\b")
# Right after the hitting word: the youth or someone of the family hit.
_SOMEONE_AT_HOME = re.compile(
    rf" (?:\w+ ){{0,2}}(?:me|mij|mezelf|ons|(?:mijn|mn|m n|me) (?:{_PARENT[3:-1]}|broer|zus|"
    r"broertje|zusje)|mama|papa)\b"
)
# A lesson or the news about danger, told with no word about the youth: besides
# `_ABOUT_THE_WORD`, a talk at school and news on an app.
_LESSON_OR_NEWS = re.compile(
    r"\b(?:hadden|hebben|kregen|krijgen) we (?:het )?(?:\w+ ){0,2}over\b|\bvoorlichting\b|"
    r"\bgastles\b|\b(?:lessen|maatschappijleer|burgerschap|bio|biologie)\b(?: \w+){0,3} over\b|"
    r"\bbij maatschappijleer\b|\bstond (?:het )?(?:op|in) (?:insta|tiktok|snap|nu nl)\b"
)


def _clauses(text: str) -> list[str]:
    clauses = [_typos(normalise(part)) for part in _CLAUSE_SPLIT.split(text or "")]
    return [clause for clause in clauses if clause]


def _without_fillers(normal: str) -> str:
    return " ".join(word for word in normal.split() if word not in _FILLERS)


# Words that start a new part of a clause: a negation beyond them belongs to another verb
# ("ik wil weg van huis en nooit meer terugkomen", "ik eet niet meer om mezelf te straffen").
_PART_BORDERS = {"en", "of", "om", "dan", "als", "dus", "zodat", "terwijl", "toen"}
# Verbs that start a new part after the danger: "wil nooit meer naar huis boeit niet waar
# ik slaap" - "niet" belongs to "boeit", and it takes nothing back. Read after it only; a
# wrong border here costs a check at most, a wrong negation costs the help lines.
# A subject (`SUBJECTS`) right after a negation starts a new sentence without a comma:
# "eigenlijk niet hij zit aan me" - the "niet" answers what came before (sixth pass).
_AFTER_BORDERS = {
    "boeit", "boeie", "boeien", "maakt", "weet", "interesseert", "schelen", "kan", "ga",
    "wil", "durf", "mag",
    # the danger goes on: "het pesten stopt nooit" (thirteenth pass)
    "stopt", "stoppen", "stopte", "houdt", "hield", "ophoudt", "eindigt",
    # a relative clause: "mama neemt pillen die niet van de dokter zijn" (sixth pass)
    "die",
}  # fmt: skip


# Hunger and food: a "niks" after them is the lack itself ("ik heb honger en er is thuis
# niks"), so only a negation before takes them back ("ik heb geen honger").
_LACK = re.compile(r"\b(?:honger|eten|gegeten|eet|voedsel|boodschappen)\b")


# "niet ... zoals thuis", "nooit ... zoals bij papa": the danger is denied here and told
# about elsewhere, so the negation takes nothing back.
_LIKE_ELSEWHERE = re.compile(r"\s*(?:\w+ ){0,3}zoals\b")


def _negated(clause: str, start: int, end: int) -> bool:
    """A negation within two words before or after the span [start, end), in its part."""
    if _LIKE_ELSEWHERE.match(clause[end:]):
        return False  # "hier word ik niet geknepen zoals thuis": it happens elsewhere
    before = clause[:start].split()[-_NEGATION_WINDOW:]
    after = clause[end:].split()[:_NEGATION_WINDOW]
    if _LACK.search(clause[start:end]):
        after = []
    if set(clause[start:end].split()[:1]) & SUBJECTS:
        # the phrase starts with its own subject: a negation before it is another
        # sentence's ("hoeft geen jim ik ben er volgende week toch niet meer", twenty-first
        # pass)
        before = []
    if _NEGATIONS & set(clause[start:end].split()):
        # the phrase says "niet" itself ("morgen ben ik er niet meer, echt niet"): one
        # after it says it again (thirteenth pass)
        after = []
    if set(clause[start:end].split()[-1:]) & _PART_BORDERS:
        # the match ends on "als": what follows is its condition ("een mesje voor als het
        # niet gaat", ninth pass), and its negation belongs there
        after = []
    wider = clause[:start].split()[-3:]
    if len(wider) == 3 and wider[-1] in ("of", "noch") and wider[0] in _NEVER:
        return True  # "ze heeft me nog nooit geslagen of uitgescholden" (thirteenth pass)
    for i in range(len(before) - 1, -1, -1):
        if before[i] in _PART_BORDERS:
            before = before[i + 1 :]
            break
        if before[i] in SUBJECTS and i and before[i - 1] in _NEGATIONS:
            before = before[i:]  # "nee wacht eigenlijk niet, hij zit aan me"
            break
    for i, word in enumerate(after):
        if word in _PART_BORDERS or word in _AFTER_BORDERS:
            after = after[:i]
            break
    # "niet meer leven", "niet veilig": the negation inside a phrase is the danger itself
    return bool(_NEGATIONS & set(before)) or bool(_NEGATIONS & set(after))


def _stopped(clause: str, end: int) -> bool:
    """ "hij slaat me niet meer": it stopped, which a coach may still want to know."""
    return clause[end:].split()[:3][-2:] == ["niet", "meer"] or " niet meer" in clause[end:][:14]


def _special(form: str) -> str:
    """The level of the older hand-made checks (ik wil niet meer, jumping)."""
    if (_JUMP.search(form) and _HEIGHT_OR_TRAFFIC.search(form)) or _IN_FRONT_OF_A_TRAIN.search(
        form
    ):
        return CLEAR
    level = NONE
    for match in _NOT_ANYMORE.finditer(form):
        if match.group(1) in _NOT_ANYMORE_CLEAR:
            return CLEAR
        # "ik wil niet meer wachten": about this chat, the words are taken back
        level = CHECK if match.group(1) not in _ABOUT_THE_CHAT else TAKEN_BACK
    return level


# "mama vermoordt me als ik te laat ben": a threat said as an idiom; the check, not the
# help lines at once (a threat with another condition, "als hij het hoort", stays clear).
_THREAT_IDIOM = re.compile(
    rf"\b(?:vermoordt|vermoorden|vermoord|maakt|maken) (?:\w+ )?{_ME} (?:af )?als (?:ik|je)\b|"
    # "mn mentor gaat me vermoorden want ik ben mn huiswerk vergeten" (fifteenth pass): only
    # for a small mishap; "... want ik heb een vriend" is a threat and stays clear
    rf"\b(?:gaat|gaan|zal|zullen) {_ME} (?:\w+ )?(?:vermoorden|afmaken) (?:want|omdat) (?:ik|je) "
    r"(?:\w+ ){0,5}(?:vergeten|kwijt|te laat|gemist|verloren|kapot|gebroken|gemorst|verpest|"
    r"niet gedaan|niet af|niet gemaakt)\b|"
    # twentieth pass: "je vermoordt me met al die vragen", a teacher after a failed test
    r"\b(?:vermoordt|vermoord|maakt) (?:me|mij) (?:af )?met (?:al )?(?:die|deze|je|jouw|dat|dit) "
    r"(?:vragen|gezeur|grappen|berichten|muziek|gedoe)\b|"
    r"^(?=.*\b(?:toets|proefwerk|cijfer|gezakt|onvoldoende|huiswerk|rapport|examen)\b).*"
    r"\b(?:mentor|juf|meester|leraar|lerares|docent)\b (?:\w+ ){0,2}(?:vermoordt|vermoord|gaat "
    r"(?:me|mij) vermoorden)\b"
)
# A car or a bin set on fire is no stabbing ("er is een auto in brand gestoken"): the
# check, never the help lines at once (fifteenth pass).
_SET_ON_FIRE = re.compile(
    r"\bin (?:de )?brand (?:ge)?stoken\b|\bin (?:de )?brand (?:steken|stak)\b"
)
# A role in a play ("bij drama speel ik iemand die van huis wegloopt"): the check.
_A_ROLE = re.compile(
    r"\bspeel (?:ik |jij |je )?(?:iemand|een (?:meisje|jongen|man|vrouw|kind|moeder|vader)) "
    r"die\b|\b(?:mijn|mn|me) rol\b|\b(?:toneelstuk|musical|voorstelling|dramales|drama les)\b"
)
# Pain that a treatment gives ("de fysio drukt hard, het doet pijn maar het helpt"): the
# check, never the help lines at once (fifteenth pass).
_TREATMENT = re.compile(
    r"\b(?:fysio|fysiotherapeut\w*|masseur|massage|osteopaat|chiropractor|manueel therapeut|"
    r"tandarts|orthodontist|beugel|acupunctuur|dry needling|revalidatie)\b"
)
# An errand said beside "niks in huis" ("ik moet nog boodschappen doen, heb niks in huis
# behalve pasta"): the check, never the help lines at once (fifteenth pass).
_ERRAND = re.compile(
    r"\b(?:moet|moeten|ga|gaan|wil) (?:\w+ ){0,2}boodschappen (?:doen|halen)\b|"
    r"\bnaar de (?:winkel|supermarkt|appie|ah|jumbo|lidl|aldi)\b"
)

# "kijkt me aan alsof ze me wil vermoorden", "bijna gewurgd van blijdschap ... knuffel":
# a look or a hug said with a word of violence; the check, never the help lines at once
# (thirteenth pass, read from the eighteenth set's full alarms).
_AS_IF_OR_A_HUG = re.compile(
    r"\balsof (?:\w+ ){0,3}(?:vermoorden|vermoordt|afmaken|opeten|slaan|wurgen)\b|"
    r"\b(?:gewurgd|geplet|fijngeknepen|platgedrukt) (?:\w+ )?van (?:blijdschap|"
    r"vreugde|geluk|liefde|trots)\b|\bdoodgeknuffeld\b"
)
# Pushed hard "maar op een goede manier, om beter te worden": read on the whole message,
# as it is said in the next clause (twenty-first pass).
_FOR_MY_GOOD = re.compile(
    r"\bop een (?:goede|goeie|positieve) manier\b|\bom (?:me |mij )?beter te (?:worden|maken)\b"
)
# Burnt or cut on a thing in the kitchen or on paper ("ik heb me gebrand aan de oven", "au
# ik heb me gesneden aan papier"): an accident most likely; the check, never the help lines
# at once (thirteenth pass). "met" stays clear: "ik heb me gesneden met glas".
_ACCIDENT_AT_A_THING = re.compile(
    r"\b(?:gebrand|verbrand|gesneden|geprikt|gesneeden) aan (?:de |het |een |mijn |me |m )?"
    r"(?:oven|ovenschaal|ovenplaat|bakplaat|pan|strijkijzer|fornuis|kookplaat|kachel|"
    r"soldeerbout|barbecue|bbq|waterkoker|theepot|thee|koffie|papier|blaadje|blik|blikje|"
    r"doos|karton|envelop|cactus|rozenstruik|brandnetels?|krultang|stijltang)\b"
)
# A fire or danger told with everyone safe ("er is brand geweest in een fabriek, iedereen
# is veilig"): news, the check at most (thirteenth pass).
_ALL_SAFE = re.compile(
    r"\b(?:iedereen is (?:veilig|ok|oke|okee|gered|buiten)|niemand (?:is )?(?:gewond|geraakt|"
    r"dood)|er (?:is|was) niemand gewond|is (?:al )?geblust)\b"
)
# A laugh after hitting or a threat ("mn broertje sloeg me haha", "mn mentor gaat me
# vermoorden 😂"): a joke, most likely; the check, never the help lines at once, since a
# laugh may also hide what happens (eighth pass, read from the thirteenth set).
_LAUGH = re.compile(
    r"\b(?:(?:ha){2,}h?|hihi\w*|lol|lmao|xd)\b|[\U0001F602\U0001F923\U0001F606\U0001F639]", re.I
)
# A threat word is joked with about anyone; hitting only by someone outside the home ("mijn
# vader slaat me haha" stays clear: a laugh may hide it).
_THREAT_WORDS = re.compile(
    r"\b(?:vermoord\w*|afmaken|maakt (?:\w+ )?af|dood ?maken|kapot ?maken)\b"
)


_BY_A_PARENT = re.compile(rf"\b{_PARENT}\b|\bthuis\b")


def _joked(form: str) -> bool:
    return bool(_THREAT_WORDS.search(form)) or not _BY_A_PARENT.search(form)


# The word itself asked about or worked on at school, and someone famous who died by
# suicide in the news: the check instead of the suicide line at once; never with a word
# of the youth's own wish.
_ABOUT_THE_WORD = re.compile(
    r"\bhoe (?:schrijf|spel|spell) je\b|\bwat betekent\b|\bwat (?:is|zijn) (?:de )?betekenis\b|"
    r"\b(?:presentatie|spreekbeurt|werkstuk|profielwerkstuk|boekverslag|opdracht|project)\b|"
    r"\w*preventie\b|"
    # an article or a documentary about it (ninth pass)
    r"\b(?:artikel|documentaire|docu|podcast|reportage|nieuwsbericht)\b(?: \w+){0,3} over\b|"
    # the news or a lesson was about it (fourteenth pass)
    r"\b(?:journaal|jeugdjournaal|nieuws|les|mentorles|mentoruur)\b(?: \w+){0,3} "
    r"(?:over|ging het over|gaat het over)\b|"
    # learnt about at school, read in the paper (fifteenth pass)
    r"\bgeleerd (?:\w+ ){0,3}over\b|\bin de krant\b|\b(?:op|in) het nieuws\b|\bop nos\b"
)
_SOMEONE_ELSES_SUICIDE = re.compile(
    r"\b(?:zanger|zangeres|rapper|artiest|acteur|actrice|youtuber|influencer|streamer|"
    r"voetballer|bekende|beroemdheid|ster|bn er)\w* (?:\w+ ){0,7}(?:zelfmoord|suicide|"
    r"overdosis|overdose)\b|"
    # "dat hij zelfmoord pleegde": someone else's, told as the past (fifteenth pass)
    r"\b(?:hij|zij|ze) (?:\w+ ){0,2}zelfmoord (?:pleegde|had gepleegd|heeft gepleegd)\b"
)
# Dying in a game the team brings one back from (ninth pass): "ik was dood maar mn team
# heeft me gerevived".
_GAME_DEATH = re.compile(
    r"\b(?:revive\w*|gerevived|gereviv\w*|respawn\w*|gerespawn\w*|spawn\w*|game ?over|"
    r"checkpoint|extra leven|levens over)\b"
)
# Someone else's many pills for an illness ("mn oma slikt heel veel pillen voor haar
# hart", twelfth pass): the check, never the help lines at once; a parent's pills stay
# what they were (danger at home).
_SOMEONE_ELSES_MEDICINE = re.compile(
    r"\b(?:oma|opa|tante|oom|buurvrouw|buurman|overgrootmoeder|overgrootvader|nicht|neef)\b"
    r"(?: \w+){0,2} (?:slikt|neemt|krijgt|heeft|gebruikt) (?:\w+ ){0,3}(?:pillen|medicijnen|"
    r"tabletten) (?:\w+ ){0,2}(?:voor|tegen) (?:haar|zijn|d r|z n|de|het) \w+"
)
_MY_OWN = re.compile(
    r"\bik (?:\w+ )?(?:wil|ga|denk|dacht|overweeg|zou|pleeg|doe|kan niet)\b|\bmezelf\b|"
    r"\bmijn leven\b|\bniet meer (?:leven|wakker)\b|"
    # the verb first: "daarna wil ik ook dood" (ninth pass)
    r"\b(?:wil|ga|denk|dacht|overweeg|zou|pleeg|doe|kan) ik\b|\bzelf ook\b"
)

# Sleeping out or running away told as the past or as a trip, or about a pet or a lesson.
_PAST_OR_TRIP = re.compile(
    rf"\b(?:{_LONG_AGO_WORDS}|vakantie|kamp|logeren|"
    r"schoolreis|werkweek|kamperen|camping|scouting\w*|tent|tenten|"
    # a pet that ran off, a lesson walked out of, a dog run away from
    r"konijn|hond|hondje|kat|poes|cavia|hamster|parkiet|paard|uit de (?:les|klas)|"
    r"voor (?:een|de|die) (?:hond|wesp|spin|koe|gans))\b"
)
# A fire or gas told as the past ("vorig jaar was er een brand in ons huis"), and a wish to
# die said of a joke with a laugh ("die grap was zo slecht ik wil dood 😂"): the check, never
# the help lines at once (tenth pass, read from the fifteenth set).
_PAST = re.compile(
    r"\b(?:vorig jaar|vorige (?:week|maand|zomer|winter)|jaar geleden|jaren geleden|vroeger)\b"
)
_JOKE = re.compile(r"\b(?:grap|grapje|grappig|cringe|genant|meme|filmpje)\b")
# A parent who drinks coffee, or one glass with dinner: the check, never the help at once.
_ORDINARY_DRINK = re.compile(
    r"\b(?:koffie|thee|water|cola|melk|limonade|sap|chocomel|fris|ranja|energy|redbull|"
    r"glaasje|biertje|wijntje)\b"
)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """The pattern compiled once: the word lists hold more patterns than `re` caches (512),
    so `re.search(pattern, ...)` compiled them again for every clause (sixteenth pass)."""
    return re.compile(pattern)


def _in_context(contexts: list[tuple[frozenset[str], str | None]], kind: str, word: str) -> bool:
    """A word of this kind that one of the narrower contexts of `_HARMLESS_FOR` takes back."""
    return any(
        kind in kinds and (words is None or _compiled(words).fullmatch(word))
        for kinds, words in contexts
    )


def _taken_back_by_context(
    kind: str, harmless: bool, harmless_for_touching: bool, harmless_for_the_street: bool
) -> bool:
    if kind in (SEXUAL, ONLINE):
        return harmless_for_touching
    if kind == HOMELESS:
        return harmless_for_the_street
    return harmless


def _assess_clause(
    clause: str,
    found: _Found,
    media: bool = False,
    laugh: bool = False,
    errand: bool = False,
    told_of_others: tuple[str, ...] = (),
    threat_idiom: bool = False,
    whole: str = "",
) -> None:
    """The words of one clause (or of the whole message, `told_of_others` then holding its
    clauses that tell of someone else in a book or film: a word inside one of them is that
    story's, "een boek over een meisje dat wegloopt, ik moet er een verslag over maken").
    `whole` is the whole message, for what one clause says about another."""
    whole = whole or clause
    # an app is where online abuse happens: only a story takes it back ("sextortion op
    # tiktok, hij wil geld", sixteenth pass)
    story = bool(_STORY.search(whole))
    referee = bool(_REFEREE.search(whole))
    clean_now = bool(_CLEAN_NOW.search(whole))
    matched = {pattern for pattern in _HARMLESS if _compiled(pattern).search(clause)}
    harmless = media or bool(matched)
    # touching and photos asked for: only a context that is not sport, a game or media
    harmless_for_touching = bool(matched - {_SPORT_AND_GAMES, _MEDIA_WORDS})
    # the street: a training or a ball says nothing about it ("ik ga liever niet naar huis
    # na de training", ninth pass); only the other contexts count
    harmless_for_the_street = media or bool(matched - {_SPORT_AND_GAMES})
    # the kinds, and the words of them, that a narrower context takes back
    contexts = [
        (kinds, words)
        for kinds, words, pattern in _HARMLESS_FOR
        if _compiled(pattern).search(clause)
    ]
    sport = bool(_SPORT_OR_ACCIDENT.search(clause))
    # the sport named in another clause, the hitting told of no one near the youth: "mn broer
    # is goed in mma, hij slaat iedereen knock out" (eighteenth pass)
    sport_said = bool(_SPORT_OR_ACCIDENT.search(whole)) and not _NOT_FROM_SPORT.search(whole)
    # a film about someone else's suicide is not the youth's danger
    third_person = media and not _ABOUT_ME.search(clause) and not _LIKE_ME.search(whole)
    for form in dict.fromkeys((clause, _without_fillers(clause))):
        level = _special(form)
        if level == TAKEN_BACK:
            found.taken_back = True
        elif level != NONE and not harmless:
            found.add(level, SELF_HARM)
        for kind, pattern in _CLEAR:
            for match in _compiled(pattern).finditer(form):
                if (
                    (third_person and (kind != ONLINE or story))
                    or (kind == SELF_HARM and _SWEET_OVERDOSE.search(form))
                    or (sport and kind == VIOLENCE)
                    or any(match.group() in part for part in told_of_others)
                ):
                    found.taken_back = True
                    continue
                if (
                    (kind == VIOLENCE and _THREAT_IDIOM.search(form))
                    or (kind == VIOLENCE and threat_idiom and _THREAT_WORDS.search(match.group()))
                    or (kind in (VIOLENCE, HONOUR) and _AS_IF_OR_A_HUG.search(form))
                    or (kind == VIOLENCE and _FOR_MY_GOOD.search(whole))
                    # the sport named in another clause, no parent or home: "een blauwe plek
                    # van voetbal, die jongen trapte me" (twenty-first pass)
                    or (kind == VIOLENCE and sport_said and not _BY_A_PARENT.search(whole))
                    or (kind == SELF_HARM and _ACCIDENT_AT_A_THING.search(form))
                    or (kind in (VIOLENCE, HONOUR) and laugh and _joked(form))
                    or (kind == HOMELESS and _PAST_OR_TRIP.search(form))
                    or (kind == HOME and _ORDINARY_DRINK.search(form))
                    or (kind == DANGER and _PAST.search(form))
                    or (kind == SELF_HARM and laugh and _JOKE.search(form))
                    or (kind == VIOLENCE and _SET_ON_FIRE.search(form))
                    or (kind == SELF_HARM and "pijn" in match.group() and _TREATMENT.search(form))
                    or (kind in (HOMELESS, SELF_HARM, VIOLENCE) and _A_ROLE.search(form))
                    or (kind == HOME and errand and "niks in huis" in match.group())
                    or (kind == VIOLENCE and referee)
                    or (kind == HOMELESS and _WANDERED_OFF.search(form))
                    or (kind == VIOLENCE and _A_PET.search(form))
                    or (kind == VIOLENCE and _IN_A_CAST.search(whole))
                    or (kind == HOMELESS and _LONG_AGO.search(whole))
                    or (kind == VIOLENCE and _OVER_NOW.search(whole))
                    or (kind == HOME and (clean_now or _ONCE.search(form)))
                ):
                    # an idiom, sleeping out or running away told as the past, a trip, a
                    # game, a parent's coffee: the check, never nothing
                    found.add(CHECK, kind)
                    continue
                inside = match.group().split()[1:-1]
                if _NEVER & set(inside) and kind == VIOLENCE:
                    # "hij doet me nooit pijn" (ninth pass); "nooit meer pijn": it stopped,
                    # which a coach may still want to know
                    if "meer" in inside:
                        found.add(CHECK, kind)
                    else:
                        found.taken_back = True
                    continue
                if _negated(form, match.start(), match.end()):
                    if _stopped(form, match.end()):
                        found.add(CHECK, kind)
                    else:
                        found.taken_back = True
                    continue
                found.add(CLEAR, kind)
        for kind, pattern in _CLEAR_UNLESS_HARMLESS:
            for match in _compiled(pattern).finditer(form):
                if harmless or _negated(form, match.start(), match.end()):
                    found.taken_back = True
                    continue
                found.add(CLEAR, kind)
    if found.level == CLEAR:
        return
    for form in dict.fromkeys((clause, _without_fillers(clause))):
        for kind, pattern in _UNSURE:
            for match in _compiled(pattern).finditer(form):
                # a parent who hits someone at home: a training named beside it takes
                # nothing back ("na de training slaat mijn vader mijn moeder", eighteenth pass)
                parent_hits = (
                    kind == VIOLENCE
                    and _BY_A_PARENT.search(form)
                    and _SOMEONE_AT_HOME.match(form, match.end())
                )
                if (
                    (
                        _taken_back_by_context(
                            kind, harmless, harmless_for_touching, harmless_for_the_street
                        )
                        and not parent_hits
                    )
                    or _in_context(contexts, kind, match.group())
                    or _negated(form, match.start(), match.end())
                    # a parent (or home) with the pillow keeps the check
                    or (kind == VIOLENCE and _PILLOW.search(form) and not _BY_A_PARENT.search(form))
                    or (
                        kind == VIOLENCE
                        and sport_said
                        and not _AT_ME.search(form[max(0, match.start() - 12) : match.end() + 20])
                    )
                ):
                    found.taken_back = True
                    continue
                found.add(CHECK, kind)
        for kind, pattern in _QUIET:
            for match in _compiled(pattern).finditer(form):
                if _NOT_FROM_SPORT.search(form) or not (
                    _taken_back_by_context(
                        kind, harmless, harmless_for_touching, harmless_for_the_street
                    )
                    or _in_context(contexts, kind, match.group())
                    or (sport and kind == VIOLENCE)
                ):
                    found.add(CHECK, kind)


_AT_HOME = re.compile(
    rf"\b(?:{_PARENT}|thuis|broer|zus|oom|opa|dad|father|stepdad|stepfather|mom|mum|mother|"
    r"stepmom|parents|brother|uncle|at home|babam|annem|abim|uvey babam|tata|ojciec|matka|"
    r"ojczym|mon pere|ma mere)\b"
)
# Sexual abuse told about a chat, an app or a game is online abuse too (Helpwanted).
_ONLINE_PLACE = re.compile(
    r"\b(?:online|internet|insta|instagram|snap|snapchat|tiktok|discord|telegram|whatsapp|"
    r"appt|appen|dm|dms|chat|chatten|webcam|cam|roblox|fortnite|in een game)\b"
)


# "overslaan" split in two, as Dutch does with its verbs: skipping a question ("sla maar
# over", "die slaan we over") is no hitting; "over mijn rug", "over de kop" and "slaat me
# over" (a person hit, or skipped: not worth the doubt) still are, and so does skipping a
# meal ("ik sla het eten over"), which keeps the check it had.
# Read as one word before the message is split at "maar" and the other clause borders.
_SKIPPING = re.compile(
    r"\b(?:sla|slaan|slaat|sloeg|sloegen)\b"
    r"((?:[\s,]+(?!(?:me|mij|hem|haar|ons|jou|je|elkaar|eten|ontbijt|lunch|avondeten|"
    r"maaltijd|maaltijden|diner)\b)\w+){0,3}?)[\s,]+(?:over|ovr|ovur|oveer|ofer)\b"
    r"(?![\s,]+(?:de|het|een|mijn|mn|m|me|zijn|zn|haar|je|z|d|ons|hun)\b)",
    re.IGNORECASE,
)


# A word in quotes that hides what happens: papa is "ziek", mama is 'moe' at eleven in the
# morning, an "ongelukje" (seventh pass, read from the eleventh and twelfth sets). Read on
# the text as typed: normalising drops the quotes.
_QUOTED_EUPHEMISM = re.compile(
    r"""['"‘’“”`](?:ziek|moe|moeilijk|slaperig|ongelukje|ongeluk|gevallen|medicijnen|"""
    # "mama heeft weer haar "sapje" op" (sixteenth pass)
    r"""snoepjes|sapje|sapjes|drankje|drankjes|pilletjes|medicijntjes|feestje)['"‘’“”`]""",
    re.IGNORECASE,
)


# "mn tante slaat altijd met de deur": a door slammed, no hitting (twentieth pass).
_SLAMMING_A_DOOR = re.compile(
    r"\b(?:sla|slaan|slaat|sloeg|sloegen)\s+(?:\w+\s+){0,2}met\s+(?:de\s+)?(?:deur|deuren|"
    r"kastdeur\w*)\b",
    re.IGNORECASE,
)


# "ik sla me er wel doorheen": getting through something, no hitting (fifteenth pass).
_GETTING_THROUGH = re.compile(
    r"\b(?:sla|slaan|slaat|sloeg|sloegen)\s+(?:me|mij|ons|je|zich|mezelf)\s+(?:er\s+)?"
    r"(?:\w+\s+){0,2}doorheen\b",
    re.IGNORECASE,
)


def assess_words(text: str | None) -> Assessment:
    """The level and kinds of danger from the words of a message alone."""
    if not text or text.startswith("/"):
        return Assessment()
    text = _SKIPPING.sub(r"overslaan\1", text)
    text = _GETTING_THROUGH.sub("doorheenslaan", text)
    text = _SLAMMING_A_DOOR.sub("deurenslaan", text)
    found = _Found()
    clauses = _clauses(text)
    whole = _typos(normalise(text))
    media = bool(_MEDIA.search(whole))
    if _QUOTED_EUPHEMISM.search(text):
        found.add(CHECK, HOME if _AT_HOME.search(whole) else DANGER)
    laugh = bool(_LAUGH.search(text))
    errand = bool(_ERRAND.search(whole))
    # "... gaat me vermoorden want ik ben mn huiswerk vergeten": "want" splits the clause
    threat_idiom = bool(_THREAT_IDIOM.search(whole))
    for clause in clauses:
        _assess_clause(clause, found, media, laugh, errand, threat_idiom=threat_idiom, whole=whole)
    if (len(clauses) > 1 or clauses != [whole]) and found.level != CLEAR:
        # a phrase split by a comma ("ik wil, niet meer leven") or by a word that borders
        # a clause ("hele weekenden alleen") still counts
        others = tuple(
            c for c in clauses if media and not _ABOUT_ME.search(c) and not _LIKE_ME.search(whole)
        )
        _assess_clause(whole, found, media, laugh, errand, others, threat_idiom, whole)
    for kind, pattern in _CHECK_WHATEVER_CONTEXT:
        if _compiled(pattern).search(whole):
            found.add(CHECK, kind)
    if (
        found.level == CLEAR
        and set(found.found) == {SELF_HARM}
        and (
            _ABOUT_THE_WORD.search(whole)
            or _SOMEONE_ELSES_SUICIDE.search(whole)
            or _GAME_DEATH.search(whole)
            or _SOMEONE_ELSES_MEDICINE.search(whole)
        )
        and not _MY_OWN.search(whole)
    ):
        # "hoe schrijf je zelfmoord", a talk about suicide prevention, a singer's death in
        # the news (eighth pass), an article about it, dying in a game and being brought
        # back (ninth pass): the word is not the youth's wish; the check asks
        found.level = CHECK
        found.found[SELF_HARM] = CHECK
    if (
        found.level == CLEAR
        and (_ABOUT_THE_WORD.search(whole) or _LESSON_OR_NEWS.search(whole))
        and not _ABOUT_ME.search(whole)
    ):
        # a lesson on honour violence or sexting, a murder in the paper, told with no word of
        # the youth (sixteenth pass): the check, never the help lines at once
        found.level = CHECK
        found.found = {kind: CHECK for kind in found.found}
    about = _ABOUT_SOMEONE_IN.search(whole) if found.level == CLEAR else None
    if (
        about
        and not _ABOUT_ME.search(whole[about.end() :])
        and assess_words(whole[: about.start()]).level != CLEAR
    ):
        found.level = CHECK
        found.found = {kind: CHECK for kind in found.found}
    if found.level == CLEAR and set(found.found) == {DANGER} and _ALL_SAFE.search(whole):
        found.level = CHECK  # a fire told with everyone safe (thirteenth pass)
        found.found[DANGER] = CHECK
    # violence by a parent or at home is also danger at home (Veilig Thuis)
    if VIOLENCE in found.kinds and _AT_HOME.search(whole):
        found.add(found.found[VIOLENCE], HOME)
    if SEXUAL in found.found and ONLINE not in found.found and _ONLINE_PLACE.search(whole):
        found.add(found.found[SEXUAL], ONLINE)
    # "gepest" with thoughts of self-harm is bullying and self-harm, both clear
    if BULLYING in found.kinds and SELF_HARM in found.kinds and found.level == CHECK:
        found.level = CLEAR
        found.found[BULLYING] = found.found[SELF_HARM] = CLEAR
    elif BULLYING in found.found and found.found.get(SELF_HARM) == CHECK and found.level == CLEAR:
        found.found[SELF_HARM] = CLEAR  # "gepest ... ik kan niet meer": 113 too
    kinds = [kind for kind in found.kinds if found.level == CLEAR or kind != DANGER] or [
        *found.kinds
    ]
    return Assessment(found.level, tuple(kinds), found.taken_back)


# Told as harmless in so many words (fifteenth pass, read from the twentieth set's full
# alarms that only a sure classifier gave): a toddler's bite, running "tot ik niet meer
# kan" for a race, a danger seen on tv, someone who ran away and is back long since, "ik ben
# dood" beside a school deadline. A sure classifier then gives the check, never the help
# lines at once; the words still decide (a clear word stays clear).
_TOLD_HARMLESS = re.compile(
    r"\b(?:baby|babytje|peuter|dreumes|(?:nichtje|neefje|broertje|zusje|kleintje) van "
    r"(?:[1-4]|een|twee|drie|vier)(?: jaar| maanden| maand)?)\b(?: \w+){0,2} (?:beet|bijt|"
    r"sloeg|slaat|schopte|schopt|krabde|krabt|trok|trekt)\b|\bkrijgt (?:\w+ )?tandjes\b|"
    r"\b(?:ren|rennen|loop|lopen|train|trainen|fiets|fietsen|zwem|zwemmen|sport|sporten)\b"
    r"(?: \w+){0,4} tot ik (?:niet meer kan|erbij neerval|neerval)\b|"
    r"\b(?:zag|zagen|gezien|zie|zien|kijken|keken)\b(?: \w+){0,3} (?:op|in) (?:tv|de tv|"
    r"televisie|het nieuws|het journaal|nos|youtube)\b|"
    r"\bweggelopen\b.*\b(?:al lang|allang|alweer|al weer|weer) terug\b|"
    r"\b(?:inleveren|deadline|toets|proefwerk|verslag|stageverslag|huiswerk|werkstuk|"
    r"tentamen)\b.*\bik ben (?:zo |echt |gewoon )?dood\b|"
    # sixteenth pass: a phone number given, a man the police caught, a cousin's wedding
    r"\b0[1-9](?: ?\d){8}\b|\b(?:ze hebben (?:hem|haar|die man|die gast) (?:al|gepakt|"
    r"opgepakt)|(?:is|zijn|werd|werden) (?:al )?(?:opgepakt|gearresteerd))\b|"
    r"\b(?:neef|nicht|broer|zus|oom|tante|buurman|buurvrouw|juf|meester)\b(?: \w+){0,3} "
    r"(?:gaat|gaan) (?:\w+ ){0,3}trouwen\b(?!.*\b(?:ik|mij|me) (?:moet|moeten) (?:\w+ )?trouwen\b)|"
    # nineteenth pass: "en als ik het niet meer wil dan?" after the choice was sent
    r"\bals ik (?:het|dit|dat|m|hem|haar) (?:\w+ )?niet meer wil(?: dan)?\s*$"
)


def assess(
    text: str | None,
    crisis: float = 0.0,
    crisis_on_top: bool = False,
    check: float = 0.0,
    diet_crisis: float = 0.0,
    clear_at: float | None = None,
    check_at: float | None = None,
    answer: bool = False,
) -> Assessment:
    """The level of a message from its words and the classifier's confidences.

    `crisis` is the classifier's confidence for `crisis`, `crisis_on_top` whether it is
    the first intent, `check` its confidence for `crisis_check` (messages that sound like
    danger and mostly are not), `diet_crisis` DIET's own crisis confidence before pooling.
    The words never lower what the classifier says, except where the message itself takes
    a word back ("nooit pijn"): then a high confidence gives the check instead of the help
    lines at once, and a middle one (under `SURE_DESPITE_TAKEN_BACK_AT`) no check. `answer`:
    the message is a short answer its question reads whole (an
    age, a number, a yes or a no): the classifier's middle band gives no check for it.
    """
    clear_at = CLEAR_AT if clear_at is None else clear_at  # other values: the benches
    check_at = CHECK_AT if check_at is None else check_at
    words = assess_words(text)
    if only_people(text):
        # "mn moeder", "me stiefopa", "hij is mn oom": an answer to "Wie ...?" names a
        # person and says nothing about them. The classifier learnt these people from the
        # danger examples ("mn stiefvader slaat me"); no message of only people words is
        # danger in the seven held-out sets (1,411 danger messages) nor in data/nlu. Since
        # the fifth batch also with a first name, a title and where they live ("mn oom
        # mustafa", "mevrouw de vries van naast ons"): no danger message of the eleven
        # sets moved, and the low crisis band no longer checks such form answers.
        model = NONE
    elif crisis >= clear_at and crisis_on_top:
        model = CLEAR
    elif answer:
        # a short answer that the form's question reads whole: an age, a number, a yes or
        # a no (bot/nlu/at_the_question.py, issue 20); the words still decide
        model = NONE
    elif plain_answer(text):
        # "wt nie", "nee durf ik nog niet" at a question of the form: the classifier's
        # check for these short answers is a guess from their "niet"; none of the danger
        # messages of the held-out sets nor a crisis example of data/nlu is one.
        model = NONE
    elif _one_word(text) and crisis < ONE_WORD_CHECK_AT:
        # One word is a name, a nickname or a short answer ("Geheimnaam" at "Hoe wil je dat
        # ik je noem?"); the classifier's letter pieces of it are a guess. Every one-word
        # danger in the seven held-out sets ("zelfmoord", "help", "sextortion") is in the
        # words, and data/nlu has no one-word crisis: the words decide, or a sure model.
        model = NONE
    elif crisis >= check_at or crisis + check >= SUM_CHECK_AT or diet_crisis >= DIET_CHECK_AT:
        model = CHECK
    else:
        model = NONE
    if words.taken_back and words.level == NONE:
        sure = model != NONE and crisis >= SURE_DESPITE_TAKEN_BACK_AT
        model = CHECK if model == CLEAR or sure else NONE
    if model == CLEAR and words.level != CLEAR and _TOLD_HARMLESS.search(_typos(normalise(text))):
        model = CHECK
    level = max(words.level, model, key=_RANK.__getitem__)
    return Assessment(level, words.kinds, words.taken_back)


# Words that may stand around a person in an answer naming them: "een vriendin van mn
# moeder", "mijn opa van papa zn kant", "hij is mn oom".
_AROUND_PEOPLE = frozenset(
    "mijn mn me m'n mien mij je jouw zijn zn z'n haar hun onze ons een de het die dat deze van "
    "hij zij ze is kant pleeg stief half beste oude grote lieve eigen echte "
    # "mn big sis", "my foster mom" (stop 40)
    "big lil little foster my".split()
)


# A short answer that only says "I don't know", "I won't give it" or "not yet": "wt nie",
# "weet het niet uit mn hoofd", "nee durf ik nog niet", "wil ik niet geven". Never with
# "meer": "ik weet het niet meer" may be despair and keeps what the classifier says.
_PLAIN_ANSWER = re.compile(
    r"^(?:(?:nee|neej|nah|ja|jawel|jaa|eh+m*|uh+m*|hm+|sorry|pff+)\s+)*(?:"
    r"(?:ik\s+)?(?:weet|wt|weetn)\s+(?:het\s+|ik\s+|t\s+|'t\s+)?(?:niet|nie|nt|ni)"
    r"|kweenie|kweeni|kweet\s+(?:het\s+|t\s+)?(?:niet|nie)|idk|geen\s+idee"
    r"|(?:dat\s+)?(?:wil|durf)\s+ik\s+(?:nog\s+)?(?:niet|nie)"
    r"(?:\s+(?:geven|zeggen|vertellen|doen|vragen))?"
    r"|(?:dat\s+)?zeg\s+ik\s+(?:liever\s+)?(?:niet|nie)"
    # issue 20's form sets (2026-12-06): "heb ik al gevraagd", "heb het nog nie gevraagd",
    # "ik durf het nog niet te vragen", "liever nie zeggen", "jawel al een keer"
    r"|(?:heb\s+ik|ik\s+heb|heb|hebben\s+we|we\s+hebben)\s+(?:het\s+|t\s+|dat\s+)?"
    r"(?:al\s+(?:een\s+keer\s+)?|nog\s+(?:niet|nie)\s+)"
    r"(?:gevraagd|gezegd|gedaan|gepraat|besproken)"
    r"|(?:ik\s+)?durf\s+(?:het\s+|t\s+)?(?:nog\s+)?(?:niet|nie)(?:\s+te\s+vragen)?"
    r"|liever\s+(?:niet|nie)(?:\s+zeggen)?|al\s+een\s+keer|nog\s+(?:niet|nie)"
    r"(?:\s+(?:gedaan|gevraagd|gepraat))?)"
    r"(?:\s+(?:uit\s+(?:mijn|mn|me)\s+hoofd|precies|zo\s+goed|zo|hoor|echt|sorry))*"
    r"[\s.!?]*$"
)


def plain_answer(text: str | None) -> bool:
    """True for a short "weet ik niet", "wil ik niet geven", "durf ik nog niet"."""
    return bool(_PLAIN_ANSWER.match(" ".join((text or "").lower().split())))


# Besides people words, an answer that names someone may hold a first name, a title with
# a surname ("meneer el amrani"), where the person lives ("van beneden", "van naast ons")
# and a hedge ("hij heet sjaak geloof ik"). No other word: a verb makes it a story.
_TITLES = frozenset("meneer mevrouw mevr mw mr dhr juf meester".split())
# Small words of a surname after a first name: "Yvonne van der Linden" (2026-12-06).
_SURNAME_PARTS = frozenset("van de den der ter ten te el al da di le la".split())
_AROUND_A_NAME = frozenset(
    "heet heten noemen noem geloof denk ik toch gewoon gwn beneden boven naast hiernaast "
    "overkant bovenburen benedenburen straat school "
    # "me buurman van 2 hoog", "de buurvrouw van nummer 12" (stop 40)
    "hoog nummer nr verderop".split()
)


# "ik wil me opa kiezen": the choice said after the person
_CHOSEN_AFTER = re.compile(r"\s+(?:kiezen|nemen|doen)[\s.!]*$", re.IGNORECASE)


def only_people(text: str | None) -> bool:
    """True when a message is only a person, said as an answer: "mn moeder", "me neef",
    "mn oom mustafa", "mevrouw de vries van naast ons", "hij heet sjaak geloof ik"."""
    from bot.nlu.name_roles import first_names
    from bot.nlu.relation_words import LEADING, is_dutch, word_relation

    # "ik wil mn tante", "ik zou zeggen mn nicht", "ik kies voor mn opa": the choice said
    # before the person (stop 39); "ik wil me opa kiezen": and after it
    text = _CHOSEN_AFTER.sub("", LEADING.sub("", " ".join((text or "").split())))
    typed = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text)
    words = [word.lower() for word in typed]
    if not words or len(words) > 8:
        return False
    names = first_names()
    person = False
    after_title = 0
    after_name = 0  # capitalised words of a surname that may still follow a first name
    for index, (word, as_typed) in enumerate(zip(words, typed, strict=True)):
        if word in _TITLES:
            person, after_title = True, 2  # a surname of up to two words may follow
        elif word_relation(word) or word in names:
            person, after_name = True, 2 if word in names else 0
            continue
        elif after_title and word not in _AROUND_PEOPLE:
            after_title -= 1
        elif after_name and word in _SURNAME_PARTS:
            continue  # "Yvonne van der Linden"
        elif after_name and as_typed[:1].isupper():
            after_name -= 1  # "Dewi Soeparman": a surname, as typed
            continue
        elif person and index == len(words) - 1 and not is_dutch(word):
            continue  # "me nonkel luc": the last word after the person, no Dutch word (stop 40)
        elif word not in _AROUND_PEOPLE and word not in _AROUND_A_NAME:
            return False
    return person


def _one_word(text: str | None) -> bool:
    """One word of letters, emoji and marks aside: "Geheimnaam", "sam!"."""
    return len(re.findall(r"[^\W_]+", text or "")) == 1 and not re.search(r"\d", text or "")


def looks_like_crisis(text: str | None) -> bool:
    """True when the words alone make a message clear danger."""
    return assess_words(text).level == CLEAR


# --- help that fits the danger --------------------------------------------------------

ADULT_AGE = 18


def _age(age: object) -> int | None:
    try:
        return int(str(age).strip())
    except (TypeError, ValueError):
        return None


def help_lines(kinds: tuple[str, ...] | list[str], age: object = None) -> list[str]:
    """The responses (domain.yml) with the help lines that fit these kinds and this age.

    112 always first. Then the lines for the kinds named: 113 only for self-harm or
    suicide, Veilig Thuis for danger at home and honour, Centrum Seksueel Geweld for
    sexual violence, Helpwanted for online abuse. Under 18 (or age unknown) the
    Kindertelefoon; 18 and older the Luisterlijn, which serves adults.
    """
    adult = (_age(age) or 0) >= ADULT_AGE
    lines = ["utter_help_112"]
    kinds = tuple(kinds)
    if SELF_HARM in kinds:
        lines.append("utter_help_113")
    if HOME in kinds or HONOUR in kinds:
        lines.append("utter_help_veilig_thuis")
    if SEXUAL in kinds:
        lines.append("utter_help_csg")
    if ONLINE in kinds:
        lines.append("utter_help_helpwanted")
    if HOMELESS in kinds and not adult and "utter_help_veilig_thuis" not in lines:
        lines.append("utter_help_veilig_thuis")
    general = "utter_help_luisterlijn" if adult else "utter_help_kindertelefoon"
    if not adult or len(lines) == 1:
        lines.append(general)
    if len(lines) == 2 and not adult and not set(kinds) - {DANGER, VIOLENCE}:
        lines.insert(1, "utter_help_veilig_thuis")  # no kind named: home is the likeliest
    return lines
