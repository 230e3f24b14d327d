"""The form that walks the youth through the choice, one question at a time."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import insight, review
from actions.choice import ChoiceValidation, ask_pick, required_with_choice
from actions.unsure import mentor_name_prompt, relation_prompt
from bot.dialogue import conversation, texts, unsure
from bot.dialogue.form import QUESTION_ORDER
from bot.dialogue.relation_step import RelationAnswer, decide_relation
from bot.vocabulary import KNOWS_ALREADY, name_from_answer, object_pronoun, relation_label

FORM = "jim_form"


def latest_entities(tracker: Tracker, entity: str) -> list[str]:
    return [
        str(e.get("value"))
        for e in tracker.latest_message.get("entities", [])
        if e.get("entity") == entity and e.get("value") is not None
    ]


def latest_intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def latest_text(tracker: Tracker) -> str:
    return tracker.latest_message.get("text") or ""


def could_not_use(tracker: Tracker) -> dict[str, Any]:
    """The slots that count one more answer in a row the form could not use (issue 20)."""
    return unsure.rejected(tracker.get_slot(unsure.UNSURE), latest_text(tracker))


def refused_now(events: list[dict[str, Any]]) -> bool:
    """Issue 19: this message counted as an answer the form could not use (`unsure` >= 1)."""
    return any(
        e.get("event") == "slot" and e.get("name") == unsure.UNSURE and (e.get("value") or 0) >= 1
        for e in events
    )


def own_reply(domain: DomainDict) -> frozenset[str]:
    """Intents with their own answer (a rule) or that ask for the question again: no answer
    the form failed to use, so the form lets the rule answer.

    Read from the domain's `not_an_answer` list (the `not_intent` of the form's `from_text`
    mappings), the one place it is written, plus `inform_name` (a name at a question that
    asks no name has its own rules). A list of its own here once missed the intents added
    later (a code, "ik heb niemand", "ik vraag het zelf"): the form swallowed them.
    """
    intents = {"inform_name"}
    for slot in (domain.get("slots") or {}).values():
        for mapping in slot.get("mappings") or []:
            if mapping.get("type") == "from_text":
                intents.update(mapping.get("not_intent") or [])
    return frozenset(intents)


def value_before_message(tracker: Tracker, slot: str) -> Any:
    """The slot's value before the youth's latest message was read into the slots."""
    events = tracker.events
    last_user = max(
        (i for i, event in enumerate(events) if event.get("event") == "user"), default=len(events)
    )
    for event in reversed(events[:last_user]):
        if event.get("event") == "slot" and event.get("name") == slot:
            return event.get("value")
    return None


class ValidateJimForm(ChoiceValidation, FormValidationAction):
    """Keeps only answers the coach can use; explains kindly when one cannot be used.

    Eligibility follows the JIM approach: an adult from the youth's own life, not a parent
    and not a care professional. A "don't know" for the person leads to gentle help
    questions instead of a dead end.
    """

    def name(self) -> str:
        return "validate_jim_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Rasa SDK's validation, plus the `simpler` slot the questions are worded by.

        After "ik snap het niet" the slot turns true: the form then asks the same question
        again in simpler words (the condition in its `utter_ask_` response) instead of
        giving up on the answer. Once an answer came in, the next question is plain again.
        Rasa asks from the domain, so a form turn needs one call to the action server.
        """
        said_before = len(dispatcher.messages)
        events = await super().run(dispatcher, tracker, domain)
        explained = len(dispatcher.messages) > said_before  # "a parent cannot be the JIM"
        if wants_it_simpler(tracker):
            events.append(SlotSet("simpler", True))
        elif tracker.get_slot("simpler") and any(
            e.get("event") == "slot" and e.get("name") != "requested_slot" for e in events
        ):
            events.append(SlotSet("simpler", False))
        events += self._help_count(tracker, events, own_reply(domain), explained)
        events += self._pronoun(tracker, events)
        review.note(tracker, refused=refused_now(events))  # issue 19, LEARN_FROM_CHATS only
        await self._count_questions(dispatcher, tracker, domain, events)
        return events

    async def _count_questions(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
        events: list[dict[str, Any]],
    ) -> None:
        """Issue 19: the question the youth answered now and the one asked next are
        counted as reached, once per conversation (bot/insight/counters.py)."""
        asked = tracker.get_slot("requested_slot")
        if asked in QUESTION_ORDER:
            insight.count(tracker, asked)
        required = await self.required_slots(
            self.domain_slots(domain), dispatcher, insight.after(tracker, events), domain
        )
        coming = insight.next_question(tracker, events, required)
        if coming in QUESTION_ORDER and coming != asked:
            insight.count(tracker, coming)

    @staticmethod
    def _pronoun(tracker: Tracker, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Stop 42: "Weet Khalid al dat je aan hem of haar denkt?" after "mijn oom" read as
        if the bot had not listened. The slot the question says ("haar" for an oma, "hem"
        for an oom) follows the relation; set here, so Rasa still asks from the domain.
        Only in a turn that sets the relation: a slot set in any other turn would keep
        Rasa's form from handing the turn to an intent's own rule ("stop", a code)."""
        relations = [
            event.get("value")
            for event in events
            if event.get("event") == "slot" and event.get("name") == "relation"
        ]
        if not relations:
            return []
        pronoun = object_pronoun(relations[-1])
        if pronoun == tracker.get_slot("mentor_pronoun"):
            return []
        return [SlotSet("mentor_pronoun", pronoun)]

    @staticmethod
    def _help_count(
        tracker: Tracker,
        events: list[dict[str, Any]],
        own: frozenset[str],
        explained: bool = False,
    ) -> list[dict[str, Any]]:
        """Issue 20: count answers in a row the form could not use, or start again at 0.

        A validator that could not use the answer sets `unsure` itself. An answer that
        filled no slot at all (a yes where a number was asked, a message the NLU was
        unsure of) counts too; a question, a greeting or "ik snap het niet" has its own
        reply and does not, nor an answer the validation explained ("Je vader of moeder kan
        niet je JIM zijn"). Any answer used, or asking it simpler, starts again at 0.
        """
        slots = {e.get("name"): e.get("value") for e in events if e.get("event") == "slot"}
        requested = tracker.get_slot("requested_slot")
        intent = latest_intent(tracker)
        counted = unsure.UNSURE in slots and slots.get(requested) is None
        used = slots.get(requested) is not None or (
            not counted
            and any(
                value is not None
                for name, value in slots.items()
                if name not in ("requested_slot", unsure.UNSURE, unsure.UNUSABLE, "simpler")
            )
        )
        if intent in SIMPLER or used:
            if tracker.get_slot(unsure.UNSURE) or slots.get(unsure.UNSURE):
                return [SlotSet(unsure.UNSURE, 0.0), SlotSet(unsure.UNUSABLE, None)]
            return []
        if counted:
            return [SlotSet("simpler", False)]
        if explained or not requested or intent in own:
            return []
        if tracker.active_loop.get("name") != FORM:
            return []
        return [SlotSet(k, v) for k, v in could_not_use(tracker).items()] + [
            SlotSet("simpler", False)
        ]

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        slots = required_with_choice(list(domain_slots), tracker)  # issue 25
        if tracker.get_slot("relation") in conversation.MAYBE_MINOR:
            return slots
        return [slot for slot in slots if slot != "mentor_adult"]

    @staticmethod
    def _out_of_scope_answer(slot: str, tracker: Tracker) -> dict[str, Any]:
        """An answer the NLU read as out of scope, at its own question: a rare name
        ("Xandrietje"), a reason in own words ("hij is chill")."""
        if tracker.get_slot("requested_slot") != slot or latest_intent(tracker) not in (
            "out_of_scope",
        ):
            return {}
        answer = conversation.answer_out_of_scope(
            slot, latest_text(tracker), tracker.get_slot("mentor_name")
        )
        return {slot: answer} if answer else {}

    async def extract_youth_name(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._out_of_scope_answer("youth_name", tracker)

    async def extract_mentor_name(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._out_of_scope_answer("mentor_name", tracker)

    async def extract_mentor_reason(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._out_of_scope_answer("mentor_reason", tracker)

    def validate_youth_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value == conversation.SKIPPED:
            return {"youth_name": conversation.SKIPPED}
        # The form's tidying of names: fillers and emoji at the ends go ("levi hoor",
        # "kiki 😊"), and a relation is never the youth's own name ("oma", "de buurman":
        # the person, typed one question too early)
        name = name_from_answer(value if isinstance(value, str) else None, latest_text(tracker))
        if name is None:
            return {"youth_name": None, **could_not_use(tracker)}
        return {"youth_name": name}

    def validate_youth_age(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if isinstance(value, str) and value.startswith("/inform_age") and "{" not in value:
            dispatcher.utter_message(response="utter_age_older")
            return {"youth_age": None}
        if value == conversation.SKIPPED:
            return {"youth_age": conversation.SKIPPED}  # "zeg ik liever niet": parents asked too
        age = conversation.parse_age(value)
        if age is None and "ouder" in latest_text(tracker).lower().split():
            dispatcher.utter_message(response="utter_age_older")  # "ik ben ouder" typed
            return {"youth_age": None}
        if age is None:
            return {"youth_age": None, **could_not_use(tracker)}
        if age < 12:
            dispatcher.utter_message(text=texts.AGE_UNDER_12)
        return {"youth_age": str(age)}

    def validate_relation(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        # issue 20: a guess the NLU was not sure of is asked first ("Bedoel je je buurvrouw?")
        entities = [
            e for e in tracker.latest_message.get("entities", []) if e.get("entity") == "relation"
        ]
        pending = tracker.get_slot(unsure.GUESS)
        guess = unsure.relation_guess(entities, latest_intent(tracker), pending)
        if guess is not None:
            return guess.slots
        extra: dict[str, Any] = {unsure.GUESS: None} if pending else {}
        description = unsure.description_of(entities)
        shown = tracker.get_slot(unsure.UNUSABLE)
        typed_yes = unsure.yes_to_shown_back(
            latest_intent(tracker), entities, tracker.get_slot(unsure.UNSURE), shown
        )
        if typed_yes:
            value = "anders"  # "Bedoel je: samen? Tik dan op Ja." and "ja" typed, not tapped
        if (
            value == "anders"
            and not description
            and (latest_text(tracker).startswith("/") or typed_yes)
        ):
            description = shown  # "Bedoel je ...?" - "Ja"
        decision = decide_relation(
            RelationAnswer(
                value=value,
                help_step=int(tracker.get_slot("help_step") or 0),
                intent=latest_intent(tracker),
                relations=latest_entities(tracker, "relation"),
                names=latest_entities(tracker, "mentor_name"),
                professional=bool(latest_entities(tracker, "professional")),
                asking_the_name=tracker.get_slot("requested_slot") == "mentor_name",
                relation_before=value_before_message(tracker, "relation"),
                alternatives=list(tracker.get_slot("alternatives") or []),
                people_named=list(tracker.get_slot("people_named") or []),  # issue 25
                others_named=list(tracker.get_slot("others_named") or []),
            )
        )
        if decision.response == "utter_relation_unclear":
            return {**decision.slots, **extra, **could_not_use(tracker)}  # one message: the ask
        if decision.response:
            dispatcher.utter_message(response=decision.response)
        if decision.text:
            dispatcher.utter_message(text=decision.text)
        asking_the_name = tracker.get_slot("requested_slot") == "mentor_name"
        if decision.slots.get("relation") == "anders" and description:
            # "meneer el amrani" at "Hoe heet die persoon?" keeps "bij de moskee ..."
            if not (asking_the_name and tracker.get_slot(unsure.RELATION_TEXT)):
                extra[unsure.RELATION_TEXT] = description
        elif "relation" in decision.slots and decision.slots["relation"] != value_before_message(
            tracker, "relation"
        ):
            extra[unsure.RELATION_TEXT] = None
        return {**decision.slots, **extra}

    def validate_mentor_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        # issue 20: a relation word or a description is never a name ("de buurman"); the
        # name given, not the one the person is called by, for the coach (stop 41)
        name = name_from_answer(
            value if isinstance(value, str) else None, latest_text(tracker), called_by=False
        )
        if name is None:
            return {"mentor_name": None, **could_not_use(tracker)}
        return {"mentor_name": name}

    def validate_mentor_adult(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value == "nee":
            dispatcher.utter_message(response="utter_mentor_too_young")
            return {"mentor_adult": None, "relation": None, "mentor_name": None}
        return {"mentor_adult": value}

    def validate_mentor_reason(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = tracker.latest_message.get("text") or ""
        if value not in conversation.REASON_TEXT and value != conversation.DONT_KNOW and text:
            if not text.startswith("/"):
                value = text  # the whole sentence, not one fragment the NLU picked out
        reason, support = conversation.reason_and_support(value)
        for kind in latest_entities(tracker, "support"):
            if kind in conversation.REASON_TEXT and kind not in support:
                support.append(kind)
        return {
            "mentor_reason": reason or conversation.DONT_KNOW,
            "mentor_support": support,
        }

    def validate_knows_already(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = tracker.latest_message.get("text")
        who = conversation.asked_by_with_the_no(text) if value == "nee" else None
        if who:
            # "nee, wil dat de coach doet" also answers "Wie vraagt het?" (stop 45): the next
            # question is never asked for what the youth just said; its reassurance is
            # still said (stop 46)
            dispatcher.utter_message(response="utter_may_say_no")
            return {"knows_already": value, "asked_by": who}
        return {"knows_already": value if value in KNOWS_ALREADY else None}

    def validate_contact(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value == conversation.SKIPPED:
            return {"contact": conversation.SKIPPED}
        contact = conversation.clean_contact(value)
        if contact is None:
            # "ja heb ik" too: the question comes back asking to type it (issue 20)
            return {"contact": None, **could_not_use(tracker)}
        return {"contact": contact}


SIMPLER = ("not_understood", "dont_know")


def wants_it_simpler(tracker: Tracker) -> bool:
    """The youth said "ik snap het niet": ask again simpler, never with the same text."""
    return latest_intent(tracker) in SIMPLER


class ActionAskRelation(Action):
    """Asks who the youth trusts; after "ik weet het niet", the next gentle help question."""

    def name(self) -> str:
        return "action_ask_relation"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        group = tracker.get_slot("relation_group")
        help_step = int(tracker.get_slot("help_step") or 0)
        if ask_pick(dispatcher, tracker):  # issue 25: several people named, who first?
            pass
        elif group not in conversation.GROUPS and relation_prompt(dispatcher, tracker, domain):
            return []  # issue 20: a guess to confirm, or the question with more help
        elif group in conversation.GROUPS:
            dispatcher.utter_message(response=conversation.GROUPS[group])
        elif 1 <= help_step <= len(conversation.HELP_QUESTIONS):
            dispatcher.utter_message(response=conversation.HELP_QUESTIONS[help_step - 1])
        elif help_step > len(conversation.HELP_QUESTIONS):
            dispatcher.utter_message(response="utter_help_done")
        elif wants_it_simpler(tracker):
            dispatcher.utter_message(response="utter_simple_relation")
        else:
            dispatcher.utter_message(response="utter_ask_relation")
        return []


class ActionAskMentorName(Action):
    """Asks the name with the person's relation in it: "Hoe heet je oma?"."""

    def name(self) -> str:
        return "action_ask_mentor_name"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if mentor_name_prompt(dispatcher, tracker):
            return []  # issue 20: the question with more help
        label = relation_label(tracker.get_slot("relation"))
        text = texts.ASK_MENTOR_NAME_SIMPLE if wants_it_simpler(tracker) else texts.ASK_MENTOR_NAME
        dispatcher.utter_message(text=text.format(label=label))
        return []


class ActionOutOfScopeInForm(Action):
    """Says "Daar kan ik je niet mee helpen" to a side message during the form, except when
    the open question will take it as its answer (a rare name, a reason in own words):
    then the bot goes on without telling the youth it could not help."""

    def name(self) -> str:
        return "action_out_of_scope_in_form"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        answer = conversation.answer_out_of_scope(
            tracker.get_slot("requested_slot"),
            latest_text(tracker),
            tracker.get_slot("mentor_name"),
        )
        if not answer:
            dispatcher.utter_message(response="utter_out_of_scope")
        return []
