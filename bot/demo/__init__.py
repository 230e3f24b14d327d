"""The trainer demo: its live data and its scenarios."""
