#!/usr/bin/env python3
"""Checks that the source tree keeps the direction of its layers (README, "How it is built").

    tools -> interp -> gil         and inside interp/, from the top:
    modules -> vm -> compiler -> objects -> syntax -> common      (lib/ is data: it includes nothing)

Rules, each a failure with the file and line:
  1. gil/ includes nothing of interp/ or tools/; interp/ includes nothing of tools/.
  2. A file of interp/LAYER includes headers of its own layer or of lower ones. An include of a
     higher layer is an *upward edge*: allowed only where the line names it, with a trailing
     `// upward: why` comment (the object protocol calling Python code on the VM, say).
  3. tools/ includes only the interpreter's public headers (PUBLIC_HEADERS below).
  4. In interp/CMakeLists.txt, a layer's target links only the targets of lower layers.
  5. Every .cpp of interp/ has a header of its own, or a header of its layer names it in its
     comments (operators.h: "attributes.cpp: getAttr, setAttr, ...").

Run from anywhere: python3 tests/layers/check_layers.py [REPO_ROOT]. Exit 0 when clean, 1 with a
list of violations.
"""
import pathlib
import re
import sys

LAYERS = ["common", "syntax", "objects", "compiler", "vm", "modules"]  # bottom to top
DATA_LAYERS = {"lib"}  # depend on nothing
PUBLIC_HEADERS = {
    "interp/vm/interpreter.h",
    "interp/modules/standard_modules.h",
    "interp/syntax/syntax_error.h",
    "interp/common/version.h",
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"(.*)$')


def rank(layer):
    return LAYERS.index(layer)


def layer_of(path):
    parts = pathlib.PurePosixPath(path).parts
    if len(parts) >= 3 and parts[0] == "interp":
        return parts[1]
    return None


def check_includes(root, problems):
    for path in sorted(root.glob("**/*")):
        rel = path.relative_to(root).as_posix()
        if path.suffix not in (".h", ".cpp", ".c") or not rel.startswith(("gil/", "interp/", "tools/")):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            target, rest = m.group(1), m.group(2)
            where = f"{rel}:{number}: includes {target}"
            if rel.startswith("gil/") and target.startswith(("interp/", "tools/")):
                problems.append(f"{where}: gil/ knows nothing of the interpreter or the tools")
            elif rel.startswith("interp/") and target.startswith("tools/"):
                problems.append(f"{where}: nothing includes tools/")
            elif rel.startswith("tools/") and target.startswith("interp/"):
                if target not in PUBLIC_HEADERS:
                    problems.append(f"{where}: tools/ uses the interpreter's public headers only "
                                    f"({', '.join(sorted(PUBLIC_HEADERS))})")
            elif rel.startswith("interp/") and target.startswith("interp/"):
                mine, theirs = layer_of(rel), layer_of(target)
                if mine in DATA_LAYERS and theirs != mine:
                    problems.append(f"{where}: interp/{mine}/ is data and includes nothing else")
                elif theirs in DATA_LAYERS:
                    continue
                elif mine not in LAYERS or theirs not in LAYERS:
                    problems.append(f"{where}: not in a layer of interp/ ({', '.join(LAYERS)})")
                elif rank(theirs) > rank(mine) and "// upward:" not in rest:
                    problems.append(f"{where}: {mine} is below {theirs}; name the upward edge "
                                    "with a trailing `// upward: why` or move the code")


def check_cmake(root, problems):
    text = (root / "interp" / "CMakeLists.txt").read_text(encoding="utf-8")
    for m in re.finditer(r"target_link_libraries\(\s*gilsim_(\w+)(.*?)\)", text, re.S):
        mine = m.group(1)
        if mine not in LAYERS and mine not in DATA_LAYERS:
            continue
        for dep in re.findall(r"gilsim_(\w+)", m.group(2)):
            if dep in DATA_LAYERS and mine in DATA_LAYERS:
                problems.append(f"interp/CMakeLists.txt: gilsim_{mine} links gilsim_{dep}")
            if mine in DATA_LAYERS and dep in LAYERS:
                problems.append(f"interp/CMakeLists.txt: gilsim_{mine} is data and links nothing")
            if mine in LAYERS and dep in LAYERS and rank(dep) >= rank(mine):
                problems.append(f"interp/CMakeLists.txt: gilsim_{mine} links gilsim_{dep}, "
                                "which is not below it")


def check_headers(root, problems):
    for cpp in sorted((root / "interp").glob("**/*.cpp")):
        rel = cpp.relative_to(root).as_posix()
        if cpp.with_suffix(".h").exists():
            continue
        named = any(cpp.name in "\n".join(l.partition("//")[2]
                                           for l in h.read_text(encoding="utf-8").splitlines())
                    for h in cpp.parent.glob("*.h"))
        if not named:
            problems.append(f"{rel}: no header of its own, and no header of {cpp.parent.name}/ "
                            "names it in a comment")


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parents[2])
    problems = []
    check_includes(root, problems)
    check_cmake(root, problems)
    check_headers(root, problems)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} layer violation(s); see tests/layers/check_layers.py")
        return 1
    print("layers: clean")
    return 0


if __name__ == "__main__":
    sys.exit(main())
