#!/usr/bin/env python3
"""laureatectl's machine formats read back by the tools people use on them (Python's csv and json).

For the embedded dataset and for a 3 000-row file in the official export's columns (made here,
fictitious companies, fixed seed), against a daemon started with a NOTIFY_SOCKET this script owns:
- `search --all --output csv` (and with `--csv-separator ';'`, and `--output tsv`) gives every
  record, each field exactly as `--json search --all` has it: strings as they are, numbers as
  their JSON text, lists `|`-separated, absent fields as empty cells;
- `--output jsonl` gives the same records; `--fields` keeps its columns, in order, with null or
  an empty cell for what a record lacks;
- the CSV output, loaded back as a dataset, serves the same records.

    Tests/CLI/formats.py --laureated .build/debug/laureated --laureatectl .build/debug/laureatectl
Prints "N passed, N failed" last; exits 1 on a failure.
"""
import argparse
import csv
import decimal
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import traceback

from laureate_daemon import Daemon

OFFICIAL_COLUMNS = [
    "entreprise", "type_entreprise", "siren", "volet_relance", "mesure", "nom_departement", "nom_commune",
    "code_postal", "coordonnees_gps", "description_projet", "mesure_light", "mise_a_jour", "filiere",
    "tonnes_equivalent_co2_pour_les_projets_decarbonation", "code_departement", "nom_region",
]
PLACES = [("Loire-Atlantique", "Nantes", "44000", "47.2184, -1.5536", "44", "PAYS DE LA LOIRE"),
          ("Côtes-d'Armor", "Lannion", "22300", "48.7326, -3.4566", "22", "BRETAGNE"),
          ("Nord", "Denain", "59220", "50.3290, 3.3950", "59", "HAUTS-DE-FRANCE"),
          ("Haute-Garonne", "Toulouse", "31000", "43.6045, 1.4440", "31", ""),
          ("Corse-du-Sud", "Ajaccio", "20000", "41.9192, 8.7386", "2A", "CORSE")]
COMPANIES = ["Alpha", "Bêta", "Gamma; Fils", 'Delta "D"']
FILIERES = ["Santé", "Agroalimentaire", "Electronique", "Intrants essentiels à l'industrie", "Télécommunications 5G"]
MEASURES = ["(Re)localisation dans les secteurs critiques"] * 6 + ["Décarbonation de l'industrie"]


def official_export(path, rows):
    generator = random.Random(20261206)
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(OFFICIAL_COLUMNS)
        for index in range(rows):
            place = generator.choice(PLACES)
            writer.writerow([
                f"Société {generator.choice(COMPANIES)} n°{index}",
                generator.choice(["PME", "ETI", "GE"]), str(100000000 + generator.randrange(899999999)),
                "Compétitivité", generator.choice(MEASURES), place[0], place[1], place[2], place[3],
                f"Projet {index}, ligne\nde production", "Relocalisation", f"2022-0{1 + index % 9}-1{index % 10}",
                generator.choice(FILIERES), "", place[4], place[5]])


def load(line):
    """JSON with decimals as written (`50.3290` stays `50.3290`), as the cells carry them."""
    return json.loads(line, parse_float=decimal.Decimal)


def cell(value):
    """What one field of a record is as a cell, as laureatectl documents it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "|".join(cell(item) for item in value)
    if isinstance(value, (dict,)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, str):
        return value
    return str(value)


def unescape_tsv(text):
    out, escaped = [], False
    for ch in text:
        if escaped:
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}[ch])
            escaped = False
        elif ch == "\\":
            escaped = True
        else:
            out.append(ch)
    return "".join(out)


class Suite:
    def __init__(self, ctl, daemon):
        self.ctl, self.daemon = ctl, daemon

    def run(self, *args):
        result = subprocess.run([self.ctl, "--socket", self.daemon.path, *args], capture_output=True,
                                timeout=120, env={k: v for k, v in os.environ.items() if k != "COLUMNS"})
        assert result.returncode == 0, (args, result.returncode, result.stderr.decode())
        return result.stdout.decode("utf-8")

    def records(self):
        pages = [load(line) for line in self.run("--json", "search", "--all").splitlines()]
        assert pages and all(set(page) == {"total", "items", "offset", "next_offset"} for page in pages), pages[:1]
        records = [item for page in pages for item in page["items"]]
        assert len(records) == pages[0]["total"], (len(records), pages[0]["total"])
        return records

    def check_delimited(self, rows, records):
        header, body = rows[0], rows[1:]
        assert header[0] == "id", header
        assert len(body) == len(records), (len(body), len(records))
        for record in records:
            for name in record:
                assert name in header, ("column missing", name)
        for row, record in zip(body, records):
            assert len(row) == len(header), (row, header)
            for name, value in zip(header, row):
                assert value == cell(record.get(name)), (record["id"], name, value, record.get(name))

    def csv(self, records):
        text = self.run("search", "--all", "--output", "csv")
        assert text.endswith("\r\n") and "\r\n" in text.splitlines(keepends=True)[0], "RFC 4180 ends rows with CRLF"
        self.check_delimited(list(csv.reader(io.StringIO(text, newline=""))), records)
        return text

    def csv_semicolon(self, records):
        text = self.run("search", "--all", "--output", "csv", "--csv-separator", ";")
        self.check_delimited(list(csv.reader(io.StringIO(text, newline=""), delimiter=";")), records)

    def tsv(self, records):
        text = self.run("search", "--all", "--output", "tsv")
        rows = [[unescape_tsv(value) for value in line.split("\t")] for line in text.split("\n")[:-1]]
        self.check_delimited(rows, records)

    def jsonl(self, records):
        lines = [load(line) for line in self.run("search", "--all", "--output", "jsonl").splitlines()]
        assert lines == records, "jsonl records differ from --json's"

    def fields(self, records):
        chosen = ["jobs", "company", "id", "aid_eur"]
        lines = [load(line) for line in
                 self.run("search", "--all", "--output", "jsonl", "--fields", ",".join(chosen)).splitlines()]
        assert len(lines) == len(records)
        for line, record in zip(lines, records):
            assert list(line) == chosen, list(line)
            assert line == {name: record.get(name) for name in chosen}, (line, record["id"])
        rows = list(csv.reader(io.StringIO(self.run("search", "--all", "-o", "csv", "--fields", "company,jobs"),
                                           newline="")))
        assert rows[0] == ["company", "jobs"] and len(rows) == len(records) + 1, rows[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laureated", required=True)
    parser.add_argument("--laureatectl", required=True)
    arguments = parser.parse_args()
    work = tempfile.mkdtemp(prefix="laureate-formats-")
    official = os.path.join(work, "official.csv")
    official_export(official, 3000)
    passed = failed = 0
    for label, dataset in [("embedded", None), ("official 3000 rows", official)]:
        daemon = Daemon(arguments.laureated, dataset)
        try:
            suite = Suite(arguments.laureatectl, daemon)
            records = suite.records()
            written = None
            for name in ["csv", "csv_semicolon", "tsv", "jsonl", "fields"]:
                try:
                    result = getattr(suite, name)(records)
                    written = result if name == "csv" else written
                    passed += 1
                    print(f"ok   {label}: {name} ({len(records)} records)")
                except Exception:
                    failed += 1
                    print(f"FAIL {label}: {name}\n{traceback.format_exc()}")
        finally:
            daemon.stop()
        if written is None:
            continue
        # The CSV output is a dataset file in our field names: loaded back, the same records (in
        # search order, so the sha256, which follows file order, may differ).
        reloaded = os.path.join(work, "reloaded.csv")
        with open(reloaded, "w", encoding="utf-8", newline="") as f:
            f.write(written)
        again = Daemon(arguments.laureated, reloaded)
        try:
            if Suite(arguments.laureatectl, again).records() == records:
                passed += 1
                print(f"ok   {label}: csv loads back as a dataset of the same records")
            else:
                failed += 1
                print(f"FAIL {label}: csv loaded back serves other records")
        finally:
            again.stop()
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
