"""The embedded AdvisorOS API server: local workspace, demo, tests and small self-hosted firms."""
