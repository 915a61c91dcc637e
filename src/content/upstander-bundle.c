/* upstander-bundle.c: a loaded, checked bundle of scenarios, help and guides
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-content"

#include "upstander-bundle-private.h"

G_DEFINE_FINAL_TYPE (UpstanderBundle, upstander_bundle, G_TYPE_OBJECT)

G_DEFINE_QUARK (upstander-bundle-error-quark, upstander_bundle_error)

UpstanderBundle *
_upstander_bundle_new (void)
{
  return g_object_new (UPSTANDER_TYPE_BUNDLE, NULL);
}

static void
upstander_bundle_finalize (GObject *object)
{
  UpstanderBundle *self = (UpstanderBundle *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->lang, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->name, upstander_text_free);
  g_clear_pointer (&self->description, upstander_text_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->license, g_free);
  g_clear_pointer (&self->topics_by_id, g_hash_table_unref);
  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_pointer (&self->scenarios, g_ptr_array_unref);
  g_clear_pointer (&self->help, g_ptr_array_unref);
  g_clear_pointer (&self->guides, g_ptr_array_unref);
  g_clear_pointer (&self->languages, g_strfreev);

  G_OBJECT_CLASS (upstander_bundle_parent_class)->finalize (object);
}

static void
upstander_bundle_class_init (UpstanderBundleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = upstander_bundle_finalize;
}

static void
upstander_bundle_init (UpstanderBundle *self)
{
  self->topics = g_ptr_array_new_with_free_func (upstander_topic_free);
  self->topics_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->scenarios = g_ptr_array_new_with_free_func (g_object_unref);
  self->help = g_ptr_array_new_with_free_func (upstander_help_free);
  self->guides = g_ptr_array_new_with_free_func (upstander_guide_free);
}

const char *
upstander_bundle_get_id (UpstanderBundle *self)
{
  g_return_val_if_fail (UPSTANDER_IS_BUNDLE (self), NULL);

  return self->id;
}

guint
upstander_bundle_get_version (UpstanderBundle *self)
{
  g_return_val_if_fail (UPSTANDER_IS_BUNDLE (self), 0);

  return self->version;
}

const char *
upstander_bundle_get_language (UpstanderBundle *self)
{
  g_return_val_if_fail (UPSTANDER_IS_BUNDLE (self), NULL);

  return self->lang;
}

/* Where the bundle came from: a path or a resource path, as diagnostics name it. */
const char *
upstander_bundle_get_source (UpstanderBundle *self)
{
  g_return_val_if_fail (UPSTANDER_IS_BUNDLE (self), NULL);

  return self->source;
}

const char *
upstander_bundle_get_name (UpstanderBundle *self)
{
  g_return_val_if_fail (UPSTANDER_IS_BUNDLE (self), NULL);

  return upstander_bundle_translate (self, self->name);
}

const char *
upstander_bundle_get_author (UpstanderBundle *self)
{
  g_return_val_if_fail (UPSTANDER_IS_BUNDLE (self), NULL);

  return self->author;
}

const char *
upstander_bundle_get_license (UpstanderBundle *self)
{
  g_return_val_if_fail (UPSTANDER_IS_BUNDLE (self), NULL);

  return self->license;
}

GPtrArray *
upstander_bundle_get_scenarios (UpstanderBundle *self)
{
  g_return_val_if_fail (UPSTANDER_IS_BUNDLE (self), NULL);

  return self->scenarios;
}

GPtrArray *
upstander_bundle_get_topics (UpstanderBundle *self)
{
  g_return_val_if_fail (UPSTANDER_IS_BUNDLE (self), NULL);

  return self->topics;
}

GPtrArray *
upstander_bundle_get_help (UpstanderBundle *self)
{
  g_return_val_if_fail (UPSTANDER_IS_BUNDLE (self), NULL);

  return self->help;
}

GPtrArray *
upstander_bundle_get_guides (UpstanderBundle *self)
{
  g_return_val_if_fail (UPSTANDER_IS_BUNDLE (self), NULL);

  return self->guides;
}

const UpstanderGuide *
upstander_bundle_lookup_guide (UpstanderBundle *self,
                               const char      *id)
{
  g_return_val_if_fail (UPSTANDER_IS_BUNDLE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->guides->len; i++)
    {
      const UpstanderGuide *guide = g_ptr_array_index (self->guides, i);

      if (g_strcmp0 (guide->id, id) == 0)
        return guide;
    }

  return NULL;
}

UpstanderScenario *
upstander_bundle_lookup_scenario (UpstanderBundle *self,
                                  const char      *id)
{
  g_return_val_if_fail (UPSTANDER_IS_BUNDLE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->scenarios->len; i++)
    {
      UpstanderScenario *scenario = g_ptr_array_index (self->scenarios, i);

      if (g_strcmp0 (scenario->id, id) == 0)
        return scenario;
    }

  return NULL;
}

/* The reader's languages, best first: those set, else the system's. */
const char * const *
upstander_bundle_get_languages (UpstanderBundle *self)
{
  g_return_val_if_fail (UPSTANDER_IS_BUNDLE (self), NULL);

  if (self->languages != NULL)
    return (const char * const *) self->languages;

  return g_get_language_names ();
}

/**
 * upstander_bundle_set_languages:
 * @languages: (nullable): the reader's languages, best first; %NULL for the system's
 *
 * Changes which variant of every text the bundle and its scenarios show, and
 * notifies the scenarios' text properties.
 */
void
upstander_bundle_set_languages (UpstanderBundle    *self,
                                const char * const *languages)
{
  g_return_if_fail (UPSTANDER_IS_BUNDLE (self));

  if (self->languages == NULL && languages == NULL)
    return;
  if (self->languages != NULL && languages != NULL &&
      g_strv_equal ((const char * const *) self->languages, languages))
    return;

  g_strfreev (self->languages);
  self->languages = g_strdupv ((char **) languages);

  for (guint i = 0; i < self->scenarios->len; i++)
    upstander_scenario_languages_changed (g_ptr_array_index (self->scenarios, i));
}

const char *
upstander_bundle_translate (UpstanderBundle     *self,
                            const UpstanderText *text)
{
  g_return_val_if_fail (UPSTANDER_IS_BUNDLE (self), NULL);

  if (text == NULL)
    return NULL;

  return upstander_text_get (text, upstander_bundle_get_languages (self));
}
