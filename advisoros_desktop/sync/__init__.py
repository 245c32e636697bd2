"""The sync engine: push the outbox, pull the change feed, keep both sides whole."""
