#!/usr/bin/env python3
"""laureated-refresh by hand, with no systemd: a daemon serving --dataset FILE, and an HTTP server
on 127.0.0.1 serving official-export fixtures with ETag and Last-Modified.

    Tests/Integration/refresh.py --laureated PATH --laureatectl PATH [--refresh Packaging/laureated-refresh]

Checks: a good export is swapped in and served; the same call again costs a 304 and no reload; a
truncated body, a file with a bad row, a 404 and a 500 each exit non-zero, leave FILE byte for byte
as it was and the served records unchanged, and leave nothing beside FILE.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "Tests", "CLI"))
sys.path.insert(0, HERE)
from export_fixtures import NEW, OLD, Fixtures, serve  # noqa: E402
from laureate_daemon import Daemon, json_rpc  # noqa: E402

def call(path, method, params=None):
    return json_rpc(path, method, params)["result"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--laureated", required=True)
    parser.add_argument("--laureatectl", required=True)
    parser.add_argument("--refresh", default=os.path.join(ROOT, "Packaging", "laureated-refresh"))
    arguments = parser.parse_args()

    server = serve()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    work = tempfile.mkdtemp(prefix="laureate-refresh-")
    data = os.path.join(work, "data")
    os.makedirs(data)
    dest = os.path.join(data, "plan-de-relance.csv")
    with open(dest, "wb") as output:
        output.write(OLD)
    daemon = Daemon(arguments.laureated, dataset=dest, directory=work)
    environment = dict(os.environ, LAUREATED_REFRESH_LAUREATED=arguments.laureated,
                       LAUREATED_REFRESH_LAUREATECTL=arguments.laureatectl)
    results = []

    def check(label, ok, detail=""):
        results.append(ok)
        print(f"{'ok  ' if ok else 'FAIL'} {label}" + ("" if ok else f": {detail}"))

    def refresh(path):
        return subprocess.run([arguments.refresh, "--url", base + path, "--dest", dest, "--socket", daemon.path],
                              env=environment, capture_output=True, text=True, timeout=120)

    def served():
        status = call(daemon.path, "server.status")["dataset"]
        companies = sorted(item["company"] for item in call(daemon.path, "laureate.search", {"limit": 1000})["items"])
        return status["sha256"], status["loaded_at"], companies

    try:
        run = refresh("/new.csv")
        sha, loaded_at, companies = served()
        check("a good export: exit 0", run.returncode == 0, run.stderr)
        check("a good export: the daemon serves the new rows",
              companies == ["Nouvelle Delta", "Nouvelle Epsilon", "Nouvelle Gamma"], companies)
        check("a good export: FILE is the export", open(dest, "rb").read() == NEW)
        check("a good export: the log says what changed", "2 -> 3 records" in run.stdout, run.stdout)

        requests_before = len(Fixtures.requests)
        run = refresh("/new.csv")
        check("the same export again: exit 0, a 304", run.returncode == 0 and "304" in run.stdout, run.stdout + run.stderr)
        check("the same export again: sent If-None-Match and If-Modified-Since",
              len(Fixtures.requests) == requests_before + 1 and all(Fixtures.requests[-1][1:]), Fixtures.requests[-1:])
        check("the same export again: no reload", served()[:2] == (sha, loaded_at))

        for path, what in [("/truncated.csv", "a truncated download"), ("/bad-row.csv", "a file with a bad row"),
                           ("/missing.csv", "a 404"), ("/error.csv", "a 500")]:
            before = open(dest, "rb").read()
            run = refresh(path)
            check(f"{what}: exit non-zero with the reason", run.returncode != 0 and "unchanged" in run.stderr,
                  (run.returncode, run.stdout, run.stderr))
            print("     " + run.stderr.strip().replace("\n", "\n     "))
            check(f"{what}: FILE byte for byte as it was", open(dest, "rb").read() == before)
            check(f"{what}: the same records served, not reloaded", served()[:2] == (sha, loaded_at))
            # FILE.etag and FILE.last-modified are the refresh's own state, kept from the good export.
            leftovers = sorted(set(os.listdir(data)) - {"plan-de-relance.csv", "plan-de-relance.csv.etag",
                                                        "plan-de-relance.csv.last-modified"})
            check(f"{what}: nothing left beside FILE", leftovers == [], leftovers)
        run = subprocess.run([arguments.refresh, "--bogus"], env=environment, capture_output=True, text=True)
        check("bad usage: exit 64", run.returncode == 64, run.stderr)
    finally:
        daemon.stop()
        server.shutdown()
    print(f"{results.count(True)} passed, {results.count(False)} failed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
