#!/usr/bin/env python3
"""Writes a content directory where hostile inputs fill every field a user controls.

usage: scripts/make-hostile-site.py OUT_DIR [--input N]
  --input N   every field carries input N (one build per input, as the Swift test does)
  otherwise   policy i carries input i everywhere; site.yml fields carry all inputs.
              Image vectors (`![..](javascript:..)`) are left out here: the build refuses
              them, which the Swift test checks input by input.
"""
import argparse, json, os

CORPUS = os.path.join(os.path.dirname(__file__), "..", "Tests", "PolicySiteTests", "Fixtures", "hostile-inputs.json")

def q(text):
    """A YAML double-quoted scalar: JSON strings are valid YAML, with every character escaped."""
    return json.dumps(text)

def policy(value, review):
    history = f"history:\n  - reviewed: 2016-09\n    note: {q(value)}\n"
    body = "\n\n".join([
        value,
        f"## {value}",
        f"- {value}\n- item",
        f"| head | {value} |\n| --- | --- |\n| {value} | cell |",
        f"[{value}](https://example.org/ok) and *{value}*",
        f"> {value}",
    ])
    return (f"---\ntitle: {q(value)}\nsummary: {q(value)}\nowner: {q(value)}\n"
            f"last-updated: September 2016\nnext-review: {review}\n{history}---\n\n{body}\n")

def site_yml(value):
    terms = lambda keys: "".join(f"  - key: {k}\n    label: {q(value)}\n    description: {q(value)}\n" for k in keys)
    return (f"organisation: {q(value)}\ntitle: {q(value)}\nbase-url: https://policies.example.org/\n"
            f"contact: {q(value)}\nreport:\n  example-data: true\n"
            f"categories:\n{terms(['undermining', 'offensive-language'])}actions:\n{terms(['removed', 'blocked'])}")

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--input", type=int)
    args = parser.parse_args()
    corpus = json.load(open(CORPUS, encoding="utf-8"))
    os.makedirs(os.path.join(args.out, "policies"), exist_ok=True)
    chosen = [corpus[args.input]] if args.input is not None else [c for c in corpus if not c.startswith("![")]
    with open(os.path.join(args.out, "site.yml"), "w", encoding="utf-8") as handle:
        handle.write(site_yml(" ".join(chosen) if args.input is None else chosen[0]))
    for index, value in enumerate(chosen):
        review = ["September 2017", "2099-01", "2026-12"][index % 3]
        with open(os.path.join(args.out, "policies", f"hostile-{index:03d}.md"), "w", encoding="utf-8") as handle:
            handle.write(policy(value, review))
    with open(os.path.join(args.out, "moderation-log.csv"), "w", encoding="utf-8") as handle:
        handle.write("date,category,actions\n2017-01-10,offensive-language,removed;blocked\n")
    print(f"{len(chosen)} hostile inputs written to {args.out}")

if __name__ == "__main__":
    main()
