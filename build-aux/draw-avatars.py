#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Upstander contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Draws the story characters' avatars (data/avatars/NAME.svg and NAME-dark.svg).
#
# The avatars are original flat drawings made for Upstander, under the
# project's licence. They are generated, not drawn by hand, so that every one
# shares the same head, face and proportions and a change to the style is one
# edit. Run it after changing a character and commit the SVG files:
#
#   python3 build-aux/draw-avatars.py data/avatars
#
# The list of names here must match UPSTANDER_AVATAR_NAMES in
# src/content/upstander-model.h, the schema and resources/avatars/meson.build
# (which renders each SVG to PNG at build time); test-avatar checks them.

import os
import sys

SKIN = {
    'light': '#f6d3b3',
    'fair': '#eec19a',
    'medium': '#d7a27a',
    'tan': '#c08657',
    'brown': '#9a6440',
    'dark': '#6e4428',
    'deep': '#4f2f1c',
}
HAIR = {
    'black': '#2b2220',
    'brown': '#5b3a24',
    'auburn': '#9c4a23',
    'blond': '#e2b659',
    'grey': '#b9b6b2',
    'white': '#e8e6e3',
}
INK = '#2b2220'

# Background circle, light then dark style. In the dark style the background
# is a mid tone of the same hue: pale circles glare on a dark window, and a
# deep one would swallow black hair and outlines.
PALETTE = {
    'sky': ('#bfe3f5', '#3d7da0'),
    'mint': ('#c6eccf', '#3f8556'),
    'sun': ('#fbe7a6', '#9a7f22'),
    'rose': ('#f8cfd8', '#a04a62'),
    'lilac': ('#dcd1f4', '#6a58a6'),
    'peach': ('#fdd8bd', '#a8633c'),
    'teal': ('#bfe8e4', '#30857d'),
    'slate': ('#d5dbe3', '#5b6678'),
}


# name, skin, hair colour, hair style, background, shirt colour, extras
CHARACTERS = [
    # young people
    ('braids', 'dark', 'black', 'braids', 'sun', '#e0603c', []),
    ('hijab', 'tan', None, 'hijab', 'mint', '#3f7fbf', []),
    ('curls', 'deep', 'black', 'curls', 'sky', '#f0a030', []),
    ('glasses', 'light', 'brown', 'short', 'lilac', '#4a9a5a', ['glasses']),
    ('ponytail', 'fair', 'auburn', 'ponytail', 'teal', '#8a55c8', ['freckles']),
    ('bob', 'fair', 'black', 'bob', 'rose', '#2f8f8f', []),
    ('spiky', 'light', 'black', 'spiky', 'peach', '#3060b0', []),
    ('wheelchair', 'medium', 'brown', 'short', 'sky', '#d04a6a', ['wheelchair']),
    ('hearing-aid', 'medium', 'brown', 'long', 'sun', '#2f7f6f', ['hearing-aid']),
    ('puffs', 'brown', 'black', 'puffs', 'lilac', '#f07a3a', []),
    ('patka', 'tan', None, 'patka', 'peach', '#2e5e9e', []),
    ('beanie', 'medium', 'black', 'beanie', 'mint', '#c83c3c', []),
    ('waves', 'brown', 'brown', 'long', 'rose', '#5050b8', ['glasses']),
    ('buzz', 'deep', 'black', 'buzz', 'teal', '#e0b030', ['hearing-aid']),
    ('fringe', 'light', 'blond', 'fringe', 'sky', '#e07a2a', []),
    ('headphones', 'tan', 'brown', 'short', 'slate', '#3a9a4a', ['headphones']),
    # adults
    ('grandma', 'light', 'white', 'bun', 'lilac', '#b04a7a', ['glasses', 'lines']),
    ('grandpa', 'dark', 'grey', 'bald', 'sun', '#4a6a9a', ['moustache', 'lines']),
    ('adult-beard', 'medium', 'black', 'short', 'slate', '#5a7a3a', ['beard']),
    ('adult-hijab', 'brown', None, 'hijab-adult', 'teal', '#7a4aa0', []),
    ('adult-glasses', 'deep', 'black', 'bald', 'peach', '#2f6f8f', ['glasses']),
    ('adult-curly', 'fair', 'grey', 'curls', 'mint', '#a0522d', []),
    ('adult-long', 'fair', 'black', 'long', 'rose', '#3a5aa0', []),
    ('adult-short', 'light', 'brown', 'short', 'sky', '#7a5a9a', ['lines']),
    ('adult-braids', 'deep', 'black', 'braids', 'peach', '#2f8f6f', ['lines']),
    # accounts and the reader
    ('anonymous', None, None, None, 'slate', '#6b7280', ['question']),
    ('page', None, None, None, 'sun', None, ['megaphone']),
    ('you', None, None, None, 'sky', '#3584e4', ['you']),
]


def shade(colour, factor):
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return '#%02x%02x%02x' % tuple(max(0, min(255, int(c * factor))) for c in (r, g, b))


def head(skin, ears=True):
    parts = []
    if ears:
        parts.append(f'<circle cx="31" cy="45" r="4.5" fill="{shade(skin, 0.92)}"/>')
        parts.append(f'<circle cx="65" cy="45" r="4.5" fill="{shade(skin, 0.92)}"/>')
    parts.append(f'<rect x="43" y="54" width="10" height="14" rx="4" fill="{shade(skin, 0.9)}"/>')
    parts.append(f'<ellipse cx="48" cy="43" rx="16.5" ry="18" fill="{skin}"/>')
    return parts


def face(skin, extras):
    parts = [
        f'<circle cx="41.5" cy="44" r="2.3" fill="{INK}"/>',
        f'<circle cx="54.5" cy="44" r="2.3" fill="{INK}"/>',
        f'<path d="M42.5 51.5 Q48 56.5 53.5 51.5" fill="none" stroke="{INK}" '
        'stroke-width="2" stroke-linecap="round"/>',
        '<circle cx="37.5" cy="50" r="2.6" fill="#f08080" opacity="0.35"/>',
        '<circle cx="58.5" cy="50" r="2.6" fill="#f08080" opacity="0.35"/>',
    ]
    if 'freckles' in extras:
        for x, y in ((37, 48), (39.5, 50.5), (36, 51), (59, 48), (56.5, 50.5), (60, 51)):
            parts.append(f'<circle cx="{x}" cy="{y}" r="0.8" fill="{shade(skin, 0.65)}"/>')
    if 'lines' in extras:
        parts.append(f'<path d="M35 41 Q37 39.5 38.5 41 M57.5 41 Q59 39.5 61 41" fill="none" '
                     f'stroke="{shade(skin, 0.7)}" stroke-width="1" stroke-linecap="round"/>')
    if 'beard' in extras:
        parts.append(f'<path d="M32 45 Q33 62 48 63 Q63 62 64 45 Q62 55 55 55.5 Q48 53 41 55.5 '
                     f'Q34 55 32 45 Z" fill="{HAIR["black"]}"/>')
        parts.append(f'<path d="M43.5 52 Q48 55 52.5 52" fill="none" stroke="{skin}" '
                     'stroke-width="1.6" stroke-linecap="round"/>')
    if 'moustache' in extras:
        parts.append(f'<path d="M41 50.5 Q48 46.5 55 50.5 Q48 49.5 41 50.5 Z" fill="{HAIR["grey"]}" '
                     f'stroke="{HAIR["grey"]}" stroke-width="2" stroke-linejoin="round"/>')
    if 'glasses' in extras:
        parts.append(f'<g fill="none" stroke="{INK}" stroke-width="1.8">'
                     '<circle cx="41.5" cy="44" r="5.2"/><circle cx="54.5" cy="44" r="5.2"/>'
                     '<path d="M46.7 44 L49.3 44 M36.3 43 L32 41.5 M59.7 43 L64 41.5"/></g>')
    return parts


def hair_back(style, colour):
    if style == 'long':
        return [f'<path d="M29 42 C27 22 69 22 67 42 L70 72 Q48 78 26 72 Z" fill="{colour}"/>']
    if style == 'bob':
        return [f'<path d="M29 42 C27 21 69 21 67 42 L68 60 Q48 64 28 60 Z" fill="{colour}"/>']
    if style == 'ponytail':
        return [f'<path d="M60 30 Q80 32 76 58 Q73 66 70 60 Q72 44 60 38 Z" fill="{colour}"/>']
    if style == 'braids':
        parts = []
        for x in (30, 35, 61, 66):
            parts.append(f'<rect x="{x - 2.6}" y="36" width="5.2" height="36" rx="2.6" fill="{colour}"/>')
            for y in (44, 52, 60, 68):
                parts.append(f'<path d="M{x - 2.6} {y} L{x + 2.6} {y + 2}" stroke="{shade(colour, 1.8)}" '
                             'stroke-width="0.8"/>')
        return parts
    if style == 'puffs':
        return [f'<circle cx="29" cy="27" r="10" fill="{colour}"/>',
                f'<circle cx="67" cy="27" r="10" fill="{colour}"/>']
    if style == 'bun':
        return [f'<circle cx="48" cy="22" r="8" fill="{colour}"/>']
    if style == 'curls':
        parts = []
        for cx, cy in ((32, 36), (34, 28), (40, 23), (48, 21), (56, 23), (62, 28), (64, 36),
                       (31, 44), (65, 44)):
            parts.append(f'<circle cx="{cx}" cy="{cy}" r="7" fill="{colour}"/>')
        return parts
    return []


def hair_front(style, colour):
    cap = (f'<path d="M31 44 C28 20 68 20 65 44 C63 34 56 30 48 31 C40 31 34 35 31 44 Z" '
           f'fill="{colour}"/>')
    if style in ('short', 'long', 'ponytail', 'bun', 'puffs'):
        return [cap]
    if style == 'braids':
        return [cap, f'<path d="M48 25 L48 31" stroke="{shade(colour, 1.8)}" stroke-width="1"/>']
    if style == 'bob':
        return [f'<path d="M31 44 C28 20 68 20 65 44 L65 36 Q48 38 31 36 Z" fill="{colour}"/>']
    if style == 'fringe':
        return [f'<path d="M30 46 C26 18 70 18 66 46 L64 38 Q58 34 56 38 Q50 33 46 38 Q40 33 36 38 '
                f'Q33 36 30 46 Z" fill="{colour}"/>']
    if style == 'spiky':
        return [f'<path d="M31 42 L29 28 L36 31 L37 20 L44 27 L48 17 L52 27 L59 20 L60 31 L67 28 '
                f'L65 42 C60 33 36 33 31 42 Z" fill="{colour}"/>']
    if style == 'buzz':
        return [f'<path d="M31.5 40 C31 24 65 24 64.5 40 C58 32 38 32 31.5 40 Z" fill="{colour}" '
                'opacity="0.85"/>']
    if style == 'curls':
        parts = []
        for cx, cy in ((36, 32), (44, 28), (52, 28), (60, 32)):
            parts.append(f'<circle cx="{cx}" cy="{cy}" r="6" fill="{colour}"/>')
        return parts
    if style == 'bald':
        return [f'<path d="M31.5 47 Q30 40 32.5 37 L34 46 Z M64.5 47 Q66 40 63.5 37 L62 46 Z" '
                f'fill="{colour}"/>']
    if style == 'beanie':
        return [f'<path d="M30 40 C29 16 67 16 66 40 Z" fill="#e0554a"/>',
                '<rect x="28.5" y="35" width="39" height="8" rx="4" fill="#b93c33"/>',
                '<circle cx="48" cy="18" r="4.5" fill="#f4e9d8"/>']
    if style == 'patka':
        return [f'<path d="M30.5 41 C29 19 67 19 65.5 41 C60 35 36 35 30.5 41 Z" fill="#f0a02a"/>',
                '<circle cx="48" cy="22" r="6" fill="#d98a16"/>']
    return []


def hijab_back(colour):
    return [f'<path d="M26 46 C24 18 72 18 70 46 L72 76 Q48 86 24 76 Z" fill="{colour}"/>']


def hijab_front(colour):
    return [f'<path d="M30 46 C30 62 40 68 48 68 C56 68 66 62 66 46 L70 60 Q66 78 48 80 '
            f'Q30 78 26 60 Z" fill="{colour}"/>',
            f'<path d="M31 44 C30 25 66 25 65 44 C64 30 32 30 31 44 Z" fill="{shade(colour, 0.85)}"/>']


def body(colour):
    return [f'<path d="M17 96 C17 77 30 67 48 67 C66 67 79 77 79 96 Z" fill="{colour}"/>']


def wheelchair(dark):
    frame = '#d0d4da' if dark else '#4a4f57'
    return [f'<path d="M62 70 L62 92" stroke="{frame}" stroke-width="4" stroke-linecap="round"/>',
            f'<path d="M62 70 L70 66" stroke="{frame}" stroke-width="4" stroke-linecap="round"/>',
            f'<g fill="none" stroke="{frame}">'
            '<circle cx="27" cy="82" r="14" stroke-width="4"/>'
            '<circle cx="27" cy="82" r="10" stroke-width="1" stroke="#8a9099"/>'
            '<path d="M27 70 L27 94 M15 82 L39 82 M19 74 L35 90 M35 74 L19 90" stroke-width="1.2"/>'
            '</g>',
            f'<circle cx="27" cy="82" r="2.5" fill="{frame}"/>']


def hearing_aid():
    return ['<path d="M66.5 39.5 Q71.5 41 70 48 Q69 51 66.5 50" fill="none" stroke="#e0457b" '
            'stroke-width="3" stroke-linecap="round"/>']


def headphones():
    return ['<path d="M29 46 C27 16 69 16 67 46" fill="none" stroke="#33373d" stroke-width="4"/>',
            '<rect x="24.5" y="38" width="9" height="15" rx="4" fill="#3584e4"/>',
            '<rect x="62.5" y="38" width="9" height="15" rx="4" fill="#3584e4"/>']


def draw(character, dark):
    name, skin_key, hair_key, style, bg, shirt, extras = character
    background = PALETTE[bg][1 if dark else 0]
    parts = [f'<circle cx="48" cy="48" r="48" fill="{background}"/>']

    if 'question' in extras:
        figure = '#9aa1ab' if dark else '#6b7280'
        mark = '#1e2228' if dark else '#ffffff'
        parts += [f'<circle cx="48" cy="40" r="17" fill="{figure}"/>',
                  f'<path d="M17 96 C17 77 30 67 48 67 C66 67 79 77 79 96 Z" fill="{figure}"/>',
                  f'<path d="M42 35 Q42 28 48 28 Q54.5 28 54.5 34.5 Q54.5 39 48.5 41.5 L48.5 45" '
                  f'fill="none" stroke="{mark}" stroke-width="3.5" stroke-linecap="round"/>',
                  f'<circle cx="48.5" cy="51" r="2.3" fill="{mark}"/>']
    elif 'megaphone' in extras:
        body_colour = '#f6f5f4' if dark else '#ffffff'
        ink = '#f6f5f4' if dark else INK
        parts += [f'<path d="M26 40 L56 26 L56 70 L26 56 Z" fill="{body_colour}" '
                  f'stroke="{INK}" stroke-width="3" stroke-linejoin="round"/>',
                  f'<rect x="19" y="39" width="9" height="18" rx="3" fill="#e0603c" '
                  f'stroke="{INK}" stroke-width="3"/>',
                  f'<path d="M31 57 L35 72 L42 72 L39 60" fill="#e0603c" stroke="{INK}" '
                  'stroke-width="3" stroke-linejoin="round"/>',
                  f'<path d="M64 38 Q69 48 64 58 M70 32 Q78 48 70 64" fill="none" stroke="{ink}" '
                  'stroke-width="3" stroke-linecap="round"/>']
    elif 'you' in extras:
        # The reader: no skin tone or hair, so that anyone can be "you".
        figure = '#62a0ea' if dark else shirt
        face_colour = '#ffffff'
        parts += [f'<circle cx="48" cy="40" r="17" fill="{figure}"/>',
                  f'<path d="M17 96 C17 77 30 67 48 67 C66 67 79 77 79 96 Z" fill="{figure}"/>',
                  f'<circle cx="42" cy="39" r="2.3" fill="{face_colour}"/>',
                  f'<circle cx="54" cy="39" r="2.3" fill="{face_colour}"/>',
                  f'<path d="M42 46 Q48 51 54 46" fill="none" stroke="{face_colour}" '
                  'stroke-width="2.2" stroke-linecap="round"/>',
                  f'<path d="M48 74 L50.4 79.2 L56 79.8 L51.8 83.6 L53 89 L48 86.2 L43 89 L44.2 83.6 '
                  f'L40 79.8 L45.6 79.2 Z" fill="#f6d32d"/>']
    else:
        skin = SKIN[skin_key]
        hair = HAIR[hair_key] if hair_key else None
        shirt_colour = shade(shirt, 0.85) if dark else shirt
        if style in ('hijab', 'hijab-adult'):
            scarf = '#2a9d8f' if style == 'hijab' else '#8e5bb5'
            parts += hijab_back(scarf)
            parts += body(shirt_colour)
            parts += head(skin, ears=False)
            parts += hijab_front(scarf)
        else:
            parts += hair_back(style, hair)
            parts += body(shirt_colour)
            parts += head(skin)
            if 'hearing-aid' in extras:
                parts += hearing_aid()
            parts += hair_front(style, hair)
            if 'headphones' in extras:
                parts += headphones()
        parts += face(skin, extras)
        if 'wheelchair' in extras:
            parts += wheelchair(dark)

    body_svg = '\n  '.join(parts)
    # The comment goes inside <svg>: gdk-pixbuf sniffs only the first bytes
    # for "<svg" to pick its SVG loader.
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">\n'
            f'  <!-- Upstander avatar "{name}"{" (dark style)" if dark else ""}: drawn for Upstander by '
            'build-aux/draw-avatars.py, GPL-3.0-or-later -->\n'
            '  <defs><clipPath id="round"><circle cx="48" cy="48" r="48"/></clipPath></defs>\n'
            f'  <g clip-path="url(#round)">\n  {body_svg}\n  </g>\n</svg>\n')


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else 'data/avatars'
    os.makedirs(out, exist_ok=True)
    for character in CHARACTERS:
        for dark in (False, True):
            path = os.path.join(out, character[0] + ('-dark' if dark else '') + '.svg')
            with open(path, 'w', encoding='utf-8') as f:
                f.write(draw(character, dark))
    print(' '.join(c[0] for c in CHARACTERS))


if __name__ == '__main__':
    main()
