"""`zi --help` in Indonesian: click's headings ("Usage:", "Options:", "Commands:") and its
help-option line are English; the command and option texts are ours already."""

from __future__ import annotations

import click

_SECTIONS = {"Options": "Pilihan", "Commands": "Perintah", "Arguments": "Argumen", "Positional arguments": "Argumen"}


class _Formatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = args.replace("[OPTIONS]", "[PILIHAN]").replace("COMMAND [ARGS]...", "PERINTAH [ARGUMEN]...")
        super().write_usage(prog, args, prefix="Cara pakai: ")

    def section(self, name: str):
        return super().section(_SECTIONS.get(name, name))


class _Context(click.Context):
    formatter_class = _Formatter


def _indonesian_help_option(option: click.Option | None) -> click.Option | None:
    if option is not None:
        option.help = "Tampilkan bantuan ini lalu keluar."
    return option


class ZiCommand(click.Command):
    context_class = _Context

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _indonesian_help_option(super().get_help_option(ctx))


class ZiGroup(click.Group):
    """The `zi` group: every command under it gets the Indonesian help headings."""

    context_class = _Context
    command_class = ZiCommand

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _indonesian_help_option(super().get_help_option(ctx))
