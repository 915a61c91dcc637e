/* upstander-ending-view.h: how a story ended, and what to remember
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "upstander-ending-item.h"
#include "upstander-story-map.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_ENDING_VIEW (upstander_ending_view_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderEndingView, upstander_ending_view, UPSTANDER, ENDING_VIEW, GtkWidget)

GtkWidget           *upstander_ending_view_new        (UpstanderEndingItem *ending);
UpstanderEndingItem *upstander_ending_view_get_ending (UpstanderEndingView *self);
void                 upstander_ending_view_set_ending (UpstanderEndingView *self,
                                                       UpstanderEndingItem *ending);
GtkWidget           *upstander_ending_view_get_title  (UpstanderEndingView *self);
UpstanderStoryMap   *upstander_ending_view_get_story_map (UpstanderEndingView *self);
void                 upstander_ending_view_set_story_map (UpstanderEndingView *self,
                                                          UpstanderStoryMap   *story_map);
void                 upstander_ending_view_set_can_rewind (UpstanderEndingView *self,
                                                           gboolean             can_rewind);
void                 upstander_ending_view_set_guide    (UpstanderEndingView *self,
                                                         GtkWidget           *guide_button);
GtkWidget           *upstander_ending_view_get_way_on   (UpstanderEndingView *self);

G_END_DECLS
