/* upstander-region.c: countries and territories by ISO 3166-1 code, named in the reader's language
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-content"

#include "upstander-region.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "upstander-iso-regions.h"

/*
 * The codes and English names come from the iso-codes package at build time
 * (build-aux/iso-regions.py); their translations come from its gettext domain
 * at run time, so every name follows the interface language. This is the one
 * place that turns a locale or a user's text into a region code.
 */

#define ISO_DOMAIN "iso_3166-1"

static const UpstanderIsoRegion *
lookup (const char *code)
{
  if (code == NULL || strlen (code) != 2)
    return NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (iso_regions); i++)
    {
      if (strcmp (iso_regions[i].code, code) == 0)
        return &iso_regions[i];
    }

  return NULL;
}

/* Whether @code is an ISO 3166-1 alpha-2 code, in capitals, such as "GB". */
gboolean
upstander_region_is_known (const char *code)
{
  return lookup (code) != NULL;
}

/**
 * upstander_region_parse:
 * @text: (nullable): what a person typed, such as "gb"
 *
 * Returns: (transfer full) (nullable): the ISO 3166-1 code @text names, in
 *   capitals, or %NULL when it names none
 */
char *
upstander_region_parse (const char *text)
{
  g_autofree char *code = NULL;

  if (text == NULL || strlen (text) != 2)
    return NULL;

  code = g_ascii_strup (text, -1);

  return upstander_region_is_known (code) ? g_steal_pointer (&code) : NULL;
}

/* The territory of a locale name such as "pt_BR.UTF-8@euro", if it is a known code. */
static char *
region_of_locale (const char *locale)
{
  const char *underscore;
  g_autofree char *territory = NULL;
  gsize length;

  if (locale == NULL || (underscore = strchr (locale, '_')) == NULL)
    return NULL;

  length = strcspn (underscore + 1, ".@");
  if (length != 2)
    return NULL;

  territory = g_strndup (underscore + 1, length);

  return upstander_region_parse (territory);
}

/**
 * upstander_region_from_locale:
 *
 * Where the reader probably is: the territory of `LC_ADDRESS`, else of
 * `LC_MESSAGES`, else of `LANG` — or of `LC_ALL` alone when it is set, as it
 * overrides them all. `LANGUAGE` names languages, not places, and is not read.
 *
 * Returns: (transfer full) (nullable): an ISO 3166-1 code, or %NULL when the
 *   locale names no known territory
 */
char *
upstander_region_from_locale (void)
{
  static const char * const variables[] = { "LC_ADDRESS", "LC_MESSAGES", "LANG" };
  const char *all = g_getenv ("LC_ALL");

  if (all != NULL && all[0] != '\0')
    return region_of_locale (all);

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      char *region = region_of_locale (g_getenv (variables[i]));

      if (region != NULL)
        return region;
    }

  return NULL;
}

static void
ensure_domain (void)
{
  static gsize bound = 0;

  if (g_once_init_enter (&bound))
    {
      bind_textdomain_codeset (ISO_DOMAIN, "UTF-8");
      g_once_init_leave (&bound, 1);
    }
}

/**
 * upstander_region_get_name:
 * @code: an ISO 3166-1 code
 *
 * Returns: (nullable): the name of the region in the interface language,
 *   its everyday name where iso-codes has one ("Taiwan", "South Korea") and
 *   that is translated, or %NULL for an unknown code
 */
const char *
upstander_region_get_name (const char *code)
{
  const UpstanderIsoRegion *region = lookup (code);
  const char *name;

  if (region == NULL)
    return NULL;

  ensure_domain ();

  if (region->common_name != NULL)
    {
      name = g_dgettext (ISO_DOMAIN, region->common_name);
      if (name != region->common_name)
        return name;
    }

  name = g_dgettext (ISO_DOMAIN, region->name);
  if (name != region->name || region->common_name == NULL)
    return name;

  /* Neither is translated: English, or a language iso-codes lacks. */
  return region->common_name;
}

typedef struct
{
  const char *code;
  char       *key;
} SortEntry;

static int
compare_entries (const void *a,
                 const void *b)
{
  return strcmp (((const SortEntry *) a)->key, ((const SortEntry *) b)->key);
}

/**
 * upstander_region_dup_codes_by_name:
 *
 * Returns: (transfer full): every ISO 3166-1 code, in the order of their
 *   names in the interface language
 */
GStrv
upstander_region_dup_codes_by_name (void)
{
  SortEntry entries[G_N_ELEMENTS (iso_regions)];
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (iso_regions); i++)
    {
      entries[i].code = iso_regions[i].code;
      entries[i].key = g_utf8_collate_key (upstander_region_get_name (iso_regions[i].code), -1);
    }

  qsort (entries, G_N_ELEMENTS (entries), sizeof (SortEntry), compare_entries);

  for (gsize i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_strv_builder_add (codes, entries[i].code);
      g_free (entries[i].key);
    }

  return g_strv_builder_end (codes);
}
