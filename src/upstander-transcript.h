/* upstander-transcript.h: the rows of a list of line items, kept in step with it
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UPSTANDER_TYPE_TRANSCRIPT (upstander_transcript_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderTranscript, upstander_transcript, UPSTANDER, TRANSCRIPT, GtkBox)

GtkWidget  *upstander_transcript_new       (void);
GListModel *upstander_transcript_get_model (UpstanderTranscript *self);
void        upstander_transcript_set_model (UpstanderTranscript *self,
                                            GListModel          *model);
void        upstander_transcript_type_last_line (UpstanderTranscript *self);
gboolean    upstander_transcript_get_typing (UpstanderTranscript *self);
void        upstander_transcript_set_typing (UpstanderTranscript *self,
                                             gboolean             typing);
gboolean    upstander_transcript_get_line_pending (UpstanderTranscript *self);
gboolean    upstander_transcript_finish_typing (UpstanderTranscript *self);
int         upstander_transcript_get_avatar_size (UpstanderTranscript *self);
void        upstander_transcript_set_avatar_size (UpstanderTranscript *self,
                                                  int                  size);

G_END_DECLS
