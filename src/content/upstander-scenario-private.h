/* upstander-scenario-private.h: how the loader fills in a scenario
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "upstander-scenario.h"

G_BEGIN_DECLS

struct _UpstanderScenario
{
  GObject parent_instance;

  /* Weak: the bundle owns its scenarios. Whoever keeps a scenario past the
   * library's life (a session, say) keeps its bundle too. Without it, texts
   * fall back to the original language. */
  UpstanderBundle *bundle;

  char      *id;
  guint      version;
  guint      age_min;
  guint      age_max;
  guint      minutes;
  guint      line;

  UpstanderText *title;
  UpstanderText *summary;
  GPtrArray *topics;         /* UpstanderTopic, each once, owned by topic_store */
  GPtrArray *topic_store;    /* the bundle's topics, kept alive for as long as this */
  GStrv      topic_ids;
  GPtrArray *goals;          /* UpstanderText */
  GPtrArray *content_notes;  /* UpstanderText */
  GPtrArray *plan_steps;     /* UpstanderPlanStep: the author's lesson plan, else empty */
  GPtrArray *check_statements; /* UpstanderText: the author's before-and-after check, else empty */
  GPtrArray *cast;           /* UpstanderPerson */
  GPtrArray *scenes;         /* UpstanderScene, in file order */
  GPtrArray *endings;        /* UpstanderEnding, in file order */

  GHashTable *scenes_by_id;
  GHashTable *endings_by_id;
  GHashTable *people_by_id;
  GHashTable *choices_by_id;

  GArray     *search_keys;   /* SearchKey, made by the first search in a language */
  const char *sort_key_title;  /* the shown title sort_key was made from */
  char       *sort_key;
};

UpstanderScenario *_upstander_scenario_new (UpstanderBundle *bundle);

G_END_DECLS
