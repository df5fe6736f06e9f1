#!/usr/bin/env python3
"""The bad-input catalogue: every error message of the string table (assets/i18n/strings.tsv,
keys error.*) with the tests that provoke it — the test's name and the line that checks the message —
so the report shows what a user sees for each malformed file or form input the tests try, and which
messages no test reaches. Tests name a message by its key ("error.bundle_hash") or, in the browser
tests, by a piece of its Chinese text; the shared refused samples (tests/samples/refused.json, one a
line, run by a C++ and a schema test) by their key too.
usage: bad_inputs.py REPO_DIR > catalogue.md"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
messages = {}
for line in (root / "assets/i18n/strings.tsv").read_text(encoding="utf-8").splitlines():
    parts = line.split("\t")
    if len(parts) >= 3 and parts[0].startswith("error."):
        messages[parts[0]] = (parts[1], parts[2])

# The name of the test around a line: doctest TEST_CASE, node:test test(), a Python check function,
# or a refused sample's description.
TEST_NAME = re.compile(r'TEST_CASE\("([^"]+)"|^\s*test\(\s*\'([^\']+)\'|^def (\w+)\(|"wrong": "([^"]+)"')


def tests_in(path):
    current = None
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = TEST_NAME.search(text)
        if m:
            sample = m.group(4)
            current = f"refused sample: {sample}" if sample else next(g for g in m.groups() if g)
        yield current, number, text.strip()


patterns = ("tests/unit/**/*.cpp", "tests/cli/*.py", "tests/e2e/*.js", "tests/samples/*.json")
sources = [p for pattern in patterns for p in root.glob(pattern)]
tried = {key: [] for key in messages}
for path in sorted(sources):
    for name, number, text in tests_in(path):
        for key, (zh, _) in messages.items():
            # The key itself, or (browser tests) the first words of the Chinese message in a pattern.
            if re.search(rf'(?<![\w.]){re.escape(key)}(?![\w.])', text) or (
                    path.suffix == ".js" and len(zh) >= 6 and zh[:6] in text):
                tried[key].append((path.relative_to(root), number, name, text))

covered = sum(1 for uses in tried.values() if uses)
print(f"Bad-input catalogue (`tests/bench/bad_inputs.py`): {covered} of {len(messages)} error messages are provoked")
print("by a test; for each, the message shown (zh-CN / en) and the first tests that check it.")
print()
print("| message | 中文 | English | tried by |")
print("|---|---|---|---|")
for key, (zh, en) in messages.items():
    uses = tried[key]
    where = "<br>".join(f"{name or path.name} ({path}:{number})" for path, number, name, _ in uses[:3])
    if len(uses) > 3:
        where += f"<br>… {len(uses) - 3} more"
    print(f"| `{key}` | {zh} | {en} | {where or '**no test**'} |")
