"""The levels of danger (bot/nlu/safety.py): clear danger gets the help lines at once, an
unsure sign one gentle check, and a word the message itself takes back nothing."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu import safety
from bot.nlu.safety import CHECK, CLEAR, NONE, assess, assess_words, help_lines, looks_like_crisis
from nlu_components.crisis_guard import CrisisGuard


@pytest.mark.parametrize(
    "text, kind",
    [
        ("ik wil dood", safety.SELF_HARM),
        ("Ik wil niet meer leven!!", safety.SELF_HARM),
        ("mn stiefvader slaat me", safety.VIOLENCE),
        ("ze slaan me thuis", safety.VIOLENCE),
        ("niemand mag weten dat hij me slaat", safety.VIOLENCE),
        ("ik snij mezelf soms", safety.SELF_HARM),
        ("ik ben bang thuis", safety.HOME),
        ("hij raakt me aan en dat wil ik niet", safety.SEXUAL),
        ("ik voel me niet veilig", safety.DANGER),
        ("IK WIL ER NIET MEER ZIJN", safety.SELF_HARM),
        ("i want to die", safety.SELF_HARM),
        ("het leven heeft geen zin meer", safety.SELF_HARM),
        ("ik slaap op straat", safety.HOMELESS),
        ("ik wil verdwijnen voor altijd", safety.SELF_HARM),
        ("iedereen is beter af zonder mij", safety.SELF_HARM),
        ("ik zie het niet meer zitten", safety.SELF_HARM),
        ("ik wil niet meer", safety.SELF_HARM),
        ("ik wil niet meer verder", safety.SELF_HARM),
        ("ik wil niet meer naar huis", safety.HOME),
        ("ik wil van de flat springen", safety.SELF_HARM),
        ("ik ga voor de trein liggen", safety.SELF_HARM),
        ("mijn vader doet me pijn", safety.VIOLENCE),
        ("ik wil gewoon verdwijnen", safety.SELF_HARM),
        ("ik zie het gwn niet meer zitten", safety.SELF_HARM),
        ("ik wil eigenlijk dood", safety.SELF_HARM),
        # danger at home and from others (issue 24)
        ("mama drinkt en dan gooit ze met dingen", safety.HOME),
        ("mijn vader is altijd dronken", safety.HOME),
        ("ik krijg thuis geen eten", safety.HOME),
        ("hij wil naaktfotos van me", safety.ONLINE),
        ("hij dreigt mijn fotos te verspreiden", safety.ONLINE),
        ("ik moet trouwen met mijn neef", safety.HONOUR),
        ("mijn ouders hebben me eruit gegooid", safety.HOMELESS),
        ("ik ben weggelopen", safety.HOMELESS),
        ("ik word gepest en wil dood", safety.SELF_HARM),
        ("ik kan niet meer, hij slaat me", safety.VIOLENCE),
        ("ik ben bang", safety.DANGER),
    ],
)
def test_clear_words_of_danger_give_the_help_lines_at_once(text, kind):
    result = assess_words(text)
    assert result.level == CLEAR
    assert kind in result.kinds
    assert looks_like_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        # idioms and words of danger without their clear context: one gentle check
        "mijn vader drinkt",
        "ik word gepest",
        "hij slaat me niet meer",  # it stopped: still worth asking
        "ik kan niet meer",
        "ik heb pillen genomen",
        "ik wil niet meer naar school",
    ],
)
def test_unsure_signs_get_the_check(text):
    assert assess_words(text).level == CHECK


@pytest.mark.parametrize(
    "text",
    [
        # taken back by negation or context (issue 24)
        "ze zou me nooit pijn doen",
        "hij slaat nooit",
        "hij heeft me nog nooit geslagen",
        "ze helpt me met mijn pillen",
        "mijn opa is dood",
        "mijn hond is vorig jaar dood gegaan",
        "mijn telefoon is dood",
        "ik ga dood van het lachen",
        "hij slaat altijd de bal te hard",
        "ik heb pijn in mijn buik",
        "we drinken samen koffie",
        "ze helpt me als ik bang ben",
        "ze snijdt de groente",
        # ordinary messages
        "ik wil niet meer wachten",
        "hoe lang duurt het",
        "ik ga slapen",
        "ik wil shoppen",
        "mijn oma",
        "Riet",
        "ja dat mag",
        "",
        "😀",
        "0612345678",
        "ik voel me veilig bij haar",
        "ik spring op de trampoline",
        "we gaan met de trein naar oma",
        "ik wil echt niet meer chatten",
        "/affirm",
    ],
)
def test_harmless_messages_give_no_alarm(text):
    assert assess_words(text).level == NONE
    assert not looks_like_crisis(text)


def test_a_taken_back_word_is_remembered_so_a_sure_classifier_gives_only_the_check():
    assert assess_words("ze zou me nooit pijn doen").taken_back
    assert assess("ze zou me nooit pijn doen", crisis=0.95, crisis_on_top=True).level == CHECK
    assert assess("ze zou me nooit pijn doen", crisis=0.5).level == NONE


@pytest.mark.parametrize(
    "crisis, expected",
    [
        (safety.SURE_DESPITE_TAKEN_BACK_AT, CHECK),
        (0.9, CHECK),
        (safety.SURE_DESPITE_TAKEN_BACK_AT - 0.01, NONE),
        (0.2, NONE),
    ],
)
def test_a_taken_back_word_hides_no_danger_the_classifier_is_sure_of(crisis, expected):
    """Stop 43: two blind sets held danger the classifier was sure of (0.7 or more, not on
    top) and a word taken back made it nothing; a sure classifier now keeps the check."""
    text = "hij zou me nooit pijn doen, echt niet"
    assert assess_words(text).taken_back
    assert assess(text, crisis=crisis, crisis_on_top=False).level == expected


@pytest.mark.parametrize(
    "crisis, on_top, check, diet, expected",
    [
        (0.95, True, 0.0, 0.95, CLEAR),
        (safety.CLEAR_AT, True, 0.0, 0.0, CLEAR),
        (0.9, False, 0.0, 0.0, CHECK),  # high, but another intent is first
        (safety.CHECK_AT, False, 0.0, 0.0, CHECK),
        (0.1, False, 0.0, safety.DIET_CHECK_AT, CHECK),  # DIET alone saw it
        (0.1, False, 0.75, 0.0, CHECK),  # crisis and crisis_check together
        (safety.CHECK_AT - 0.01, False, 0.0, safety.DIET_CHECK_AT - 0.01, NONE),
        (0.0, False, 0.0, 0.0, NONE),
    ],
)
def test_the_classifiers_confidence_gives_its_level(crisis, on_top, check, diet, expected):
    text = "iets anders"
    result = assess(text, crisis=crisis, crisis_on_top=on_top, check=check, diet_crisis=diet)
    assert result.level == expected


@pytest.mark.parametrize(
    "text, crisis, on_top, diet, expected",
    [
        # a nickname at "Hoe wil je dat ik je noem?" (CI run of 4e722ef): no check from
        # the classifier's guess at its letter pieces
        ("Geheimnaam", 0.22, False, 0.3, NONE),
        ("geheim", 0.43, True, 0.6, NONE),
        ("Xandrietje!", 0.3, False, 0.55, NONE),
        # one word of danger: the words decide
        ("zelfmoord", 0.0, False, 0.0, CLEAR),
        ("help", 0.0, False, 0.0, CHECK),
        ("bang", 0.1, False, 0.1, CHECK),
        # a sure classifier still counts
        ("zelfmord", safety.CLEAR_AT, True, 0.9, CLEAR),
        ("xyz", safety.CLEAR_AT, False, 0.9, CHECK),
        # a fairly sure classifier counts too: pills and a night said in one word and
        # emoji (the twelfth set, 0.89); no harmless one word reaches 0.3 (2026-12-06)
        ("💊💊💊 vannacht", 0.89, True, 0.0, CHECK),
        ("morgen", safety.ONE_WORD_CHECK_AT, True, 0.0, CHECK),
        ("Priscilla", 0.29, False, 0.0, NONE),
        # two words or a number are no one-word answer
        ("geheim houden", 0.3, False, 0.0, CHECK),
        ("112", 0.3, False, 0.0, CHECK),
    ],
)
def test_one_word_gets_the_alarm_from_its_words_or_a_sure_classifier(
    text, crisis, on_top, diet, expected
):
    level = assess(text, crisis=crisis, crisis_on_top=on_top, diet_crisis=diet).level
    assert level == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # short answers at "Heb je al met Riet gepraat?" and the name questions: the
        # classifier's low crisis band is a guess from their "niet" (2026-12-06)
        ("heb ik al gevraagd", NONE),
        ("jawel al een keer", NONE),
        ("heb t nog nie gepraat", NONE),
        ("nee ik durf het nog niet te vragen", NONE),
        ("liever niet zeggen", NONE),
        ("nog nie", NONE),
        # with "meer", a secret never told or a fear of home, the classifier still counts
        ("ik weet het niet meer", CHECK),
        ("ik heb het nog nooit verteld", CHECK),
        ("ik durf niet naar huis", CLEAR),
    ],
)
def test_a_plain_answer_to_a_form_question_gets_no_check_from_the_low_band(text, expected):
    assert assess(text, crisis=0.4, crisis_on_top=False).level == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an answer that only names a person is no danger, however sure the classifier
        ("mn moeder", NONE),
        ("me stiefopa", NONE),
        ("hij is mn oom", NONE),
        ("een vriendin van mn moeder", NONE),
        ("me buuvrouw", NONE),
        # one word more about the person, and the classifier counts again
        ("mn stiefopa zit aan me", CLEAR),
        ("mn moeder drinkt", CLEAR),
        # and the words of danger always count
        ("mn oom, ik wil dood", CLEAR),
    ],
)
def test_an_answer_of_only_a_person_gets_no_alarm_from_the_classifier(text, expected):
    level = assess(text, crisis=safety.CLEAR_AT, crisis_on_top=True, diet_crisis=0.9).level
    assert level == expected


@pytest.mark.parametrize(
    "text, level",
    [
        # "niet" after another verb takes nothing back (CI run of 4e722ef)
        ("loop al de hele dag rond en wil nooit meer naar huis boeit niet waar ik slaap", CLEAR),
        ("ik wil niet meer naar huis maakt niet uit waar ik slaap", CLEAR),
        # a negation of the danger itself still does
        ("hij slaat me niet", NONE),
        # relief from a blade is self-harm, whatever "helpt ... als ik" says elsewhere
        ("het helpt even als ik het doe met het mesje, daarna ben ik weer rustig", CLEAR),
        ("met een mesje word ik rustig", CLEAR),
        ("mijn oma helpt me als ik verdrietig ben", NONE),
        ("hij helpt me met snijden van groente", NONE),
        ("opa helpt me met mijn zakmesje als we gaan vissen", NONE),
    ],
)
def test_a_negation_of_another_verb_after_the_danger_takes_nothing_back(text, level):
    assert assess_words(text).level == level


@pytest.mark.parametrize(
    "text, level",
    [
        # "kussen" is also a kiss: no pillow takes back a stepfather's hands
        ("mijn stiefvader wil me kussen en aanraken", CLEAR),
        ("we hebben kussengevecht gedaan en hij sloeg me hard", NONE),
        # a pet that ran off, a wasp, a lesson walked out of, running away years ago,
        # a parent's coffee: the check at most, never the help lines at once (a wasp's
        # sting explains its pain: no check since the fifth pass)
        ("ons konijn was weggelopen maar we hebben hem teruggevonden", CHECK),
        ("ik ben gestoken door een wesp en het doet mega pijn", NONE),
        ("ik ben weggelopen uit de les want ik moest plassen", CHECK),
        ("2 jaar geleden ben ik een keer weggelopen maar nu woon ik fijn bij mn tante", CHECK),
        ("toen ik 8 was ben ik weggelopen naar de speeltuin", CHECK),
        ("mijn moeder drinkt elke ochtend 3 bakken koffie", CHECK),
        # a child's cuddly toy or pillow: nothing since the sixteenth pass; a parent's: the check
        ("mn zusje slaat me altijd met haar knuffel", NONE),
        ("mijn moeder slaat me soms met een kussen", CHECK),
        # the same words about the youth now stay clear
        ("ik ben weggelopen en slaap nu bij een vriend", CLEAR),
        ("ik ben gestoken door een jongen", CLEAR),
        ("mn vader drinkt elke avond tot hij omvalt", CLEAR),
        ("mama drinkt en dan gooit ze met dingen", CLEAR),
        ("mijn vader slaat me met zijn riem", CLEAR),
    ],
)
def test_a_pet_a_wasp_or_coffee_is_a_check_at_most(text, level):
    assert assess_words(text).level == level


@pytest.mark.parametrize(
    "text, level",
    [
        # touching the youth does not want: the "niet" is the danger, not its negation
        ("ik wil niet dat hij me aanraakt", CLEAR),
        ("ik wil nie dat die man me aanraakt", CLEAR),
        ("ik wil niet dat mn oom me nog aanraakt", CLEAR),
        ("mn stiefvader kust me op de mond en dat wil ik nie", CLEAR),
        ("de vriend van mn moeder probeert me aan te raken", CLEAR),
        # touching that is wanted, a doctor, a grandfather's kiss: a check or nothing
        ("de dokter wil me aanraken", CHECK),
        ("mn opa wil me altijd kussen", NONE),
        ("mijn vriend wil me zoenen", NONE),
    ],
)
def test_touching_the_youth_does_not_want_is_clear(text, level):
    found = assess_words(text)
    assert found.level == level
    if level == CLEAR:
        assert found.kinds == (safety.SEXUAL,)


@pytest.mark.parametrize(
    "text, level, kind",
    [
        # danger told without a danger word (rope, a hidden bag, a parent who no longer
        # gets up, pills saved up): the words now carry it, not only the classifier
        ("ik heb een touw gekocht, je weet wel waarvoor", CLEAR, safety.SELF_HARM),
        ("ik spaar al weken pillen op", CLEAR, safety.SELF_HARM),
        ("ik woon een beetje overal en nergens", CLEAR, safety.HOMELESS),
        ("ik heb een tas ingepakt en onder mn bed verstopt", CLEAR, safety.HOMELESS),
        ("mn vader komt niet meer uit bed en er liggen overal lege flessen", CLEAR, safety.HOME),
        ("zaterdag loop ik weg", CHECK, safety.HOMELESS),
        ("mn broertje is ziek en niemand gaat met hem naar de dokter", CHECK, safety.HOME),
        # the same words in ordinary use
        ("ik heb een touw nodig voor mn tent", NONE, None),
        ("ik verzamel stickers en pillen doosjes voor knutselen", NONE, None),
        ("mn moeder komt niet uit bed want ze is ziek", NONE, None),
    ],
)
def test_danger_without_a_danger_word_is_found_by_its_signs(text, level, kind):
    found = assess_words(text)
    assert found.level == level
    if kind:
        assert kind in found.kinds


@pytest.mark.parametrize("crisis", [0.0, 0.3, 0.7])
def test_the_classifier_never_lowers_clear_words(crisis):
    assert assess("hij slaat me", crisis=crisis).level == CLEAR


@pytest.mark.parametrize(
    "kinds, age, expected",
    [
        (
            (safety.SELF_HARM,),
            15,
            ["utter_help_112", "utter_help_113", "utter_help_kindertelefoon"],
        ),
        ((safety.SELF_HARM,), 19, ["utter_help_112", "utter_help_113"]),
        (
            (safety.HOME,),
            14,
            ["utter_help_112", "utter_help_veilig_thuis", "utter_help_kindertelefoon"],
        ),
        ((safety.HOME,), 20, ["utter_help_112", "utter_help_veilig_thuis"]),
        ((safety.SEXUAL,), 16, ["utter_help_112", "utter_help_csg", "utter_help_kindertelefoon"]),
        ((safety.ONLINE,), 18, ["utter_help_112", "utter_help_helpwanted"]),
        ((), None, ["utter_help_112", "utter_help_veilig_thuis", "utter_help_kindertelefoon"]),
        ((), "22", ["utter_help_112", "utter_help_luisterlijn"]),
        ((safety.BULLYING,), 13, ["utter_help_112", "utter_help_kindertelefoon"]),
    ],
)
def test_the_help_lines_fit_the_danger_and_the_age(kinds, age, expected):
    assert help_lines(kinds, age) == expected


@pytest.mark.parametrize("kinds", [(), (safety.HOME,), (safety.VIOLENCE,), (safety.ONLINE,)])
@pytest.mark.parametrize("age", [12, 17, 18, 23, None])
def test_113_only_for_self_harm_and_the_kindertelefoon_only_under_18(kinds, age):
    lines = help_lines(kinds, age)
    assert lines[0] == "utter_help_112"
    assert "utter_help_113" not in lines
    assert ("utter_help_kindertelefoon" in lines) == (age is None or age < 18)


def message(
    text: str, intent: str, ranking: list[tuple[str, float]], diet: float | None = None
) -> Message:
    msg = Message(data={"text": text})
    msg.set("intent", {"name": intent, "confidence": ranking[0][1] if ranking else 1.0})
    msg.set("intent_ranking", [{"name": n, "confidence": c} for n, c in ranking])
    if diet is not None:
        msg.set("diet_crisis", diet)
    return msg


# a crisis confidence just under the check's threshold (CHECK_AT: 0.015 since stop 40)
BELOW_CHECK = round(safety.CHECK_AT * 0.75, 3)


@pytest.mark.parametrize(
    "text, intent, ranking, expected",
    [
        ("hij sloeg me gisteren", "inform_mentor", [("inform_mentor", 0.9)], "crisis"),
        (
            "mama drinkt en dan gooit ze met dingen",
            "inform_mentor",
            [("inform_mentor", 0.9)],
            "crisis",
        ),  # fmt: skip
        ("mijn telefoon is dood", "out_of_scope", [("out_of_scope", 0.9)], "out_of_scope"),
        ("ik ga dood", "crisis", [("crisis", 0.5), ("out_of_scope", 0.3)], "crisis_check"),
        (
            "hoe lang duurt het",
            "ask_what_happens",
            [("ask_what_happens", 0.6), ("crisis", BELOW_CHECK)],
            "ask_what_happens",
        ),  # fmt: skip
        (
            "ik weet het niet meer",
            "nlu_fallback",
            [("dont_know", 0.35), ("crisis", 0.35)],
            "crisis_check",
        ),  # fmt: skip
        (
            "ze zou me nooit pijn doen",
            "crisis",
            [("crisis", 0.5), ("inform_support", 0.45)],
            "inform_support",
        ),  # fmt: skip
        ("mijn oma", "inform_mentor", [("inform_mentor", 0.99), ("crisis", 0.01)], "inform_mentor"),
        # the classifier was sure of danger, but "mn moeder" only names a person: the
        # answer to "Wie ...?", also when the next intent is unsure
        ("mn moeder", "crisis", [("crisis", 0.8), ("inform_mentor", 0.1)], "inform_mentor"),
        ("me stiefopa", "crisis", [("crisis", 0.9), ("deny", 0.05)], "inform_mentor"),
        # an unsure message that is no person stays unclear
        ("ehm ja nee", "crisis", [("crisis", BELOW_CHECK), ("deny", 0.02)], "nlu_fallback"),
        # a short "don't know" or "won't give it" is an answer the form knows; with "meer"
        # it may be despair and keeps the check (above)
        ("wt nie", "crisis_check", [("crisis_check", 0.6), ("dont_know", 0.2)], "dont_know"),
        (
            "weet het niet uit mn hoofd",
            "crisis_check",
            [("crisis_check", 0.5), ("crisis", 0.3), ("deny", 0.1)],
            "dont_know",
        ),  # fmt: skip
        ("nee durf ik nog niet", "crisis_check", [("crisis_check", 0.7), ("affirm", 0.1)], "deny"),
        ("wil ik niet geven", "crisis", [("crisis", 0.5), ("deny", 0.45)], "deny"),
        ("/affirm", "affirm", [("affirm", 1.0)], "affirm"),
        ("/crisis", "crisis", [("crisis", 1.0)], "crisis"),
    ],
)
def test_crisis_guard_sets_the_level_as_the_intent(text, intent, ranking, expected):
    guard = CrisisGuard(CrisisGuard.get_default_config())
    (processed,) = guard.process([message(text, intent, ranking)])
    assert processed.get("intent")["name"] == expected


def test_crisis_guard_passes_the_kinds_on_for_the_help_lines():
    guard = CrisisGuard(CrisisGuard.get_default_config())
    (processed,) = guard.process([message("papa zuipt en slaat me", "greet", [("greet", 0.9)])])
    assert processed.get("danger")["level"] == CLEAR
    assert set(processed.get("danger")["kinds"]) >= {safety.HOME, safety.VIOLENCE}


def test_crisis_guard_reads_diets_own_crisis_beside_the_pooled_one():
    guard = CrisisGuard(CrisisGuard.get_default_config())
    msg = message("iets heel anders", "out_of_scope", [("out_of_scope", 0.8), ("crisis", 0.1)], 0.6)
    (processed,) = guard.process([msg])
    assert processed.get("intent")["name"] == "crisis_check"


# Second pass of words (2026-12-04): danger told in everyday words, each written apart
# from bench/safety_set.yml; every row gave another level or kind with the rules before.
SECOND_PASS_CLEAR = [
    ("pijn voelen lucht me op", "self_harm"),
    ("ik heb slaappillen opgespaard", "self_harm"),
    ("ik heb mezelf gisteren gesneden", "self_harm"),
    ("ik doe mezelf wat aan", "self_harm"),
    ("mijn stiefvader heeft me tegen de radiator gegooid", "violence"),
    ("thuis krijg ik vaak een pak slaag", "violence"),
    ("mijn oom staat met een bijl in de gang", "violence"),
    ("iemand probeert bij ons in te breken", "danger"),
    ("mijn vader ligt in de gang en reageert niet", "danger"),
    ("hij laat me niet uitstappen uit de auto", "danger"),
    ("thuis is het zo eng", "home"),
    ("mijn vader is weer aan de fles", "home"),
    ("mijn ouders zijn er bijna nooit", "home"),
    ("bij ons is er nooit eten", "home"),
    ("ik heb al drie dagen niks gegeten", "home"),
    ("hij zegt dat ik met mannen moet slapen voor geld", "sexual"),
    ("mijn stiefbroer kruipt snachts in mijn bed", "sexual"),
    ("ze gingen door terwijl ik nee zei", "sexual"),
    ("iemand heeft me stiekem gefilmd onder de douche", "online"),
    ("een man stuurt me vieze fotos", "online"),
    ("ik slaap nu in een schuur", "homeless"),
    ("waar kan ik vannacht slapen", "homeless"),
    ("ik wil weglopen", "homeless"),
    ("ik wil weg van huis en nooit meer terugkomen", "homeless"),
    ("ze willen dat ik met mijn neef trouw", "honour"),
    ("mijn broer controleert met wie ik app", "honour"),
    ("ik ben uitgehuwelijkt", "honour"),
    ("ze pesten me en ik kan niet meer", "self_harm"),
]
SECOND_PASS_CHECK = [
    ("ik moet elke dag voor mijn broertjes zorgen", "home"),
    ("ik heb mijn tas al ingepakt", "homeless"),
    ("ik mag het aan niemand vertellen", "danger"),
    ("hij wil dat ik op zijn schoot zit", "sexual"),
    ("mijn moeder valt vaak flauw", "danger"),
    ("mijn vader is ziek door die pillen", "home"),
]
SECOND_PASS_NONE = [
    "hij laat me nooit alleen als ik verdrietig ben",
    "bedankt voor je hulp",
    "ik wil wat drinken",
    "ik schrok me dood",
    "ik heb geen zin meer om te typen",
]


@pytest.mark.parametrize("text, kind", SECOND_PASS_CLEAR)
def test_danger_in_everyday_words_is_clear_with_its_kind(text, kind):
    result = assess_words(text)
    assert result.level == CLEAR, result
    assert kind in result.kinds, result


@pytest.mark.parametrize("text, kind", SECOND_PASS_CHECK)
def test_signs_in_everyday_words_get_the_check_without_113(text, kind):
    result = assess_words(text)
    assert result.level == CHECK, result
    assert kind in result.kinds and safety.SELF_HARM not in result.kinds, result
    assert "utter_help_113" not in help_lines(result.kinds, age=15)


@pytest.mark.parametrize("text", SECOND_PASS_NONE)
def test_thanks_drinks_and_negation_further_away_give_no_alarm(text):
    assert assess_words(text).level == NONE


def test_bullying_with_an_unsure_sign_of_self_harm_gets_113():
    result = assess_words("ze pesten me en ik kan niet meer")
    assert "utter_help_113" in help_lines(result.kinds, age=15)


@pytest.mark.parametrize(
    "text",
    [
        "hij staat met een mes in de keuken te koken",
        "we gaan samen op vakantie en ik pak mijn tas al in",
        "ik heb mijn spullen gepakt voor het kamp",
        "ze houdt me vast als ik verdrietig ben",
        "ik moest lachen om die man met geld",
    ],
)
def test_everyday_context_keeps_the_second_pass_words_quiet(text):
    assert assess_words(text).level == NONE


# Third pass of words (2026-12-04, issue 24c): kinds of wording the fresh set showed were
# thin, each row written from the help lines' own descriptions and how youths type, not
# from either set; every row gave another level or kind with the rules before.
THIRD_PASS_CLEAR = [
    ("ik heb vannacht gecut", "self_harm"),
    ("ik heb zo n drang om te krassen", "self_harm"),
    ("gisteren weer gekrast", "self_harm"),
    ("ik heb mn scheermesje weer gepakt", "self_harm"),
    ("ik draag altijd mouwen om mn littekens te verstoppen", "self_harm"),
    ("ik hou een aansteker tegen mn arm", "self_harm"),
    ("mijn bestaan is nutteloos", "self_harm"),
    ("ik ben een last voor mn familie", "self_harm"),
    ("niemand zou me echt missen", "self_harm"),
    ("ik wou dat ik nooit geboren was", "self_harm"),
    ("ik wil er gewoon een einde aan", "self_harm"),
    ("hij wil geld anders stuurt hij het door naar mn school", "online"),
    ("hij zet het online als ik niet betaal", "online"),
    ("een man op discord zegt dat ik het niet mag vertellen aan mn ouders, alleen wij", "online"),
    ("in de chat vraagt hij steeds wat ik aan heb", "online"),
    ("iemand op snap vroeg of ik nog maagd ben", "online"),
    ("mn stiefvader noemt het ons kleine geheim", "sexual"),
    ("hij doet dingen met me als mama werkt", "sexual"),
    ("zijn hand zat onder mn shirt", "sexual"),
    ("mn oom kijkt als ik douche", "sexual"),
    ("we zijn hele weekenden alleen", "home"),
    ("ze laten mij en mn broertje vaak alleen", "home"),
    ("al weken geen stroom thuis", "home"),
    ("mama blowt de hele dag", "home"),
    ("als papa gedronken heeft wordt hij eng", "home"),
    ("mijn vader wordt agressief van de drank", "home"),
    ("ik ben van thuis ontsnapt", "homeless"),
    ("ik ga nooit meer terug", "homeless"),
    ("al twee nachten niet thuis geslapen", "homeless"),
    ("ik slaap nu bij iemand die ik van internet ken", "homeless"),
    ("ik ga naar een man die ik via snap ken", "homeless"),
    ("hij geeft me klappen", "violence"),
    ("mn vader greep me bij mn keel", "violence"),
    ("hij zei dat hij me na school met zn vrienden komt afmaken", "violence"),
    ("mijn broers houden me de hele tijd in de gaten", "honour"),
    ("als mn vader hoort over mn vriendje maakt hij me dood", "honour"),
    ("een busje rijdt achter me", "danger"),
]
THIRD_PASS_CHECK = [
    ("het voelt zo zinloos", "self_harm"),
    ("hij wil dat we naar telegram gaan", "online"),
    ("we hebben een geheimpje samen", "sexual"),
    ("gisteren en vandaag niks gegeten", "home"),
    ("ik vond naalden in de badkamer", "home"),
    ("ik ruim het op zodat de buren niks zien", "danger"),
    ("weet iemand een slaapplek", "homeless"),
    ("als hij dat nog 1 keer doet ga ik weg", "homeless"),
    ("hij bonkt op mn deur", "danger"),
]
THIRD_PASS_NONE = [
    "ik ga ervandoor",
    "ik heb geen zin om verder te gaan",
    "ik ga nooit meer terug naar die kapper",
    "mijn moeder vraagt of ik al in bed lig",
    "ik heb de uien gesneden",
    "mijn moeder gebruikt mijn laptop",
    "ik woon al twee jaar niet meer thuis",
    "mijn vader geeft een trap tegen de bal",
    "hij is 40 jaar en we spreken af in de stad",
    "mijn vriendin zei het is klaar met jou",
    "hij zou me niet slaan",
]


# Fourth pass (2026-12-04): word orders and words the nets lacked; measured afterwards on
# bench/safety_set_fourth.yml, which nobody who wrote these rules had seen.
FOURTH_PASS_CLEAR = [
    ("mn stiefvader heeft me gisteren het huis uit gezet", safety.HOMELESS),
    ("ik wil stoppen met leven", safety.SELF_HARM),
    ("iedereen zegt dat ik er beter niet kan zijn", safety.SELF_HARM),
    ("ik heb vannacht weer op mijn bovenbenen gekrast", safety.SELF_HARM),
    ("mijn benen zitten vol met sneetjes van mezelf", safety.SELF_HARM),
    ("ik krab mijn huid open tot het bloedt", safety.SELF_HARM),
    ("mijn pols bloedt van wat ik heb gedaan", safety.SELF_HARM),
    ("ze sturen kys in de groep", safety.BULLYING),
    ("die man wil aan me zitten", safety.SEXUAL),
    ("ik moet met hem naar bed voor geld", safety.SEXUAL),
    ("ik krijg dikpics van een onbekende", safety.ONLINE),
    ("er gaat een video van mij rond en iedereen heeft hem doorgestuurd", safety.ONLINE),
    ("my dad wants me to marry my cousin", safety.HONOUR),
    ("ik mag niet meer terug naar nederland na de vakantie", safety.HONOUR),
    ("als mijn broers dat horen maken ze me af", safety.VIOLENCE),
    ("mijn vader ligt op de vloer en reageert niks meer", safety.DANGER),
    ("ze laten me niet gaan uit de auto", safety.DANGER),
    ("mijn moeder heeft me bij mijn haren gepakt", safety.VIOLENCE),
    ("hij gooide een bord naar mijn hoofd", safety.VIOLENCE),
    ("ik woon bij mijn opa want mama er nooit is", safety.HOME),
]
FOURTH_PASS_CHECK = [
    ("mama vermoordt me als ik mijn kamer niet opruim", safety.VIOLENCE),
    ("ik ben er volgende maand toch niet meer", safety.SELF_HARM),
    ("ik wil ook naar de hemel bij oma", safety.SELF_HARM),
    ("het wordt nooit meer beter", safety.SELF_HARM),
    ("ik eet expres niks meer", safety.SELF_HARM),
    ("papa wordt agressief als hij verliest", safety.VIOLENCE),
    ("overal lege flessen op tafel", safety.HOME),
    ("ik slaap op de grond", safety.HOME),
    ("er staat een man in mijn kamer", safety.DANGER),
    ("een man van 31 van snapchat wil afspreken", safety.ONLINE),
    ("ik ben vroeger een keer weggelopen", safety.HOMELESS),
]
FOURTH_PASS_NONE = [
    "ik ben dood moe",
    "hij zit altijd aan me te zeuren",
    "ze lacht me dood",
    "ik heb de uien gesneden",
    "mijn oom heeft een huis in turkije",
    "mijn oma is in de hemel",
    "ik ben er morgen niet",
    "ik slaap bij mijn oma",
    "mijn buurman van 60 helpt me met mijn fiets",
    "mijn broer gooit de bal steeds naar mijn hoofd bij voetbal",
    "ze gooide een bal tegen mijn hoofd bij gym",
]


@pytest.mark.parametrize("text, kind", THIRD_PASS_CLEAR + FOURTH_PASS_CLEAR)
def test_third_and_fourth_pass_danger_is_clear_with_its_kind(text, kind):
    result = assess_words(text)
    assert result.level == CLEAR
    assert kind in result.kinds


@pytest.mark.parametrize("text, kind", THIRD_PASS_CHECK + FOURTH_PASS_CHECK)
def test_third_and_fourth_pass_signs_get_the_check(text, kind):
    result = assess_words(text)
    assert result.level == CHECK
    assert kind in result.kinds
    # 113 only for self-harm or suicide
    assert ("utter_help_113" in help_lines(result.kinds, age=15)) == (kind == "self_harm")


@pytest.mark.parametrize("text", THIRD_PASS_NONE + FOURTH_PASS_NONE)
def test_third_and_fourth_pass_words_keep_everyday_messages_quiet(text):
    assert not assess_words(text).at_least(CHECK)


def test_sexual_abuse_in_a_chat_also_gets_helpwanted():
    result = assess_words("in de chat noemt hij het ons geheimpje")
    assert result.level == CLEAR
    assert "utter_help_helpwanted" in help_lines(result.kinds, age=14)
    assert "utter_help_csg" in help_lines(result.kinds, age=14)


# Other languages (2026-12-04): danger written in the language that comes, with the
# harmless look-alikes. Written apart from the safety sets; 19 of the 21 danger rows fail
# on the Dutch-only rules before (two English ones were caught already).
OTHER_LANGUAGES_CLEAR = [
    ("i want to kill myself tonight", safety.SELF_HARM),
    ("i dont want to live anymore", safety.SELF_HARM),
    ("everyone would be better off without me", safety.SELF_HARM),
    ("my stepdad beats me every night", safety.HOME),
    ("he hits me when he is drunk", safety.VIOLENCE),
    ("i got kicked out and have nowhere to sleep", safety.HOMELESS),
    ("he says he will post my nudes unless i pay", safety.ONLINE),
    ("my uncle molested me", safety.SEXUAL),
    ("they want to force me to marry my cousin", safety.HONOUR),
    ("abim beni dövdü yine", safety.VIOLENCE),
    ("intihar etmek istiyorum", safety.SELF_HARM),
    ("zorla evlendirilecegim", safety.HONOUR),
    ("ojczym mnie bije", safety.VIOLENCE),
    ("chcę się zabić", safety.SELF_HARM),
    ("bghit nqtel rasi", safety.SELF_HARM),
    ("أريد أن أموت", safety.SELF_HARM),
    ("بابا يضربني كل يوم", safety.VIOLENCE),
    ("je veux mourir", safety.SELF_HARM),
    ("mon pere me frappe", safety.VIOLENCE),
    ("quiero morirme", safety.SELF_HARM),
    ("mi ke mata mi mes", safety.SELF_HARM),
    ("mn vader slaat me als ik te lang game", safety.VIOLENCE),  # "game" is no sport here
]
OTHER_LANGUAGES_NONE = [
    "this game is killing me lol",
    "he would never hit me",
    "my dad doesnt hit me",
    "they beat me at fifa",
    "my brother hit me with a ball in the game",
    "she hurt me with her words haha",
    "i m going to die of boredom",
    "i could kill for a pizza",
    "my phone died",
    "annem yemek yapiyor",
    "tata gotuje obiad",
    "mn trainer want die luistert",  # Dutch "want die" is no "want to die"
    "mijn oom want die snapt me",
]


@pytest.mark.parametrize("text, kind", OTHER_LANGUAGES_CLEAR)
def test_danger_in_other_languages_is_clear_with_its_kind(text, kind):
    result = assess_words(text)
    assert result.level == CLEAR and kind in result.kinds, result


@pytest.mark.parametrize("text", OTHER_LANGUAGES_NONE)
def test_look_alikes_in_other_languages_give_no_alarm(text):
    assert assess_words(text).level == NONE


@pytest.mark.parametrize(
    "text, level",
    [
        ("ik heb honger en er is thuis niks", CLEAR),  # "niks" after hunger is the lack
        ("we hebben niks te eten thuis", CLEAR),
        ("ik heb geen honger", NONE),  # a negation before it takes it back
        ("ik heb geen honger hoor", NONE),
    ],
)
def test_nothing_to_eat_is_the_danger_and_no_hunger_is_none(text, level):
    assert assess_words(text).level == level


@pytest.mark.parametrize(
    "text, level",
    [
        # "overslaan" in two parts: skipping the question the bot asked (issue 20/24)
        ("sla maar over", NONE),
        ("nee sla over", NONE),
        ("nee sla ovr", NONE),  # the button typed with a typo (issue 20's third form set)
        ("slaan we over", NONE),
        ("die sla ik over", NONE),
        ("ik sla deze vraag over", NONE),
        # hitting "over" a body part stays a sign of danger
        ("ik sla hem over de kop", CHECK),
        ("hij sloeg me over mijn hele lijf", CLEAR),
        ("hij slaat me", CLEAR),
        ("hij slaat me over en over", CLEAR),
        ("ze slaan haar over de hele klas heen", CHECK),
        ("ik sla het eten over want ik wil niet dik zijn", CHECK),
    ],
)
def test_skipping_a_question_is_no_hitting(text, level):
    assert assess_words(text).level == level


# Fifth pass (2026-12-05): a context explains only the words it is about. Sport, a sore
# body after the dentist, a lesson or the news, a game: their pain, blood, fear or death
# is no check; hitting by a person, touching and photos asked for keep theirs.
FIFTH_PASS_NONE = [
    "mijn benen doen pijn van het hardlopen",
    "na de bootcamp doet alles zeer, mijn spieren doen echt pijn",
    "ik heb een nieuwe beugel en mijn kiezen doen pijn",
    "ik moest bloed laten prikken en ik viel bijna flauw",
    "ik ben een beetje bang voor de tandarts",
    "we hebben een spreekbeurt over drugs gehouden",
    "bij het jeugdjournaal ging het over pesten op school",
    "in pubg ga ik steeds dood door die ene noob",
    "we speelden cluedo en oma had de moord gedaan",
    "bij schaken sloeg ik zijn toren",
    "ik moet voor geschiedenis een verslag over de oorlog maken, daar gingen veel mensen dood",
    "ik ben bang dat ik mijn toets verpest",
    "ik kan mezelf wel voor mijn kop slaan",
    "we zijn gevlucht toen ik zeven was, nu wonen we hier al lang",
]
FIFTH_PASS_CHECK = [
    ("mijn arm doet pijn omdat mama me kneep", safety.VIOLENCE),
    ("sinds de operatie slaat mijn vader me vaker", safety.VIOLENCE),
    ("mijn kiezen doen al weken pijn maar niemand maakt een afspraak", safety.HOME),
    ("de trainer zegt dat ik niemand mag vertellen wat hij doet", safety.DANGER),
    ("een man in roblox vroeg mijn adres", safety.ONLINE),
    ("iemand in fortnite wil dat ik fotos van me stuur", safety.ONLINE),
    ("op tiktok vraagt een man wat ik aanheb", safety.SEXUAL),
    ("de politie heeft een drugslab opgerold en nu is er geen eten", safety.HOME),
]
FIFTH_PASS_CLEAR = [
    ("na de gymles sloeg hij me in de kleedkamer", safety.VIOLENCE),
    ("de trainer van voetbal raakt me aan", safety.SEXUAL),
    ("in the last of us gaat iedereen dood en ik wil ook dood", safety.SELF_HARM),
]


# Read from the tenth set's misses (2026-12-05), each written here in other words.
TENTH_SET_CLEAR = [
    ("snijden helpt als mijn hoofd te vol zit", safety.SELF_HARM),
    ("ik heb mijn pols opengehaald met een schaar", safety.SELF_HARM),
    ("mijn moeder is in het weekend nooit nuchter", safety.HOME),
    ("bij hem krijg ik geen klappen, thuis wel", safety.VIOLENCE),
    ("papa geeft me klappen als hij boos is", safety.HOME),
    ("waar kan ik vannacht slapen", safety.HOMELESS),
    # "eerlijk" is no honour context that hides fear
    ("eerlijk gezegd ben ik bang thuis", safety.HOME),
]
TENTH_SET_CHECK = [
    ("bel iemand alsjeblieft", safety.DANGER),
    ("iemand van school deelt mn fotos in een groep", safety.ONLINE),
    ("mama ligt op de bank tussen de lege flessen", safety.HOME),
    ("ik moet voor de baby zorgen want mama slaapt de hele dag", safety.HOME),
    ("twee jongens achtervolgden me naar huis", safety.DANGER),
    ("ik wil mijn oma omdat ze weet wat mijn stiefvader met me deed", safety.DANGER),
    # a bed hides no wish to die
    ("ik lig de hele dag in bed en denk aan doodgaan", safety.SELF_HARM),
]
TENTH_SET_NONE = [
    "ik neem mijn adhd pillen altijd bij het ontbijt",
    "de dokter gaf me pillen tegen hooikoorts",
    "we kregen les over eerste hulp",
    "heb een nieuw scheermes voor mijn baard",
    "ik ben in fortnite weer dood gegaan",
    "ik moet meer water drinken van de huisarts",
    "we gaan klappen voor de winnaar",
    "oma snijdt de uien met een scherp mes",
    "ik spring op de trampoline",
]

# Sixth pass (2026-12-06), read from what the third to tenth sets still missed; each
# written here in other words.
SIXTH_PASS_CLEAR = [
    ("als dit zo doorgaat loop ik gewoon voor de bus", safety.SELF_HARM),
    ("soms wil ik voor een vrachtwagen springen", safety.SELF_HARM),
    # a relative clause is no negation of the pills
    ("papa slikt pillen die niet van de huisarts zijn en dan slaapt hij op de grond", safety.HOME),
    # "niet" answers what came before, the new sentence starts at "hij"
    ("is hij lief? eigenlijk niet hij raakt me aan", safety.SEXUAL),
]
SIXTH_PASS_CHECK = [
    ("ik moet mama elke zaterdag naar bed brengen want ze kan nie meer lopen", safety.HOME),
    ("pa is zo dronken dat ik hem naar bed moest slepen", safety.HOME),
    # "mn" is read as "mijn" before the words: the rule names "mijn moeder" (review)
    ("ik moet mn moeder elke avond naar bed brengen", safety.HOME),
    ("de koelkast is weer leeg en mama is er niet", safety.HOME),
    ("ik pak soms eten uit de winkel want we hebben niks", safety.HOME),
    ("ik heb brood gejat omdat ik honger had", safety.HOME),
    ("sinds vorige maand woon ik helemaal alleen, ik ben 14", safety.HOME),
    ("ik woon nu in een tent bij het kanaal", safety.HOMELESS),
    ("we slapen al een week in de auto", safety.HOMELESS),
    ("ik ben weggelopen van de leefgroep", safety.HOMELESS),
    ("mijn vader wil me ook niet hebben", safety.HOMELESS),
    ("ze willen dat ik trouw met een man uit het dorp, ik ben pas 15", safety.HONOUR),
    ("waarom zou ik nog moeite doen", safety.SELF_HARM),
    ("na vrijdag ben ik er toch weg, maakt nie uit", safety.SELF_HARM),
    ("mn nichtje mag al mn knuffels hebben", safety.SELF_HARM),
    ("i cut tonight again", safety.SELF_HARM),
    ("help mn zusje is van het dak gevallen", safety.DANGER),
    ("ik denk vaak hoe het is als ik dood ben", safety.SELF_HARM),
]
SIXTH_PASS_NONE = [
    # "was dood" of someone else: it was the help lines at once
    "mijn opa was al dood toen ik geboren werd",
    "mijn hamster was dood toen ik thuiskwam",
    "ik neem pillen die de huisarts gaf",
    "ik breng mijn broertje naar bed",
    "ik sta voor de bus te wachten",
    "ik ben bijna dood gegaan van het lachen",
    "ik ga met de bus naar voetbal",
    "mijn nicht gaat trouwen en ik ben 14",
    "ik woon bij mijn oma",
    "hij slaat nooit",
]

# Seventh pass (2026-12-06), read from the eleventh and twelfth sets' misses after they
# were measured; each written here in other words.
SEVENTH_PASS_CLEAR = [
    ("ik heb gegoogeld hoe je pijnloos dood kan gaan", safety.SELF_HARM),
    ("my dad is beating my little brother", safety.HOME),
    ("this guy got my nudes and wants money", safety.ONLINE),
]
SEVENTH_PASS_CHECK = [
    ("ik kan niet bellen ik moet heel stil typen", safety.DANGER),
    ("die man van insta wacht buiten bij mijn school", safety.ONLINE),
    ("weer een ongelukje met het mesje haha", safety.SELF_HARM),
    ("mijn polsen zien er echt niet uit", safety.SELF_HARM),
    ("bij ons gaat de namus voor alles", safety.HONOUR),
    ("ik heb dat fake profiel vertrouwd en nu heeft hij foto's", safety.ONLINE),
    ("hoe ga ik zonder geld naar duitsland", safety.HOMELESS),
    ("bij mijn tante is het fijn, niet zoals bij mijn vader", safety.HOME),
    ("ik eet bij haar omdat er thuis geen eten is", safety.HOME),
    # a word in quotes that hides what happens; normalising drops the quotes
    ('mama is weer "moe" vandaag', safety.HOME),
]
SEVENTH_PASS_NONE = [
    "we hebben opgezocht hoe je een band plakt",
    "er is thuis niks te doen",
    "mijn oom zegt 'gezellig' als hij binnenkomt",
    "mama is weer moe vandaag, ze werkt zo hard",
    "ik moet zachtjes praten in de bieb",
    "mijn vriend van insta komt morgen bij mij eten",
]

# Eighth pass (2026-12-06), read from the thirteenth set's misses and full alarms after the
# fourteenth set was written; each written here in other words.
EIGHTH_PASS_CLEAR = [
    ("mijn stiefvader heeft mijn moeder gisteren in elkaar geslagen", safety.HOME),
    ("papa heeft mn zusje weer geslagen ik zat op mn kamer", safety.HOME),
]
EIGHTH_PASS_CHECK = [
    ("er zit een deuk in de kast van zijn vuist", safety.HOME),
    ("hij sloeg met zijn vuist door de deur", safety.HOME),
    ("op zijn kamer liggen overal stukjes zilverfolie", safety.HOME),
    ("mijn broertje vond spuiten in de badkamer", safety.HOME),
    ("om 9 uur is mama al helemaal van de wereld", safety.HOME),
    ("ik was mijn sokken in de gootsteen, er is geen wasmachine", safety.HOME),
    ("ik slaap al overal en nergens", safety.HOMELESS),
    ("vannacht slaap ik weer in de nachtbus", safety.HOMELESS),
    ("mijn jas is nu mijn dekbed", safety.HOMELESS),
    ("kan ik met de bus naar utrecht zonder geld", safety.HOMELESS),
    ("mijn rugzak is ingepakt, straks ben ik weg", safety.HOMELESS),
]
EIGHTH_PASS_NONE = [
    "mijn oma zat vroeger bij de marine",
    "papa zat gisteren te lachen om een filmpje",
    "mama zat in de auto te wachten",
    "ik sneed in mijn duim bij het appel schillen",
    "de wifi ligt plat",
    "het zwembad ligt vol met folie voor de winter",
    "ik was mijn handen in de wasbak",
]
# A laugh after a threat or after hitting by someone outside the home, the word itself
# asked about or made at school, a famous person's death in the news: the gentle check,
# never the help lines at once.
EIGHTH_PASS_CHECK_NOT_CLEAR = [
    ("mijn zus gaat me afmaken als ze dit ziet hahaha", safety.VIOLENCE),
    ("mn neefje schopte me onder tafel lol", safety.VIOLENCE),
    ("hoe schrijf je suicidaal, met 1 of 2 a", safety.SELF_HARM),
    ("ik maak een werkstuk over zelfdoding", safety.SELF_HARM),
    ("een bekende voetballer heeft zelfmoord gepleegd, echt heftig", safety.SELF_HARM),
]
# ... and never when the message is the youth's own wish
EIGHTH_PASS_STILL_CLEAR = [
    ("ik wil zelfmoord plegen, niet voor een werkstuk", safety.SELF_HARM),
    ("hoe pleeg je zelfmoord", safety.SELF_HARM),
    ("ik denk aan zelfmoord sinds die zanger het deed", safety.SELF_HARM),
    ("mijn stiefvader slaat me", safety.HOME),
    # a laugh never hides hitting at home
    ("mijn vader slaat me elke dag haha", safety.HOME),
    ("mama schopt me lol", safety.HOME),
]

# Ninth pass (2026-12-06), read from the fourteenth set's misses and full alarms after the
# fifteenth set was written; each written here in other words.
NINTH_PASS_CLEAR = [
    ("ik wil echt kms", safety.SELF_HARM),
    ("my mom doesnt feed me", safety.HOME),
    ("ik heb een mesje in mn tas voor als het thuis niet gaat", safety.SELF_HARM),
]
NINTH_PASS_CHECK = [
    ("we hebben thuis al weken geen verwarming", safety.HOME),
    ("ik heb nog steeds geen winterjas", safety.HOME),
    ("honger is bij ons thuis gewoon normaal", safety.HOME),
    ("papa is vandaag weer zo", safety.HOME),
    ("de auto is nu mn slaapplek", safety.HOMELESS),
    ("wat gebeurt er als de politie me vindt", safety.HOMELESS),
    ("ik wil na de wedstrijd liever niet naar huis", safety.HOMELESS),
    ("welk gebouw is het hoogste gebouw van amsterdam, de hoogste flat", safety.SELF_HARM),
    ("ik weet nie of ik het nog volhoud", safety.SELF_HARM),
    # found by typing answers as a youth would: home that is "not good", inside a reason
    ("ik ga naar haar als het thuis niet goed gaat", safety.HOME),
    ("thuis is het echt niet fijn", safety.HOME),
    ("bij hem mag ik blijven als het thuis weer misgaat", safety.HOME),
]
NINTH_PASS_NONE = [
    # a game or a song takes dying back altogether
    "ik ging dood in het laatste level maar ik kon respawnen",
    "een bekende rapper is overleden aan een overdosis",
    "hij heeft me nooit pijn gedaan",
    "mijn tante doet me nooit pijn",
    "na de bruiloft was ik zo dood als een pier",
    "ik heb geen jas nodig het is warm",
    "in de ramadan heb ik overdag honger, dat is normaal",
    "mijn vader drinkt een biertje bij het voetbal",
    "ik ren weg van de training als het onweert",
    "help ik begrijp deze vraag niet",
    "ik voel me thuis niet goed, ik heb griep",
]
NINTH_PASS_CHECK_NOT_CLEAR = [
    ("ik ging dood, gelukkig had ik nog een extra leven", safety.SELF_HARM),
    ("we keken een documentaire over zelfmoord onder jongeren", safety.SELF_HARM),
    ("een acteur uit amerika had een overdosis", safety.SELF_HARM),
]
NINTH_PASS_STILL_CLEAR = [
    ("na die documentaire over zelfmoord wil ik zelf ook dood", safety.SELF_HARM),
    ("mijn moeder heeft een overdosis genomen", safety.SELF_HARM),
    # "geen" inside hitting is no denial: there is hitting elsewhere
    ("bij opa krijg ik geen klappen, thuis wel", safety.VIOLENCE),
]
NINTH_PASS_STILL_CHECKED = [
    ("help ik snap niet waarom hij me slaat", safety.VIOLENCE),
    ("help ik weet niet waar ik vannacht moet slapen", safety.HOMELESS),
]
# Tenth pass (2026-12-06), read from the fifteenth set after the sixteenth was written;
# other words than the set's.
TENTH_PASS_CLEAR = [
    ("sometimes i just wanna disappear for good", safety.SELF_HARM),
    ("i got beaten again by my stepdad", safety.VIOLENCE),
    ("mn stiefvader heeft vorig jaar mn pols gebroken", safety.VIOLENCE),
    ("als ik nie betaal zet hij mn fotos online", safety.ONLINE),
    # a condition, then "ben ik dood": a threat, not dead tired
    ("als mijn vader dit hoort ben ik dood", safety.SELF_HARM),
]
TENTH_PASS_CHECK = [
    ("ik moest bij de dokter zeggen dat ik van de trap was gevallen", safety.HOME),
    ("ik mag van mijn moeder niet naar de huisarts", safety.HOME),
    ("ik word gewoon vergeten bij ons", safety.HOME),
    ("ik ben echt moe van alles", safety.SELF_HARM),
]
TENTH_PASS_NONE = [
    "ik heb 10 rondjes hardgelopen ik ben echt dood",
    "ik ben dood bij die overhoring morgen",
]
TENTH_PASS_CHECK_NOT_CLEAR = [
    # "ik ben dood" alone: most often dead tired or in trouble; the check asks
    ("ik ben dood man", safety.SELF_HARM),
    ("die meme is zo cringe ik wil dood haha", safety.SELF_HARM),
    ("twee jaar geleden was er brand in ons huis", safety.DANGER),
]
TENTH_PASS_STILL_CLEAR = [
    ("ik ben liever dood", safety.SELF_HARM),
    ("was ik maar dood", safety.SELF_HARM),
    ("ik wil dood haha", safety.SELF_HARM),  # a laugh alone may hide it
    ("er is brand in ons huis", safety.DANGER),
]


@pytest.mark.parametrize(
    "text, kind",
    TENTH_PASS_CLEAR + TENTH_PASS_STILL_CLEAR,
)
def test_tenth_pass_clear_danger_gets_the_help_lines_at_once(text, kind):
    result = assess_words(text)
    assert result.level == CLEAR
    assert kind in result.kinds


@pytest.mark.parametrize("text, kind", TENTH_PASS_CHECK + TENTH_PASS_CHECK_NOT_CLEAR)
def test_tenth_pass_unsure_signs_get_the_check(text, kind):
    result = assess_words(text)
    assert result.level == CHECK
    assert kind in result.kinds


@pytest.mark.parametrize("text", TENTH_PASS_NONE)
def test_tenth_pass_dead_tired_after_sport_or_a_test_is_no_danger(text):
    assert not assess_words(text).at_least(CHECK)


@pytest.mark.parametrize(
    "question, text, ranking",
    [
        ("youth_age", "na de zomer word ik 14", [("nlu_fallback", 0.4), ("crisis", 0.3)]),
        ("contact", "ja hier 0655443322", [("affirm", 0.5), ("crisis", 0.3)]),
        ("knows_already", "ze weet het al", [("inform_support", 0.5), ("crisis", 0.2)]),
    ],
)
def test_a_short_answer_its_question_reads_gets_no_check_from_the_classifier_alone(
    question, text, ranking
):
    guard = CrisisGuard(CrisisGuard.get_default_config())
    at_question = message(text, ranking[0][0], ranking)
    at_question.set("metadata", {"question": question})
    alone = message(text, ranking[0][0], ranking)
    guard.process([at_question, alone])
    assert at_question.get("intent")["name"] != "crisis_check"
    assert alone.get("intent")["name"] == "crisis_check", "the same guess alone: the check"


@pytest.mark.parametrize(
    "question, text, ranking, expected",
    [
        # the words still decide, at any question
        ("youth_age", "ik ben 15 en wil dood", [("inform_age", 0.9)], "crisis"),
        ("knows_already", "ja hij slaat me", [("affirm", 0.9)], "crisis"),
        # a sure classifier still gives the help lines at once
        ("youth_age", "16", [("crisis", 0.97)], "crisis"),
        # a longer message is no short answer
        (
            "knows_already",
            "ja ze weet het al maar ik durf het verder aan niemand te vertellen",
            [("affirm", 0.5), ("crisis", 0.3)],
            "crisis_check",
        ),
        # not the question's answer: the classifier's check stays
        ("youth_age", "geen idee eigenlijk", [("dont_know", 0.5), ("crisis", 0.3)], "crisis_check"),
    ],
)
def test_danger_at_a_question_of_the_form_keeps_its_level(question, text, ranking, expected):
    guard = CrisisGuard(CrisisGuard.get_default_config())
    msg = message(text, ranking[0][0], ranking)
    msg.set("metadata", {"question": question})
    guard.process([msg])
    assert msg.get("intent")["name"] == expected


@pytest.mark.parametrize(
    "text, kind",
    SIXTH_PASS_CLEAR
    + SIXTH_PASS_CHECK
    + SEVENTH_PASS_CLEAR
    + SEVENTH_PASS_CHECK
    + EIGHTH_PASS_CLEAR
    + EIGHTH_PASS_CHECK
    + EIGHTH_PASS_STILL_CLEAR
    + NINTH_PASS_CLEAR
    + NINTH_PASS_CHECK
    + NINTH_PASS_STILL_CLEAR
    + NINTH_PASS_STILL_CHECKED,
)
def test_words_read_from_misses_are_at_least_checked_with_their_kind(text, kind):
    result = assess_words(text)
    clear = (
        SIXTH_PASS_CLEAR
        + SEVENTH_PASS_CLEAR
        + EIGHTH_PASS_CLEAR
        + EIGHTH_PASS_STILL_CLEAR
        + NINTH_PASS_CLEAR
        + NINTH_PASS_STILL_CLEAR
    )
    if (text, kind) in clear:
        assert result.level == CLEAR
    else:
        assert result.at_least(CHECK)  # some were clear already, by older words
    assert kind in result.kinds


@pytest.mark.parametrize(
    "text", SIXTH_PASS_NONE + SEVENTH_PASS_NONE + EIGHTH_PASS_NONE + NINTH_PASS_NONE
)
def test_words_read_from_misses_keep_everyday_messages_quiet(text):
    assert not assess_words(text).at_least(CHECK)


@pytest.mark.parametrize("text, kind", EIGHTH_PASS_CHECK_NOT_CLEAR + NINTH_PASS_CHECK_NOT_CLEAR)
def test_a_joke_or_the_word_itself_gets_the_check_not_the_help_lines_at_once(text, kind):
    result = assess_words(text)
    assert result.level == CHECK
    assert kind in result.kinds


@pytest.mark.parametrize("text", FIFTH_PASS_NONE + TENTH_SET_NONE)
def test_sport_a_sore_body_a_lesson_or_a_game_explain_their_own_words(text):
    assert not assess_words(text).at_least(CHECK)


@pytest.mark.parametrize("text, kind", FIFTH_PASS_CHECK + TENTH_SET_CHECK)
def test_a_context_never_explains_hitting_touching_or_neglect_it_is_not_about(text, kind):
    result = assess_words(text)
    assert result.level == CHECK
    assert kind in result.kinds


@pytest.mark.parametrize("text, kind", FIFTH_PASS_CLEAR + TENTH_SET_CLEAR)
def test_clear_danger_beside_sport_or_a_game_stays_clear(text, kind):
    result = assess_words(text)
    assert result.level == CLEAR
    assert kind in result.kinds


@pytest.mark.parametrize(
    "text, people",
    [
        ("mn oom mustafa", True),
        ("meneer el amrani van beneden", True),
        ("mevrouw de vries van naast ons", True),
        ("hij heet sjaak geloof ik", True),
        ("me buuvrouw", True),
        # a first name with a surname, with its small words or written capitalised
        ("Yvonne van der Linden", True),
        ("Dewi Soeparman", True),
        # a person and what they do, or a fact about them, is a story
        ("Ahmed drinkt", False),
        ("mn oom mustafa slaat me", False),
        ("meneer jansen raakt me aan", False),
        ("mijn oom is dood", False),
        ("de kapper waar ik altijd heen ga", False),
        ("ik", False),
        # the choice said around the person (stop 39), and dialect or slang for the person
        ("ik wil mn oom", True),
        ("ik kies voor me opa", True),
        ("ik zou zeggen mn buurvrouw", True),
        ("ik wil mijn tante kiezen", True),
        ("mien beppe", True),
        ("een van mn tantes", True),
        ("ik wil mn vader niet meer zien", False),
        ("ik wil dood", False),
        ("ik wil mn oom vermoorden", False),
        # stop 40: a name after the person that is no Dutch word, a floor, "big sis"
        ("mn tante sevgi", True),
        ("de buurvrouw van nummer 8", True),
        ("mn big sis", True),
        ("mn tante huilt", False),
        ("mn oom drinkt", False),
    ],
)
def test_an_answer_that_only_names_someone_is_only_people(text, people):
    """A name, a title with a surname and where someone lives still only name a person, so
    the classifier's low crisis band gives such a form answer no check (fifth batch)."""
    assert safety.only_people(text) is people


@pytest.mark.parametrize(
    "text",
    [
        "mn oom, bij hem word ik nie geknepen zoals thuis",
        "bij oma word ik niet geslagen zoals bij mijn vader",
    ],
)
def test_danger_denied_here_but_told_about_elsewhere_is_not_taken_back(text):
    """ "niet ... zoals thuis" tells the danger at home: the negation takes nothing back
    (a fifth-batch crisis example the taken-back word had lowered to nothing)."""
    result = assess_words(text)
    assert result.at_least(CHECK)
    assert not result.taken_back


@pytest.mark.parametrize(
    "text, level",
    [
        ("kheb er geen zin meer in, in alles", CHECK),
        ("ik heb geen zin meer in het leven", CHECK),
        ("ik heb geen zin in school vandaag", NONE),
    ],
)
def test_no_wish_for_anything_is_a_sign_and_no_wish_for_school_is_not(text, level):
    assert assess_words(text).level == level


# Eleventh pass (2026-12-06): quiet signs of danger told without a word of danger, read
# from the danger messages that only the classifier's lowest band caught. Written anew
# here, not copied from a bench set.
ELEVENTH_PASS_CHECK = [
    ("oké, als ik er dan nog ben tenminste", safety.SELF_HARM),
    ("doei allemaal voor altijd", safety.SELF_HARM),
    ("sorry voor alles wat ik heb gedaan", safety.SELF_HARM),
    ("maakt niet uit, ik hoef toch niks meer", safety.SELF_HARM),
    ("heb vanmiddag een touw gekocht", safety.SELF_HARM),
    ("mijn juf zag de pleisters op mijn armen", safety.SELF_HARM),
    ("thinking about ending it tonight", safety.SELF_HARM),
    ("was twee maanden schoon en nu weer", safety.SELF_HARM),
    ("iedereen bedankt voor alles", safety.SELF_HARM),
    ("thuis is het weer een hel", safety.HOME),
    ("thuis is het elke dag oorlog", safety.HOME),
    ("mijn stiefvader heeft een kort lontje", safety.HOME),
    ("ik tel de lege blikjes in de keuken", safety.HOME),
    ("het geld gaat elke week op aan drank", safety.HOME),
    ("ik moest mama uit haar eigen kots halen", safety.HOME),
    ("mijn broertje is ziek maar papa wil niet naar de dokter", safety.HOME),
    ("wij eten soms uit de container", safety.HOME),
    ("ik heb eergisteren voor het laatst gegeten", safety.HOME),
    ("oma neemt brood mee, anders heb ik niks", safety.HOME),
    ("wie zorgt er dan voor mij", safety.HOME),
    ("als hij een slechte dag heeft ben ik de klos", safety.HOME),
    ("heb sinds vrijdag niks gegeten", safety.HOME),
    ("mijn been is nog blauw van gister", safety.VIOLENCE),
    ("bloedneus door hem gehad", safety.VIOLENCE),
    ("im scared hes coming for me", safety.DANGER),
    ("eerlijk gezegd gaat het helemaal niet goed met me", safety.DANGER),
    ("kan niet praten hij staat naast me", safety.DANGER),
    ("ik zit in de trein naar nergens", safety.HOMELESS),
    ("mijn rugzak is alles wat ik nog heb", safety.HOMELESS),
    ("hoe ver kom ik met 20 euro", safety.HOMELESS),
    ("mijn gps heb ik uitgezet", safety.HOMELESS),
    ("ik ben weg uit de leefgroep", safety.HOMELESS),
    ("ik ga niet terug naar het pleeggezin wat ze ook doen", safety.HOMELESS),
    ("ik wil hier niet meer blijven", safety.HOMELESS),
    ("die sexy video van mij gaat nu rond", safety.ONLINE),
    ("hij zegt dat ik niet mag weten hoe oud hij echt is", safety.ONLINE),
    ("ik voel me vies sinds die avond", safety.SEXUAL),
    ("mijn vriend is 31 en ik ben 14", safety.SEXUAL),
]
ELEVENTH_PASS_NONE = [
    "ik hoef toch niks meer te doen vandaag",
    "het gaat goed met me",
    "ik voel me vies na de training",
    "mijn been is blauw van het voetbal",
    "die video van de kat gaat rond in de groepsapp",
    "ik blijf daar gewoon tot zondag",
    "we hadden het in de les over de oorlog",
    "mijn vriend is 15 en ik ben 14",
    "wie zorgt er voor mijn hond als ik op vakantie ben",
    "het geld gaat op aan kleren",
    "sorry dat ik zo laat ben",
]


# Twelfth pass (2026-12-06, stop 40): read from the seventeenth set after it was measured
# blind. Written anew here, not copied from a bench set.
TWELFTH_PASS_CHECK = [
    ("er lopen ratten over mijn matras", safety.HOME),
    ("we slapen met vijf op een kamer", safety.HOME),
    ("honger, zo veel honger", safety.HOME),
    ("evde yemek yok abi", safety.HOME),
    ("u nas nie ma jedzenia, nie ma nic do jedzenia", safety.HOME),
    ("de vriend van mama loopt de badkamer in als ik onder de douche sta", safety.SEXUAL),
    ("mijn oom kwam de douche binnen terwijl ik me omkleed", safety.SEXUAL),
    ("he keeps coming into the bathroom while im in the shower", safety.SEXUAL),
    ("morgen pak ik de bus naar parijs, een enkeltje", safety.HOMELESS),
]
TWELFTH_PASS_NONE = [
    "ik help mijn tante met haar winkel",
    "toen ik gepest werd heeft zij me geholpen",
    "ik schaamde me dood bij de spreekbeurt",
    "haha ik lig dood om dat filmpje",
    "ik ga dood als mijn crush dit leest",
    "die taart is om te sterven zo lekker",
    "mijn moeder is kok en werkt de hele dag met messen",
    "mijn tante is verpleegkundige en ziet veel bloed",
    "de politie zoekt een jongen die een scooter heeft gestolen",
    "mijn opa timmert en slaat de spijkers in de plank",
    "mijn zusje komt altijd de badkamer in als ik douche",
    "een muis in de schuur van opa",
]

# Thirteenth pass (2026-12-07, stop 41): read from the eighteenth set after it was
# measured blind. Written anew here, not copied from a bench set.
THIRTEENTH_PASS_CHECK = [
    ("adres? heb ik nu niet echt", safety.HOMELESS),
    ("ik heb op dit moment geen vast adres", safety.HOMELESS),
    ("ik vind de zomervakantie naar het land van mijn vader eng", safety.HONOUR),
    ("het regent binnen bij ons", safety.HOME),
    ("nobody cooks here, i eat chips every day", safety.HOME),
    ("er is geschoten bij onze flat", safety.DANGER),
    ("snel hij komt eraan", safety.DANGER),
    # a negation that says the danger goes on, or says the phrase again
    ("het slaan stopt nooit", safety.VIOLENCE),
    ("volgende week ben ik er niet meer, echt niet", safety.SELF_HARM),
]
THIRTEENTH_PASS_NONE = [
    "ik ben bang voor grote honden",
    "ik was bang in het spookhuis",
    "bang voor naalden maar de prik ging goed",
    "ik heb een blaar op mijn hiel",
    "ik heb nieuwe skins gekocht",
    "mijn oma is al jaren dood, ik heb haar niet gekend",
    "hij heeft me nog nooit geslagen of uitgescholden",
    "we gaan op vakantie naar het land van mijn ouders, leuk",
]

# Fourteenth pass (2026-12-07, stop 42): read from the nineteenth set after it was
# measured blind. Written anew here, not copied from a bench set.
FOURTEENTH_PASS_CHECK = [
    ("de ruzie beneden wordt alsmaar erger", safety.HOME),
    ("die plekken op mijn rug komen niet van de gym", safety.HOME),
    ("mijn oom is hardhandig met ons", safety.VIOLENCE),
    ("thuis gaat het er soms ruw aan toe", safety.HOME),
    ("soms gaat het thuis met de vuisten enzo", safety.HOME),
    ("in mijn kamer overal kakkerlakken", safety.HOME),
    ("papa is er wel maar ook weer niet", safety.HOME),
    ("de vriend van mijn tante knuffelt me op een rare manier", safety.SEXUAL),
    ("ik woon een tijdje bij steeds andere mensen", safety.HOMELESS),
    ("als dat filmpje rondgaat wil ik niet meer naar school", safety.ONLINE),
    ("mijn broers controleren mijn telefoon elke avond", safety.HONOUR),
    ("geen zin meer in het bestaan", safety.SELF_HARM),
]
FOURTEENTH_PASS_NONE = [
    "ik heb een blauwe plek van het hockey",
    "mijn vader gaf me een high five na de wedstrijd",
    "mijn armen zijn kapot van de training gisteren",
    "we moesten in de les leren dat je nooit fotos moet doorsturen",
    "ik was dood op na school",
]
# Fifteenth pass (stop 43), read from the twentieth set's misses and full alarms after its
# blind figures; each written here in other words.
FIFTEENTH_PASS_CHECK = [
    ("bij ons thuis is het best hard soms", safety.HOME),
    ("bij oma hoef ik niet bang te zijn voor een mep", safety.VIOLENCE),
    ("de meester geeft me elke ochtend een boterham", safety.HOME),
    ("mag je met 15 alleen met de trein naar frankrijk", safety.HOMELESS),
    ("ik kan bij zijn vriend wonen, die is al 30", safety.HOMELESS),
    ("ik leg mijn moeder vaak in de stabiele zijligging", safety.HOME),
    ("thuis ben ik eigenlijk de vader van het huis", safety.HOME),
    ("een onbekend account stuurt me steeds fotos van mij", safety.ONLINE),
    ("ik ben nu aan het couchsurfen", safety.HOMELESS),
    ("ik woon nu nergens", safety.HOMELESS),
    ("ik slaap een beetje hier en een beetje daar", safety.HOMELESS),
]
FIFTEENTH_PASS_NONE = [
    "hij geeft me nooit een tik",
    "ik slaap nergens zo lekker als bij mijn opa",
    "in de film rent een jongen weg van huis, ik vond het saai",
    "bij karate kreeg ik een schop tegen mijn been",
    "maak je geen zorgen, ik sla me er wel doorheen",
]
# Sixteenth pass (stop 44), read from the twenty-first set's misses and alarms after its
# blind figures; each written here in other words.
SIXTEENTH_PASS_CHECK = [
    ("mijn mentor mag mijn armen echt niet zien", safety.SELF_HARM),
    ("mijn moeder is vaak niet zichzelf s avonds", safety.HOME),
    ("heb jij misschien wat te eten", safety.HOME),
    ("ik slaap nu gewoon overal", safety.HOMELESS),
    ("ik ben weg bij de leefgroep", safety.HOMELESS),
    ("mijn zus is in marokko achtergelaten en nu moet ik ook mee", safety.HONOUR),
    ("hoeveel slaappillen is te veel eigenlijk", safety.SELF_HARM),
    ("mijn stiefvader heeft losse handjes", safety.VIOLENCE),
    ('papa heeft zijn "drankjes" weer gehad', safety.HOME),
    ("hoe haal je een video van jezelf van insta af", safety.ONLINE),
    ("rugzak al ingepakt voor als ik weg moet", safety.HOMELESS),
    ("ik heb mijn eigen manier om ermee om te gaan, niemand hoeft het te weten", safety.SELF_HARM),
]
SIXTEENTH_PASS_NONE = [
    "mijn broertje slaat me altijd met zijn knuffel",
    "de poes heeft weer een vogeltje vermoord",
    "bij biologie moesten we een kikker open snijden",
    "ik ben wel 50 keer dood gegaan in dat level",
    "ik had een nachtmerrie dat ik werd achtervolgd",
    "ze zegt altijd de waarheid, ook als het pijn doet",
    "de dokter heeft mijn bloed onderzocht",
    "als ik bang ben voor onweer mag ik bij opa slapen",
    "ik heb een sniper gekocht in fortnite",
    "hij heeft harde handen van het werk op de bouw",
]
# Seventeenth pass (stop 45, read from the twenty-second set), in other words than the set.
SEVENTEENTH_PASS_CHECK = [
    ("ik loop nog wat rond in de stad, het is al donker", safety.HOMELESS),
    ("de leefgroep is niks, ik ga er morgen vandoor", safety.HOMELESS),
    ("ik heb geen vast adres meer", safety.HOMELESS),
    ("ik douche sinds kort bij het zwembad", safety.HOMELESS),
    ("waar ik woon? weet ik niet eigenlijk", safety.HOMELESS),
    ("thuis is er meestal geen geld voor eten", safety.HOME),
    ("ik heb honger, de hele tijd", safety.HOME),
    ("mijn juf brengt me af en toe boterhammen", safety.HOME),
    ("papa heeft voor mij een vliegticket maar heen gekocht", safety.HONOUR),
    ("ik mag niet zelf beslissen met wie ik trouw", safety.HONOUR),
    ("blauwe plek op mn been, lang verhaal", safety.VIOLENCE),
]
EIGHTEENTH_PASS_CHECK = [
    ("mijn vader is vaak te hard tegen me", safety.HOME),
    ("mama is elke ochtend ziek van de drank", safety.HOME),
    ("mijn ouders zijn altijd het hele weekend weg", safety.HOME),
    ("ik eet meestal bij de buurvrouw mee", safety.HOME),
    ("we hebben geen winterjas voor de kou", safety.HOME),
    ("mijn moeder vergeet me gewoon", safety.HOME),
    ("ik doe nu aan bankhoppen bij vrienden", safety.HOMELESS),
    ("een jongen zegt dat ik bij hem mag komen wonen", safety.HOMELESS),
    ("ik wil mijn insta weghalen vanwege iets", safety.ONLINE),
    ("hoe krijg je wat van snapchat af dat er niet op mag", safety.ONLINE),
    ("er staan fotos van mij op snap die prive waren", safety.ONLINE),
    ("wanneer is dit allemaal eindelijk voorbij", safety.SELF_HARM),
]
EIGHTEENTH_PASS_NONE = [
    "mijn vader maakt de lekkerste pannenkoeken van de wereld",
    "ik heb de liefste moeder van de wereld",
    "de politie heeft een drugsbende opgerold in amsterdam",
    "mijn opa drinkt 1 biertje bij het voetbal",
    "mijn moeder gilt als psv scoort",
    "bij judo leer je vallen zonder pijn",
    "mijn piercing deed wel pijn",
    "bij de vaccinatie viel ik bijna flauw",
    "ik kan mezelf wel slaan dat ik mn pas kwijt ben",
    "er zit een krasje op het scherm van mn laptop",
    "die nieuwe skin met een mes is duur",
    "mijn opa, de vader van mama die dood is, was visser",
    "mn neef doet aan mma, hij slaat keihard",
    "ik heb er geen zin meer in",
]
NINETEENTH_PASS_CHECK = [
    ("mijn jim hoeft echt niet lang mee te gaan", safety.SELF_HARM),
    ("ik was gestopt maar nu doe ik het weer fout", safety.SELF_HARM),
    ("ik weet niet hoe lang ik het nog uithou", safety.SELF_HARM),
    ("in de klas ben ik de grap van iedereen", safety.BULLYING),
    ("iemand bonkt op onze deur", safety.DANGER),
    ("mijn moeder is soms te hard met haar handen", safety.HOME),
    ("papa doet raar na het weekend", safety.HOME),
    ("ik ben van de fiets gevallen, zei papa tegen de dokter", safety.HOME),
    ("de vriend van mijn moeder is te klef", safety.SEXUAL),
    ("ik slaap van vriend naar vriend", safety.HOMELESS),
    ("mag ik bij mijn jim wonen", safety.HOMELESS),
]
NINETEENTH_PASS_NONE = [
    "ik lig dood om die meme",
    "mijn telefoon gaat bijna dood",
    "mijn voetbaltrainer schreeuwt de hele wedstrijd",
    "de politie zoekt een jongen die vermist is",
    "mijn tante is verpleegkundige en ziet elke dag bloed",
    "mijn kat was bang voor de knallen",
    "het mes van de staafmixer is scherp",
    "er zit een spin op mijn bed help",
    "jij wordt nog eens mijn dood zegt opa altijd",
    "opa slaat de vis dood met een hamer",
    "sorry, autocorrect maakte er moord van",
    "ik heb blauwe plekken van het sjouwen met dozen",
    "mn broer vermoordt me altijd met smash",
]
TWENTIETH_PASS_CHECK = [
    ("mijn vader is best hard met zijn handen", safety.HOME),
    ("eten is thuis echt een probleem", safety.HOME),
    ("papa heeft weer zijn speciale drankje op", safety.HOME),
    ("mag ik bij mijn juf slapen", safety.HOMELESS),
    ("ik zoek iemand met een slaapplek voor mij", safety.HOMELESS),
    ("ik ben 16, voor hoe lang nog", safety.SELF_HARM),
    ("vertel mama maar dat het niet haar schuld is", safety.SELF_HARM),
    ("wat gebeurt er met de chat als iemand sterft", safety.SELF_HARM),
    ("opa is overleden en ik wil bij hem zijn", safety.SELF_HARM),
    ("mijn arm doet pijn van wat ik gedaan heb", safety.SELF_HARM),
    ("hoi ik moet snel zijn", safety.DANGER),
    ("iemand heeft een nep account van mij", safety.ONLINE),
]
TWENTIETH_PASS_NONE = [
    "ik heb touw gekocht voor de schommel",
    "papa sloeg met de deur toen hij boos was",
    "ik sta te springen om te beginnen",
    "loop ff weg, ben zo terug",
    "ik heb littekens van de waterpokken",
    "ik ga bijna dood door mijn notenallergie",
    "ik ben dood nieuwsgierig",
    "er ligt een dode duif op het balkon",
    "we hebben een anti pest regel in de klas",
    "in tekken slaat hij me steeds knock out",
    "ik had een overdosis snoep haha",
]
SEVENTEENTH_PASS_NONE = [
    "mijn opa slaat op de tafel als hij wint met kaarten",
    "mijn neefje heeft een speelgoedpistool met water",
    "de tomatensaus zit overal, het lijkt wel bloed",
    "mijn vader kookt altijd met een groot mes",
    "ik viel flauw door de warmte in de kerk",
    "mijn ouders zijn gevlucht voordat ik geboren werd",
    "ik slik ijzertabletten van de huisarts",
    "morgen moet ik bloed laten prikken",
    "ze vindt het een eer om mijn jim te zijn",
    "mijn oom werkt op de spoedeisende hulp",
    "mijn zus schrikt zich altijd dood van spinnen",
    "mijn tante is visvrouw en heeft op haar werk messen",
    "ik heb voor kunst een doodshoofd met een pistool getekend",
    "we gaan met de zomervakantie naar turkije, heen en terug met de bus",
]


@pytest.mark.parametrize(
    "text",
    [
        "ik heb me gebrand aan de strijkijzer",
        "ik heb me gesneden aan een blikje",
        "mijn broer keek me aan alsof hij me wilde vermoorden",
        "mijn oma heeft me bijna gewurgd van blijdschap",
        "er is brand geweest in de school, niemand is gewond",
    ],
)
def test_thirteenth_pass_an_accident_a_look_or_a_fire_told_safe_gets_the_check(text):
    """Words that were the help lines at once: the check now, never nothing."""
    assert assess_words(text).level == CHECK


@pytest.mark.parametrize(
    "text",
    [
        "ik heb me gesneden met glas",
        "er wordt nu geschoten in de straat",
        "hij wil me vermoorden",
        "er is brand in ons huis",
    ],
)
def test_thirteenth_pass_keeps_clear_danger_clear(text):
    assert assess_words(text).level == CLEAR


@pytest.mark.parametrize(
    "text",
    [
        "in de mentorles ging het over zelfmoord, vond ik wel goed",
        "die zanger waar mijn zus altijd naar luisterde heeft zelfmoord gepleegd",
        "mijn moeder gaat me vermoorden als ze mijn kamer ziet 😂",
    ],
)
def test_fourteenth_pass_the_news_a_famous_death_or_a_joked_threat_gets_the_check(text):
    """Words that were the help lines at once: the check now, never nothing."""
    assert assess_words(text).level == CHECK


@pytest.mark.parametrize(
    "text",
    [
        "ik denk aan zelfmoord sinds het nieuws",
        "mijn broer vermoordt me als hij hoort dat ik een vriend heb",
        "mijn vader is altijd high",
        "ik heb weer in mijn arm gesneden",
    ],
)
def test_fourteenth_pass_keeps_clear_danger_clear(text):
    assert assess_words(text).level == CLEAR


@pytest.mark.parametrize(
    "text",
    [
        "op school hebben we geleerd over een schrijver en dat hij zelfmoord pleegde",
        "er werden vannacht twee containers in brand gestoken",
        "mijn trainer gaat me vermoorden want ik ben de sleutels vergeten",
        "bij toneel speel ik een meisje die wegloopt",
        "de osteopaat duwt hard, het doet pijn maar het helpt",
        "ik ga zo boodschappen doen, we hebben niks in huis",
    ],
)
def test_fifteenth_pass_a_lesson_a_fire_a_role_or_a_treatment_gets_the_check(text):
    """Words that were the help lines at once: the check now, never nothing."""
    assert assess_words(text).level == CHECK


@pytest.mark.parametrize(
    "text",
    [
        "ik heb opgezocht hoe ik het moet doen zonder dat ik pijn voel",
        "ik wil ook weglopen, net als dat meisje in de film",
        "mijn vader slaat me, ik sla me er wel doorheen",
        "mijn vader gaat me vermoorden",
        "mijn broer gaat me vermoorden want ik heb een vriendje",
        "ik snij mezelf en de tandarts vroeg ernaar",
    ],
)
def test_fifteenth_pass_keeps_clear_danger_clear(text):
    assert assess_words(text).level == CLEAR


@pytest.mark.parametrize(
    "text",
    [
        "mijn neefje van 2 beet me in mijn hand, hij krijgt tandjes",
        "ik fiets elke dag tot ik niet meer kan voor de tocht",
        "er zijn steeds meer overvallen, we zagen het op het journaal",
        "mijn nicht is jaren geleden weggelopen maar ze is allang terug",
        "morgen moet ik mijn werkstuk inleveren en ik heb niks, ik ben dood",
    ],
)
def test_fifteenth_pass_harmless_told_in_so_many_words_lowers_a_sure_classifier_to_the_check(text):
    """A sure classifier (0.96) gives the check, not the help lines at once."""
    assert assess(text, crisis=0.96, crisis_on_top=True).level == CHECK


@pytest.mark.parametrize(
    "text", ["ik wil dood, ik zag het op tv", "mijn vader slaat me, we zagen het op het nieuws"]
)
def test_fifteenth_pass_told_harmless_never_lowers_clear_words(text):
    assert assess(text, crisis=0.96, crisis_on_top=True).level == CLEAR


@pytest.mark.parametrize(
    "text",
    [
        "bij burgerschap hadden we het over eerwraak",
        "we kregen een gastles over eerwraak",
        "er is een man vermoord in het dorp, stond in de krant",
        "de scheids gaf hem een rode kaart want hij schopte me",
        "mijn vader was vroeger verslaafd, nu is hij al 3 jaar clean",
        "mijn neefje is weggelopen in de supermarkt maar we vonden hem snel",
    ],
)
def test_sixteenth_pass_a_lesson_the_paper_a_card_or_a_parent_clean_gets_the_check(text):
    """Words that were the help lines at once: the check now, never nothing."""
    assert assess_words(text).level == CHECK


@pytest.mark.parametrize(
    "text",
    [
        "waarom leef ik eigenlijk nog",
        "sextortion via snapchat, hij wil geld anders deelt hij alles",
        "mijn moeder gebruikt weer, ze was een jaar clean",
        "mijn vader slaat me, de scheids van voetbal weet het niet",
        "op school hadden we het over zelfmoord en ik wil ook dood",
    ],
)
def test_sixteenth_pass_keeps_clear_danger_clear(text):
    assert assess_words(text).level == CLEAR


@pytest.mark.parametrize(
    "text",
    [
        "de politie zocht een jongen met een mes, ze hebben hem al",
        "06 12345678 is van mijn tante, bel haar na vieren",
        "mijn nicht gaat in mei trouwen, ik ben bruidsmeisje",
    ],
)
def test_sixteenth_pass_harmless_told_in_so_many_words_lowers_a_sure_classifier_to_the_check(text):
    assert assess(text, crisis=0.96, crisis_on_top=True).level == CHECK


def test_a_harmless_word_around_losse_handjes_takes_nothing_back():
    """ "handjes" is a clapping game in `_SPORT_AND_GAMES`; beside "losse" it took the
    words back and with them the classifier's check (a nineteenth-set danger message)."""
    text = "mijn vader heeft losse handjes zeg maar"
    assert not assess_words(text).taken_back
    assert assess(text, crisis=0.69).level == CHECK


@pytest.mark.parametrize(
    "text",
    [
        "voor engels lezen we een boek over een jongen die wordt uitgehuwelijkt",
        "bij de opleiding leren we over overdosis en medicijnen",
        "mijn moeder is als kind weggelopen van de boerderij",
        "de tegenstander schopte me tegen mijn scheen",
    ],
)
def test_seventeenth_pass_a_book_a_lesson_or_a_parents_childhood_gets_the_check(text):
    """Words that were the help lines at once: the check now, never nothing."""
    assert assess(text, crisis=0.9, crisis_on_top=True).level == CHECK


def test_seventeenth_pass_a_pet_that_scratches_gets_the_check_not_the_help_lines():
    result = assess_words("onze hond bijt me soms, ik heb overal schrammen")
    assert result.level == CHECK
    assert safety.VIOLENCE in result.kinds


@pytest.mark.parametrize(
    "text",
    [
        "we lezen een boek over een meisje dat wordt uitgehuwelijkt, net als ik",
        "ik wil dood, we leren over zelfmoord",
        "mijn kat is dood en mijn vader slaat me",
        # an app is where it happens, not a story (a read twenty-first set message was
        # taken back by "tiktok" with a classifier at 0.61)
        "ik word uitgescholden op youtube en ik kan niet meer",
    ],
)
def test_seventeenth_pass_keeps_clear_danger_clear(text):
    assert assess_words(text).level == CLEAR


@pytest.mark.parametrize(
    "text",
    [
        "ze schelden me uit en ik heb er geen zin meer in",
        "mijn moeder is weer helemaal van de wereld",
        "na de training slaat mijn vader mijn moeder",
        "ik wil naar mijn oma die dood is",
    ],
)
def test_eighteenth_pass_keeps_danger_said_beside_a_harmless_word(text):
    """ "geen zin meer in" at the end of a story, "van de wereld" of a parent, a training
    named beside a parent who hits, a wish to be with someone who died: never taken back."""
    assert assess_words(text).at_least(CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "mijn oom doet alsof hij me gaat vermoorden als ik zijn fanta pak",
        "voor burgerschap moet ik een stuk schrijven over eerwraak",
    ],
)
def test_eighteenth_pass_a_pretend_threat_or_a_school_piece_gets_the_check(text):
    """Both were the help lines at once in the twenty-third set (stop 46)."""
    assert assess(text, crisis=0.9, crisis_on_top=True).level == CHECK


@pytest.mark.parametrize(
    "text",
    [
        "ik heb een gebroken arm, hij zit in het gips",
        "ik ben ooit weggelopen, maar dat is lang geleden en het gaat nu goed",
    ],
)
def test_nineteenth_pass_a_cast_or_long_ago_gets_the_check_not_the_help_lines(text):
    assert assess_words(text).level == CHECK


@pytest.mark.parametrize(
    "text",
    [
        "de huisbaas heeft me eruit gezet, nu slaap ik in een tent",
        "ik zei mama tegen de juf, zo gênant",
        "hij wordt nooit handtastelijk",
    ],
)
def test_nineteenth_pass_what_it_must_not_change(text):
    """A tent after being thrown out stays the help lines at once; calling the teacher
    "mama" is no cover story; "nooit handtastelijk" is said of a good person."""
    expected = {"de huisbaas": CLEAR}.get(text[:11], NONE)
    assert assess_words(text).level == expected


@pytest.mark.parametrize(
    "text",
    [
        "jij vermoordt me met je vragen",
        "onvoldoende voor engels, mijn mentor vermoordt me",
        "in groep 7 werd ik geslagen door een jongen, maar dat is voorbij",
    ],
)
def test_twentieth_pass_an_idiom_or_something_over_gets_the_check_not_the_help_lines(text):
    """All three were the help lines at once in the twenty-fifth set (stop 46)."""
    assert assess_words(text).level == CHECK


@pytest.mark.parametrize(
    "text, kind",
    [
        ("mijn zus zag mijn armen bij gym en schrok", safety.SELF_HARM),
        ("mijn polsen zien er lelijk uit nu", safety.SELF_HARM),
        ("zou het iemand spijten als mij iets gebeurt", safety.SELF_HARM),
        ("sorry ik hoor iemand aan de voordeur", safety.DANGER),
        ("kunnen jullie snel zijn", safety.DANGER),
        ("weet niet, vraag voor een vriendin", safety.DANGER),
        ("bij opa is het fijn, niet zoals thuis", safety.HOME),
        ("de juf geeft me soms brood", safety.HOME),
        ("ik slaap waar ik kan", safety.HOMELESS),
        ("ik blijf hier want het is de hele nacht open", safety.HOMELESS),
    ],
)
def test_twenty_first_pass_quiet_signs_get_the_check_with_their_kind(text, kind):
    """Danger with no word of danger, as the twenty-sixth set's misses said it (stop 47,
    written anew)."""
    result = assess_words(text)
    assert result.level == CHECK
    assert kind in result.kinds


def test_a_negation_before_a_sentence_with_its_own_subject_takes_nothing_back():
    """ "geen zin" belonged to the answer before; "ik ben er ... toch niet meer" is a
    sentence of its own (a twenty-sixth-set miss, stop 47)."""
    assert assess_words("nee geen zin ik ben er straks toch niet meer").level == CHECK


@pytest.mark.parametrize(
    "text, level",
    [
        # a sport named in another clause: the check, never the help lines at once
        ("een blauwe plek van hockey, dat meisje sloeg me met haar stick", CHECK),
        ("mijn coach duwt me hard, maar op een goede manier", CHECK),
        # a cover story keeps the help lines at once
        ("ik heb een blauw oog maar op school zeg ik dat het van hockey komt", CLEAR),
        # "zat" after where: a place, not drunk; drunk stays clear
        ("zij hielp me toen mijn moeder in de gevangenis zat", NONE),
        ("mijn vader is weer zat", CLEAR),
    ],
)
def test_twenty_first_pass_sport_a_cover_story_and_a_place(text, level):
    assert assess_words(text).level == level


def test_not_wanting_it_any_more_after_the_choice_gets_the_check_at_most():
    """ "en als ik het niet meer wil dan?" after the handoff: a sure classifier gave the help
    lines at once (the twenty-fourth set, stop 46)."""
    result = assess("en als ik het niet meer wil dan?", crisis=0.97, crisis_on_top=True)
    assert result.level == CHECK


def test_an_app_named_takes_nothing_back():
    """ "tiktok" counted as a film: every unsure word of the message was taken back, and a
    classifier's 0.61 with it (stop 45)."""
    text = "op tiktok pesten ze me, ik kan niet meer"
    assert not assess_words(text).taken_back
    assert assess(text, crisis=0.61, crisis_on_top=True).level != NONE


def test_the_word_lists_are_compiled_once():
    """More patterns than `re` caches: each clause compiled them all again (0.1 s a clause)."""
    assess_words("ik heb mijn opa gekozen, maar hij weet het nog niet, want hij is op vakantie")
    before = safety._compiled.cache_info().misses
    assess_words("mijn tante, want zij luistert, maar ze woont ver weg")
    assert safety._compiled.cache_info().misses == before


def test_a_taken_back_word_of_the_thirteenth_pass_no_longer_hides_a_sure_crisis():
    """ "het pesten stopt nooit" took the word back and with it the classifier's 0.9."""
    text = "het pesten stopt nooit, misschien moet ik er zelf mee stoppen"
    assert not assess_words(text).taken_back
    assert assess(text, crisis=0.9, crisis_on_top=True).level == CHECK


@pytest.mark.parametrize(
    "text, kind",
    ELEVENTH_PASS_CHECK
    + TWELFTH_PASS_CHECK
    + THIRTEENTH_PASS_CHECK
    + FOURTEENTH_PASS_CHECK
    + FIFTEENTH_PASS_CHECK
    + SIXTEENTH_PASS_CHECK
    + SEVENTEENTH_PASS_CHECK
    + EIGHTEENTH_PASS_CHECK
    + NINETEENTH_PASS_CHECK
    + TWENTIETH_PASS_CHECK,
)
def test_quiet_signs_of_the_eleventh_and_twelfth_pass_get_the_check_with_their_kind(text, kind):
    result = assess_words(text)
    assert result.level == CHECK
    assert kind in result.kinds


@pytest.mark.parametrize("text", ["ik ben het beu om te bestaan", "ik ben zo moe van het bestaan"])
def test_tired_of_existing_gets_the_help_lines_at_once(text):
    result = assess_words(text)
    assert result.level == CLEAR
    assert safety.SELF_HARM in result.kinds


@pytest.mark.parametrize(
    "text",
    ELEVENTH_PASS_NONE
    + TWELFTH_PASS_NONE
    + THIRTEENTH_PASS_NONE
    + FOURTEENTH_PASS_NONE
    + FIFTEENTH_PASS_NONE
    + SIXTEENTH_PASS_NONE
    + SEVENTEENTH_PASS_NONE
    + EIGHTEENTH_PASS_NONE
    + NINETEENTH_PASS_NONE
    + TWENTIETH_PASS_NONE,
)
def test_the_eleventh_and_twelfth_pass_leave_everyday_messages_quiet(text):
    assert not assess_words(text).at_least(CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "ik ga niet terug naar de leefgroep wat ze ook zeggen",
        "ik weet niet of ik er volgende week nog ben",
    ],
)
def test_a_not_inside_a_quiet_sign_takes_nothing_back(text):
    """A "niet" is part of these phrases: it must not lower what the classifier says (it
    did: a taken-back word turned a sure crisis into the check)."""
    result = assess_words(text)
    assert result.level == CHECK
    assert not result.taken_back
    assert assess(text, crisis=0.97, crisis_on_top=True).level == CLEAR


def test_a_quiet_sign_never_lowers_a_sure_classifier():
    assert assess("thuis is het elke avond oorlog", crisis=0.97, crisis_on_top=True).level == CLEAR


@pytest.mark.parametrize(
    "text, level",
    [
        ("mijn opa slikt heel veel pillen voor zijn hart", CHECK),
        ("ik heb heel veel pillen geslikt voor de pijn", CLEAR),
        ("mijn moeder slikt heel veel pillen voor haar rug", CLEAR),
        ("help ik word gevolgd", CHECK),
        ("de kok pakte een mes en dreigde ermee", CHECK),
        ("de politie zoekt me", CHECK),
        ("ik ga dood als mijn vader dit hoort", CHECK),
    ],
)
def test_twelfth_pass_keeps_what_the_words_say(text, level):
    """Someone else's pills for an illness get the check; one's own or a parent's stay
    the help lines at once; the new harmless contexts take back no threat or call."""
    assert assess_words(text).level == level
