"""Insight (issue 19): how youths use the chat, in aggregates only.

`counters` keeps counts per team and day as the action server sees events arrive (never
by reading conversations); `report` reads them, and the nominations with their status
history through indexed queries, for `/api/insights` and the portal page "Inzicht";
`charts` draws the accessible SVG bars the page shows. No names, no message text.
Imports nothing from Rasa or the web framework.
"""
