"""Small additions to Rasa itself, loaded by the Rasa server from endpoints files.

Kept apart from `bot` (product logic, which imports nothing from Rasa) and from `actions`
(the action server must not import Rasa: it would double its memory).
"""
