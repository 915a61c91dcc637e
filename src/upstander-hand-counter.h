/* upstander-hand-counter.h: a count of raised hands with − and + buttons, room-sized: the vote cards' and the check's
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UPSTANDER_TYPE_HAND_COUNTER (upstander_hand_counter_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderHandCounter, upstander_hand_counter, UPSTANDER, HAND_COUNTER, GtkWidget)

guint upstander_hand_counter_get_count   (UpstanderHandCounter *self);
void  upstander_hand_counter_set_count   (UpstanderHandCounter *self,
                                          guint                 count,
                                          const char           *spoken);
void  upstander_hand_counter_set_actions (UpstanderHandCounter *self,
                                          const char           *add_action,
                                          const char           *remove_action,
                                          guint                 target);
void  upstander_hand_counter_set_names   (UpstanderHandCounter *self,
                                          const char           *add_name,
                                          const char           *remove_name);

G_END_DECLS
