/* upstander-scenario.c: one story of a bundle, with its cast, scenes and endings
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-content"

#include "upstander-scenario-private.h"
#include "upstander-bundle.h"

#include <string.h>

enum {
  PROP_0,
  PROP_ID,
  PROP_BUNDLE_ID,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_AGE_MIN,
  PROP_AGE_MAX,
  PROP_MINUTES,
  PROP_TOPIC_NAMES,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (UpstanderScenario, upstander_scenario, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

UpstanderScenario *
_upstander_scenario_new (UpstanderBundle *bundle)
{
  UpstanderScenario *self = g_object_new (UPSTANDER_TYPE_SCENARIO, NULL);

  g_set_weak_pointer (&self->bundle, bundle);

  return self;
}

static void
upstander_scenario_finalize (GObject *object)
{
  UpstanderScenario *self = (UpstanderScenario *)object;

  g_clear_weak_pointer (&self->bundle);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, upstander_text_free);
  g_clear_pointer (&self->summary, upstander_text_free);
  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_pointer (&self->topic_store, g_ptr_array_unref);
  g_clear_pointer (&self->topic_ids, g_strfreev);
  g_clear_pointer (&self->goals, g_ptr_array_unref);
  g_clear_pointer (&self->content_notes, g_ptr_array_unref);
  g_clear_pointer (&self->plan_steps, g_ptr_array_unref);
  g_clear_pointer (&self->check_statements, g_ptr_array_unref);
  g_clear_pointer (&self->cast, g_ptr_array_unref);
  g_clear_pointer (&self->scenes, g_ptr_array_unref);
  g_clear_pointer (&self->endings, g_ptr_array_unref);
  g_clear_pointer (&self->scenes_by_id, g_hash_table_unref);
  g_clear_pointer (&self->endings_by_id, g_hash_table_unref);
  g_clear_pointer (&self->people_by_id, g_hash_table_unref);
  g_clear_pointer (&self->choices_by_id, g_hash_table_unref);
  g_clear_pointer (&self->search_keys, g_array_unref);
  g_clear_pointer (&self->sort_key, g_free);

  G_OBJECT_CLASS (upstander_scenario_parent_class)->finalize (object);
}

static void
upstander_scenario_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  UpstanderScenario *self = UPSTANDER_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_BUNDLE_ID:
      g_value_set_string (value, upstander_scenario_get_bundle_id (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, upstander_scenario_get_title (self));
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, upstander_scenario_get_summary (self));
      break;

    case PROP_AGE_MIN:
      g_value_set_uint (value, self->age_min);
      break;

    case PROP_AGE_MAX:
      g_value_set_uint (value, self->age_max);
      break;

    case PROP_MINUTES:
      g_value_set_uint (value, self->minutes);
      break;

    case PROP_TOPIC_NAMES:
      g_value_take_string (value, upstander_scenario_dup_topic_names (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_scenario_class_init (UpstanderScenarioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = upstander_scenario_finalize;
  object_class->get_property = upstander_scenario_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_BUNDLE_ID] =
    g_param_spec_string ("bundle-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_AGE_MIN] =
    g_param_spec_uint ("age-min", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_AGE_MAX] =
    g_param_spec_uint ("age-max", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_MINUTES] =
    g_param_spec_uint ("minutes", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TOPIC_NAMES] =
    g_param_spec_string ("topic-names", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upstander_scenario_init (UpstanderScenario *self)
{
  self->goals = upstander_text_array_new ();
  self->content_notes = upstander_text_array_new ();
  self->plan_steps = g_ptr_array_new_with_free_func (upstander_plan_step_free);
  self->check_statements = upstander_text_array_new ();
  self->topics = g_ptr_array_new ();
  self->cast = g_ptr_array_new_with_free_func (upstander_person_free);
  self->scenes = g_ptr_array_new_with_free_func (upstander_scene_free);
  self->endings = g_ptr_array_new_with_free_func (upstander_ending_free);
  self->scenes_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->endings_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->people_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->choices_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

UpstanderBundle *
upstander_scenario_get_bundle (UpstanderScenario *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), NULL);

  return self->bundle;
}

const char *
upstander_scenario_get_id (UpstanderScenario *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), NULL);

  return self->id;
}

const char *
upstander_scenario_get_bundle_id (UpstanderScenario *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), NULL);

  return self->bundle != NULL ? upstander_bundle_get_id (self->bundle) : NULL;
}

guint
upstander_scenario_get_version (UpstanderScenario *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), 0);

  return self->version;
}

guint
upstander_scenario_get_age_min (UpstanderScenario *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), 0);

  return self->age_min;
}

guint
upstander_scenario_get_age_max (UpstanderScenario *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), 0);

  return self->age_max;
}

guint
upstander_scenario_get_minutes (UpstanderScenario *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), 0);

  return self->minutes;
}

const char * const *
upstander_scenario_get_languages (UpstanderScenario *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), NULL);

  return self->bundle != NULL ? upstander_bundle_get_languages (self->bundle) : NULL;
}

/* The best variant of @text for the reader's languages, as the bundle knows them. */
const char *
upstander_scenario_translate (UpstanderScenario   *self,
                              const UpstanderText *text)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), NULL);

  if (text == NULL)
    return NULL;

  return upstander_text_get (text, upstander_scenario_get_languages (self));
}

const char *
upstander_scenario_get_title (UpstanderScenario *self)
{
  return upstander_scenario_translate (self, self->title);
}

const char *
upstander_scenario_get_summary (UpstanderScenario *self)
{
  return upstander_scenario_translate (self, self->summary);
}

/* The language the title is shown in: what `upstander --list` reports. */
const char *
upstander_scenario_get_language (UpstanderScenario *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), NULL);

  return upstander_scenario_get_text_language (self, self->title);
}

/*
 * The language of the variant of @text that upstander_scenario_translate()
 * picks: a line may fall back to another language than the story's, and
 * read aloud must then speak it in that one.
 */
const char *
upstander_scenario_get_text_language (UpstanderScenario   *self,
                                      const UpstanderText *text)
{
  const char *shown;

  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), NULL);

  if (text == NULL)
    return NULL;

  shown = upstander_scenario_translate (self, text);
  for (guint i = 0; i < upstander_text_get_n_variants (text); i++)
    {
      const char *lang;

      if (upstander_text_get_variant (text, i, &lang) == shown)
        return lang;
    }

  return upstander_text_get_original_language (text);
}

/* The scenario's topics, as names in the reader's language, joined by " · ". */
char *
upstander_scenario_dup_topic_names (UpstanderScenario *self)
{
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), NULL);

  for (guint i = 0; i < self->topics->len; i++)
    {
      const UpstanderTopic *topic = g_ptr_array_index (self->topics, i);

      if (i > 0)
        g_string_append (names, " · ");
      g_string_append (names, upstander_scenario_translate (self, topic->name));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

GPtrArray *
upstander_scenario_get_topics (UpstanderScenario *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), NULL);

  return self->topics;
}

GPtrArray *
upstander_scenario_get_goals (UpstanderScenario *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), NULL);

  return self->goals;
}

GPtrArray *
upstander_scenario_get_content_notes (UpstanderScenario *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), NULL);

  return self->content_notes;
}

/**
 * upstander_scenario_get_plan_steps:
 *
 * Returns: (transfer none) (element-type UpstanderPlanStep): the steps of
 *   the lesson plan the author wrote, in order; empty when the bundle gives
 *   none and the app composes one
 */
GPtrArray *
upstander_scenario_get_plan_steps (UpstanderScenario *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), NULL);

  return self->plan_steps;
}

/**
 * upstander_scenario_get_check_statements:
 *
 * Returns: (transfer none) (element-type UpstanderText): the statements of
 *   the before-and-after check the author wrote; empty when the bundle gives
 *   none
 */
GPtrArray *
upstander_scenario_get_check_statements (UpstanderScenario *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), NULL);

  return self->check_statements;
}

GPtrArray *
upstander_scenario_get_cast (UpstanderScenario *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), NULL);

  return self->cast;
}

GPtrArray *
upstander_scenario_get_scenes (UpstanderScenario *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), NULL);

  return self->scenes;
}

GPtrArray *
upstander_scenario_get_endings (UpstanderScenario *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), NULL);

  return self->endings;
}

guint
upstander_scenario_get_n_endings (UpstanderScenario *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), 0);

  return self->endings->len;
}

const UpstanderScene *
upstander_scenario_get_start (UpstanderScenario *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), NULL);

  for (guint i = 0; i < self->scenes->len; i++)
    {
      const UpstanderScene *scene = g_ptr_array_index (self->scenes, i);

      if (scene->is_start)
        return scene;
    }

  return NULL;
}

const UpstanderScene *
upstander_scenario_lookup_scene (UpstanderScenario *self,
                                 const char        *id)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->scenes_by_id, id);
}

const UpstanderEnding *
upstander_scenario_lookup_ending (UpstanderScenario *self,
                                  const char        *id)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->endings_by_id, id);
}

const UpstanderPerson *
upstander_scenario_lookup_person (UpstanderScenario *self,
                                  const char        *id)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->people_by_id, id);
}

const UpstanderChoice *
upstander_scenario_lookup_choice (UpstanderScenario *self,
                                  const char        *id)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->choices_by_id, id);
}

/*
 * What a search compares against: each text a card shows (title, summary,
 * topic names), in the reader's language, folded once. @source is the shown
 * text it was made from; texts never change after loading, so another
 * pointer there means another language, and the keys are made again.
 */
typedef struct
{
  const char *source;
  char       *folded;
} SearchKey;

static void
search_key_clear (gpointer data)
{
  SearchKey *key = data;

  g_clear_pointer (&key->folded, g_free);
}

static const UpstanderText *
searched_text (UpstanderScenario *self,
               guint              index)
{
  const UpstanderTopic *topic;

  if (index == 0)
    return self->title;
  if (index == 1)
    return self->summary;

  topic = g_ptr_array_index (self->topics, index - 2);

  return topic->name;
}

static GArray *
prepare_search_keys (UpstanderScenario *self)
{
  guint n_keys = 2 + self->topics->len;
  gboolean current = self->search_keys != NULL;

  for (guint i = 0; current && i < n_keys; i++)
    current = g_array_index (self->search_keys, SearchKey, i).source ==
              upstander_scenario_translate (self, searched_text (self, i));
  if (current)
    return self->search_keys;

  g_clear_pointer (&self->search_keys, g_array_unref);
  self->search_keys = g_array_sized_new (FALSE, TRUE, sizeof (SearchKey), n_keys);
  g_array_set_clear_func (self->search_keys, search_key_clear);
  for (guint i = 0; i < n_keys; i++)
    {
      SearchKey key;

      key.source = upstander_scenario_translate (self, searched_text (self, i));
      key.folded = key.source != NULL ? upstander_text_fold_for_search (key.source) : NULL;
      g_array_append_val (self->search_keys, key);
    }

  return self->search_keys;
}

/**
 * upstander_scenario_get_sort_key:
 *
 * The title's collation key (g_utf8_collate_key()) in the language shown,
 * made once per language: a catalogue sorts by strcmp() of these, and a
 * sort compares each story many times.
 *
 * Returns: (transfer none): the key, valid until the language changes
 */
const char *
upstander_scenario_get_sort_key (UpstanderScenario *self)
{
  const char *title;

  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), NULL);

  title = upstander_scenario_get_title (self);
  if (self->sort_key == NULL || self->sort_key_title != title)
    {
      g_free (self->sort_key);
      self->sort_key = g_utf8_collate_key (title != NULL ? title : "", -1);
      self->sort_key_title = title;
    }

  return self->sort_key;
}

/**
 * upstander_scenario_prepare_search:
 *
 * Folds what a search compares against now, in the languages shown, rather
 * than on the first search: for a catalogue to call while it is idle.
 */
void
upstander_scenario_prepare_search (UpstanderScenario *self)
{
  g_return_if_fail (UPSTANDER_IS_SCENARIO (self));

  prepare_search_keys (self);
}

/**
 * upstander_scenario_matches_folded:
 * @folded_query: a query as upstander_text_fold_for_search() returns it
 *
 * Search as you type, for a catalogue that folds the query once per
 * keystroke rather than once per story: whether @folded_query is in the
 * title, summary or a topic name.
 */
gboolean
upstander_scenario_matches_folded (UpstanderScenario *self,
                                   const char        *folded_query)
{
  GArray *keys;

  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), FALSE);

  if (folded_query == NULL || *folded_query == '\0')
    return TRUE;

  keys = prepare_search_keys (self);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *folded = g_array_index (keys, SearchKey, i).folded;

      if (folded != NULL && strstr (folded, folded_query) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* Search as you type: the query, case-folded, in the title, summary or a topic name. */
gboolean
upstander_scenario_matches_search (UpstanderScenario *self,
                                   const char        *query)
{
  g_autofree char *folded_query = NULL;

  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (self), FALSE);

  if (query == NULL || *query == '\0')
    return TRUE;

  folded_query = upstander_text_fold_for_search (query);

  return upstander_scenario_matches_folded (self, folded_query);
}

/* Called by the bundle when the reader's languages change: every shown text may. */
void
upstander_scenario_languages_changed (UpstanderScenario *self)
{
  g_return_if_fail (UPSTANDER_IS_SCENARIO (self));

  /* Made again in the new language by the next search or sort. */
  g_clear_pointer (&self->search_keys, g_array_unref);
  g_clear_pointer (&self->sort_key, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUMMARY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOPIC_NAMES]);
}
