/* upstander-story-map-view.h: after an ending, the story's endings, found or hidden, and the ways to them
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "upstander-story-map.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_STORY_MAP_VIEW (upstander_story_map_view_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderStoryMapView, upstander_story_map_view, UPSTANDER, STORY_MAP_VIEW, GtkWidget)

GtkWidget         *upstander_story_map_view_new     (UpstanderStoryMap     *map);
UpstanderStoryMap *upstander_story_map_view_get_map (UpstanderStoryMapView *self);
void               upstander_story_map_view_set_map (UpstanderStoryMapView *self,
                                                     UpstanderStoryMap     *map);

G_END_DECLS
