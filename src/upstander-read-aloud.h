/* upstander-read-aloud.h: what "Read aloud" reads in a window, and when
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "upstander-player.h"
#include "upstander-settings.h"
#include "upstander-speaker.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_READ_ALOUD (upstander_read_aloud_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderReadAloud, upstander_read_aloud, UPSTANDER, READ_ALOUD, GObject)

UpstanderReadAloud *upstander_read_aloud_new          (UpstanderSpeaker   *speaker,
                                                       UpstanderSettings  *settings,
                                                       UpstanderPlayer    *player,
                                                       GtkStack           *stack);
gboolean            upstander_read_aloud_get_can_read (UpstanderReadAloud *self);
gboolean            upstander_read_aloud_get_speaking (UpstanderReadAloud *self);
const char         *upstander_read_aloud_get_tooltip  (UpstanderReadAloud *self);
void                upstander_read_aloud_toggle       (UpstanderReadAloud *self);

G_END_DECLS
