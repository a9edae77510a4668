#!/usr/bin/env python3
"""Opens COUNT connections to laureated at once, sends a ping on each, and prints one JSON line:
how many connected, were served (pong) and were refused (-32003).

Run in its own process by the end-to-end tests: ten thousand descriptors in the test process itself
would pass FD_SETSIZE, and Foundation's CFSocket thread select()s on the descriptors it watches."""
import json
import resource
import socket
import sys

path, count = sys.argv[1], int(sys.argv[2])
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(max(soft, count + 300), hard), hard))
sockets = []
for _ in range(count):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.connect(path)
        sockets.append(s)
    except OSError:
        s.close()
for s in sockets:
    try:
        s.sendall(b'{"id":1,"method":"ping"}\n')
    except OSError:
        pass
served = refused = 0
for s in sockets:
    s.settimeout(10)
    try:
        reply = s.recv(512)
    except OSError:
        reply = b""
    if b'"result":"pong"' in reply:
        served += 1
    elif b"-32003" in reply:
        refused += 1
for s in sockets:
    s.close()
print(json.dumps({"connected": len(sockets), "served": served, "refused": refused}))
