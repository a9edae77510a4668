#!/usr/bin/env python3
"""The varlink front end judged from outside, by third-party varlink code where there is some.

    Tests/Integration/varlink.py --laureated PATH --certification PATH

Checks: the Python varlink package's certification client and varlink-go-certification both pass
against laureate-varlink-certification (and the server does refuse a wrong call); the Python
package's CLI gets a record and prints the IDL from laureated, and its client sees a reload through
Subscribe; every JSON-RPC method's varlink twin returns the same data on the embedded dataset and on
a 10 000-record file; bad input (not JSON, no NUL, unknown member, oversized message, unknown
interface or method, wrong parameter type) gets the standard error or a closed connection while
other connections keep being served. The Python package comes from .build/python
(Scripts/install-deps --test).
"""

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PYTHON_PACKAGES = os.path.join(ROOT, ".build", "python")
sys.path.insert(0, os.path.join(ROOT, "Tests", "CLI"))
sys.path.insert(0, PYTHON_PACKAGES)
import varlink  # noqa: E402
from laureate_daemon import Daemon, json_rpc  # noqa: E402

INTERFACE = "io.laureated.Dataset"
failures = []
checks = 0


def check(condition, what):
    global checks
    checks += 1
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}", file=sys.stderr)


class Connection:
    """A raw varlink connection: NUL-framed JSON both ways."""

    def __init__(self, path):
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.socket.settimeout(20)
        self.socket.connect(path)
        self.pending = b""

    def send(self, data):
        self.socket.sendall(data)

    def call(self, method, parameters=None, **flags):
        message = {"method": method, **flags}
        if parameters is not None:
            message["parameters"] = parameters
        self.send(json.dumps(message).encode() + b"\0")
        return None if flags.get("oneway") else self.receive()

    def receive(self):
        """The next reply, or None when the server closed the connection."""
        while b"\0" not in self.pending:
            chunk = self.socket.recv(1 << 20)
            if not chunk:
                return None
            self.pending += chunk
        message, self.pending = self.pending.split(b"\0", 1)
        return json.loads(message)

    def closed(self):
        """Whether the server closes the connection without replying."""
        try:
            return self.receive() is None
        except ConnectionResetError:
            return True

    def close(self):
        self.socket.close()


def certification(binary, work):
    path = os.path.join(work, "certification.sock")
    server = subprocess.Popen([binary, f"--varlink=unix:{path}"], stdout=subprocess.PIPE, text=True)
    try:
        check(server.stdout.readline().startswith("Listening on"), "the certification server starts")
        environment = dict(os.environ, PYTHONPATH=PYTHON_PACKAGES)
        python = subprocess.run(
            [sys.executable, "-m", "varlink.tests.test_certification", "--client", f"--varlink=unix:{path}"],
            env=environment, capture_output=True, text=True, timeout=60)
        check(python.returncode == 0 and "Certification passed" in python.stdout,
              f"the Python varlink certification client passes: {python.stdout[-300:]} {python.stderr[-600:]}")
        go = subprocess.run(["varlink-go-certification", "--client", f"--varlink=unix:{path}"],
                            capture_output=True, text=True, timeout=60)
        # The Go client prints "X failed" and stops at the first failure, "End: 'true'" after the last call.
        check(go.returncode == 0 and "End: 'true'" in go.stdout and "failed" not in go.stdout.lower(),
              f"varlink-go-certification passes: {go.stdout[-400:]} {go.stderr[-300:]}")
        print("certification: Python client passed, varlink-go client passed")
        # The server is a judge, not a rubber stamp: a wrong value or order is refused.
        connection = Connection(path)
        client_id = connection.call("org.varlink.certification.Start")["parameters"]["client_id"]
        connection.call("org.varlink.certification.Test01", {"client_id": client_id})
        wrong = connection.call("org.varlink.certification.Test02", {"client_id": client_id, "bool": False})
        check(wrong.get("error") == "org.varlink.certification.CertificationError",
              f"a wrong value gets CertificationError: {wrong}")
        again = connection.call("org.varlink.certification.Test03", {"client_id": client_id, "int": 1})
        check(again.get("error") == "org.varlink.certification.ClientIdError", f"a failed client is forgotten: {again}")
        connection.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


def cli(daemon):
    environment = dict(os.environ, PYTHONPATH=PYTHON_PACKAGES)
    address = f"unix:{daemon.varlink}"
    got = subprocess.run([sys.executable, "-m", "varlink.cli", "call", f"{address}/{INTERFACE}.Get", '{"id":"lacio"}'],
                         env=environment, capture_output=True, text=True, timeout=30)
    record = json.loads(got.stdout)["record"] if got.returncode == 0 else None
    check(record == json_rpc(daemon.path, "laureate.get", {"id": "lacio"})["result"],
          f"varlink.cli call Get returns the record: {got.stdout[:200]} {got.stderr[-300:]}")
    helped = subprocess.run([sys.executable, "-m", "varlink.cli", "help", f"{address}/{INTERFACE}"],
                            env=environment, capture_output=True, text=True, timeout=30)
    check(helped.returncode == 0 and f"interface {INTERFACE}" in helped.stdout and "method Subscribe()" in helped.stdout,
          f"varlink.cli help prints the IDL: {helped.stdout[:200]} {helped.stderr[-300:]}")
    # The package's own parser reads the IDL (the client parses what GetInterfaceDescription returns).
    client = varlink.Client(address=address)
    interface = client.get_interface(INTERFACE)
    check(sorted(name for name, member in interface.members.items() if isinstance(member, varlink.scanner._Method))
          == sorted(["Ping", "Get", "Search", "Stats", "Changes", "ListSectors", "ProgramInfo", "Status", "Metrics",
                    "Reload", "Subscribe"]),
          "the Python package's parser reads every method of the IDL")
    events = []
    with client.open(INTERFACE) as subscriber:
        stream = subscriber.Subscribe(_more=True)
        events.append(next(stream)["event"])
        with client.open(INTERFACE) as admin:
            admin.Reload()
        events.append(next(stream)["event"])
    check(events == ["current", "reloaded"], f"Subscribe with more sees the dataset, then a reload: {events}")
    print("python varlink client: call, help, Subscribe ok")


def permission(daemon):
    """Reload is for admins: a peer of another uid (SO_PEERCRED) gets PermissionDenied, and Get."""
    if os.geteuid() != 0 or not os.path.exists("/usr/bin/setpriv"):
        print("permission: skipped (needs root and setpriv)")
        return
    os.chmod(daemon.varlink, 0o666)
    os.chmod(os.path.dirname(daemon.varlink), 0o755)
    script = (
        "import json, socket, sys\n"
        "s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); data = b''\n"
        "s.sendall(b'{\"method\":\"io.laureated.Dataset.Reload\"}\\0{\"method\":\"io.laureated.Dataset.Ping\"}\\0')\n"
        "while data.count(b'\\0') < 2: data += s.recv(65536)\n"
        "print(json.dumps([json.loads(m) for m in data.split(b'\\0')[:2]]))\n")
    result = subprocess.run(["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                             "/usr/bin/python3", "-c", script, daemon.varlink],
                            capture_output=True, text=True, timeout=30)
    replies = json.loads(result.stdout) if result.returncode == 0 else []
    check(replies[:1] == [{"error": "org.varlink.service.PermissionDenied", "parameters": {}}],
          f"Reload by uid 65534 gets PermissionDenied: {result.stdout} {result.stderr[-300:]}")
    check(replies[1:] == [{"parameters": {"reply": "pong"}}], "and the same peer is served otherwise")
    print("permission: Reload by another uid is refused")


def volatile(status):
    return {key: value for key, value in status.items()
            if key not in ("uptime_s", "connections", "requests_total", "last_reload")}


def twins(daemon, label, some_id):
    cases = [
        ("Ping", {}, "ping", {}, "reply"),
        ("Get", {"id": some_id}, "laureate.get", {"id": some_id}, "record"),
        ("Get", {"id": some_id, "fields": ["city", "jobs"]}, "laureate.get", {"id": some_id, "fields": ["city", "jobs"]},
         "record"),
        ("Search", {"q": "usine", "limit": 20, "facets": ["sector", "region"]}, "laureate.search",
         {"q": "usine", "limit": 20, "facets": ["sector", "region"]}, None),
        ("Search", {"sector": ["sante"], "jobs": {"min": 10}, "sort": "-jobs", "highlight": True, "q": None},
         "laureate.search", {"sector": ["sante"], "jobs": {"min": 10}, "sort": "-jobs", "highlight": True}, None),
        ("Stats", {"by": ["sector", "region"]}, "laureate.stats", {"by": ["sector", "region"]}, None),
        ("Stats", {}, "laureate.stats", {}, None),
        ("Changes", {"since": 1}, "laureate.changes", {"since": 1}, None),
        ("ListSectors", {}, "sector.list", {}, "sectors"),
        ("ProgramInfo", {}, "program.info", {}, "program"),
        ("Status", {}, "server.status", {}, None),
    ]
    connection = Connection(daemon.varlink)
    for member, parameters, method, params, result_member in cases:
        reply = connection.call(f"{INTERFACE}.{member}", parameters)
        twin = json_rpc(daemon.path, method, params)["result"]
        got = reply.get("parameters", {})
        got = got.get(result_member) if result_member else got
        if member == "Status":
            got, twin = volatile(got), volatile(twin)
        check(reply.get("error") is None and got == twin, f"{label}: {member} {parameters} returns {method}'s data")
    errors = [
        ("Get", {"id": "no-such-laureate"}, "laureate.get", {"id": "no-such-laureate"},
         f"{INTERFACE}.NotFound", {"id": "no-such-laureate"}),
        ("Search", {"limit": "ten"}, "laureate.search", {"limit": "ten"}, "org.varlink.service.InvalidParameter", None),
    ]
    for member, parameters, method, params, name, error_parameters in errors:
        reply = connection.call(f"{INTERFACE}.{member}", parameters)
        twin = json_rpc(daemon.path, method, params)["error"]
        check(reply.get("error") == name and twin["data"]["name"] in ("NotFound", "InvalidParams"),
              f"{label}: {member} {parameters} fails as {name}: {reply}")
        if error_parameters is not None:
            check(reply.get("parameters") == error_parameters, f"{label}: {name} carries {error_parameters}")
        else:
            check(reply["parameters"].get("parameter") == twin["data"]["param"], f"{label}: {name} names the param")
    # The metrics move with every request: the same format and families, not the same numbers.
    metrics = connection.call(f"{INTERFACE}.Metrics")["parameters"]
    twin = json_rpc(daemon.path, "server.metrics")["result"]
    check(metrics["content_type"] == twin["content_type"] and "laureated_requests_total" in metrics["text"],
          f"{label}: Metrics returns server.metrics' text")
    connection.close()
    print(f"twins on {label}: {len(cases)} calls and {len(errors)} errors agree")


def bad_input(daemon):
    path = daemon.varlink
    bystander = Connection(path)
    check(bystander.call(f"{INTERFACE}.Ping")["parameters"] == {"reply": "pong"}, "a bystander is served")
    for label, data in [
        ("not JSON", b"this is not json\0"),
        ("an array", b"[1,2]\0"),
        ("an unknown top-level member", b'{"method":"io.laureated.Dataset.Ping","id":1}\0'),
        ("a bad method name", b'{"method":"ping"}\0'),
        ("oneway and more", b'{"method":"io.laureated.Dataset.Ping","oneway":true,"more":true}\0'),
        ("a message of 16 MiB and one byte", b"[" + b" " * (16 << 20) + b"]\0"),
    ]:
        connection = Connection(path)
        try:
            connection.send(data)
        except (BrokenPipeError, ConnectionResetError):
            pass
        check(connection.closed(), f"{label} closes the connection")
        connection.close()
    # A message whose NUL never comes is not answered, at half-close either.
    unfinished = Connection(path)
    unfinished.send(b'{"method":"io.laureated.Dataset.Ping"}')
    check(bystander.call(f"{INTERFACE}.Ping")["parameters"] == {"reply": "pong"},
          "others are served while a message waits for its NUL")
    unfinished.socket.shutdown(socket.SHUT_WR)
    check(unfinished.closed(), "a message without its NUL is dropped at half-close, the connection closed")
    unfinished.close()
    for method, parameters, name in [
        ("org.example.Nope", {}, "org.varlink.service.InterfaceNotFound"),
        (f"{INTERFACE}.Nope", {}, "org.varlink.service.MethodNotFound"),
        (f"{INTERFACE}.Get", {"id": 42}, "org.varlink.service.InvalidParameter"),
        (f"{INTERFACE}.Search", {"near": {"lat": "north"}}, "org.varlink.service.InvalidParameter"),
        (f"{INTERFACE}.Subscribe", {}, "org.varlink.service.ExpectedMore"),
    ]:
        reply = bystander.call(method, parameters)
        check(reply.get("error") == name, f"{method} {parameters} gets {name}: {reply}")
    check(bystander.call(f"{INTERFACE}.Ping", oneway=True) is None and
          bystander.call(f"{INTERFACE}.Ping")["parameters"] == {"reply": "pong"}, "a oneway call gets no reply")
    check(daemon.process.poll() is None, "the daemon is still running")
    check(json_rpc(daemon.path, "ping")["result"] == "pong", "the JSON-RPC socket still answers")
    bystander.close()
    print("bad input: standard errors or closed connections, daemon alive")


def big_dataset(work):
    path = os.path.join(work, "ten-thousand.jsonl")
    sectors = ["sante", "agroalimentaire", "electronique", "intrants", "5g"]
    departments = ["22", "29", "35", "44", "56", "59", "69", "75", "13", "2A"]
    words = ["usine", "ligne", "production", "relocalisation", "chimie", "capteurs", "vaccins", "farine", "verre"]
    with open(path, "w") as file:
        for number in range(10_000):
            record = {
                "id": f"projet-{number}", "project": f"Projet {number}",
                "company": f"Société {number % 997}", "city": f"Ville {number % 211}",
                "department": departments[number % len(departments)], "sector": sectors[number % len(sectors)],
                "summary": " ".join(words[(number + k) % len(words)] for k in range(3)),
                "call": "relocalisation", "sources": [f"https://example.invalid/{number}"],
            }
            if number % 3:
                record["jobs"] = number % 500
            if number % 7 == 0:
                record["investment_eur"] = number * 1000
            file.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--laureated", required=True)
    parser.add_argument("--certification", required=True)
    arguments = parser.parse_args()
    work = tempfile.mkdtemp(prefix="laureate-varlink-")
    certification(arguments.certification, work)
    for label, dataset, some_id in [("the embedded dataset", None, "lacio"),
                                    ("10 000 records", big_dataset(work), "projet-4242")]:
        name = "big" if dataset else "embedded"
        varlink_path = os.path.join(work, f"{name}.varlink")
        daemon = Daemon(arguments.laureated, dataset, directory=work, name=name,
                        arguments=["--varlink-socket", varlink_path])
        daemon.varlink = varlink_path
        try:
            check(os.stat(varlink_path).st_mode & 0o777 == 0o660, "the varlink socket is created 0660")
            twins(daemon, label, some_id)
            if not dataset:
                cli(daemon)
                bad_input(daemon)
                permission(daemon)
        finally:
            daemon.stop()
    print(f"varlink: {checks - len(failures)}/{checks} checks passed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
