"""A laureated for the Tests/CLI scripts: started on a socket of its own with a NOTIFY_SOCKET this
module owns, returned once it has said READY=1."""
import json
import os
import socket
import subprocess
import tempfile


class Daemon:
    def __init__(self, binary, dataset=None, directory=None, name="d", arguments=()):
        self.directory = directory or tempfile.mkdtemp(prefix="laureate-cli-")
        self.path = os.path.join(self.directory, f"{name}.sock")
        notify_path = os.path.join(self.directory, f"{name}.notify")
        notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        notify.bind(notify_path)
        notify.settimeout(30)
        command = [binary, "--socket", self.path] + (["--dataset", dataset] if dataset else []) + list(arguments)
        self.process = subprocess.Popen(command, env=dict(os.environ, NOTIFY_SOCKET=notify_path),
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while b"READY=1" not in notify.recv(4096):
                pass
        finally:
            notify.close()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)


def json_rpc(path, method, params=None):
    """One request on a connection of its own; the whole reply object."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.connect(path)
        connection.sendall(json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params or {}}).encode()
                           + b"\n")
        reply = b""
        while not reply.endswith(b"\n"):
            reply += connection.recv(1 << 20)
    return json.loads(reply)
