"""A `zi` that has already imported itself: one process per test worker forks a child per command.

The hostile corpus and the CLI tests run `zi` some 400 times per session. A fresh
``python -m generator`` spends ≈ 1.2–1.7 s of CPU importing MkDocs, Material, pydantic and the
generator before it reads one file; on CI's two cores that was minutes of the suite. This server
(``python -m tests.zi_induk``, started by ``tests.conftest.zi``) imports once, then for every
request forks: the child is a real process with its own cwd, environment, stdin (/dev/null) and
file descriptors 1 and 2 pointing at files, and it runs the same entry point as
``python -m generator`` (``generator.cli.run``) and exits with its code. What a command prints —
Python warnings and logging included, since the server is a plain interpreter, not pytest — goes
to those files exactly as it would in a new process. An uncaught exception prints its traceback
to stderr, as Python does, so a test looking for "Traceback" still sees one.

Protocol, one JSON object per line on stdin: ``{"args", "cwd", "env", "out", "err"}``; the server
answers ``{"pid"}`` right after the fork (so a client can kill a hung child) and ``{"code"}``
when it ended. ``ZI_UJI_PROSES_BARU=1`` makes ``tests.conftest.zi`` skip this server and start a
new ``python -m generator`` per command; ``tests/site/test_zi_induk.py`` checks both give the same
result.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import traceback

# What `zi build` (Material) and the other commands import; imported once, shared by every child.
# A module missing here only costs time: the child imports it itself.
PRELOAD = (
    "generator.cli",
    "generator.load",
    "generator.stage",
    "generator.engines.material",
    "mkdocs.commands.build",
    "mkdocs.config",
    "material",
)


def _child(request: dict) -> None:
    """In the forked child: become the command's process, run it, never return."""
    code = 1
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 (the process ends with os._exit)
        for fd, path in ((1, request["out"]), (2, request["err"])):
            target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(target, fd)
            os.close(target)
        from generator import cli

        sys.argv = [os.path.join(os.path.dirname(cli.__file__), "__main__.py"), *request["args"]]

        try:
            cli.run(list(request["args"]))
            code = 0
        except SystemExit as exc:
            if exc.code is None:
                code = 0
            elif isinstance(exc.code, int):
                code = exc.code
            else:
                print(exc.code, file=sys.stderr)
                code = 1
        except BaseException:
            traceback.print_exc()
            code = 1
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def main() -> None:
    for name in PRELOAD:
        importlib.import_module(name)
    answers = os.fdopen(os.dup(1), "w", buffering=1)
    # The server's own fd 1 is not for children's text: point it at stderr's target.
    os.dup2(2, 1)
    for line in sys.stdin:
        request = json.loads(line)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _child(request)
        answers.write(json.dumps({"pid": pid}) + "\n")
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        answers.write(json.dumps({"code": code}) + "\n")


if __name__ == "__main__":
    main()
