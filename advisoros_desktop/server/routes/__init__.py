"""HTTP routes of the AdvisorOS API v1, one module per area."""
