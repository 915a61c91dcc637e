/* upstander-player.h: plays one session: scenes, choices, feedback, endings
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "upstander-progress.h"
#include "upstander-session.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_PLAYER (upstander_player_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderPlayer, upstander_player, UPSTANDER, PLAYER, GtkWidget)

UpstanderSession *upstander_player_get_session  (UpstanderPlayer   *self);
void              upstander_player_set_session  (UpstanderPlayer   *self,
                                                 UpstanderSession  *session);
void              upstander_player_set_progress (UpstanderPlayer   *self,
                                                 UpstanderProgress *progress);
const char       *upstander_player_get_view     (UpstanderPlayer   *self);
void              upstander_player_restore_focus (UpstanderPlayer   *self);

void              upstander_player_take_place   (UpstanderPlayer   *self,
                                                 UpstanderPlayer   *other);
char             *upstander_player_dup_reading  (UpstanderPlayer   *self,
                                                 char             **item,
                                                 char             **language);
void              upstander_player_set_reading_highlight (UpstanderPlayer *self,
                                                          gboolean         highlight);

G_END_DECLS
