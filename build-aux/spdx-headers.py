#!/usr/bin/env python3
# Checks (or with --fix, adds) the SPDX header every source file of Upstander
# carries: the code is GPL-3.0-or-later. The stories and help data under
# resources/bundles are CC-BY-SA-4.0 and say so in debian/copyright; test
# fixtures and fuzz corpora are data and are left byte-for-byte as they are.
#
# usage: spdx-headers.py [--fix] [SOURCE_ROOT]
import os
import re
import sys

COPYRIGHT = "SPDX-FileCopyrightText: 2026 Upstander contributors"
LICENCE = "SPDX-License-Identifier: GPL-3.0-or-later"
CODE_SUFFIXES = (".c", ".h", ".ui", ".py", ".sh", ".css")
DATA_DIRS = {"fuzz", "fixtures", "hostile", "bundles", "debian", "screenshots"}


def source_files(root):
    for top in ("src", "ui", "tests", "build-aux", "data", "po", "resources"):
        for dirpath, dirnames, names in os.walk(os.path.join(root, top)):
            dirnames[:] = sorted(d for d in dirnames
                                 if not d.startswith(("_build", ".")) and d not in DATA_DIRS)
            for name in sorted(names):
                if name.endswith(CODE_SUFFIXES) or name == "meson.build":
                    yield os.path.join(dirpath, name)
    yield os.path.join(root, "meson.build")


def has_header(text):
    return LICENCE in text[:800]


def add_header(path, text):
    lines = text.split("\n")
    if path.endswith((".c", ".h", ".css")):
        # "/* name.c: what it is */" grows into a block with the SPDX lines.
        first = re.match(r"^/\* (.*) \*/$", lines[0])
        if first:
            lines[0:1] = ["/* " + first.group(1), " *", " * " + COPYRIGHT, " * " + LICENCE, " */"]
        else:
            lines[0:0] = ["/* " + COPYRIGHT, " * " + LICENCE, " */"]
    elif path.endswith(".ui"):
        at = 1 if lines[0].startswith("<?xml") else 0
        lines[at:at] = ["<!-- " + COPYRIGHT + " -->", "<!-- " + LICENCE + " -->"]
    else:
        at = 1 if lines[0].startswith("#!") else 0
        lines[at:at] = ["# " + COPYRIGHT, "# " + LICENCE]
    return "\n".join(lines)


def main(argv):
    fix = "--fix" in argv
    args = [a for a in argv if a != "--fix"]
    root = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    missing = []
    for path in source_files(root):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if has_header(text):
            continue
        if fix:
            with open(path, "w", encoding="utf-8") as f:
                f.write(add_header(path, text))
        missing.append(os.path.relpath(path, root))
    if fix:
        print(f"{len(missing)} files given an SPDX header")
        return 0
    for path in missing:
        print(f"{path}:1: no SPDX-License-Identifier in the first lines")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
