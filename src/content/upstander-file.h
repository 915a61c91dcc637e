/* upstander-file.h: writing a whole file so that a reader sees the old one or the new one, never half
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean upstander_file_replace       (const char  *path,
                                       const char  *contents,
                                       gsize        length,
                                       int          mode,
                                       GError     **error);
gboolean upstander_file_save          (const char  *path,
                                       const char  *contents,
                                       gsize        length,
                                       int          mode,
                                       GError     **error);
gboolean upstander_file_is_temporary  (const char  *name,
                                       const char  *base);

G_END_DECLS
