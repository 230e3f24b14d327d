"""issue 19: learn from messages the bot did not understand (the beheerder's review queue).

`masking` takes names, numbers and addresses out of a message before anything is stored;
`queue` decides which messages are kept, stores, lists, labels, exports and removes them.
Imports nothing from Rasa; the glue is `actions/review.py` and the portal page `bot/web/learn.py`.
"""
