#!/usr/bin/env python3
"""The shipped completions of laureatectl, typed into real bash, zsh and fish sessions in tmux.

    Tests/CLI/completions.py --laureated PATH --laureatectl PATH

For each shell, in a detached tmux session (200 columns) with the shipped script loaded and the
binaries' directory on PATH, against a daemon on the embedded data: Tab after `--sector ` offers
the sector ids, after `stats --by sec` completes `sector`, after `--sort inv` completes `investment`,
after `call laureate.g` completes `laureate.get`, and after `get laboratoire-g` completes the id
`laboratoire-goemar`, which only the daemon knows; paths complete after `--socket` and after
laureated's `--dataset`, and `--log-level` offers its levels. Each check polls the pane for up to
15 s.
Prints "N passed, N failed" last; exits 1 on a failure.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

from laureate_daemon import Daemon

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COMPLETIONS = os.path.join(ROOT, "Packaging", "completions")


def tmux(*arguments, check=True):
    return subprocess.run(["tmux", "-L", "laureate-completions", *arguments], capture_output=True, text=True,
                          check=check).stdout


class Shell:
    def __init__(self, name, work, bin_dir):
        self.name = name
        self.session = f"complete-{name}"
        home = os.path.join(work, f"home-{name}")
        os.makedirs(home, exist_ok=True)
        env = {"HOME": home, "PATH": f"{bin_dir}:/usr/bin:/bin", "TERM": "xterm-256color", "LANG": "C.UTF-8",
               "NO_COLOR": "1"}
        if name == "bash":
            command = "bash --norc --noprofile"
            setup = [f"source {COMPLETIONS}/laureatectl.bash", f"source {COMPLETIONS}/laureated.bash", "PS1='$ '"]
        elif name == "zsh":
            functions = os.path.join(work, "zsh-functions")
            os.makedirs(functions, exist_ok=True)
            for tool in ["laureatectl", "laureated"]:
                shutil.copy(os.path.join(COMPLETIONS, f"{tool}.zsh"), os.path.join(functions, f"_{tool}"))
            command = "zsh -f"
            setup = [f"fpath=({functions} $fpath)", "autoload -U compinit", "compinit -u", "PS1='$ '"]
        else:
            command = "fish --no-config"
            setup = [f"source {COMPLETIONS}/laureatectl.fish", f"source {COMPLETIONS}/laureated.fish",
                     "function fish_prompt; echo '$ '; end"]
        environment = [f"{key}={value}" for key, value in env.items()]
        tmux("new-session", "-d", "-s", self.session, "-x", "200", "-y", "50", "env", "-i", *environment,
             *command.split())
        for line in setup:
            self.type(line + "\n")
        # Wait for the shell to have run every setup line (zsh's compinit can take a second on a
        # cold machine): it echoes a mark once it reads the line after them (typed with quotes, so
        # that only the output spells it, in every shell).
        self.type("echo setup-do''ne\n")
        deadline = time.monotonic() + 30
        while "setup-done" not in self.pane() and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.2)

    def type(self, keys):
        literal = keys.rstrip("\n")
        if literal:
            tmux("send-keys", "-t", self.session, "-l", literal)
        if keys.endswith("\n"):
            tmux("send-keys", "-t", self.session, "Enter")

    def pane(self):
        return tmux("capture-pane", "-p", "-t", self.session)

    def complete(self, line, expected):
        """Types `line`, presses Tab (twice: bash lists only on the second), looks for `expected`."""
        tmux("send-keys", "-t", self.session, "C-c")
        self.type("clear\n")
        time.sleep(0.3)
        self.type(line)
        deadline = time.monotonic() + 15
        presses = 0
        while time.monotonic() < deadline:
            if presses < 2:
                tmux("send-keys", "-t", self.session, "Tab")
                presses += 1
            time.sleep(0.4)
            if expected in self.pane():
                return True, ""
        return False, self.pane()

    def close(self):
        tmux("kill-session", "-t", self.session, check=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laureated", required=True)
    parser.add_argument("--laureatectl", required=True)
    arguments = parser.parse_args()
    work = tempfile.mkdtemp(prefix="laureate-completions-")
    bin_dir = os.path.join(work, "bin")
    os.makedirs(bin_dir)
    os.symlink(os.path.abspath(arguments.laureatectl), os.path.join(bin_dir, "laureatectl"))
    os.symlink(os.path.abspath(arguments.laureated), os.path.join(bin_dir, "laureated"))
    daemon = Daemon(arguments.laureated, directory=work)
    path = daemon.path
    checks = [
        ("sector ids", "laureatectl search --sector ", "agroalimentaire"),
        ("--by values", "laureatectl stats --by sec", "--by sector"),
        # Not `--sort -j`: fish's generated parser reads a word after `--sort` that starts with `-`
        # as short options (the trap laureatectl itself avoids by joining such values).
        ("--sort values", "laureatectl search --sort inv", "--sort investment"),
        ("method names", "laureatectl call laureate.g", "call laureate.get"),
        ("ids from the daemon", f"laureatectl --socket {path} get laboratoire-g", "laboratoire-goemar"),
        ("paths for --socket", f"laureatectl --socket {work}/d.so", f"--socket {work}/d.sock"),
        ("paths for laureated --dataset", f"laureated --dataset {work}/sample-da", "sample-data.jsonl"),
        ("laureated --log-level values", "laureated --log-level not", "--log-level notice"),
    ]
    open(os.path.join(work, "sample-data.jsonl"), "w").close()
    passed = failed = 0
    try:
        for name in ["bash", "zsh", "fish"]:
            shell = Shell(name, work, bin_dir)
            try:
                for label, line, expected in checks:
                    ok, pane = shell.complete(line, expected)
                    if ok:
                        passed += 1
                        print(f"ok   {name}: {label}")
                    else:
                        failed += 1
                        print(f"FAIL {name}: {label}: no {expected!r} after Tab on {line!r}; the pane:\n{pane}")
            finally:
                shell.close()
    finally:
        tmux("kill-server", check=False)
        daemon.stop()
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
