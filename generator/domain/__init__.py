"""The ZI vocabulary: pure functions and reference data, no I/O.

Imported by the model (to validate) and by the rules (to derive facts).
"""
