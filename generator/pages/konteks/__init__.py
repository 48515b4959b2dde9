"""Typed contexts handed to the page templates in ``theme/zi/``.

Every object a template receives is a frozen dataclass (or a tuple, string,
number, date or ``Markup``) built once and never patched: the builders in
``generator.pages`` make them from the facts, the templates hold every sentence
a visitor reads and only format what they are given (no arithmetic).
"""
