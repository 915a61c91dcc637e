/* upstander-handout.h: the lesson handout of a story, and the class summary, as documents
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "upstander-class-run.h"
#include "upstander-document.h"
#include "upstander-library.h"

G_BEGIN_DECLS

const char        *upstander_disclosure_advice    (void);
char              *upstander_format_elapsed       (gint64              microseconds);
char              *upstander_format_check_counts  (UpstanderClassCheck *check,
                                                   guint                index);
UpstanderDocument *upstander_handout_new          (UpstanderScenario  *scenario,
                                                   UpstanderLibrary   *library,
                                                   const char         *region);
UpstanderDocument *upstander_class_summary_new    (UpstanderClassRun  *run,
                                                   UpstanderLibrary   *library,
                                                   const char         *region);

G_END_DECLS
