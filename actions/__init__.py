"""Rasa custom actions: thin glue between the conversation and `bot/`."""
