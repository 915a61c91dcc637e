/* fuzz-bundle.c: libFuzzer target: any bytes through the bundle loader and its checks */
#define G_LOG_DOMAIN "fuzz-bundle"

#include "config.h"

#include <libxml/parser.h>

#include "fuzz.h"
#include "upstander-bundle.h"

static void
walk_bundle (UpstanderBundle *bundle)
{
  GPtrArray *scenarios = upstander_bundle_get_scenarios (bundle);

  /* Touch what the app reads from a loaded bundle. */
  for (guint i = 0; i < scenarios->len; i++)
    {
      UpstanderScenario *scenario = g_ptr_array_index (scenarios, i);
      const UpstanderScene *start = upstander_scenario_get_start (scenario);

      g_assert (upstander_scenario_get_title (scenario) != NULL);
      g_assert (start != NULL);
      for (guint l = 0; l < start->lines->len; l++)
        {
          const UpstanderLine *line = g_ptr_array_index (start->lines, l);

          for (guint t = 0; t < line->texts->len; t++)
            g_assert (upstander_bundle_translate (bundle, g_ptr_array_index (line->texts, t)) != NULL);
        }
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = NULL;

  fuzz_init ();

  bytes = g_bytes_new (data, size);
  diagnostics = upstander_diagnostics_new ();
  bundle = upstander_bundle_load_bytes (bytes, "fuzz.xml", diagnostics, &error);

  /* Loaded, or refused with a reason: never both, never neither. */
  if (bundle != NULL)
    {
      g_assert (error == NULL);
      g_assert (upstander_diagnostics_count (diagnostics, UPSTANDER_SEVERITY_ERROR) == 0);
      walk_bundle (bundle);
    }
  else
    {
      g_assert (error != NULL);
    }

  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = upstander_diagnostic_format (g_ptr_array_index (diagnostics, i));

      g_assert (g_utf8_validate (line, -1, NULL));
      g_assert (strchr (line, '\n') == NULL);
      /* Nothing that could reorder or hide text where the message is shown. */
      for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          g_assert (!g_unichar_iscntrl (c));
          g_assert (!((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)));
        }
    }

  return 0;
}
