"""AdvisorOS Desktop: an offline-first desktop client for CPA firms, with an embedded server."""

__version__ = "0.1.0"
