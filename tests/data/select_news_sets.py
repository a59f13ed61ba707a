"""How the news tuning and test sets were chosen and split (`news_sets.md`): prints the ids.

Run from the repository root with `../shared` beside it: `python tests/data/select_news_sets.py`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import cache
from pathlib import Path

CORPUS = Path("../shared/corpus")


@cache  # every batch reads the corpus again to skip the batches before it
def records(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def _development() -> set[str]:
    return {r["id"] for r in records(Path("tests/data/wikinews_dev.jsonl"))}


def _wikinews(taken: set[str]) -> list[dict[str, str]]:
    """Wikinews records of at most 6,000 characters not in `taken`, sorted by `id`."""
    return sorted(
        (
            r
            for r in records(CORPUS / "wikinews" / "wikinews_en_2019_2020.jsonl")
            if len(r["body"]) <= 6000 and r["id"] not in taken
        ),
        key=lambda r: r["id"],
    )


def _reuters() -> list[dict[str, str]]:
    """Reuters stories of 600 to 3,000 characters with a quotation mark, by SHA-1 of `id`."""
    reuters = [
        r
        for r in records(CORPUS / "reuters21578" / "reuters21578.jsonl")
        if 600 <= len(r.get("body") or "") <= 3000 and '"' in r["body"]
    ]
    return sorted(reuters, key=lambda r: digest(r["id"]))


def chosen() -> list[str]:
    wikinews = _wikinews(_development())
    return [r["id"] for r in wikinews[1::2]] + [r["id"] for r in _reuters()[:60]]


def split(ids: list[str]) -> dict[str, list[str]]:
    """Before any tuning: tuning when the SHA-1 of `split:<id>` starts with a digit."""
    tuning = [i for i in ids if digest(f"split:{i}")[0].isdigit()]
    return {"tuning": tuning, "test": [i for i in ids if i not in tuning]}


def second_tuning_batch() -> list[str]:
    """Labelled later (2026-12-03), all for tuning: the test part stays as it was split.

    50 of the Wikinews articles left out above, ordered by the SHA-1 of their `id`, and the
    next 10 Reuters stories in the order above.
    """
    left = sorted(_wikinews(set(chosen()) | _development()), key=lambda r: digest(r["id"]))
    return [r["id"] for r in left[:50]] + [r["id"] for r in _reuters()[60:70]]


def third_tuning_batch() -> list[str]:
    """Labelled later still (2026-12-03), all for tuning: the rest of those Wikinews articles
    and the next 10 Reuters stories."""
    taken = set(chosen()) | set(second_tuning_batch()) | _development()
    left = sorted(_wikinews(taken), key=lambda r: digest(r["id"]))
    return [r["id"] for r in left] + [r["id"] for r in _reuters()[70:80]]


def fourth_tuning_batch() -> list[str]:
    """The Wikinews articles left of 6,000 to 16,000 characters (the longer ones are long
    interviews, too costly to label), ordered by the SHA-1 of their `id`, and the next 10
    Reuters stories."""
    taken = set(chosen()) | set(second_tuning_batch()) | set(third_tuning_batch()) | _development()
    left = [
        r
        for r in records(CORPUS / "wikinews" / "wikinews_en_2019_2020.jsonl")
        if r["id"] not in taken and len(r["body"]) <= 16000
    ]
    left.sort(key=lambda r: digest(r["id"]))
    return [r["id"] for r in left] + [r["id"] for r in _reuters()[80:90]]


def fifth_tuning_batch() -> list[str]:
    """The last Wikinews articles: the 14 longer than 16,000 characters, mostly interviews,
    sorted by `id`."""
    taken = (
        set(chosen())
        | set(second_tuning_batch())
        | set(third_tuning_batch())
        | set(fourth_tuning_batch())
        | _development()
    )
    left = records(CORPUS / "wikinews" / "wikinews_en_2019_2020.jsonl")
    return sorted(r["id"] for r in left if r["id"] not in taken)


def sixth_tuning_batch() -> list[str]:
    """Labelled in session 15 (2026-12-03), for tuning: the next 20 Reuters stories (every
    Wikinews article is labelled by now)."""
    return [r["id"] for r in _reuters()[90:110]]


def seventh_tuning_batch() -> list[str]:
    """Labelled in session 16 (2026-12-04), for tuning: the next 20 Reuters stories."""
    return [r["id"] for r in _reuters()[110:130]]


@cache
def _census_stories() -> set[str]:
    """The first 1,500 Reuters stories with a body, in the file's order: the census of rule
    changes read their extractor output in earlier sessions."""
    with_body = (
        r["id"] for r in records(CORPUS / "reuters21578" / "reuters21578.jsonl") if r.get("body")
    )
    return {i for i, _ in zip(with_body, range(1500), strict=False)}


def eighth_tuning_batch() -> list[str]:
    """Labelled in session 16 (2026-12-04), for tuning: the next 20 Reuters stories after the
    seventh batch that the census of rule changes never read."""
    seen = _census_stories()
    return [r["id"] for r in _reuters()[130:] if r["id"] not in seen][:20]


def ninth_tuning_batch() -> list[str]:
    """Labelled in session 16 (2026-12-04), for tuning: the next 20 such stories."""
    seen = _census_stories() | set(eighth_tuning_batch())
    return [r["id"] for r in _reuters()[130:] if r["id"] not in seen][:20]


def tenth_tuning_batch() -> list[str]:
    """Labelled in session 16 (2026-12-04), for tuning: the next 20 such stories."""
    seen = _census_stories() | set(eighth_tuning_batch()) | set(ninth_tuning_batch())
    return [r["id"] for r in _reuters()[130:] if r["id"] not in seen][:20]


def eleventh_tuning_batch() -> list[str]:
    """Labelled in session 16 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen((eighth_tuning_batch, ninth_tuning_batch, tenth_tuning_batch))


def twelfth_tuning_batch() -> list[str]:
    """Labelled in session 16 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(
        (eighth_tuning_batch, ninth_tuning_batch, tenth_tuning_batch, eleventh_tuning_batch)
    )


def thirteenth_tuning_batch() -> list[str]:
    """Labelled in session 17 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:5])


def fourteenth_tuning_batch() -> list[str]:
    """Labelled in session 17 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:6])


def fifteenth_tuning_batch() -> list[str]:
    """Labelled in session 17 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:7])


def sixteenth_tuning_batch() -> list[str]:
    """Labelled in session 17 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:8])


def seventeenth_tuning_batch() -> list[str]:
    """Labelled in session 17 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:9])


def eighteenth_tuning_batch() -> list[str]:
    """Labelled in session 17 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:10])


def nineteenth_tuning_batch() -> list[str]:
    """Labelled in session 17 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:11])


def twentieth_tuning_batch() -> list[str]:
    """Labelled in session 17 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:12])


def twenty_first_tuning_batch() -> list[str]:
    """Labelled in session 18 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:13])


def twenty_second_tuning_batch() -> list[str]:
    """Labelled in session 18 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:14])


def twenty_third_tuning_batch() -> list[str]:
    """Labelled in session 18 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:15])


def twenty_fourth_tuning_batch() -> list[str]:
    """Labelled in session 18 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:16])


def twenty_fifth_tuning_batch() -> list[str]:
    """Labelled in session 18 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:17])


def twenty_sixth_tuning_batch() -> list[str]:
    """Labelled in session 18 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:18])


def twenty_seventh_tuning_batch() -> list[str]:
    """Labelled in session 18 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:19])


def twenty_eighth_tuning_batch() -> list[str]:
    """Labelled in session 18 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:20])


def twenty_ninth_tuning_batch() -> list[str]:
    """Labelled in session 19 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:21])


def thirtieth_tuning_batch() -> list[str]:
    """Labelled in session 19 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:22])


def thirty_first_tuning_batch() -> list[str]:
    """Labelled in session 19 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:23])


def thirty_second_tuning_batch() -> list[str]:
    """Labelled in session 19 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:24])


def thirty_third_tuning_batch() -> list[str]:
    """Labelled in session 19 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:25])


def thirty_fourth_tuning_batch() -> list[str]:
    """Labelled in session 19 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:26])


def thirty_fifth_tuning_batch() -> list[str]:
    """Labelled in session 19 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:27])


def thirty_sixth_tuning_batch() -> list[str]:
    """Labelled in session 19 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:28])


def thirty_seventh_tuning_batch() -> list[str]:
    """Labelled in session 19 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:29])


def thirty_eighth_tuning_batch() -> list[str]:
    """Labelled in session 19 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:30])


def thirty_ninth_tuning_batch() -> list[str]:
    """Labelled in session 19 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:31])


def fortieth_tuning_batch() -> list[str]:
    """Labelled in session 19 (2026-12-04), for tuning: the next 20 such stories."""
    return _next_unseen(_AFTER_SEVENTH[:32])


# The batches taken after the seventh, in order: each later one skips those before it.
_AFTER_SEVENTH = (
    eighth_tuning_batch,
    ninth_tuning_batch,
    tenth_tuning_batch,
    eleventh_tuning_batch,
    twelfth_tuning_batch,
    thirteenth_tuning_batch,
    fourteenth_tuning_batch,
    fifteenth_tuning_batch,
    sixteenth_tuning_batch,
    seventeenth_tuning_batch,
    eighteenth_tuning_batch,
    nineteenth_tuning_batch,
    twentieth_tuning_batch,
    twenty_first_tuning_batch,
    twenty_second_tuning_batch,
    twenty_third_tuning_batch,
    twenty_fourth_tuning_batch,
    twenty_fifth_tuning_batch,
    twenty_sixth_tuning_batch,
    twenty_seventh_tuning_batch,
    twenty_eighth_tuning_batch,
    twenty_ninth_tuning_batch,
    thirtieth_tuning_batch,
    thirty_first_tuning_batch,
    thirty_second_tuning_batch,
    thirty_third_tuning_batch,
    thirty_fourth_tuning_batch,
    thirty_fifth_tuning_batch,
    thirty_sixth_tuning_batch,
    thirty_seventh_tuning_batch,
    thirty_eighth_tuning_batch,
    thirty_ninth_tuning_batch,
)


@cache  # each batch skips every batch before it: without this, work doubles with each one
def _next_unseen(batches: tuple[Callable[[], list[str]], ...]) -> list[str]:
    """The next 20 Reuters stories after the seventh batch that neither the census nor
    `batches` took."""
    seen = _census_stories() | {i for batch in batches for i in batch()}
    return [r["id"] for r in _reuters()[130:] if r["id"] not in seen][:20]


if __name__ == "__main__":
    batches = {
        "tuning, second batch": second_tuning_batch(),
        "tuning, third batch": third_tuning_batch(),
        "tuning, fourth batch": fourth_tuning_batch(),
        "tuning, fifth batch": fifth_tuning_batch(),
        "tuning, sixth batch": sixth_tuning_batch(),
        "tuning, seventh batch": seventh_tuning_batch(),
        "tuning, eighth batch": eighth_tuning_batch(),
        "tuning, ninth batch": ninth_tuning_batch(),
        "tuning, tenth batch": tenth_tuning_batch(),
        "tuning, eleventh batch": eleventh_tuning_batch(),
        "tuning, twelfth batch": twelfth_tuning_batch(),
        "tuning, thirteenth batch": thirteenth_tuning_batch(),
        "tuning, fourteenth batch": fourteenth_tuning_batch(),
        "tuning, fifteenth batch": fifteenth_tuning_batch(),
        "tuning, sixteenth batch": sixteenth_tuning_batch(),
        "tuning, seventeenth batch": seventeenth_tuning_batch(),
        "tuning, eighteenth batch": eighteenth_tuning_batch(),
        "tuning, nineteenth batch": nineteenth_tuning_batch(),
        "tuning, twentieth batch": twentieth_tuning_batch(),
        "tuning, twenty-first batch": twenty_first_tuning_batch(),
        "tuning, twenty-second batch": twenty_second_tuning_batch(),
        "tuning, twenty-third batch": twenty_third_tuning_batch(),
        "tuning, twenty-fourth batch": twenty_fourth_tuning_batch(),
        "tuning, twenty-fifth batch": twenty_fifth_tuning_batch(),
        "tuning, twenty-sixth batch": twenty_sixth_tuning_batch(),
        "tuning, twenty-seventh batch": twenty_seventh_tuning_batch(),
        "tuning, twenty-eighth batch": twenty_eighth_tuning_batch(),
        "tuning, twenty-ninth batch": twenty_ninth_tuning_batch(),
        "tuning, thirtieth batch": thirtieth_tuning_batch(),
        "tuning, thirty-first batch": thirty_first_tuning_batch(),
        "tuning, thirty-second batch": thirty_second_tuning_batch(),
        "tuning, thirty-third batch": thirty_third_tuning_batch(),
        "tuning, thirty-fourth batch": thirty_fourth_tuning_batch(),
        "tuning, thirty-fifth batch": thirty_fifth_tuning_batch(),
        "tuning, thirty-sixth batch": thirty_sixth_tuning_batch(),
        "tuning, thirty-seventh batch": thirty_seventh_tuning_batch(),
        "tuning, thirty-eighth batch": thirty_eighth_tuning_batch(),
        "tuning, thirty-ninth batch": thirty_ninth_tuning_batch(),
        "tuning, fortieth batch": fortieth_tuning_batch(),
    }
    print(json.dumps(split(chosen()) | batches, indent=1))
