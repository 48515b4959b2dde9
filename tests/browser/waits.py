"""Waits on what the visitor would see settle, instead of fixed sleeps."""

from __future__ import annotations

import time
from typing import Any

# No CSS transition still running anywhere on the page (Material slides the drawer over
# .25 s and fades colours over .125 s). getAnimations() flushes pending style changes, so
# a transition a click has just started is already counted.
_SETTLED = """() => document.getAnimations()
  .every(a => !(a instanceof CSSTransition) || a.playState === 'finished' || a.playState === 'idle')"""

_DRAWER = "(_, open) => document.getElementById('__drawer').checked === open && (" + _SETTLED + ")()"

_POLL_S = 0.02
_TIMEOUT_S = 15.0


def _until(page: Any, condition: str, arg: Any = None, what: str = "") -> None:
    """Poll ``condition`` (a function of the <html> element and ``arg``) until it holds.

    Polled from Python through a locator, not with ``page.wait_for_function``: with JavaScript
    switched off (test_modes) the page runs no script of its own, and Playwright's in-page waiting
    never returns, while a locator's evaluation still does.
    """
    root = page.locator("html")
    deadline = time.monotonic() + _TIMEOUT_S
    while not root.evaluate(condition, arg):
        if time.monotonic() > deadline:
            raise AssertionError(f"tidak tercapai dalam {_TIMEOUT_S:.0f} s: {what or condition}")
        time.sleep(_POLL_S)


def wait_settled(page: Any) -> None:
    """Until every CSS transition on the page has finished."""
    _until(page, _SETTLED, what="semua transisi CSS selesai")


def wait_drawer(page: Any, *, open: bool) -> None:
    """Until the navigation drawer is open (or closed) and has stopped sliding."""
    _until(page, _DRAWER, open, what=f"laci navigasi {'terbuka' if open else 'tertutup'}")
