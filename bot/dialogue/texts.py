"""Every text an action builds itself (domain.yml holds the rest).

Plain strings only, no imports: the language test reads this file as it reads the domain
(tools/language_check.py). `{placeholders}` are filled by the actions.
"""

ASK_MENTOR_NAME = "Hoe heet {label}?"
ASK_MENTOR_NAME_SIMPLE = "Hoe noem jij {label}? Typ de naam, zoals Riet."

SUMMARY_CHOICE = "Je kiest {label} {mentor_name}."
SUMMARY_REASON = {
    "emotioneel": "Je kan alles tegen {mentor_name} zeggen.",
    "praktisch": "{mentor_name} helpt je met dingen.",
    "advies": "{mentor_name} geeft je goede tips.",
    "gezelschap": "Jullie doen leuke dingen samen.",
}
SUMMARY_ALTERNATIVES = "Je noemde ook {names}."
SUMMARY_QUESTION = "Klopt dat?"
SUMMARY_BUTTON_OK = "✅ Ja, dat klopt"
SUMMARY_BUTTON_CHANGE = "✏️ Iets veranderen"

TWO_PEOPLE = "Je noemt {count} mensen. Ik kies eerst {label}. De rest onthoud ik ook."

CHOICE_KEPT_AS_ALTERNATIVE = "Goed, we kiezen opnieuw. {mentor_name} onthoud ik ook."
CHANGE_FIELD_OK = "Goed, we passen dat aan."

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
