"""Seed data for the demo firm: fictional records and generated documents."""
