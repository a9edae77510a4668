#!/usr/bin/env python3
"""Pings laureated over and over for SECONDS, a new connection each time, and prints
'<ok> ok, <failed> failed'. Used across `systemctl restart` to show the socket unit holds the queue.
    client-loop.py PATH SECONDS [varlink]    (varlink: io.laureated.Dataset.Ping on the varlink socket)"""
import socket
import sys
import time

path, seconds = sys.argv[1], float(sys.argv[2])
varlink = sys.argv[3:] == ["varlink"]
request, end_byte, answer = ((b'{"method":"io.laureated.Dataset.Ping"}\0', b"\0", b'"reply":"pong"') if varlink
                             else (b'{"jsonrpc":"2.0","id":1,"method":"ping"}\n', b"\n", b'"result":"pong"'))
ok = failed = 0
end = time.monotonic() + seconds
while ok + failed == 0 or time.monotonic() < end:
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(15)
    try:
        s.connect(path)
        s.sendall(request)
        data = b""
        while not data.endswith(end_byte):
            chunk = s.recv(4096)
            if not chunk:
                raise ConnectionError("closed before the reply")
            data += chunk
        if answer not in data:
            raise ValueError(data)
        ok += 1
    except Exception as error:  # every failure is counted and shown
        failed += 1
        print(f"request failed: {error!r}", file=sys.stderr)
    finally:
        s.close()
print(f"{ok} ok, {failed} failed")
