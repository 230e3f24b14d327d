"""Custom Rasa NLU components of JIM-kiezer."""
