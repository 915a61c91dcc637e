/* upstander-region.h: countries and territories by ISO 3166-1 code, named in the reader's language
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean    upstander_region_is_known           (const char *code);
char       *upstander_region_parse              (const char *text);
char       *upstander_region_from_locale        (void);
const char *upstander_region_get_name           (const char *code);
GStrv       upstander_region_dup_codes_by_name  (void);

G_END_DECLS
