#!/usr/bin/env python3
"""The dependency ladder of CONVENTIONS.md §1, checked over every #include in src/.

Each folder of src/ is a layer and may include only the layers below it (and itself); third-party
headers belong to the layers that wrap them. Fails, naming file, line and include, on any include
that runs up the ladder or sideways. Usage: layering_test.py SRC_DIR
"""
import pathlib
import re
import sys

# layer -> the layers its files may include (besides its own)
LADDER = {
    "core": set(),
    "store": {"core"},
    "sync": {"core"},
    "app": {"core", "store", "sync"},
    "present": {"core", "sync", "app"},
    "ui": {"core", "sync", "app", "present"},
    "platform": {"core", "store", "sync", "app"},
    "cli": {"core", "sync", "app", "present"},
}
# third-party headers (angle includes) -> the layers that may include them
THIRD_PARTY = {
    "sqlite3.h": {"store"},
    "nlohmann/": {"sync", "cli"},
    "imgui": {"ui", "platform"},
    "emscripten": {"platform"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def problems(src: pathlib.Path):
    for path in sorted(src.rglob("*")):
        if path.suffix not in (".h", ".cpp") or path.parent == src:   # src/main.cpp wires everything
            continue
        layer = path.relative_to(src).parts[0]
        allowed = LADDER.get(layer)
        if allowed is None:
            yield f"{path}: folder src/{layer} is not on the ladder (tests/layering_test.py)"
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            quote, name = m.groups()
            if quote == '"':
                target = name.split("/")[0] if "/" in name else layer
                if name.endswith(".inc"):
                    continue   # generated into the layer's own build folder
                if target != layer and target not in allowed:
                    yield f"{path}:{number}: {layer} includes \"{name}\" from {target}, which is not below it"
            else:
                for prefix, layers in THIRD_PARTY.items():
                    if name.startswith(prefix) and layer not in layers:
                        yield f"{path}:{number}: {layer} includes <{name}>, which only {', '.join(sorted(layers))} may"


def main():
    src = pathlib.Path(sys.argv[1])
    found = list(problems(src))
    for p in found:
        print(p)
    checked = sum(1 for p in src.rglob("*") if p.suffix in (".h", ".cpp"))
    print(f"{checked} files checked, {len(found)} includes against the ladder")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
