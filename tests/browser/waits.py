"""Waits on what the visitor would see settle, instead of fixed sleeps."""

from __future__ import annotations

from typing import Any

# No CSS transition still running anywhere on the page (Material slides the drawer over
# .25 s and fades colours over .125 s). getAnimations() flushes pending style changes, so
# a transition a click has just started is already counted.
_SETTLED = """() => document.getAnimations()
  .every(a => !(a instanceof CSSTransition) || a.playState === 'finished' || a.playState === 'idle')"""

_DRAWER = "open => document.getElementById('__drawer').checked === open && (" + _SETTLED + ")()"


def wait_settled(page: Any) -> None:
    """Until every CSS transition on the page has finished."""
    page.wait_for_function(_SETTLED)


def wait_drawer(page: Any, *, open: bool) -> None:
    """Until the navigation drawer is open (or closed) and has stopped sliding."""
    page.wait_for_function(_DRAWER, arg=open)
