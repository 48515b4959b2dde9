"""Laman ZI: turns a unit's Zona Integritas plans, kept as YAML, into an accessible site.

Data flows one way: ``load`` (YAML -> typed model) -> ``rules`` (derived facts)
-> ``pages`` (Markdown/HTML strings) -> the engine adapter (``plugin``/``cli``).
Only the adapter imports MkDocs.
"""

__version__ = "0.1.0"
