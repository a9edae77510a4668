#!/usr/bin/env python3
"""Pipelining requests to laureated from Python (standard library only): send every request at
once on one connection, then read the replies, which come back in request order.

    Examples/pipeline.py [SOCKET]
"""
import json
import os
import socket
import sys

path = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("LAUREATED_SOCKET", "/run/laureated/laureated.sock")


def search_all(conn_file, conn, params):
    """Pages through laureate.search one request at a time."""
    offset, items = 0, []
    while offset is not None:
        conn.sendall(json.dumps({"jsonrpc": "2.0", "id": "page", "method": "laureate.search",
                                 "params": dict(params, limit=1000, offset=offset)}).encode() + b"\n")
        result = json.loads(conn_file.readline())["result"]
        items += result["items"]
        offset = result["next_offset"]
    return items


with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
    conn.connect(path)
    replies = conn.makefile("rb")
    ids = [item["id"] for item in search_all(replies, conn, {})]
    # One write holding every request; the daemon answers them in order.
    batch = b"".join(json.dumps({"jsonrpc": "2.0", "id": n, "method": "laureate.get", "params": {"id": i}}).encode() + b"\n"
                     for n, i in enumerate(ids))
    conn.sendall(batch)
    jobs = 0
    for n, laureate_id in enumerate(ids):
        reply = json.loads(replies.readline())
        assert reply["id"] == n and reply["result"]["id"] == laureate_id, reply
        jobs += reply["result"].get("jobs", 0)
    print(f"{len(ids)} laureates fetched in one pipelined write; {jobs} jobs announced in all")
