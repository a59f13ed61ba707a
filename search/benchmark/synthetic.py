"""A deterministic synthetic news corpus and query mix for the benchmark (pure Python)."""

from __future__ import annotations

import datetime
import itertools
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

COUNTRIES = [
    "Armenia",
    "Azerbaijan",
    "Georgia",
    "Russia",
    "Iran",
    "Turkey",
    "Ukraine",
    "Belarus",
    "Kazakhstan",
    "China",
    "India",
    "Pakistan",
    "Afghanistan",
    "Iraq",
    "Syria",
    "Israel",
    "Egypt",
    "Saudi Arabia",
    "Qatar",
    "France",
    "Germany",
    "Italy",
    "Spain",
    "Poland",
    "Greece",
    "Romania",
    "Bulgaria",
    "Moldova",
    "Hungary",
    "Serbia",
    "Japan",
    "Brazil",
    "Mexico",
    "Canada",
    "Nigeria",
    "Kenya",
    "Ethiopia",
    "Indonesia",
    "Vietnam",
    "Australia",
]
OUTLETS = [
    f"{w} {k}"
    for w, k in itertools.product(
        ["Daily", "Global", "Caucasus", "Eastern", "Morning"], ["Herald", "Wire", "Times", "Post"]
    )
]
SYLLABLES = [
    "ka",
    "ro",
    "mi",
    "tan",
    "vel",
    "su",
    "dar",
    "en",
    "po",
    "li",
    "gra",
    "nor",
    "bel",
    "sa",
    "ter",
    "mon",
    "qu",
    "ist",
    "ar",
    "ol",
    "zen",
    "hu",
    "pra",
    "do",
    "ve",
    "lin",
    "cor",
    "am",
]
FIRST = ["Anna", "Sergei", "Maria", "Ali", "Elena", "David", "Nino", "Arman", "Leyla", "Omar"]
START = datetime.date(2015, 1, 1)
DAYS = 3652  # ten years


@dataclass(frozen=True)
class Corpus:
    vocabulary: list[str]
    weights: list[float]
    speakers: list[str]


def make_corpus(seed: int = 7, vocabulary_size: int = 30_000, speakers: int = 2_000) -> Corpus:
    rng = random.Random(seed)
    words = sorted({_word(rng) for _ in range(vocabulary_size * 2)})[:vocabulary_size]
    rng.shuffle(words)
    weights = list(itertools.accumulate(1 / (rank**1.07) for rank in range(1, len(words) + 1)))
    names = [f"{rng.choice(FIRST)} {_word(rng).capitalize()}ov" for _ in range(speakers)]
    return Corpus(words, weights, list(dict.fromkeys(names)))


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def articles(corpus: Corpus, count: int, seed: int = 11) -> Iterator[dict[str, str]]:
    """`count` news-like records: 300–900 words, 1–4 countries, 1–3 speakers quoted."""
    rng = random.Random(seed)
    for n in range(count):
        countries = rng.sample(COUNTRIES, rng.randint(1, 4))
        speakers = rng.sample(corpus.speakers, rng.randint(1, 3))
        target = rng.randint(300, 900)
        sentences, length = [], 0
        while length < target:
            words = rng.choices(corpus.vocabulary, cum_weights=corpus.weights, k=rng.randint(8, 20))
            if rng.random() < 0.25:
                words.insert(rng.randrange(len(words)), rng.choice(countries))
            sentence = " ".join(words)
            if rng.random() < 0.15:
                sentence = f'"{sentence.capitalize()}," {rng.choice(speakers)} said'
            sentences.append(sentence[0].upper() + sentence[1:] + ".")
            length += len(words)
        title = " ".join(rng.choices(corpus.vocabulary, cum_weights=corpus.weights, k=6))
        paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
        yield {
            "id": f"synthetic-{n}",
            "title": f"{countries[0]}: {title}",
            "body": "\n\n".join(paragraphs),
            "date": (START + datetime.timedelta(days=rng.randrange(DAYS))).isoformat(),
            "source": rng.choice(OUTLETS),
        }


def write_jsonl(records: Iterator[dict[str, str]], path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def query_mix(vocabulary: list[str], count: int = 200, seed: int = 13) -> list[dict[str, str]]:
    """Common and rare words, phrases, with 0–2 facet filters: the same list every run.

    `vocabulary` is ordered most frequent first.
    """
    rng = random.Random(seed)
    common, rare = vocabulary[:200], vocabulary[len(vocabulary) // 2 :]
    queries = []
    for n in range(count):
        kind = n % 4
        if kind == 0:
            q = rng.choice(common)
        elif kind == 1:
            q = rng.choice(rare)
        elif kind == 2:
            q = f'"{rng.choice(common)} {rng.choice(common)}"'
        else:
            q = f"{rng.choice(common)} {rng.choice(rare)}"
        params: dict[str, str] = {"q": q}
        filters = n % 3  # 0, 1 or 2 facet filters
        if filters >= 1:
            params["country"] = rng.choice(COUNTRIES[:8])
        if filters == 2:
            year = rng.randint(2015, 2024)
            params["date_from"], params["date_to"] = str(year), str(year)
        queries.append(params)
    return queries
