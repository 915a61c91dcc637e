/* upstander-note-view.h: the content note shown before a story starts
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "upstander-scenario.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_NOTE_VIEW (upstander_note_view_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderNoteView, upstander_note_view, UPSTANDER, NOTE_VIEW, GtkWidget)

GtkWidget         *upstander_note_view_new          (UpstanderScenario *scenario);
UpstanderScenario *upstander_note_view_get_scenario (UpstanderNoteView *self);
void               upstander_note_view_set_scenario (UpstanderNoteView *self,
                                                     UpstanderScenario *scenario);
GtkWidget         *upstander_note_view_get_card     (UpstanderNoteView *self);
GtkWidget         *upstander_note_view_get_start    (UpstanderNoteView *self);

G_END_DECLS
