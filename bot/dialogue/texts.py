"""Every text an action builds itself (domain.yml holds the rest).

Plain strings only, no imports: the language test reads this file as it reads the domain
(tools/language_check.py). `{placeholders}` are filled by the actions.
"""

ASK_MENTOR_NAME = "Hoe heet {label}?"
ASK_MENTOR_NAME_SIMPLE = "Hoe noem jij {label}? Typ de naam, zoals Riet."

SUMMARY_CHOICE = "Je kiest {label} {mentor_name}."
# issue 25: relation "anders" has no label: just the name.
SUMMARY_CHOICE_NAME = "Je kiest {mentor_name}."
# issue 25: the youth's own words, shortened kindly when long (conversation.short_reason).
SUMMARY_OWN_REASON = "Jij zegt: {reason}."
SUMMARY_REASON = {
    "emotioneel": "Je kan alles tegen {mentor_name} zeggen.",
    "praktisch": "{mentor_name} helpt je met dingen.",
    "advies": "{mentor_name} geeft je goede tips.",
    "gezelschap": "Jullie doen leuke dingen samen.",
}
SUMMARY_ALTERNATIVES = "Je noemde ook {names}."
# issue 25: with the reason and the alternatives the facts take 3 sentences; the question
# then comes as a message of its own (at most 3 sentences a message).
SUMMARY_QUESTION = "Klopt dat?"
SUMMARY_BUTTON_OK = "✅ Ja, dat klopt"
SUMMARY_BUTTON_CHANGE = "✏️ Iets veranderen"

# issue 25: several people named: the youth picks who comes first (buttons with each).
PICK_FIRST = "Je noemt {names}. Wie wil je het liefst als JIM?"
# ... and says whether the others may be named to the coach too.
KEEP_OTHERS = "Je noemde ook {names}. Mag je coach dat ook weten?"
# the same question after an answer that could not be used (issue 20: other words each time)
KEEP_OTHERS_AGAIN = "Mag je coach ook weten van {names}? Tik op een knop."
TAP_WHAT_FITS = "Tik op de knop die het best past."
KEEP_OTHERS_YES = "✅ Ja, dat mag"
KEEP_OTHERS_NO = "❌ Nee, alleen {mentor_name}"

CHOICE_SWAPPED = "Goed, we kiezen opnieuw."
OTHERS_REMOVED = "Goed, ik noem alleen {mentor_name}."
CHANGE_FIELD_OK = "Goed, we passen dat aan."

# issue 25: the consent question (utter_ask_consent) says what is shared, with whom.
CONSENT_TO_COACH = "je coach {coach}"
CONSENT_TO_TEAM = "het team van {team}"
CONSENT_WHO_COACH = "Je coach"
CONSENT_WHO_TEAM = "Het team"
CONSENT_THE_PERSON = "{mentor_name}"
CONSENT_THE_REASON = "waarom je kiest"
CONSENT_PHONE = "het nummer"
CONSENT_EMAIL = "het mailadres"
CONSENT_AND = "en"
CONSENT_MANY_OTHERS = "de {count} anderen"

AGE_UNDER_12 = "Je bent nog jong. Dan beslissen je ouders ook mee."

# action_handoff was reached without a yes to the consent question: nothing is stored.
HANDOFF_NEEDS_YES = "Ik stuur nog niets. Eerst vraag ik of het mag."

# --- issue 22: what the youth means, and the status of the choice ----------------------
CLARIFY = "Ik weet niet zeker wat je bedoelt. Wat wil je?"
CLARIFY_WITHDRAW = "🗑️ Keuze weghalen"
CLARIFY_CHANGE = "✏️ Iets veranderen"
CLARIFY_RESTART = "🔄 Opnieuw beginnen"
CLARIFY_STATUS = "❓ Hoe staat het?"
CLARIFY_KEEP = "✅ Niks, laat staan"

STATUS = {
    "nieuw": "Je keuze is bij je coach. Je coach neemt snel contact op.",
    "in_contact": "Je coach praat al met de persoon die je koos.",
    "jim_gestart": "Je JIM is al begonnen. Wat fijn!",
    "niet_gelukt": "Het is niet gelukt met deze JIM. Dat is niet jouw schuld.",
    "ingetrokken": "Je hebt je keuze weggehaald. Je coach ziet alleen dat je bent gestopt.",
}
STATUS_CODE = "Jouw code is {reference}. Wil je nog iets doen?"
STATUS_NOTHING = "In dit gesprek heb je nog niets gestuurd. Koos je al eerder? Typ dan je code."
UNSURE_YES = "Ik weet niet zeker of je ja zegt."

# --- issue 18: after the choice ----------------------------------------------------------
# "Ik vraag het zelf": the youth sends this message themselves; the product sends nothing.
ASK_SELF_INTRO = "Goed idee! Stuur dit bericht aan {name}. Tik op Kopiëren."
ASK_SELF_MESSAGE = (
    "Hoi {name}, wil jij mijn JIM zijn? Een JIM helpt mij, en mijn coach helpt jou. "
    "Lees meer op {link}"
)
ASK_SELF_AFTER = "Je coach weet ook van je keuze. Wil je nog iets doen?"
ASK_SELF_NOT_YET = "Eerst kiezen we samen je JIM. Daarna mag je het zelf vragen."

# A code typed in a new conversation: the status only after a second check.
CODE_ASK_NAME = "Dank je. Wie had je toen gekozen? Typ alleen de voornaam."
CODE_WRONG = "Die code en die naam horen niet bij elkaar. Kijk nog eens goed."
CODE_LOCKED = "Je hebt het te vaak geprobeerd. Vraag je code aan je coach."
CODE_FOUND = "Ik heb je keuze gevonden."
CODE_GO_ON = "We gaan verder waar je was."

# Choosing again after "niet gelukt".
CHOOSE_AGAIN_ASK = "Wil je opnieuw kiezen?"
CHOOSE_AGAIN_YES = "🔄 Ja, opnieuw kiezen"
CHOOSE_AGAIN_OTHER = "🔄 Een nieuw iemand"
CHOOSE_AGAIN_LATER = "⏸️ Nu niet"
CHOOSE_AGAIN_NOT_NOW = "Je keuze is nog bij je coach. Daar hoef je nu niets aan te doen."
CHOOSE_AGAIN_INVITE = "Je coach vraagt of je opnieuw wilt kiezen."
CHOOSE_AGAIN_PERSON = "👤 {name}"

# --- issue 20: asking about a guess, and the questions with more help --------------------
RELATION_GUESS = "Bedoel je {label}?"
RELATION_GUESS_YES = "✅ Ja"
RELATION_GUESS_NO = "🙂 Nee, iemand anders"
# the answer the form could not use, shown back at the relation question
RELATION_SHOWN_BACK = "Bedoel je {answer}? Tik dan op Ja. Of tik op een andere knop."
RELATION_SHOWN_BACK_YES = "✅ Ja, die bedoel ik"
ASK_MENTOR_NAME_UNSURE = {
    1: "Ik snap de naam nog niet. Typ alleen de voornaam, zoals Riet. Hoe heet {label}?",
    2: "Typ de naam van {label}. Een bijnaam mag ook.",
}

# --- issue 19: the youth's privacy text when LEARN_FROM_CHATS is on ----------------------
# Said right after the welcome (action_start), only when the organisation turned learning on.
LEARNING_NOTE = (
    "Snap ik een bericht niet? Dan mag iemand het later lezen, zonder je naam. "
    "Zo leer ik beter praten."
)
