#!/usr/bin/env python3
"""Times `policysite serve` rebuilding after a one-file change, as the server itself reports it
("Rebuilt in N ms after a change to …"), on a real process.

    scripts/bench-support/serve-rebuild.py CONTENT_DIR [--saves 10] [--binary .build/release/policysite]

Saves the first policy again and again (alternating one extra line), waits for each rebuild,
restores the file, and prints the reported times and their median as JSON.
"""
import argparse
import json
import os
import re
import socket
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("content")
    parser.add_argument("--saves", type=int, default=10)
    parser.add_argument("--binary", default=os.path.join(REPO, ".build", "release", "policysite"))
    args = parser.parse_args()
    policies = sorted(n for n in os.listdir(os.path.join(args.content, "policies")) if n.endswith(".md"))
    path = os.path.join(args.content, "policies", policies[0])
    original = open(path, "rb").read()
    server = subprocess.Popen([args.binary, "serve", "--content", args.content, "--templates", "/nonexistent", "--port", str(free_port())],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    times = []
    try:
        def wait_for(pattern):
            deadline = time.time() + 30
            while time.time() < deadline:
                line = server.stdout.readline()
                if not line:
                    break
                m = re.search(pattern, line)
                if m:
                    return m
            raise SystemExit(f"serve never printed {pattern!r}")
        wait_for(r"Built \d+ files")
        for save in range(args.saves):
            time.sleep(0.3)
            with open(path, "wb") as f:
                f.write(original + (b"\nOne more line.\n" if save % 2 == 0 else b""))
            times.append(int(wait_for(r"Rebuilt in (\d+) ms").group(1)))
    finally:
        open(path, "wb").write(original)
        server.terminate()
        server.wait()
    ordered = sorted(times)
    print(json.dumps({"content": args.content, "policies": len(policies), "rebuildMs": times, "medianMs": ordered[len(ordered) // 2]}))


if __name__ == "__main__":
    sys.exit(main())
