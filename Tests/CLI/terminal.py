#!/usr/bin/env python3
"""laureatectl as a terminal shows it: every subcommand run in tmux at 60 and 200 columns, and piped.

    Tests/CLI/terminal.py --laureated PATH --laureatectl PATH

Two daemons: the embedded data, and a dataset of CJK, emoji, combining accents and escape
sequences. In a tmux session of each width, each command's raw output is captured with
`pipe-pane` (the bytes the terminal got) and its rendering with `capture-pane` (the cells tmux
drew). The checks:
- only laureatectl's own SGR sequences (bold, dim, cyan, reset) reach the terminal, and only on a
  terminal: none with
  NO_COLOR=1 or --color never, none when piped, some with --color always even when piped; no other
  control character (the data's escapes, BEL and C1 controls are shown as text);
- no id is cut: `search --all` shows every id whole at 60 columns, piped, and in CSV, TSV and
  JSON Lines; every subcommand piped carries no escape at all;
- the wide dataset's table keeps its columns: in the cells tmux drew, each row's COMPANY starts in
  the header's column.
Prints "N passed, N failed" last; exits 1 on a failure.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata

from laureate_daemon import Daemon

# The sequences laureatectl writes itself: bold, dim, cyan, reset. Any other escape (the data's
# own `ESC[31m` among them) counts as a raw control character.
SGR = re.compile(rb"\x1b\[(?:0|1|2|36)m")
WIDE_DATASET = [
    {"id": "cjk", "project": "東京精密工場", "company": "株式会社テスト", "jobs": 12},
    {"id": "emoji", "project": "Usine 🏭 verte", "company": "Café ☕️ SA"},
    {"id": "escape", "project": "Red \x1b[31mALERT\x1b[0m", "company": "Bell\x07 Co\x9b"},
    {"id": "accent", "project": "Cafe\u0301 combine\u0301", "company": "Plain"},
]


def tmux(*arguments, check=True):
    return subprocess.run(["tmux", "-L", "laureate-terminal", *arguments], capture_output=True, text=True,
                          check=check).stdout


def cells(text):
    """Terminal cells of `text`, counted here as tmux draws them (East Asian wide and emoji: two)."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch) or ch in "\ufe0f\u200d":
            continue
        total += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return total


class Terminal:
    """A tmux session of `width` columns running sh, its raw output appended to a file."""

    def __init__(self, width, work, bin_dir):
        self.session = f"w{width}"
        self.raw = os.path.join(work, f"raw-{width}")
        open(self.raw, "wb").close()
        env = [f"PATH={bin_dir}:/usr/bin:/bin", "TERM=xterm-256color", "LANG=C.UTF-8", "PS1=$ "]
        tmux("new-session", "-d", "-s", self.session, "-x", str(width), "-y", "200", "env", "-i", *env, "sh")
        tmux("pipe-pane", "-t", self.session, "-o", f"cat >> {self.raw}")
        self.count = 0

    def run(self, command):
        """Runs `command`; returns its exit status, the raw bytes it wrote, and the drawn cells."""
        self.count += 1
        # Clear the screen and wait until the shell has said so: only then is the terminal quiet,
        # so that nothing of `clear` (its escape sequences) lands in the command's bytes.
        ready = f"__ready_{self.count}__"
        tmux("send-keys", "-t", self.session, "-l", f"clear; echo {ready}")
        tmux("send-keys", "-t", self.session, "Enter")
        # The echoed command line holds the marker too, after "echo "; clear's own output does not
        # end in a line break, so the printed marker is told apart by what precedes it.
        start = self.wait_for(0, re.compile(rb"(?<!echo )" + ready.encode() + rb"\r?\n")).end()
        marker = f"__done_{self.count}__"
        tmux("send-keys", "-t", self.session, "-l", f"{command}; echo {marker}$?")
        tmux("send-keys", "-t", self.session, "Enter")
        found = self.wait_for(start, re.compile(rb"\n" + marker.encode() + rb"(\d+)"))
        with open(self.raw, "rb") as f:
            data = f.read()[:found.start() + 1]
        # The typed command line echoes first; the output starts after its line break.
        body = data[data.index(b"\n", start) + 1:]
        drawn = tmux("capture-pane", "-p", "-J", "-S", "-", "-t", self.session)
        return int(found.group(1)), body, drawn

    def wait_for(self, start, pattern):
        """The first match of `pattern` in the raw output from byte `start`, waiting up to 30 s."""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with open(self.raw, "rb") as f:
                data = f.read()
            found = pattern.search(data, start)
            if found:
                return found
            time.sleep(0.05)
        raise TimeoutError(f"no {pattern.pattern!r} from the shell")

    def close(self):
        tmux("kill-session", "-t", self.session, check=False)


def controls(data):
    """Control bytes and sequences in `data` other than SGR, line breaks and tabs."""
    stripped = SGR.sub(b"", data).decode("utf-8", "replace").replace("\r\n", "\n")
    return [repr(c) for c in stripped if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laureated", required=True)
    parser.add_argument("--laureatectl", required=True)
    arguments = parser.parse_args()
    work = tempfile.mkdtemp(prefix="laureate-terminal-")
    bin_dir = os.path.join(work, "bin")
    os.makedirs(bin_dir)
    os.symlink(os.path.abspath(arguments.laureatectl), os.path.join(bin_dir, "laureatectl"))
    wide = os.path.join(work, "wide.jsonl")
    with open(wide, "w", encoding="utf-8") as f:
        for record in WIDE_DATASET:
            f.write(json.dumps(dict(record, call="relocalisation", sources=["https://example.org"])) + "\n")
    embedded = Daemon(arguments.laureated, directory=work, name="embedded")
    special = Daemon(arguments.laureated, wide, directory=work, name="wide")
    ids = [json.loads(line)["id"] for line in subprocess.run(
        [arguments.laureatectl, "--socket", embedded.path, "search", "--all", "-o", "jsonl", "--fields", "id"],
        capture_output=True, text=True, check=True).stdout.splitlines()]
    results = []

    def check(label, ok, detail=""):
        results.append(ok)
        print(f"{'ok  ' if ok else 'FAIL'} {label}" + ("" if ok else f": {detail}"))

    subcommands = ["get lacio mesprcc", "search --sector 5g", "search --all", "stats", "stats --by sector,region",
                   "stats --figure jobs", "sectors", "program", "status", "discover", "ping"]
    try:
        for width in [60, 200]:
            terminal = Terminal(width, work, bin_dir)
            try:
                for subcommand in subcommands:
                    for socket_path, data in [(embedded.path, "embedded"), (special.path, "wide")]:
                        if data == "wide" and subcommand.startswith("get"):
                            subcommand = "get cjk emoji escape accent"
                        status, raw, _ = terminal.run(f"laureatectl --socket {socket_path} {subcommand}")
                        label = f"{width} columns, {data}: {subcommand}"
                        check(f"{label}: exit 0", status == 0, raw[-300:])
                        check(f"{label}: colour on the terminal", subcommand == "ping" or SGR.search(raw) is not None)
                        check(f"{label}: no raw control character", not controls(raw), controls(raw)[:5])
                        status, raw, _ = terminal.run(f"laureatectl --socket {socket_path} {subcommand} | cat")
                        check(f"{label}, piped: no colour, no raw control character",
                              status == 0 and b"\x1b" not in raw and not controls(raw), raw[:200])
                for how, command, coloured in [
                    ("NO_COLOR=1", f"NO_COLOR=1 laureatectl --socket {embedded.path} search", False),
                    ("NO_COLOR empty", f"NO_COLOR= laureatectl --socket {embedded.path} search", True),
                    ("--color never", f"laureatectl --socket {embedded.path} --color never search", False),
                    ("piped", f"laureatectl --socket {embedded.path} search --all | cat", False),
                    ("piped, --color always", f"laureatectl --socket {embedded.path} --color always search | cat", True),
                ]:
                    status, raw, _ = terminal.run(command)
                    check(f"{width} columns: {how}: colour {'on' if coloured else 'off'}",
                          status == 0 and (SGR.search(raw) is not None) == coloured, raw[:200])
                for how, command in [("terminal", "search --all"), ("piped", "search --all | cat"),
                                     ("csv", "search --all -o csv | cut -d, -f1"), ("tsv", "search --all -o tsv | cut -f1"),
                                     ("jsonl", "search --all -o jsonl | cut -d'\"' -f4")]:
                    status, raw, _ = terminal.run(f"laureatectl --socket {embedded.path} {command}")
                    shown = {line.split(" ")[0] for line in SGR.sub(b"", raw).decode().replace("\r", "").split("\n")}
                    missing = [i for i in ids if i not in shown]
                    check(f"{width} columns, {how}: every id whole", status == 0 and not missing, missing[:5])
                status, _, drawn = terminal.run(f"laureatectl --socket {special.path} --color never search")
                lines = [line for line in drawn.split("\n") if line.strip()]
                header = next((i for i, line in enumerate(lines) if line.startswith("ID ")), None)
                rows = lines[header + 1:header + 5] if header is not None else []
                start = cells(lines[header][:lines[header].index("COMPANY")]) if header is not None else -1
                offsets = []
                for row in rows:
                    company = next((c for c in ["Plain", "株式", "Bell", "Café"] if c in row), None)
                    offsets.append(cells(row[:row.index(company)]) if company else None)
                check(f"{width} columns: wide characters keep COMPANY in the header's column",
                      status == 0 and len(rows) == 4 and all(o == start for o in offsets), (start, offsets, rows))
                status, raw, drawn = terminal.run(f"laureatectl --socket {embedded.path} search tronico")
                lines = [line for line in drawn.split("\n") if line.strip()]
                header = next((line for line in lines if line.startswith("ID ")), "")
                rows = [line for line in lines if "Tronico" in line]
                check(f"{width} columns: the matched word in bold, columns still aligned",
                      status == 0 and b"\x1b[1mTronico\x1b[0m" in raw and len(rows) == 2
                      and all(cells(row[:row.index("Tronico")]) == cells(header[:header.index("COMPANY")])
                              for row in rows), (raw[:300], rows))
            finally:
                terminal.close()
    finally:
        tmux("kill-server", check=False)
        embedded.stop()
        special.stop()
    print(f"{results.count(True)} passed, {results.count(False)} failed")
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
