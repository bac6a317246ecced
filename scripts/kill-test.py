#!/usr/bin/env python3
"""Atomic publish, proved: SIGKILL builds at random moments, many times, and run builds of
different content into one folder at once; the output must always be one whole site (equal,
file for file, to a reference build of the old or of the new content), nothing may be left
beside it, and every build must exit 0 (or 1 with the lock message under --no-wait).

    scripts/kill-test.py [--binary .build/debug/policysite] [--site example|bench]
                         [--policies 200] [--kills 100] [--pairs 10] [--fallback] [--paused-kills 5]

--site example   the example content, and a second version of it with one policy edited
--site bench     two different sets of --policies generated policies (scripts/generate-bench-data.py,
                 seeds 1 and 2): tables, links, lists, quotes
--fallback       force the two-rename swap used where renameat2 is missing (POLICYSITE_SWAP=renames);
                 a build killed between the two renames leaves no output until the next build,
                 which must finish the publish: after each kill a build that is then refused
                 (a missing content folder) is run, and the output it leaves is checked
--paused-kills N with --fallback: N builds paused between the two renames and killed there
--pairs N        N pairs of builds of the two contents started at once (and N more with --no-wait)
"""
import argparse, hashlib, os, random, re, shutil, signal, subprocess, sys, tempfile, time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOCK_MESSAGE = "is publishing into this folder now"


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


def describe(observed, expected):
    """Why observed is neither reference: a few differing paths against each."""
    if observed is None:
        return "the output is missing"
    parts = []
    for name, reference in expected.items():
        missing = sorted(set(reference) - set(observed))[:3]
        extra = sorted(set(observed) - set(reference))[:3]
        changed = sorted(p for p in set(reference) & set(observed) if reference[p] != observed[p])
        parts.append(f"against {name}: {len(changed)} files differ {changed[:3]}, missing {missing}, extra {extra}")
    return "; ".join(parts)


def make_contents(kind, work, policies):
    """Two content folders whose sites differ."""
    first, second = os.path.join(work, "content-a"), os.path.join(work, "content-b")
    if kind == "example":
        shutil.copytree(os.path.join(REPO, "content"), first)
        shutil.copytree(os.path.join(REPO, "content"), second)
        path = os.path.join(second, "policies", "online-safety.md")
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text + "\n## A section added in the second version\n\nWith a [link](https://example.org/) and ~~struck~~ words.\n")
    else:
        for seed, folder in ((1, first), (2, second)):
            subprocess.run([sys.executable, os.path.join(REPO, "scripts", "generate-bench-data.py"), "--policies", str(policies),
                            "--seed", str(seed), "--out", folder], check=True, stdout=subprocess.DEVNULL)
            os.remove(os.path.join(folder, "all.md"))
            # The example's site.yml names two of its own policies, which generated content lacks.
            config = os.path.join(folder, "site.yml")
            with open(config, encoding="utf-8") as handle:
                lines = [l for l in handle if not re.match(r"\s*(complaints-policy|policy):", l)]
            with open(config, "w", encoding="utf-8") as handle:
                handle.writelines(lines)
    return {"a": first, "b": second}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=".build/debug/policysite")
    parser.add_argument("--site", choices=["example", "bench"], default="bench")
    parser.add_argument("--policies", type=int, default=200)
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--pairs", type=int, default=0)
    parser.add_argument("--fallback", action="store_true")
    parser.add_argument("--paused-kills", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    random.seed(args.seed)
    binary = os.path.abspath(args.binary)
    environment = dict(os.environ)
    if args.fallback:
        environment["POLICYSITE_SWAP"] = "renames"
    work = tempfile.mkdtemp(prefix="policysite-kill-")
    as_of = "2026-11-24"
    try:
        contents = make_contents(args.site, work, args.policies)
        output = os.path.join(work, "out", "site")
        beside_folder = os.path.dirname(output)

        def command(version, target=output, extra=()):
            return [binary, "build", "--content", contents[version], "--templates", "/nonexistent",
                    "--output", target, "--as-of", as_of, *extra]

        def beside():
            return sorted(n for n in os.listdir(beside_folder) if n != "site")

        def fail(message):
            sys.exit(f"kill test ({args.site}{', fallback' if args.fallback else ''}): {message}")

        # The two whole sites every observed state must equal.
        expected, duration = {}, 0.0
        for version in contents:
            started = time.monotonic()
            result = subprocess.run(command(version, os.path.join(work, "reference-" + version)), capture_output=True, env=environment)
            duration = max(duration, time.monotonic() - started)
            if result.returncode != 0:
                fail(f"reference build failed: {result.stderr.decode()}")
            expected[version] = manifest(os.path.join(work, "reference-" + version))
        if expected["a"] == expected["b"]:
            fail("the two contents give the same site")

        def check(what, allow_missing=False):
            """The output is one whole reference site; returns which."""
            observed = manifest(output)
            for version, reference in expected.items():
                if observed == reference:
                    return version
            if observed is None and allow_missing:
                return None
            fail(f"{what}: {output} is neither whole site ({describe(observed, expected)})")

        def recover(what):
            """A build that is refused after taking the lock: it must finish a half-done publish."""
            result = subprocess.run([binary, "build", "--content", os.path.join(work, "no-content"), "--templates", "/nonexistent",
                                     "--output", output, "--as-of", as_of], capture_output=True, env=environment)
            if result.returncode != 1 or b"there is no site.yml" not in result.stderr:
                fail(f"{what}: the recovering build gave {result.returncode}: {result.stderr.decode()}")
            return check(f"{what}, after the next build")

        def timed_build(version):
            started = time.monotonic()
            if subprocess.run(command(version), capture_output=True, env=environment).returncode != 0:
                fail("a build that was not killed failed")
            check("a whole build")
            return time.monotonic() - started

        # Kill moments are drawn from 0 to 1.2 times a whole build into this output (replacing
        # the old site), timed again every 10 kills, since the machine's load varies.
        duration = timed_build("b")
        duration = timed_build("a")
        current = "a"
        finished = killed_before = killed_after = recovered = 0
        for attempt in range(args.kills):
            if attempt and attempt % 10 == 0:
                current = "b" if current == "a" else "a"
                duration = timed_build(current)
            version = "b" if current == "a" else "a"
            process = subprocess.Popen(command(version), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment)
            time.sleep(random.uniform(0, duration * 1.2))
            process.send_signal(signal.SIGKILL)
            status = process.wait()
            finished += status == 0
            seen = check(f"kill {attempt}", allow_missing=args.fallback)
            if seen is None:  # killed between the two renames: the next build finishes the publish
                recovered += 1
                seen = recover(f"kill {attempt}")
            if status == -signal.SIGKILL:
                killed_before += seen != version
                killed_after += seen == version
            current = seen
            staging = [n for n in beside() if "staging" in n]
            if len(staging) > 1 or any(not n.startswith(".site.policysite-") for n in beside()):
                fail(f"kill {attempt}: leftovers accumulate beside the output: {beside()}")

        for attempt in range(args.paused_kills):
            version = "b" if current == "a" else "a"
            paused = dict(environment, POLICYSITE_SWAP="renames-pause=30")
            process = subprocess.Popen(command(version), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=paused)
            said = b""
            while b"between the two renames" not in said:  # other lines ("Building the site…") may come first
                line = process.stderr.readline()
                if not line:
                    fail(f"paused kill {attempt}: the build did not pause between the renames: {said!r}")
                said += line
            process.send_signal(signal.SIGKILL)
            process.wait()
            if os.path.exists(output):
                fail(f"paused kill {attempt}: the output should be aside between the two renames")
            if recover(f"paused kill {attempt}") != version:
                fail(f"paused kill {attempt}: the whole new site was not moved in")
            current = version
            recovered += 1

        # Builds of the two contents started together: each exits 0 (it waits for the lock) or,
        # with --no-wait, 1 with the lock message; the output is always one whole site.
        refused = 0
        for pair in range(2 * args.pairs):
            no_wait = ["--no-wait"] if pair >= args.pairs else []
            processes = [subprocess.Popen(command(version, extra=no_wait), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=environment)
                         for version in ("a", "b")]
            for process in processes:
                error = process.stderr.read().decode()
                status = process.wait()
                if status == 1 and no_wait and LOCK_MESSAGE in error:
                    refused += 1
                elif status != 0:
                    fail(f"pair {pair}{' (--no-wait)' if no_wait else ''}: a build exited {status}: {error}")
            check(f"pair {pair}")
            if beside():
                fail(f"pair {pair}: left beside the output: {beside()}")

        if subprocess.run(command("a"), capture_output=True, env=environment).returncode != 0:
            fail("the build after the kills failed")
        if beside() or check("the last build") != "a":
            fail(f"after a clean build: left beside the output {beside()}")
        print(f"kill test ({args.site}, {len(expected['a']) - 1} files{', two-rename fallback' if args.fallback else ''}): "
              f"{args.kills} builds interrupted at random ({killed_before} killed before the swap, {killed_after} after it, "
              f"{finished} had finished), "
              f"{args.paused_kills} killed between the two renames, {recovered} publishes finished by the next build; "
              f"{2 * args.pairs} concurrent pairs ({refused} refused under --no-wait); "
              f"the site was always whole old or whole new; nothing left beside it; the last whole build took {duration:.2f}s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
