"""Persian presentation (under construction)."""
