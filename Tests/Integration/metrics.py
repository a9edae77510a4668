#!/usr/bin/env python3
"""server.metrics judged from outside: a known mix of requests on both sockets, then the counters
must match it exactly, and Prometheus's own parser must accept the text.

    Tests/Integration/metrics.py --laureated PATH [--promtool promtool]
"""

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "Tests", "CLI"))
from laureate_daemon import Daemon, json_rpc  # noqa: E402

failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def send_lines(path, data):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.connect(path)
        connection.sendall(data)
        connection.shutdown(socket.SHUT_WR)
        while connection.recv(1 << 20):
            pass


def samples(text):
    """{(name, frozenset(labels)): value} of every sample line."""
    found = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        match = re.fullmatch(r'([a-z_]+)(?:\{(.*)\})? (\S+)', line)
        labels = frozenset(re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', match.group(2) or ""))
        found[(match.group(1), labels)] = float(match.group(3))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--laureated", required=True)
    parser.add_argument("--promtool", default="promtool")
    arguments = parser.parse_args()
    work = tempfile.mkdtemp(prefix="laureate-metrics-")
    varlink = os.path.join(work, "d.varlink")
    daemon = Daemon(arguments.laureated, directory=work, arguments=["--varlink-socket", varlink])
    try:
        mix = b"".join([b'{"jsonrpc":"2.0","id":1,"method":"laureate.get","params":{"id":"lacio"}}\n'] * 5
                       + [b'{"jsonrpc":"2.0","id":2,"method":"laureate.get","params":{"id":"no-such-id"}}\n'] * 2
                       + [b'{"jsonrpc":"2.0","id":3,"method":"laureate.search","params":{"q":"laser"}}\n'] * 3
                       + [b'not json\n', b'{"jsonrpc":"2.0","id":4,"method":"laureate.explode"}\n']
                       + [b'{"jsonrpc":"2.0","id":5,"method":"ping"}\n'] * 2)
        send_lines(daemon.path, mix)
        send_lines(varlink, b'{"method":"io.laureated.Dataset.Get","parameters":{"id":"lacio"}}\0' * 2
                   + b'{"method":"io.laureated.Dataset.Get","parameters":{"id":"nope"}}\0')
        check("result" in json_rpc(daemon.path, "server.reload"), "a reload")
        reply = json_rpc(daemon.path, "server.metrics")["result"]
        check(reply["content_type"] == "text/plain; version=0.0.4; charset=utf-8", "content_type is 0.0.4's")
        text = reply["text"]
        found = samples(text)

        def requests(front_end, method, outcome):
            labels = frozenset({("front_end", front_end), ("method", method), ("outcome", outcome)})
            return found.get(("laureated_requests_total", labels), 0)

        expected = [("jsonrpc", "laureate.get", "ok", 5), ("jsonrpc", "laureate.get", "error", 2),
                    ("jsonrpc", "laureate.search", "ok", 3), ("jsonrpc", "invalid", "error", 1),
                    ("jsonrpc", "unknown", "error", 1), ("jsonrpc", "ping", "ok", 2),
                    ("jsonrpc", "server.reload", "ok", 1), ("varlink", "laureate.get", "ok", 2),
                    ("varlink", "laureate.get", "error", 1)]
        for front_end, method, outcome, count in expected:
            got = requests(front_end, method, outcome)
            check(got == count, f"requests_total{{{front_end}, {method}, {outcome}}} = {got}, sent {count}")
        counted = sum(value for (name, _), value in found.items() if name == "laureated_requests_total")
        check(counted == sum(count for *_, count in expected), f"no other request counted ({counted})")
        get_count = found.get(("laureated_request_duration_seconds_count", frozenset({("method", "laureate.get")})))
        check(get_count == 10, f"the get histogram counts the 10 gets of both sockets ({get_count})")
        check(found.get(("laureated_reloads_total", frozenset({("outcome", "ok")}))) == 1, "one reload ok")
        check(found.get(("laureated_dataset_generation", frozenset())) == 2, "generation 2 after the reload")
        check(found.get(("laureated_dataset_records", frozenset())) == 89, "89 records")
        check(found.get(("laureated_received_bytes_total", frozenset()), 0) >= len(mix), "bytes received")
        path = os.path.join(work, "laureated.prom")
        open(path, "w").write(text)
        result = subprocess.run([arguments.promtool, "check", "metrics"], stdin=open(path), capture_output=True,
                                text=True)
        check(result.returncode == 0 and not result.stdout.strip() and not result.stderr.strip(),
              f"promtool check metrics: nothing to report {result.stdout} {result.stderr}")
    finally:
        daemon.stop()
    print(f"{len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
