/* upstander-story-map.h: which decisions lead to which endings of a story, and which were found
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "upstander-scenario.h"
#include "upstander-session.h"

G_BEGIN_DECLS

/* One decision on the way to an ending: at @scene, @choice was (or would be) made. */
typedef struct
{
  const UpstanderScene  *scene;
  const UpstanderChoice *choice;
  gboolean               taken;   /* made at this scene in the playthrough the map was built for */
} UpstanderMapStep;

#define UPSTANDER_TYPE_STORY_MAP (upstander_story_map_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderStoryMap, upstander_story_map, UPSTANDER, STORY_MAP, GObject)

UpstanderStoryMap     *upstander_story_map_new              (UpstanderScenario  *scenario,
                                                             const char * const *found_endings,
                                                             const char * const *taken_choices);
UpstanderStoryMap     *upstander_story_map_new_for_session  (UpstanderSession   *session);
UpstanderScenario     *upstander_story_map_get_scenario     (UpstanderStoryMap  *self);
guint                  upstander_story_map_get_n_endings    (UpstanderStoryMap  *self);
const UpstanderEnding *upstander_story_map_get_ending       (UpstanderStoryMap  *self,
                                                             guint               index);
gboolean               upstander_story_map_get_found        (UpstanderStoryMap  *self,
                                                             guint               index);
gboolean               upstander_story_map_get_reached      (UpstanderStoryMap  *self,
                                                             guint               index);
GPtrArray             *upstander_story_map_get_path         (UpstanderStoryMap  *self,
                                                             guint               index);
guint                  upstander_story_map_get_n_found      (UpstanderStoryMap  *self);

G_END_DECLS
