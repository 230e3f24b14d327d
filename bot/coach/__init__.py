"""What reaches the coach: the handoff, notifications, signals, withdrawals and coach rules."""
