"""Log files and the diagnostics zip, with taxpayer ids and secrets redacted (Qt-free)."""
