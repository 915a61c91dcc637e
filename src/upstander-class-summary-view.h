/* upstander-class-summary-view.h: what a class chose at every decision, its ending, and the check's counts
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "upstander-class-run.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_CLASS_SUMMARY_VIEW (upstander_class_summary_view_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderClassSummaryView, upstander_class_summary_view, UPSTANDER, CLASS_SUMMARY_VIEW, AdwBin)

GtkWidget         *upstander_class_summary_view_new     (UpstanderClassRun         *run);
UpstanderClassRun *upstander_class_summary_view_get_run (UpstanderClassSummaryView *self);
void               upstander_class_summary_view_set_run (UpstanderClassSummaryView *self,
                                                         UpstanderClassRun         *run);

G_END_DECLS
