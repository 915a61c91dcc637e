/* upstander-language-tag.h: the one check and spelling of a language tag
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How a language tag is written where it goes. */
typedef enum
{
  UPSTANDER_LANGUAGE_TAG_BCP47,   /* "zh-CN", "sr-Latn": xml:lang in a bundle */
  UPSTANDER_LANGUAGE_TAG_LOCALE,  /* "zh_CN", "sr@latin": LANGUAGE, po/LINGUAS, settings */
} UpstanderLanguageTagStyle;

#define UPSTANDER_LANGUAGE_TAG_MAX_LENGTH 35

char     *upstander_language_tag_normalize (const char                *tag,
                                            UpstanderLanguageTagStyle  style);
gboolean  upstander_language_tag_is_valid  (const char                *tag);
gboolean  upstander_language_matches       (const char                *wanted,
                                            const char                *tag);

G_END_DECLS
