/* upstander-scenario.h: one story of a bundle, with its cast, scenes and endings
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "upstander-model.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_SCENARIO (upstander_scenario_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderScenario, upstander_scenario, UPSTANDER, SCENARIO, GObject)

typedef struct _UpstanderBundle UpstanderBundle;

UpstanderBundle        *upstander_scenario_get_bundle        (UpstanderScenario *self);
const char             *upstander_scenario_get_id            (UpstanderScenario *self);
const char             *upstander_scenario_get_bundle_id     (UpstanderScenario *self);
guint                   upstander_scenario_get_version       (UpstanderScenario *self);
guint                   upstander_scenario_get_age_min       (UpstanderScenario *self);
guint                   upstander_scenario_get_age_max       (UpstanderScenario *self);
guint                   upstander_scenario_get_minutes       (UpstanderScenario *self);
const char             *upstander_scenario_get_title         (UpstanderScenario *self);
const char             *upstander_scenario_get_summary       (UpstanderScenario *self);
const char             *upstander_scenario_get_language      (UpstanderScenario *self);
const char * const     *upstander_scenario_get_languages     (UpstanderScenario *self);
const char             *upstander_scenario_translate         (UpstanderScenario   *self,
                                                              const UpstanderText *text);
const char             *upstander_scenario_get_text_language (UpstanderScenario   *self,
                                                              const UpstanderText *text);
char                   *upstander_scenario_dup_topic_names   (UpstanderScenario *self);
GPtrArray              *upstander_scenario_get_topics        (UpstanderScenario *self);
GPtrArray              *upstander_scenario_get_goals         (UpstanderScenario *self);
GPtrArray              *upstander_scenario_get_content_notes (UpstanderScenario *self);
GPtrArray              *upstander_scenario_get_plan_steps    (UpstanderScenario *self);
GPtrArray              *upstander_scenario_get_check_statements (UpstanderScenario *self);
GPtrArray              *upstander_scenario_get_cast          (UpstanderScenario *self);
GPtrArray              *upstander_scenario_get_scenes        (UpstanderScenario *self);
GPtrArray              *upstander_scenario_get_endings       (UpstanderScenario *self);
const UpstanderScene   *upstander_scenario_get_start         (UpstanderScenario *self);
const UpstanderScene   *upstander_scenario_lookup_scene      (UpstanderScenario *self,
                                                              const char        *id);
const UpstanderEnding  *upstander_scenario_lookup_ending     (UpstanderScenario *self,
                                                              const char        *id);
const UpstanderPerson  *upstander_scenario_lookup_person     (UpstanderScenario *self,
                                                              const char        *id);
const UpstanderChoice  *upstander_scenario_lookup_choice     (UpstanderScenario *self,
                                                              const char        *id);
guint                   upstander_scenario_get_n_endings     (UpstanderScenario *self);
gboolean                upstander_scenario_matches_search    (UpstanderScenario *self,
                                                              const char        *query);
const char             *upstander_scenario_get_sort_key      (UpstanderScenario *self);
void                    upstander_scenario_prepare_search    (UpstanderScenario *self);
gboolean                upstander_scenario_matches_folded    (UpstanderScenario *self,
                                                              const char        *folded_query);
void                    upstander_scenario_languages_changed (UpstanderScenario *self);

G_END_DECLS
