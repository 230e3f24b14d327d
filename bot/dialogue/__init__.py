"""The conversation's structure and its words, independent of Rasa."""
