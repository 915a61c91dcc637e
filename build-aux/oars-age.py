#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Upstander contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Prints the age the metainfo's OARS content rating computes to, attribute by
# attribute, with the mapping AppStream itself uses (libappstream's
# as_content_rating_attribute_to_csm_age, which software centres and parental
# controls call). appstreamcli 0.16 (Debian 12) has no command that prints it.
# With --expect AGE, exits 1 when the rating computes to another age: the
# docs state the age, and the test keeps them true.
import argparse
import ctypes
import sys
import xml.etree.ElementTree as ET

VALUES = {'none': 1, 'mild': 2, 'moderate': 3, 'intense': 4}

parser = argparse.ArgumentParser()
parser.add_argument('metainfo')
parser.add_argument('--expect', type=int)
args = parser.parse_args()

try:
    appstream = ctypes.CDLL('libappstream.so.4')
except OSError as error:
    sys.exit(f'{sys.argv[0]}: libappstream (package libappstream4) is needed: {error}')
to_age = appstream.as_content_rating_attribute_to_csm_age
to_age.argtypes = [ctypes.c_char_p, ctypes.c_int]
to_age.restype = ctypes.c_uint

rating = ET.parse(args.metainfo).getroot().find('content_rating')
if rating is None:
    sys.exit(f'{args.metainfo}: no <content_rating>')
age = 0
for attribute in rating.findall('content_attribute'):
    value = (attribute.text or '').strip()
    if value not in VALUES:
        sys.exit(f'{args.metainfo}: {attribute.get("id")}: unknown value “{value}”')
    attribute_age = to_age(attribute.get('id').encode(), VALUES[value])
    print(f'{attribute.get("id")} = {value}: {attribute_age}+')
    age = max(age, attribute_age)
print(f'The content rating computes to ages {age} and up.')
if args.expect is not None and age != args.expect:
    sys.exit(f'{args.metainfo}: the rating computes to {age}+, but the docs say {args.expect}+: '
             'update docs/content-rating.md and this test together')
