/* upstander-language.h: the languages Upstander offers, and switching between them
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "upstander-language-tag.h"

G_BEGIN_DECLS

typedef struct
{
  const char *code;   /* as in LANGUAGE and po/LINGUAS: "fr", "zh_CN" */
  const char *name;   /* in the language itself: "Français" */
} UpstanderLanguage;

void                     upstander_language_bind_textdomain (void);
const UpstanderLanguage *upstander_language_get_all   (guint      *n_languages);
void                     upstander_language_apply     (const char *code);
char                    *upstander_language_isolate   (const char *text);

G_END_DECLS
