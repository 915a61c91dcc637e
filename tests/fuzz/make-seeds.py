#!/usr/bin/env python3
# make-seeds.py: valid seed bundles for fuzz-bundle, cut from the built core bundle
#
# Usage: tests/fuzz/make-seeds.py _build/resources/core.xml tests/fuzz/corpus-bundle/seeds
#
# A fuzzer that starts from bytes the parser refuses rarely reaches the readers
# and the checks. These seeds are valid bundles: each holds one scenario of the
# core bundle with the topics it is filed under and one help section, so that
# small mutations of them stay close to valid and exercise every later stage.
# Every third seed keeps one translation (a different language each time) and
# the guides the scenario links to; the others are English only, without
# guide links, to stay small (a fuzzer's speed falls with the input's size).
# They stay under libFuzzer's -max_len used in docs/fuzzing.md.
import copy
import os
import sys
import xml.etree.ElementTree as ET

NS = "urn:upstander:bundle:1"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANGUAGES = ["fr", "ar", "es", "ru", "zh-CN"]


def q(name):
    return "{%s}%s" % (NS, name)


def drop_guide_links(element):
    for node in element.iter():
        node.attrib.pop("guide", None)


def keep_languages(element, keep):
    """Drops every translation but @keep, everywhere under @element."""
    for parent in element.iter():
        for child in list(parent):
            lang = child.get(XML_LANG)
            if lang is not None and lang != keep:
                parent.remove(child)


def main():
    source, out_dir = sys.argv[1], sys.argv[2]
    ET.register_namespace("", NS)
    tree = ET.parse(source)
    root = tree.getroot()
    info = root.find(q("info"))
    topics = {t.get("id"): t for t in root.findall(q("topic"))}
    guides = {g.get("id"): g for g in root.findall(q("guide"))}
    helps = root.findall(q("help"))
    os.makedirs(out_dir, exist_ok=True)

    for index, scenario in enumerate(root.findall(q("scenario"))):
        full = index % 3 == 0
        lang = LANGUAGES[(index // 3) % len(LANGUAGES)] if full else None
        bundle = ET.Element(q("bundle"), {"id": "seed-%d" % index, "version": "1",
                                          XML_LANG: "en"})
        bundle.append(copy.deepcopy(info))
        for topic_id in scenario.get("topics", "").split():
            if topic_id in topics:
                bundle.append(copy.deepcopy(topics[topic_id]))
        bundle.append(copy.deepcopy(scenario))
        bundle.append(copy.deepcopy(helps[index % len(helps)]))
        if full:
            used = {e.get("guide") for e in scenario.iter() if e.get("guide")}
            for guide_id in sorted(used):
                bundle.append(copy.deepcopy(guides[guide_id]))
        else:
            drop_guide_links(bundle)
        keep_languages(bundle, lang)
        ET.indent(bundle)
        path = os.path.join(out_dir, "seed-%02d-%s.xml" % (index, scenario.get("id")))
        ET.ElementTree(bundle).write(path, encoding="UTF-8", xml_declaration=True)


if __name__ == "__main__":
    main()
