"""``python -m generator`` is the ``zi`` command."""

from generator.cli import run

run()
