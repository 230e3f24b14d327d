"""NLU component: the canonical relation for the youth's own words (bot/nlu/relation_words.py).

The classifier marks "buuvrouw" as a relation and hands on "buuvrouw"; it does not see
"een meneer bij de moskee" as a person at all. This step, after the classifier and the
name step and before the FallbackClassifier, reads the message itself: each `relation`
entity gets a canonical value of DESIGN.md (typos and sound-alike spelling matched
fuzzily, family descriptions worked out), a person described without a relation word
becomes `anders` with the description kept (`relation_text`, for the coach), and a match
it is not sure of carries `certain: false`, so the form asks before it uses it. A short
message that names a person this way is an answer naming a person (`inform_mentor`),
not an off-topic message or a greeting. A relation word is never a name.
"""

from __future__ import annotations

import re

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu import at_the_question
from bot.nlu.relation_words import Reading, canonical, read_relations, taken_back, warm
from bot.nlu.safety import only_people
from bot.vocabulary import RELATIONS
from nlu_components.at_the_question import give_intent
from nlu_components.base import RuleStep

EXTRACTOR = "RelationWords"
INFORM_MENTOR = "inform_mentor"
# Intents a short message naming a person is taken away from.
_TAKEN = frozenset("out_of_scope greet goodbye thanks inform_name bot_challenge".split())
# Never taken away, however unsure the classifier was.
_KEPT = frozenset(
    "crisis crisis_check stop deny affirm dont_know not_understood go_back change_choice "
    "withdraw_consent undo_withdraw explain_jim inform_contact inform_age".split()
)
_GUESSED_DANGER = frozenset({"crisis", "crisis_check"})
# A message that names a person and takes another back is an answer naming who, though
# its "nee" or "niet" sounded like a no or a change ("niet mijn broer maar mijn zus").
_CORRECTING = _TAKEN | {"deny", "change_choice", "nlu_fallback"}
# "baas van de snackbar", "juf die mij hielp": the person, then where from or who
_DESCRIBED = re.compile(r"\s+(?:van|vd|bij|uit|op|in|die|dat|waar|met)\b", re.IGNORECASE)


def _entity(reading: Reading) -> dict:
    entity = {
        "entity": "relation",
        "start": reading.start,
        "end": reading.end,
        "value": reading.relation,
        "extractor": EXTRACTOR,
        "confidence_entity": 1.0 if reading.certain else 0.5,
    }
    if not reading.certain:
        entity["certain"] = False
    if reading.description:
        entity["relation_text"] = reading.description
    return entity


def _overlaps(entity: dict, reading: Reading) -> bool:
    start, end = entity.get("start"), entity.get("end")
    return (
        isinstance(start, int)
        and isinstance(end, int)
        and start < reading.end
        and reading.start < end
    )


def settle_entities(
    text: str, entities: list[dict], readings: list[Reading] | None = None, add: bool = True
) -> list[Reading]:
    """Canonical relation entities for `text`, changed in place; returns the readings.

    The classifier's relation entities get their canonical value everywhere. People it did
    not mark are added only when `add` (the message names a person: `inform_mentor`, the
    one intent whose relation the form reads): "wanneer belt de coach" or "mijn vader slaat
    mama" carry no person to choose, and the cross-validation scores them so.
    """
    readings = read_relations(text) if readings is None else readings
    back = taken_back(text)
    kept: list[dict] = []
    replacing: list[Reading] = []
    for entity in entities:
        kind = entity.get("entity")
        if kind == "relation" and any(_overlaps(entity, r) for r in back):
            continue  # "oma" in "oma. nee wacht, ik bedoel opa": taken back
        if kind == "relation":
            over = [r for r in readings if _overlaps(entity, r)]
            same = [r for r in over if (r.start, r.end) == (entity.get("start"), entity.get("end"))]
            if len(over) == 1 and same:
                # the classifier found the words; the reading gives the value (as the
                # EntitySynonymMapper does: the extractor stays, the step is a processor)
                entity.update({k: v for k, v in _entity(same[0]).items() if k != "extractor"})
                entity["processors"] = [*entity.get("processors", []), EXTRACTOR]
                kept.append(entity)
                continue
            if over:
                replacing.extend(over)
                continue  # the reading of the words replaces it
            value = entity.get("value")
            if value not in RELATIONS and value not in (
                "oma_opa",
                "tante_oom",
                "buurman_buurvrouw",
            ):
                value = canonical(str(value or ""))
                if value is None:
                    continue  # "oude", "beste": no person
                entity["value"] = value
        elif kind in ("mentor_name", "youth_name"):
            if any(_overlaps(entity, r) and r.relation != "anders" and r.certain for r in readings):
                continue  # "de buurman" is no name
        kept.append(entity)
    added = [
        r
        for r in readings
        if (add or r in replacing)
        and not any(_overlaps(e, r) for e in kept if e.get("entity") == "relation")
    ]
    kept.extend(_entity(r) for r in added)
    kept.sort(key=lambda e: e.get("start", 0) if isinstance(e.get("start"), int) else 0)
    entities[:] = kept
    return readings


def names_a_person(text: str, intent: dict, readings: list[Reading]) -> bool:
    """Whether a message that names a person should be `inform_mentor` instead of `intent`."""
    name = intent.get("name")
    if taken_back(text) and name in _CORRECTING and (readings or only_people(text)):
        # "nee wacht, niet mijn broer, mijn neef": the youth corrects who they mean; "dhr.
        # Bakker", "Kees Baas": a name whose surname is also a word for a person
        return True
    if readings and name in _GUESSED_DANGER and only_people(text):
        # "mn nicht", "me buuvrouw": only people words, which the classifier learnt from
        # danger examples; CrisisGuard gives such a message no alarm from the classifier
        return True
    if not readings or name == INFORM_MENTOR or name in _KEPT or at_the_question.asks_the_bot(text):
        return False
    words = len(text.split())
    if words > 12:
        return False
    if float(intent.get("confidence") or 0) < 0.5:
        return True
    if name not in _TAKEN:
        return False
    # A confident other intent gives way to a short answer ("de buurvrouw") or a person
    # described ("een meneer bij de moskee"), not to a story that holds a relation word
    # ("mijn oom is vorige maand begraven", "mijn moeder werkt vaak in de nacht").
    return words <= 4 or any(
        r.description or " " in r.typed or _DESCRIBED.match(text[r.end :]) for r in readings
    )


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class RelationWords(RuleStep):
    """Canonical relations from typos, sound-alike spelling and descriptions (see the module)."""

    def __init__(self, config: dict | None = None) -> None:
        super().__init__(config)
        warm()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):
                continue  # a button payload says exactly what was meant
            entities = list(message.get(ENTITIES) or [])
            readings = read_relations(text)
            intent = message.get(INTENT) or {}
            naming = names_a_person(text, intent, readings) or at_the_question.names_a_person(
                # issue 20: at "Wie ...?" and "Hoe heet ...?" a person read in the answer is
                # the one the youth names ("mn opa hij is de beste"), whatever the guess
                at_the_question.question_of(message.get("metadata")),
                intent.get("name"),
                text,
                bool(readings),
            )
            settle_entities(
                text, entities, readings, add=naming or intent.get("name") == INFORM_MENTOR
            )
            message.set(ENTITIES, entities, add_to_output=True)
            short_answer = (
                intent.get("name") == INFORM_MENTOR
                and readings
                and len(text.split()) <= 4
                and not at_the_question.asks_the_bot(text)
            )
            if naming or short_answer:
                # the intent it took over stays in the ranking, below: a tie with it would
                # make the fallback ask again ("mn babaanne": both at 0.84)
                give_intent(message, INFORM_MENTOR)
        return messages
