"""Messages without words: emoji, question marks, keyboard mashing, code. What they mean.

Youths answer with an emoji as often as with a word ("👍", "🤷", "🙏"), and some test
the bot with nonsense ("asdfgh", "null", "<script>"). A classifier trained on words
guesses at these; the meaning of a thumbs-up is not a guess. This module maps a message
that is only emoji or punctuation, or that is plainly not language, to its intent, so
the bot's answer is the kind one every time. Nothing here imports Rasa;
`nlu_components.odd_input` is the glue.
"""

from __future__ import annotations

import re
import unicodedata

# One intent per emoji. A message of emoji from one intent only gets that intent.
EMOJI_INTENTS: dict[str, str] = {
    **dict.fromkeys("👍👌✅✔💯🆗", "affirm"),
    **dict.fromkeys("👎❌✖🙅", "deny"),
    **dict.fromkeys("🤷", "dont_know"),
    **dict.fromkeys("🤔😕❓❔🧐😵", "not_understood"),
    **dict.fromkeys("🙏", "thanks"),
    **dict.fromkeys("👋🙋", "greet"),
    **dict.fromkeys("✋🛑⛔🚫", "stop"),
    **dict.fromkeys("⬅🔙↩◀", "go_back"),
}
# Invisible parts of an emoji: variation selectors, joiners, skin tones, gender signs
_EMOJI_PARTS = re.compile("[\ufe0e\ufe0f\u200d\U0001f3fb-\U0001f3ff\u2640\u2642]")

# Code and placeholders that leak into chats or are typed to test the bot
CODE_WORDS = frozenset(
    ["null", "undefined", "nan", "nil", "none", "true", "false", "[object object]"]
)
_CODE = re.compile(
    r"\$\{|\{\{|\}\}|<\s*/?\s*[a-z]+[^>]*>|javascript:|onerror\s*=|\.\./|console\.\w+"
    r"|\b(?:select\s+\S+|drop\s+table\b|delete\s+from\b|insert\s+into\b|union\s+select\b)"
    r"|'\s*or\s*'?\d|\bor\s+1\s*=\s*1\b|^print\s|\w+\(\)",
    re.IGNORECASE,
)
# Keyboard rows and mashing: "asdf", "qwerty", "jkjkjk", "aaaaa"
_KEYBOARD = ("qwert", "werty", "asdf", "sdfg", "dfgh", "fghj", "ghjk", "hjkl", "zxcv", "xcvb")
# Sounds without vowels that do mean something: "hmm", "pfff", "grrr", "brrr", "sst"
_SOUNDS = re.compile(r"^(?:h+m+|m+h*|p+f+|g+r+|b+r+|s+t+|s+h+|z+)$")


def _strip(text: str) -> str:
    return _EMOJI_PARTS.sub("", unicodedata.normalize("NFC", text)).strip()


def _is_emoji(char: str) -> bool:
    return unicodedata.category(char) == "So" or char in EMOJI_INTENTS


def symbol_intent(text: str) -> str | None:
    """The intent of a message of only emoji or only punctuation, or None.

    "👍👍" is `affirm`, "🤷‍♀️" `dont_know`, "??" `not_understood`, "..." `out_of_scope`
    (no answer at all). Emoji of more than one meaning, or emoji the map does not know
    ("😂"), are left to the classifier.
    """
    chars = [c for c in _strip(text) if not c.isspace()]
    if not chars:
        return None
    if all(_is_emoji(c) for c in chars):
        intents = {EMOJI_INTENTS.get(c) for c in chars}
        return intents.pop() if len(intents) == 1 and None not in intents else None
    if all(unicodedata.category(c).startswith("P") or c in "?¿" for c in chars):
        return (
            "not_understood" if set(chars) <= {"?", "¿", "!"} and "?" in chars else "out_of_scope"
        )
    return None


def is_not_language(text: str) -> bool:
    """Whether a message is code, a placeholder or keyboard mashing, not words for us.

    "null", "${7*7}", "<script>", "select * from users", "asdfgh", "aaaaa", "jkjkjk".
    A word, a sound like "hmm" or "pfff", or a laugh is language.
    """
    stripped = " ".join(text.split()).lower()
    if not stripped:
        return False
    if stripped in CODE_WORDS or _CODE.search(stripped):
        return True
    words = stripped.split()
    if len(words) != 1 or not words[0].isalpha():
        return False
    word = words[0]
    if any(row in word for row in _KEYBOARD):
        return True
    if len(word) >= 4 and len(set(word)) == 1:
        return True  # "aaaaa", "zzzz"
    vowels = set("aeiouyáéíóúëïöü")
    return len(word) >= 5 and not (set(word) & vowels) and not _SOUNDS.match(word)
