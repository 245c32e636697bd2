"""The local cache: server state plus the user's pending changes, an outbox, conflicts, search."""
