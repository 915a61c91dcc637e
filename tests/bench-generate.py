#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Upstander contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# bench-generate.py: the libraries the benchmarks load, made from the core stories
#
#   bench-generate.py big CORE.xml OUT_DIR [BUNDLES [STORIES]]
#       BUNDLES bundles (10) of STORIES English stories (100) each, copied from
#       the core bundle's scenarios in turn, each with its own id and title.
#   bench-generate.py small EXAMPLE.xml OUT_DIR [COUNT]
#       COUNT (10,000) one-story bundles, each a copy of a small bundle.
#
# Both write into OUT_DIR/upstander/bundles/, so that OUT_DIR serves as
# XDG_DATA_HOME, and leave a stamp file: a second run with the same arguments
# does nothing. The output is the same bytes on every run, so every benchmark
# run measures the same library.

import os
import re
import shutil
import sys

BUNDLE_OPEN = re.compile(r'<bundle\b[^>]*>')
SCENARIO = re.compile(r'^  <scenario\b.*?^  </scenario>\n', re.S | re.M)
HELP = re.compile(r'^  <help\b.*?^  </help>\n', re.S | re.M)
TITLE = re.compile(r'<title>([^<]*)</title>')


def bundle_open(bundle_id):
    return ('<bundle xmlns="urn:upstander:bundle:1" id="%s" version="1" xml:lang="en">'
            % bundle_id)


def renamed_scenario(block, suffix):
    # The scenario's own id and its first <title> (the story's, not a scene's).
    block = re.sub(r'(<scenario\b[^>]*?\bid=")([^"]*)(")',
                   lambda m: m.group(1) + m.group(2) + '-' + suffix + m.group(3),
                   block, count=1)
    return TITLE.sub(lambda m: '<title>%s %s</title>' % (m.group(1), suffix),
                     block, count=1)


def make_big(core_path, out_dir, n_bundles, n_stories):
    with open(core_path, encoding='utf-8') as f:
        core = f.read()

    scenarios = SCENARIO.findall(core)
    if not scenarios:
        sys.exit('%s: no <scenario> found' % core_path)

    # Help contacts would repeat in every bundle; the stories and their
    # topics and guides are what a big library has more of.
    first = SCENARIO.search(core).start()
    last = max(m.end() for m in SCENARIO.finditer(core))
    head = HELP.sub('', core[:first])
    tail = HELP.sub('', core[last:])

    for b in range(n_bundles):
        bundle_id = 'bench-%02d' % b
        stories = [renamed_scenario(scenarios[(b * n_stories + s) % len(scenarios)],
                                    '%02d%03d' % (b, s))
                   for s in range(n_stories)]
        text = BUNDLE_OPEN.sub(bundle_open(bundle_id), head, count=1)
        text = text.replace('<name>Core stories</name>',
                            '<name>Benchmark stories %d</name>' % b, 1)
        with open(os.path.join(out_dir, bundle_id + '.xml'), 'w', encoding='utf-8') as f:
            f.write(text + ''.join(stories) + tail)


def make_small(example_path, out_dir, count):
    with open(example_path, encoding='utf-8') as f:
        example = f.read()

    if not BUNDLE_OPEN.search(example):
        sys.exit('%s: no <bundle> found' % example_path)

    for i in range(count):
        bundle_id = 'small-%05d' % i
        text = BUNDLE_OPEN.sub(bundle_open(bundle_id), example, count=1)
        text = TITLE.sub(lambda m: '<title>%s %05d</title>' % (m.group(1), i), text, count=1)
        with open(os.path.join(out_dir, bundle_id + '.xml'), 'w', encoding='utf-8') as f:
            f.write(text)


def main(argv):
    if len(argv) < 4 or argv[1] not in ('big', 'small'):
        sys.exit('usage: %s big CORE.xml OUT_DIR [BUNDLES [STORIES]] | '
                 'small EXAMPLE.xml OUT_DIR [COUNT]' % argv[0])

    kind, source, out = argv[1], argv[2], argv[3]
    numbers = [int(n) for n in argv[4:]]
    stamp = os.path.join(out, 'generated')
    key = ' '.join([kind, os.path.abspath(source), str(os.path.getmtime(source))] +
                   [str(n) for n in numbers])

    if os.path.exists(stamp):
        with open(stamp, encoding='utf-8') as f:
            if f.read() == key:
                return

    bundles = os.path.join(out, 'upstander', 'bundles')
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(bundles)

    if kind == 'big':
        make_big(source, bundles, *(numbers or [10, 100]))
    else:
        make_small(source, bundles, *(numbers or [10000]))

    with open(stamp, 'w', encoding='utf-8') as f:
        f.write(key)


if __name__ == '__main__':
    main(sys.argv)
