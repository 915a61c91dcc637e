/* upstander-text.h: a translatable text that keeps every language variant
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "upstander-language-tag.h"

G_BEGIN_DECLS

typedef struct _UpstanderText UpstanderText;

UpstanderText *upstander_text_new            (const char          *lang,
                                              const char          *value);
UpstanderText *upstander_text_copy           (const UpstanderText *self);
void           upstander_text_free           (UpstanderText       *self);
gboolean       upstander_text_add_variant    (UpstanderText       *self,
                                              const char          *lang,
                                              const char          *value);
const char    *upstander_text_get            (const UpstanderText *self,
                                              const char * const  *languages);
const char    *upstander_text_get_original   (const UpstanderText *self);
const char    *upstander_text_get_original_language (const UpstanderText *self);
guint          upstander_text_get_n_variants (const UpstanderText *self);
const char    *upstander_text_get_variant    (const UpstanderText *self,
                                              guint                index,
                                              const char         **lang);
const char    *upstander_text_lookup         (const UpstanderText *self,
                                              const char          *lang);

gboolean       upstander_text_script_has_italics (const char *text);
char          *upstander_text_isolate_ltr_runs   (const char *text);

char          *upstander_text_fold_for_search (const char         *text);

gboolean       upstander_text_is_forbidden_char (gunichar c);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UpstanderText, upstander_text_free)

G_END_DECLS
