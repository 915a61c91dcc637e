/* upstander-cli.c: the commands that need no display (--validate, --list) */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <stdio.h>

#include "upstander-cli.h"
#include "upstander-library.h"

/*
 * Output is for authors and scripts: one diagnostic a line on stdout in the
 * FILE:LINE:COL: severity: message form that editors understand, nothing
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

/* Every scenario the app would show: bundle, id, language and title, tab-separated. */
int
upstander_cli_list (void)
{
  g_autoptr(UpstanderLibrary) library = upstander_library_new ();
  guint n_items;

  upstander_library_load (library);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (library));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(UpstanderScenario) scenario = g_list_model_get_item (G_LIST_MODEL (library), i);

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
