"""The domain model (under construction)."""
