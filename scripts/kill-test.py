#!/usr/bin/env python3
"""Atomic publish, proved: SIGKILL the build at random moments, many times, and check
that the output is always the complete old site or the complete new one, and that no
staging directories accumulate.

usage: scripts/kill-test.py [--binary .build/debug/policysite] [--kills 200] [--policies 300]
"""
import argparse, hashlib, os, random, shutil, signal, subprocess, sys, tempfile, time

def manifest(directory):
    """Every file below directory with the hash of its bytes; None if it does not exist."""
    if not os.path.isdir(directory):
        return None
    files = {}
    for root, _, names in os.walk(directory):
        for name in names:
            path = os.path.join(root, name)
            with open(path, "rb") as handle:
                files[os.path.relpath(path, directory)] = hashlib.sha256(handle.read()).hexdigest()
    return files

def make_content(source, destination, copies):
    """The example content, with each policy copied many times so a build takes long enough to interrupt."""
    shutil.copytree(source, destination)
    policies = os.path.join(destination, "policies")
    originals = sorted(os.listdir(policies))
    for index in range(copies):
        name = originals[index % len(originals)]
        shutil.copy(os.path.join(policies, name), os.path.join(policies, f"copy-{index:04d}-{name}"))

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/policysite")
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--policies", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    random.seed(args.seed)
    binary = os.path.abspath(args.binary)
    work = tempfile.mkdtemp(prefix="policysite-kill-")
    try:
        content = os.path.join(work, "content")
        make_content("content", content, args.policies)
        output = os.path.join(work, "out", "site")
        versions = ["2017-01-10", "2026-11-24"]  # two dates give two different sites

        def build(as_of, target=output):
            return subprocess.run([binary, "build", "--content", content, "--templates", "templates",
                                   "--output", target, "--as-of", as_of], capture_output=True)

        # The two complete sites every observed state must equal.
        expected = {}
        for as_of in versions:
            reference = os.path.join(work, "reference-" + as_of)
            started = time.monotonic()
            result = build(as_of, reference)
            duration = time.monotonic() - started
            if result.returncode != 0:
                sys.exit(f"reference build failed: {result.stderr.decode()}")
            expected[as_of] = manifest(reference)
        assert expected[versions[0]] != expected[versions[1]]
        build(versions[0])
        current = versions[0]
        completed = killed = 0
        for attempt in range(args.kills):
            as_of = versions[(attempt + 1) % 2]
            process = subprocess.Popen([binary, "build", "--content", content, "--templates", "templates",
                                        "--output", output, "--as-of", as_of],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(random.uniform(0, duration * 1.3))
            process.send_signal(signal.SIGKILL)
            status = process.wait()
            observed = manifest(output)
            if observed == expected[as_of]:
                current = as_of
                completed += status == 0
            elif observed != expected[current]:
                sys.exit(f"kill {attempt}: {output} is neither the old nor the new site")
            killed += status == -signal.SIGKILL
            leftovers = [n for n in os.listdir(os.path.dirname(output)) if ".policysite-" in n]
            if len(leftovers) > 1:
                sys.exit(f"kill {attempt}: staging leftovers accumulate: {leftovers}")
        if build(versions[0]).returncode != 0:
            sys.exit("the build after the kills failed")
        leftovers = [n for n in os.listdir(os.path.dirname(output)) if ".policysite-" in n]
        if leftovers or manifest(output) != expected[versions[0]]:
            sys.exit(f"after a clean build: leftovers {leftovers}")
        print(f"kill test: {args.kills} builds interrupted ({killed} killed mid-build, {args.kills - killed} had finished); "
              f"site was always complete old or complete new; no leftovers; one build took {duration:.2f}s")
    finally:
        shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    main()
