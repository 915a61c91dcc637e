#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Upstander contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# read-stories.py: print every path of every story in a bundle as a child reads it,
# so that an author can read the English (or a check can diff it) from start to end.
#
#   build-aux/read-stories.py resources/bundles/core.xml [SCENARIO-ID ...]
#
# It follows the rules of docs/bundle-format.md: a line, comment, choice or <continue>
# with if="FLAG" shows only when the flag is set, with unless="FLAG" only when it is
# not; of several <continue> the first that holds is taken; a choice sets its flag.
# Facilitator notes and discussion questions are for teachers and are left out.
# The app adds the effect word in front of the feedback; this prints it the same way.

import sys
import xml.etree.ElementTree as ET

NS = '{urn:upstander:bundle:1}'
EFFECT_WORDS = {'helpful': 'This helps', 'mixed': 'Part of the way', 'harmful': 'Think again'}
MAX_STEPS = 60


def texts(element):
    return [t.text or '' for t in element.findall(NS + 'text')]


def holds(element, flags):
    if_flag, unless_flag = element.get('if'), element.get('unless')
    return (if_flag is None or if_flag in flags) and (unless_flag is None or unless_flag not in flags)


class Story:
    def __init__(self, scenario):
        self.scenario = scenario
        self.names = {p.get('id'): p.find(NS + 'name').text for p in scenario.find(NS + 'cast')}
        self.scenes = {s.get('id'): s for s in scenario.findall(NS + 'scene')}
        self.endings = {e.get('id'): e for e in scenario.findall(NS + 'ending')}
        self.start = next(s for s in self.scenes.values() if s.get('start') == 'yes')

    def speaker(self, person):
        return self.names.get(person, person)

    def scene_lines(self, scene, flags):
        out = []
        title = scene.find(NS + 'title')
        out.append('  [%s%s]' % (scene.get('place'), ' · ' + title.text if title is not None else ''))
        for line in scene:
            if not holds(line, flags):
                continue
            tag = line.tag[len(NS):]
            if tag == 'message':
                out.append('  %s: %s' % (self.speaker(line.get('from')), ' '.join(texts(line))))
            elif tag == 'narration':
                out.extend('  ' + t for t in texts(line))
            elif tag == 'post':
                out.append('  %s posts: %s' % (self.speaker(line.get('from')), ' '.join(texts(line))))
                for comment in line.findall(NS + 'comment'):
                    if holds(comment, flags):
                        out.append('    ↳ %s: %s' % (self.speaker(comment.get('from')), ' '.join(texts(comment))))
        return out

    def walk(self, node, flags, lines, steps):
        """Yields (lines, ending) for every path from @node."""
        if steps > MAX_STEPS:
            raise SystemExit('%s: a path has more than %d steps' % (self.scenario.get('id'), MAX_STEPS))
        if node in self.endings:
            ending = self.endings[node]
            out = ['  ENDING (%s): %s' % (ending.get('outcome'), ending.find(NS + 'title').text)]
            out.extend('  ' + t for t in texts(ending))
            out.extend('  • ' + t.text for t in ending.findall(NS + 'takeaway'))
            yield lines + out, node
            return
        scene = self.scenes[node]
        here = lines + self.scene_lines(scene, flags)
        decision = scene.find(NS + 'decision')
        if decision is None:
            way_on = next(c for c in scene.findall(NS + 'continue') if holds(c, flags))
            yield from self.walk(way_on.get('next'), flags, here, steps + 1)
            return
        here = here + ['  ? ' + decision.find(NS + 'prompt').text]
        for choice in decision.findall(NS + 'choice'):
            if not holds(choice, flags):
                continue
            chosen = ['  > %s' % choice.find(NS + 'label').text]
            feedback = texts(choice.find(NS + 'feedback'))
            chosen.append('    %s · %s' % (EFFECT_WORDS[choice.get('effect')], feedback[0]))
            chosen.extend('    ' + t for t in feedback[1:])
            new_flags = flags | ({choice.get('sets')} if choice.get('sets') else set())
            yield from self.walk(choice.get('next'), new_flags, here + chosen, steps + 1)


def main():
    if len(sys.argv) < 2:
        raise SystemExit('usage: read-stories.py BUNDLE.xml [SCENARIO-ID ...]')
    root = ET.parse(sys.argv[1]).getroot()
    wanted = set(sys.argv[2:])
    for scenario in root.findall(NS + 'scenario'):
        if wanted and scenario.get('id') not in wanted:
            continue
        story = Story(scenario)
        print('=' * 72)
        print('%s (%s): %s' % (scenario.get('id'), scenario.get('ages'), scenario.find(NS + 'title').text))
        print(scenario.find(NS + 'summary').text)
        for note in scenario.findall(NS + 'content-note'):
            print('Content note: ' + note.text)
        for number, (lines, ending) in enumerate(story.walk(story.start.get('id'), frozenset(), [], 0), 1):
            print('-' * 72)
            print('Path %d → %s' % (number, ending))
            print('\n'.join(lines))


if __name__ == '__main__':
    main()
