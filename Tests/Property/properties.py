#!/usr/bin/env python3
"""Property-based tests of laureated, from outside, with Hypothesis (Debian's python3-hypothesis).

Generators make records (any Unicode, figures up to the bound and past it, every optional field
absent at random), datasets in every accepted format, and request streams (valid and invalid
requests, notifications, batches) sent in random chunks on one connection. The invariants:
- the daemon never dies, and answers every request that has an id exactly once, in order, and
  no notification; error codes come from the table;
- the same records give the same sha256 in every format and member order, and that sha256 is the
  one computed here from the documented canonical form;
- search totals and stats (count, known, sum, min, max, mean, median; one key and two; filtered)
  agree with the simple reference model below.

Seeded (derandomize) and bounded, so CI is deterministic and quick:
  Tests/Property/properties.py --laureated .build/debug/laureated
A release run, longer: LAUREATE_PROPERTY_EXAMPLES=20000 Tests/Property/properties.py … --random
Prints "N passed, N failed" last.
"""
import argparse
import csv
import hashlib
import io
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import unicodedata
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

MAX_FIGURE = 2**53 - 1
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CANONICAL = ["id", "project", "title", "company", "city", "department", "region", "sector", "summary", "jobs",
             "investment_eur", "aid_eur", "call", "announced", "sources", "notes", "siren", "company_type",
             "postal_code", "latitude", "longitude", "updated", "derived"]
SECTORS = ["sante", "agroalimentaire", "electronique", "intrants", "5g"]
ERROR_CODES = {-32700, -32600, -32601, -32602, -32603, -32001, -32002, -32003, -32004}
with open(os.path.join(ROOT, "Config/data/departments.csv"), encoding="utf-8") as f:
    DEPARTMENTS = [row["department"] for row in csv.DictReader(f)]
# Region spellings as the departments table writes them: the model groups by these exactly.
REGIONS = ["Bretagne", "Île-de-France", "Pays de la Loire", "Hauts-de-France", "Occitanie", "Grand Est"]


# ---- the canonical form, written from docs/protocol.md -------------------------------------------

def encode(value):
    """Compact JSON as the daemon writes it: only ", \\ and control characters escaped."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        out = ['"']
        for ch in value:
            code = ord(ch)
            if ch == '"':
                out.append('\\"')
            elif ch == "\\":
                out.append("\\\\")
            elif ch == "\n":
                out.append("\\n")
            elif ch == "\r":
                out.append("\\r")
            elif ch == "\t":
                out.append("\\t")
            elif code < 0x20:
                out.append("\\u%04x" % code)
            else:
                out.append(ch)
        out.append('"')
        return "".join(out)
    if isinstance(value, list):
        return "[" + ",".join(encode(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(encode(k) + ":" + encode(v) for k, v in value.items()) + "}"
    raise TypeError(value)


def canonical(record):
    def rank(key):
        return (0, CANONICAL.index(key), b"") if key in CANONICAL else (1, 0, key.encode())
    return {key: record[key] for key in sorted(record, key=rank)}


def fingerprint(records):
    digest = hashlib.sha256()
    for record in records:
        digest.update((encode(canonical(record)) + "\n").encode())
    return digest.hexdigest()


# ---- generators ------------------------------------------------------------------------------------

def clean(text):
    """No surrogates (not UTF-8) and no edge spaces (a CSV cell is trimmed)."""
    return text.strip(" \t\r\n")


ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30).map(clean).filter(bool)
# Text whose folding the model below can reproduce: French letters, digits, spaces, hyphens.
FRENCH = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éèêàçôîïùœæÉÈÎ -'"
WORD_LIST = ["usine", "laser", "bio", "Électronique", "semi", "conducteurs", "lait", "Pâtes", "cœur", "chimie", "Forge",
             "santé", "5G", "Brest", "ligne"]
WORD = st.sampled_from(WORD_LIST)
FRENCH_TEXT = st.one_of(
    st.lists(WORD, min_size=1, max_size=4).map(" ".join),
    st.text(st.sampled_from(FRENCH), min_size=1, max_size=20).map(clean).filter(bool),
)
FIGURE = st.integers(min_value=0, max_value=MAX_FIGURE)
SMALL_FIGURE = st.integers(min_value=0, max_value=500)


@st.composite
def record(draw, index, text):
    fields = {"id": f"r{index}-{draw(st.sampled_from(['a', 'b', 'x-y', '9']))}",
              "call": draw(st.sampled_from(["relocalisation", "autre-appel"])),
              "sources": draw(st.lists(st.sampled_from(["https://example.invalid/a", "http://example.invalid/b?c=1"]),
                                       min_size=1, max_size=2))}
    for name in ["project", "title", "company", "city", "summary", "notes"]:
        if draw(st.booleans()):
            fields[name] = draw(text)
    if "project" not in fields and "company" not in fields:
        fields["company"] = draw(text)
    if draw(st.booleans()):
        fields["department"] = draw(st.sampled_from(DEPARTMENTS))
    if draw(st.booleans()):
        fields["region"] = draw(st.sampled_from(REGIONS))
    if draw(st.integers(0, 5)) > 0:
        fields["sector"] = draw(st.sampled_from(SECTORS))
    for name in ["jobs", "investment_eur", "aid_eur"]:
        if draw(st.booleans()):
            fields[name] = draw(st.one_of(FIGURE, SMALL_FIGURE, st.just(MAX_FIGURE)))
    if draw(st.booleans()):
        fields["announced"] = draw(st.sampled_from(["2021-02-08", "2022-02-17", "2020-11-19"]))
    if draw(st.booleans()):
        fields["derived"] = ["region"]
    return fields


@st.composite
def dataset(draw, text=ANY_TEXT, max_size=40):
    count = draw(st.integers(1, max_size))
    return [draw(record(index, text)) for index in range(count)]


def as_jsonl(records, shuffle=None):
    lines = []
    for rec in records:
        items = list(rec.items())
        if shuffle:
            shuffle.shuffle(items)
        lines.append(json.dumps(dict(items), ensure_ascii=shuffle is None))
    return "\n".join(lines) + "\n"


def as_csv(records, columns, delimiter=","):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(columns)
    for rec in records:
        row = []
        for name in columns:
            value = rec.get(name)
            row.append("" if value is None else "|".join(value) if isinstance(value, list) else str(value))
        writer.writerow(row)
    return out.getvalue()


# ---- the reference model ---------------------------------------------------------------------------

def fold_words(text):
    words, current = [], []
    for ch in text:
        if ch in "œŒ":
            current.append("oe")
        elif ch in "æÆ":
            current.append("ae")
        elif ch.isalnum():
            current.append("".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)).lower())
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def key(text):
    return " ".join(fold_words(text))


def model_search(records, params, labels):
    words = fold_words(params.get("q", ""))
    found = []
    for rec in records:
        def any_of(name, exact=False):
            wanted = params.get(name)
            if wanted is None:
                return True
            wanted = wanted if isinstance(wanted, list) else [wanted]
            have = rec.get(name)
            if have is None:
                return False
            return have in wanted if exact else key(have) in {key(w) for w in wanted}
        if not (any_of("sector", True) and any_of("department", True) and any_of("region") and any_of("city")
                and any_of("company") and any_of("call")):
            continue
        if words:
            vocabulary = set()
            for name in ["project", "title", "company", "city", "summary"]:
                vocabulary.update(fold_words(rec.get(name, "")))
            if rec.get("sector"):
                vocabulary.update(fold_words(labels[rec["sector"]]))
            exact, last = words[:-1], words[-1]
            if not all(w in vocabulary for w in exact) or not any(v.startswith(last) for v in vocabulary):
                continue
        found.append(rec["id"])
    return found


def summary(values):
    if not values:
        return {"sum": None, "min": None, "max": None, "mean": None, "median": None}
    values = sorted(values)
    n = len(values)
    median = Fraction(values[n // 2]) if n % 2 else Fraction(values[n // 2 - 1] + values[n // 2], 2)
    # The mean in hundredths, rounded half away from zero (figures are never negative).
    mean = Fraction((sum(values) * 200 + n) // (2 * n), 100)
    return {"sum": sum(values), "min": values[0], "max": values[-1], "median": median, "mean": mean}


def check_group(actual, members, where):
    assert actual["count"] == len(members), (where, actual["count"], len(members))
    for figure in ["jobs", "investment_eur", "aid_eur"]:
        values = [rec[figure] for rec in members if figure in rec]
        expected = summary(values)
        assert actual["known"][figure] == len(values), (where, figure, "known")
        assert actual[figure] == expected["sum"], (where, figure, "sum", actual[figure], expected["sum"])
        for name in ["min", "max", "median", "mean"]:
            got = actual[name][figure]
            want = expected[name]
            if want is None:
                assert got is None, (where, figure, name, got)
            else:
                assert got is not None and Fraction(got) == want, (where, figure, name, got, want)


def model_stats(records, by, params, reply):
    keep = set(model_search(records, params, LABELS))
    members = [rec for rec in records if rec["id"] in keep]
    dims = by if isinstance(by, list) else [by]
    groups = {}
    for rec in members:
        groups.setdefault(tuple(rec.get(d) for d in dims), []).append(rec)
    got = {}
    for group in reply["groups"]:
        k = tuple(group["key"]) if isinstance(group["key"], list) else (group["key"],)
        got[k] = group
    assert set(got) == set(groups), ("group keys", sorted(map(str, got)), sorted(map(str, groups)))
    for k, group_members in groups.items():
        check_group(got[k], group_members, ("group", k))
    check_group(reply["total"], members, ("total",))


# ---- the daemon --------------------------------------------------------------------------------------

LABELS = {}


class Daemon:
    def __init__(self, binary, dataset_path):
        self.dir = tempfile.mkdtemp(prefix="laureate-prop-")
        self.socket_path = os.path.join(self.dir, "d.sock")
        notify_path = os.path.join(self.dir, "notify")
        self.notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.notify.bind(notify_path)
        self.notify.settimeout(20)
        env = dict(os.environ, NOTIFY_SOCKET=notify_path)
        self.process = subprocess.Popen([binary, "--socket", self.socket_path, "--dataset", dataset_path],
                                        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        while b"READY=1" not in self.notify.recv(4096):
            pass

    def connect(self):
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        conn.connect(self.socket_path)
        conn.settimeout(20)
        return conn

    def call(self, method, params=None):
        with self.connect() as conn:
            conn.sendall((json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params or {}}) + "\n").encode())
            # Exact decimals: a mean such as 750599937895082.58 is more than a double holds.
            reply = json.loads(read_lines(conn, 1)[0], parse_float=Fraction)
        assert "result" in reply, reply
        return reply["result"]

    def alive(self):
        return self.process.poll() is None

    def stop(self):
        self.process.terminate()
        stderr = self.process.communicate(timeout=20)[1]
        self.notify.close()
        return self.process.returncode, stderr


def read_lines(conn, count):
    buffer = b""
    lines = []
    while len(lines) < count:
        chunk = conn.recv(1 << 16)
        if not chunk:
            break
        buffer += chunk
        *complete, buffer = buffer.split(b"\n")
        lines.extend(complete)
    return lines


def check_binary(binary, path):
    result = subprocess.run([binary, "--check", path], capture_output=True, text=True, timeout=60)
    return result.returncode, result.stdout + result.stderr


# ---- properties --------------------------------------------------------------------------------------

def examples(default):
    return int(os.environ.get("LAUREATE_PROPERTY_EXAMPLES", default))


def property_fingerprint(binary, randomize):
    @settings(max_examples=examples(30), deadline=None, derandomize=not randomize, database=None,
              suppress_health_check=list(HealthCheck))
    @given(records=dataset(), seed=st.integers(0, 2**32 - 1))
    def run(records, seed):
        shuffle = random.Random(seed)
        expected = fingerprint(records)
        columns = [c for c in CANONICAL if any(c in r for r in records)]
        reordered = columns[:]
        shuffle.shuffle(reordered)
        formats = {
            "a.jsonl": as_jsonl(records),
            "shuffled.jsonl": as_jsonl(records, shuffle),
            "a.json": json.dumps(records, ensure_ascii=False, indent=1),
            "a.csv": as_csv(records, columns),
            "reordered.csv": as_csv(records, reordered, delimiter=";"),
        }
        with tempfile.TemporaryDirectory() as directory:
            for name, text in formats.items():
                path = os.path.join(directory, name)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                code, out = check_binary(binary, path)
                assert code == 0, (name, out)
                assert f"sha256 {expected}" in out, (name, expected, out.splitlines()[0])
    run()


def property_bad_figures(binary, randomize):
    @settings(max_examples=examples(15), deadline=None, derandomize=not randomize, database=None,
              suppress_health_check=list(HealthCheck))
    @given(records=dataset(max_size=8), where=st.integers(0, 7), figure=st.sampled_from(["jobs", "investment_eur", "aid_eur"]),
           value=st.one_of(st.integers(MAX_FIGURE + 1, 2**70), st.integers(-2**64, -1)))
    def run(records, where, figure, value):
        where %= len(records)
        records[where][figure] = value
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "bad.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                f.write(as_jsonl(records))
            code, out = check_binary(binary, path)
            assert code == 65, (code, out)
            assert f"bad.jsonl:{where + 1}" in out and figure in out, out
    run()


def request(draw, ids, in_batch=False):
    kinds = ["get", "get-missing", "search", "stats", "ping", "not-object", "bad-version", "bad-id", "unknown",
             "bad-params", "params-not-object"]
    # Bad JSON inside an array makes the whole line one parse error: alone only.
    kind = draw(st.sampled_from(kinds if in_batch else kinds + ["bad-json"]))
    request_id = draw(st.one_of(st.integers(-10**6, 10**6), st.text(st.sampled_from("abcé1 "), max_size=5)))
    notification = draw(st.integers(0, 4)) == 0
    body = {"jsonrpc": "2.0", "method": "ping"}
    if kind == "get":
        body.update(method="laureate.get", params={"id": draw(st.sampled_from(ids))})
    elif kind == "get-missing":
        body.update(method="laureate.get", params={"id": "no-such-id"})
    elif kind == "search":
        body.update(method="laureate.search", params={"q": draw(WORD), "limit": 5})
    elif kind == "stats":
        body.update(method="laureate.stats", params={"by": draw(st.sampled_from(["sector", ["region", "call"]]))})
    elif kind == "bad-json":
        return "{\"jsonrpc\":\"2.0\",\"id\":", None, "error"
    elif kind == "not-object":
        return json.dumps(draw(st.sampled_from([5, "x", None, True]))), None, "error"
    elif kind == "bad-version":
        body["jsonrpc"] = "1.0"
    elif kind == "bad-id":
        body["id"] = draw(st.sampled_from([None, [1], {"a": 1}, True]))
        return json.dumps(body), None, "error"
    elif kind == "unknown":
        body["method"] = "no.such"
    elif kind == "bad-params":
        body.update(method="laureate.search", params={"limit": 0})
    elif kind == "params-not-object":
        body["params"] = draw(st.sampled_from(["x", [], 5, None]))
    if kind == "bad-version":
        # An invalid request is answered even without an id (with id null).
        if notification:
            return json.dumps(body), None, "error"
        body["id"] = request_id
        return json.dumps(body), request_id, "error"
    if notification:
        return json.dumps(body), None, None
    body["id"] = request_id
    expect = "result" if kind in ("get", "search", "stats", "ping") else "error"
    return json.dumps(body), request_id, expect


def property_streams(binary, randomize):
    with tempfile.TemporaryDirectory() as directory:
        records = [{"id": f"s{i}", "company": f"Société {WORD_LIST[i % len(WORD_LIST)]} {i}", "call": "relocalisation",
                    "sources": ["https://example.invalid/a"], "sector": SECTORS[i % 5], "jobs": i} for i in range(50)]
        path = os.path.join(directory, "d.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write(as_jsonl(records))
        daemon = Daemon(binary, path)
        ids = [r["id"] for r in records]
        try:
            @settings(max_examples=examples(60), deadline=None, derandomize=not randomize, database=None,
                      suppress_health_check=list(HealthCheck))
            @given(data=st.data())
            def run(data):
                lines, expected = [], []
                for _ in range(data.draw(st.integers(1, 40))):
                    if data.draw(st.integers(0, 5)) == 0:
                        entries = [request(data.draw, ids, in_batch=True) for _ in range(data.draw(st.integers(1, 5)))]
                        lines.append("[" + ",".join(e[0] for e in entries) + "]")
                        answered = [(e[1], e[2]) for e in entries if e[2] is not None]
                        if answered:
                            expected.append(("batch", answered))
                    else:
                        line, request_id, outcome = request(data.draw, ids)
                        lines.append(line)
                        if outcome is not None:
                            expected.append(("single", (request_id, outcome)))
                payload = ("\n".join(lines) + "\n" + '{"jsonrpc":"2.0","id":"end","method":"ping"}\n').encode()
                cuts = sorted(data.draw(st.lists(st.integers(0, len(payload)), max_size=20)))
                chunks = [payload[a:b] for a, b in zip([0] + cuts, cuts + [len(payload)])]
                with daemon.connect() as conn:
                    def send():
                        for chunk in chunks:
                            conn.sendall(chunk)
                    writer = threading.Thread(target=send)
                    writer.start()
                    replies = read_lines(conn, len(expected) + 1)
                    writer.join()
                assert len(replies) == len(expected) + 1, (len(replies), len(expected) + 1)
                assert json.loads(replies[-1]) == {"jsonrpc": "2.0", "id": "end", "result": "pong"}
                for line, (shape, want) in zip(replies, expected):
                    reply = json.loads(line)
                    got = reply if isinstance(reply, list) else [reply]
                    wants = want if shape == "batch" else [want]
                    assert (shape == "batch") == isinstance(reply, list), (line, want)
                    assert len(got) == len(wants), (line, wants)
                    for item, (request_id, outcome) in zip(got, wants):
                        assert item.get("id") == request_id, (item, request_id)
                        assert outcome in item, (item, outcome)
                        if outcome == "error":
                            assert item["error"]["code"] in ERROR_CODES, item
                assert daemon.alive()
            run()
        finally:
            code, stderr = daemon.stop()
            assert code == 0, (code, stderr[-2000:])


def property_model(binary, randomize):
    @settings(max_examples=examples(12), deadline=None, derandomize=not randomize, database=None,
              suppress_health_check=list(HealthCheck))
    @given(records=dataset(text=FRENCH_TEXT, max_size=120), data=st.data())
    def run(records, data):
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "m.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                f.write(as_jsonl(records))
            daemon = Daemon(binary, path)
            try:
                if not LABELS:
                    LABELS.update({s["id"]: s["label"] for s in daemon.call("sector.list")})
                for _ in range(8):
                    params = {}
                    if data.draw(st.booleans()):
                        params["q"] = " ".join(data.draw(st.lists(st.one_of(WORD, FRENCH_TEXT), min_size=1, max_size=2)))
                    if data.draw(st.booleans()):
                        params["sector"] = data.draw(st.sampled_from([SECTORS[:2], "sante", "5g"]))
                    if data.draw(st.booleans()):
                        params["region"] = data.draw(st.sampled_from(["bretagne", "ile de france", ["Occitanie", "GRAND EST"]]))
                    if data.draw(st.booleans()):
                        params["call"] = "relocalisation"
                    if not fold_words(params.get("q", "x")):
                        params.pop("q")
                    found = daemon.call("laureate.search", dict(params, limit=1000))
                    expected = model_search(records, params, LABELS)
                    assert found["total"] == len(expected), (params, found["total"], len(expected))
                    assert sorted(r["id"] for r in found["items"]) == sorted(expected), params
                    by = data.draw(st.sampled_from(["sector", "region", "department", "call", ["sector", "region"],
                                                    ["call", "department"]]))
                    model_stats(records, by, params, daemon.call("laureate.stats", dict(params, by=by)))
            finally:
                code, stderr = daemon.stop()
                assert code == 0, (code, stderr[-2000:])
    run()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laureated", default=os.path.join(ROOT, ".build/debug/laureated"))
    parser.add_argument("--random", action="store_true", help="draw new examples instead of the seeded ones")
    parser.add_argument("-k", help="run only the properties whose name contains this")
    args = parser.parse_args()
    properties = [property_fingerprint, property_bad_figures, property_streams, property_model]
    passed = failed = 0
    for prop in properties:
        name = prop.__name__.removeprefix("property_")
        if args.k and args.k not in name:
            continue
        started = time.monotonic()
        try:
            prop(args.laureated, args.random)
            passed += 1
            print(f"PASS {name} ({time.monotonic() - started:.1f}s)", flush=True)
        except Exception:
            failed += 1
            print(f"FAIL {name}", flush=True)
            traceback.print_exc()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
