"""Progress bars of an evaluation's long steps, on the command's stderr (or none)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NoReturn, TextIO, TypeVar

from tqdm import tqdm

T = TypeVar("T")


@dataclass(frozen=True)
class Progress:
    stream: TextIO  # the stream itself, not Django's OutputWrapper: tqdm writes "\r"
    quiet: bool = False

    def count(self, desc: str, unit: str, total: int) -> tqdm[NoReturn]:
        """A bar to `update()` by hand."""
        # disable=None: no bar when the stream is not a terminal (logs, tests).
        return tqdm(total=total, desc=desc, unit=unit, file=self.stream, disable=self.quiet or None)

    def over(self, items: Sequence[T], desc: str, unit: str) -> tqdm[T]:
        """`items`, advancing a bar as each is taken."""
        return tqdm(items, desc=desc, unit=unit, file=self.stream, disable=self.quiet or None)
