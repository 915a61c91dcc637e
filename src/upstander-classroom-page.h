/* upstander-classroom-page.h: the presentation view of a classroom run: story, votes, reveal, discuss, summary
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "upstander-class-run.h"
#include "upstander-library.h"
#include "upstander-presentation.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_CLASSROOM_PAGE (upstander_classroom_page_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderClassroomPage, upstander_classroom_page, UPSTANDER, CLASSROOM_PAGE, GtkWidget)

UpstanderClassRun *upstander_classroom_page_get_run      (UpstanderClassroomPage *self);
void               upstander_classroom_page_set_run      (UpstanderClassroomPage *self,
                                                          UpstanderClassRun      *run);
UpstanderPresentation *upstander_classroom_page_get_presentation (UpstanderClassroomPage *self);
const char        *upstander_classroom_page_get_view     (UpstanderClassroomPage *self);
const char        *upstander_classroom_page_get_panel    (UpstanderClassroomPage *self);
int                upstander_classroom_page_get_selected (UpstanderClassroomPage *self);
gboolean           upstander_classroom_page_export_csv   (UpstanderClassroomPage *self,
                                                          GFile                  *file,
                                                          GError                **error);
gboolean           upstander_classroom_page_export_pdf   (UpstanderClassroomPage *self,
                                                          GFile                  *file,
                                                          GError                **error);

G_END_DECLS
