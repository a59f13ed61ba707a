"""Number the <mark>s of highlighted HTML so a page can step from one match to the next."""

from __future__ import annotations

import re

_MARK = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)


def number_marks(paragraphs: list[str]) -> tuple[list[str], int]:
    """Give every mark an id `match-N` and previous/next links; returns (paragraphs, count)."""
    total = sum(len(_MARK.findall(p)) for p in paragraphs)
    counter = 0

    def link(match: re.Match[str]) -> str:
        nonlocal counter
        counter += 1
        previous = (
            f'<a class="match-nav" href="#match-{counter - 1}" aria-label="Previous match">‹</a>'
            if counter > 1
            else ""
        )
        following = (
            f'<a class="match-nav" href="#match-{counter + 1}" aria-label="Next match">›</a>'
            if counter < total
            else ""
        )
        return f'{previous}<mark id="match-{counter}">{match.group(1)}</mark>{following}'

    return [_MARK.sub(link, p) for p in paragraphs], total
