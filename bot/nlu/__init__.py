"""What a message means: the Dutch pipeline, the rule-based NLU helpers and the danger levels."""
