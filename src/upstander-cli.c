/* upstander-cli.c: the commands that need no display (--validate, --list, --handout and the lesson kit)
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "upstander-cli.h"
#include "upstander-handout.h"
#include "upstander-lesson-kit.h"
#include "upstander-library.h"
#include "upstander-settings.h"

/*
 * Output is for authors and scripts: one diagnostic a line on stdout in the
 * FILE:LINE[:COL]: severity: message form that editors understand, nothing
 * else on success.
 */

static void
print_diagnostics (GPtrArray *diagnostics)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = upstander_diagnostic_format (g_ptr_array_index (diagnostics, i));

      g_print ("%s\n", line);
    }
}

/**
 * upstander_cli_validate:
 * @files: paths of bundles
 *
 * Returns: 0 when every bundle is valid (warnings allowed), 1 when any has
 *   errors, 2 when any could not be read at all
 */
int
upstander_cli_validate (const char * const *files)
{
  int status = UPSTANDER_VALIDATE_OK;

  if (files == NULL || files[0] == NULL)
    {
      g_printerr ("upstander: --validate needs at least one bundle file\n");
      return UPSTANDER_VALIDATE_UNREADABLE;
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(UpstanderBundle) bundle = NULL;
      g_autoptr(GError) error = NULL;

      bundle = upstander_bundle_load_file (file, NULL, diagnostics, &error);
      print_diagnostics (diagnostics);

      if (g_error_matches (error, UPSTANDER_BUNDLE_ERROR, UPSTANDER_BUNDLE_ERROR_READ))
        status = UPSTANDER_VALIDATE_UNREADABLE;
      else if (bundle == NULL && status == UPSTANDER_VALIDATE_OK)
        status = UPSTANDER_VALIDATE_ERRORS;
    }

  return status;
}

/*
 * The stories the app would offer, as an administrator set it up: the
 * user's own bundles only when `user-bundles` allows, and only stories for
 * the `age-bands` offered.
 */
static UpstanderLibrary *
offered_library_new (UpstanderSettings *settings)
{
  return upstander_library_new_full (upstander_settings_get_user_bundles (settings));
}

static gboolean
scenario_offered (UpstanderSettings *settings,
                  UpstanderScenario *scenario)
{
  return upstander_settings_get_ages_offered (settings,
                                              upstander_scenario_get_age_min (scenario),
                                              upstander_scenario_get_age_max (scenario));
}

/* Every scenario the app would show: bundle, id, language and title, tab-separated. */
int
upstander_cli_list (void)
{
  g_autoptr(UpstanderSettings) settings = upstander_settings_new ();
  g_autoptr(UpstanderLibrary) library = offered_library_new (settings);
  guint n_items;

  upstander_library_load (library);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (library));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(UpstanderScenario) scenario = g_list_model_get_item (G_LIST_MODEL (library), i);

      if (!scenario_offered (settings, scenario))
        continue;

      g_print ("%s\t%s\t%s\t%s\n",
               upstander_scenario_get_bundle_id (scenario),
               upstander_scenario_get_id (scenario),
               upstander_scenario_get_language (scenario),
               upstander_scenario_get_title (scenario));
    }

  /* Problems in bundles the app skips go to stderr: the list stays parseable. */
  for (guint i = 0; i < upstander_library_get_diagnostics (library)->len; i++)
    {
      g_autofree char *line = upstander_diagnostic_format (g_ptr_array_index (upstander_library_get_diagnostics (library), i));

      g_printerr ("%s\n", line);
    }

  return 0;
}

/* What --handout and the lesson kit's options write; the handout is not a kit document. */
#define HANDOUT (-1)

static int
write_story_document (const char *option,
                      int         kind,
                      const char *scenario_id,
                      const char *output,
                      const char *language,
                      const char *region)
{
  g_autoptr(UpstanderSettings) settings = upstander_settings_new ();
  g_autoptr(UpstanderLibrary) library = NULL;
  g_autoptr(UpstanderDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *effective_region = NULL;
  UpstanderScenario *scenario = NULL;
  const char *slash;
  guint n_items;

  if (output == NULL || output[0] == '\0')
    {
      /* Translators: %s is the option given, such as --handout or --worksheet */
      g_printerr (_("upstander: %s needs --output FILE.pdf\n"), option);
      return 2;
    }
  if (language != NULL)
    {
      g_autofree char *lang = upstander_language_tag_normalize (language, UPSTANDER_LANGUAGE_TAG_LOCALE);

      if (lang == NULL)
        {
          g_printerr (_("upstander: “%s” is not a language code such as “fr” or “zh_CN”\n"), language);
          return 2;
        }
      /* Interface strings and story text both follow LANGUAGE (TESTING.md). */
      g_setenv ("LANGUAGE", lang, TRUE);
    }

  if (region != NULL)
    {
      effective_region = upstander_region_parse (region);
      if (effective_region == NULL)
        {
          g_printerr (_("upstander: “%s” is not a two-letter region code such as “GB”\n"), region);
          return 2;
        }
    }
  else
    {
      effective_region = upstander_region_from_locale ();
    }

  library = offered_library_new (settings);
  upstander_library_set_languages (library, g_get_language_names ());
  upstander_library_load (library);

  slash = strchr (scenario_id, '/');
  n_items = g_list_model_get_n_items (G_LIST_MODEL (library));
  for (guint i = 0; i < n_items && scenario == NULL; i++)
    {
      g_autoptr(UpstanderScenario) item = g_list_model_get_item (G_LIST_MODEL (library), i);
      gboolean match;

      if (slash != NULL)
        match = strncmp (scenario_id, upstander_scenario_get_bundle_id (item), slash - scenario_id) == 0 &&
                upstander_scenario_get_bundle_id (item)[slash - scenario_id] == '\0' &&
                g_strcmp0 (slash + 1, upstander_scenario_get_id (item)) == 0;
      else
        match = g_strcmp0 (scenario_id, upstander_scenario_get_id (item)) == 0;

      if (match && scenario_offered (settings, item))
        scenario = item;
    }

  if (scenario == NULL)
    {
      g_printerr (_("upstander: no story “%s”; see --list\n"), scenario_id);
      return 1;
    }

  if (kind == HANDOUT)
    doc = upstander_handout_new (scenario, library, effective_region);
  else
    doc = upstander_kit_document_new (kind, scenario, library, effective_region);
  if (!upstander_document_write_pdf (doc, output, &error))
    {
      g_printerr ("upstander: %s\n", error->message);
      return 1;
    }

  return 0;
}

/**
 * upstander_cli_handout:
 * @scenario_id: a scenario id, or BUNDLE/SCENARIO when two bundles share one
 * @output: where to write the PDF
 * @language: (nullable): the handout's language, else the user's
 * @region: (nullable): whose help contacts to list, else the locale's
 *
 * Writes the lesson handout of a story as a PDF, with no display.
 *
 * Returns: 0 on success, 1 when the story or the output is wrong, 2 on bad arguments
 */
int
upstander_cli_handout (const char *scenario_id,
                       const char *output,
                       const char *language,
                       const char *region)
{
  return write_story_document ("--handout", HANDOUT, scenario_id, output, language, region);
}

/**
 * upstander_cli_kit:
 * @kind: the lesson plan, the worksheet or the parent sheet
 *
 * Writes a document of the lesson kit as a PDF, with no display; the other
 * arguments and the exit status are those of upstander_cli_handout().
 */
int
upstander_cli_kit (UpstanderKitDocument  kind,
                   const char           *scenario_id,
                   const char           *output,
                   const char           *language,
                   const char           *region)
{
  static const char * const options[] = { "--lesson-plan", "--worksheet", "--parent-sheet" };

  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (options), 2);

  return write_story_document (options[kind], kind, scenario_id, output, language, region);
}
