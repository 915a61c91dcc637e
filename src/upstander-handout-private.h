/* upstander-handout-private.h: the pieces every document of the lesson kit draws the same way
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "upstander-handout.h"

G_BEGIN_DECLS

void        _upstander_handout_add_line   (UpstanderDocument    *doc,
                                           UpstanderScenario    *scenario,
                                           const UpstanderLine  *line,
                                           guint                 indent);
void        _upstander_handout_add_texts  (UpstanderDocument    *doc,
                                           UpstanderScenario    *scenario,
                                           UpstanderDocStyle     style,
                                           guint                 indent,
                                           GPtrArray            *texts,
                                           gboolean              bullets);
void        _upstander_handout_add_help   (UpstanderDocument    *doc,
                                           UpstanderLibrary     *library,
                                           const char           *region);

G_END_DECLS
