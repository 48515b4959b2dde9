"""Finishing touches on rendered HTML, as plain string functions (no engine imports)."""
