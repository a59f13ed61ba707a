"""Progress bars of long management commands, on the command's own stderr."""

from __future__ import annotations

from collections.abc import Callable
from typing import NoReturn, TextIO, cast

from django.core.management.base import BaseCommand
from tqdm import tqdm


def command_bar(
    command: BaseCommand, total: int, unit: str, desc: str, verbosity: int, leave: bool = True
) -> tqdm[NoReturn]:
    """A bar to advance by hand; none at verbosity 0, or when stderr is not a terminal
    (logs, tests: tqdm's `disable=None`)."""
    return tqdm(
        total=total,
        unit=unit,
        desc=desc,
        leave=leave,
        disable=verbosity < 1 or None,
        file=cast(TextIO, command.stderr._out),  # the stream itself: tqdm writes "\r"
    )


def ticker(bar: tqdm[NoReturn]) -> Callable[[], None]:
    """One step of `bar`, as the no-argument callback the services take."""

    def tick() -> None:
        bar.update()

    return tick
