#!/usr/bin/env python3
"""laureate.search checked against independent oracles, on seeded random queries.

    Tests/Search/oracles.py --laureated PATH [--seed N] [--cases N]

- Recall against SQLite FTS5 (unicode61 remove_diacritics 2) over the embedded records: for word
  and prefix queries drawn from FTS5's own vocabulary, every record FTS5 returns is in
  laureated's result.
- Typo tolerance against rapidfuzz's optimal string alignment distance: for random perturbations
  of the records' words, laureated returns exactly the records that have a word equal to the
  query, starting with it (from 3 letters), or within the typos the stated thresholds forgive
  (1 from 5 letters, 2 from 9, none in the first letter or with a digit); with typos off, only
  the first two.
- `near` against a haversine written here, on random points over records with random coordinates.

The words a record has are computed here from the specification (fold case, accents and
ligatures; split on what is not a letter or digit; a hyphen or a non-elision apostrophe links a
compound whose parts are also a word joined), not from laureated's code.
"""

import argparse
import json
import math
import os
import random
import socket
import sqlite3
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "Tests", "CLI"))
sys.path.insert(0, os.path.join(ROOT, ".build", "python"))
from laureate_daemon import Daemon  # noqa: E402
from rapidfuzz.distance import OSA  # noqa: E402

ELISIONS = {"l", "d", "j", "n", "s", "c", "m", "t", "qu"}
APOSTROPHES = "'\u2019"
HYPHENS = "-\u2010\u2011"
LIGATURES = {"œ": "oe", "æ": "ae", "ß": "ss", "ĳ": "ij", "ø": "o", "đ": "d", "ł": "l", "ð": "d", "þ": "th"}


def fold_letter(char):
    lower = char.lower()
    if lower in LIGATURES:
        return LIGATURES[lower]
    decomposed = unicodedata.normalize("NFKD", lower)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_word_char(char):
    return char.isalnum() or unicodedata.combining(char)


def words_of(text):
    """Every word search indexes for `text`: plain words, and compounds joined."""
    words = []
    index = 0
    parts = []
    while index < len(text):
        if not is_word_char(text[index]):
            index += 1
            continue
        end = index
        while end < len(text) and is_word_char(text[end]):
            end += 1
        word = "".join(fold_letter(c) for c in text[index:end])
        following = text[end] if end < len(text) else ""
        if following in APOSTROPHES and word in ELISIONS:
            words.append(word)
            if len(parts) >= 2:
                words.append("".join(parts))
            parts = []
            index = end + 1
            continue
        words.append(word)
        parts.append(word)
        continues = (following in HYPHENS or following in APOSTROPHES) and end + 1 < len(text) and is_word_char(text[end + 1])
        if not continues:
            if len(parts) >= 2:
                words.append("".join(parts))
            parts = []
        index = end + 1 if continues else end
    if len(parts) >= 2:
        words.append("".join(parts))
    return words


def allowed_typos(word):
    if not word.isascii() or any(c.isdigit() for c in word):
        return 0
    return 2 if len(word) >= 9 else 1 if len(word) >= 5 else 0


def matches(query, word, typos):
    if word == query or (len(query) >= 3 and word.startswith(query)):
        return True
    allowed = allowed_typos(query) if typos else 0
    return (allowed > 0 and word[0] == query[0] and not any(c.isdigit() for c in word)
            and OSA.distance(query, word, score_cutoff=allowed) <= allowed)


class Connection:
    def __init__(self, path):
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.socket.connect(path)
        self.file = self.socket.makefile("rwb")
        self.next_id = 0

    def call(self, method, params):
        self.next_id += 1
        self.file.write(json.dumps({"jsonrpc": "2.0", "id": self.next_id, "method": method,
                                    "params": params}).encode() + b"\n")
        self.file.flush()
        reply = json.loads(self.file.readline())
        if "error" in reply:
            raise AssertionError(f"{method} {params}: {reply['error']}")
        return reply["result"]

    def ids(self, **params):
        result = self.call("laureate.search", dict(params, limit=1000, fields=["id"]))
        return {item["id"] for item in result["items"]}


def searched_texts(record, departments, sector_labels):
    return [record.get("project"), record.get("title"), record.get("company"), record.get("city"),
            departments.get(record.get("department")), record.get("region"), record.get("summary"),
            sector_labels.get(record.get("sector"))]


def check_fts5_recall(connection, records, chooser, cases):
    database = sqlite3.connect(":memory:")
    database.execute("CREATE VIRTUAL TABLE fts USING fts5(id UNINDEXED, project, title, company, city, region, "
                     "summary, tokenize = 'unicode61 remove_diacritics 2')")
    database.executemany("INSERT INTO fts VALUES (?, ?, ?, ?, ?, ?, ?)", [
        (r["id"], r.get("project"), r.get("title"), r.get("company"), r.get("city"), r.get("region"),
         r.get("summary")) for r in records])
    database.execute("CREATE VIRTUAL TABLE vocabulary USING fts5vocab(fts, row)")
    vocabulary = [row[0] for row in database.execute("SELECT term FROM vocabulary")]
    failures = 0
    for case in range(cases):
        terms = chooser.sample(vocabulary, chooser.choice([1, 1, 2, 3]))
        fts_terms, words = [], []
        for term in terms:
            if len(term) >= 4 and case % 2:
                prefix = term[: chooser.randint(3, len(term) - 1)]
                fts_terms.append(f'"{prefix}"*')
                words.append(prefix)
            else:
                fts_terms.append(f'"{term}"')
                words.append(term)
        expected = {row[0] for row in database.execute("SELECT id FROM fts WHERE fts MATCH ?", (" AND ".join(fts_terms),))}
        found = connection.ids(q=" ".join(words))
        if not expected <= found:
            failures += 1
            print(f"  FTS5 recall: q={' '.join(words)!r}: FTS5 found {sorted(expected - found)} that laureated did not")
    print(f"FTS5 recall: {cases - failures}/{cases} queries found every record FTS5 found")
    return failures


def perturb(word, chooser, edits):
    letters = "abcdefghijklmnopqrstuvwxyz"
    word = list(word)
    for _ in range(edits):
        kind = chooser.choice(["insert", "delete", "substitute", "transpose"])
        if kind == "insert":
            word.insert(chooser.randint(1, len(word)), chooser.choice(letters))
        elif kind == "delete" and len(word) > 2:
            del word[chooser.randint(1, len(word) - 1)]
        elif kind == "substitute":
            word[chooser.randint(1, len(word) - 1)] = chooser.choice(letters)
        elif len(word) > 2:
            position = chooser.randint(1, len(word) - 2)
            word[position], word[position + 1] = word[position + 1], word[position]
    return "".join(word)


def check_typos(connection, records, departments, sector_labels, chooser, cases):
    record_words = {r["id"]: set(w for text in searched_texts(r, departments, sector_labels) if text
                                 for w in words_of(text)) for r in records}
    vocabulary = sorted({w for words in record_words.values() for w in words if w.isalpha() and w.isascii()
                         and len(w) >= 4})
    failures = 0
    checked = 0
    for case in range(cases):
        source = chooser.choice(vocabulary)
        query = perturb(source, chooser, chooser.choice([1, 1, 2, 2, 3]))
        for typos in (True, False):
            expected = {rid for rid, words in record_words.items() if any(matches(query, w, typos) for w in words)}
            found = connection.ids(q=query, typos=typos)
            checked += 1
            if found != expected:
                failures += 1
                near = sorted(w for w in vocabulary if OSA.distance(query, w) <= 2)[:8]
                print(f"  typos {'on' if typos else 'off'}: q={query!r} (from {source!r}): "
                      f"missing {sorted(expected - found)}, extra {sorted(found - expected)}; words near: {near}")
    print(f"typos: {checked - failures}/{checked} perturbed queries matched exactly what the OSA oracle says")
    return failures


def haversine(lat1, lon1, lat2, lon2):
    radius = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * radius * math.asin(min(1.0, math.sqrt(a)))


def check_near(laureated, chooser, cases, directory):
    records = []
    for index in range(2000):
        record = {"id": f"r{index}", "company": f"Entreprise {index}", "call": "relocalisation",
                  "sources": ["https://example.invalid/"]}
        if index % 10:
            record["latitude"] = round(chooser.uniform(41.0, 51.5), 5)
            record["longitude"] = round(chooser.uniform(-5.5, 9.8), 5)
        records.append(record)
    path = os.path.join(directory, "points.jsonl")
    with open(path, "w") as output:
        output.writelines(json.dumps(r) + "\n" for r in records)
    daemon = Daemon(laureated, dataset=path, directory=directory, name="near")
    failures = 0
    try:
        connection = Connection(daemon.path)
        for _ in range(cases):
            lat, lon, km = chooser.uniform(41, 51.5), chooser.uniform(-5.5, 9.8), chooser.choice([5, 30, 120, 400])
            distances = {r["id"]: haversine(lat, lon, r["latitude"], r["longitude"]) for r in records if "latitude" in r}
            # A record within a metre of the edge may fall either side by rounding; not counted.
            expected = {rid for rid, d in distances.items() if d <= km - 0.001}
            allowed = {rid for rid, d in distances.items() if d <= km + 0.001}
            result = connection.call("laureate.search", {"near": {"lat": lat, "lon": lon, "km": km}, "limit": 1000,
                                                         "sort": "distance", "fields": ["id"]})
            found = [item["id"] for item in result["items"]]
            in_order = all(a["distance_km"] <= b["distance_km"] for a, b in zip(result["items"], result["items"][1:]))
            exact = all(abs(item["distance_km"] - distances[item["id"]]) < 0.001 for item in result["items"])
            if not (expected <= set(found) <= allowed and in_order and exact and result["total"] == len(found)):
                failures += 1
                print(f"  near {lat:.4f},{lon:.4f} {km} km: missing {sorted(expected - set(found))[:5]}, "
                      f"extra {sorted(set(found) - allowed)[:5]}, ordered {in_order}, distances {exact}")
    finally:
        daemon.stop()
    print(f"near: {cases - failures}/{cases} random points found exactly the records the haversine says")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--laureated", required=True)
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("--cases", type=int, default=300)
    arguments = parser.parse_args()
    chooser = random.Random(arguments.seed)
    directory = tempfile.mkdtemp(prefix="laureate-search-")
    daemon = Daemon(arguments.laureated, directory=directory)
    try:
        connection = Connection(daemon.path)
        records = connection.call("laureate.search", {"limit": 1000})["items"]
        sector_labels = {s["id"]: s["label"] for s in connection.call("sector.list", {})}
        with open(os.path.join(ROOT, "Config", "data", "departments.csv"), encoding="utf-8") as table:
            rows = [line.rstrip("\n").split(",") for line in table][1:]
        departments = {row[0]: row[1] for row in rows}
        failures = check_fts5_recall(connection, records, chooser, arguments.cases)
        failures += check_typos(connection, records, departments, sector_labels, chooser, arguments.cases)
    finally:
        daemon.stop()
    failures += check_near(arguments.laureated, chooser, 100, directory)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
