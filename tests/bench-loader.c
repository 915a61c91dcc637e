/* bench-loader.c: what loading a bundle costs, as a ratio to parsing the same bytes
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "upstander-bundle.h"
#include "upstander-bundle-private.h"

#include <libxml/parser.h>

/*
 * The baseline is libxml2 parsing the same bytes with the same options and
 * nothing else; the ratio says what the schema and our checks add on top,
 * independent of how fast this machine is today. Run: meson test --benchmark.
 */

#define ROUNDS 20

static double
time_parse_only (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < ROUNDS; i++)
    {
      xmlDoc *doc = xmlReadMemory (data, (int) size, "core.xml", NULL,
                                   XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES |
                                   XML_PARSE_NOBLANKS);

      g_assert_nonnull (doc);
      xmlFreeDoc (doc);
    }

  return (g_get_monotonic_time () - start) / 1000.0 / ROUNDS;
}

static double
time_load (GBytes *bytes)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < ROUNDS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UpstanderBundle) bundle = upstander_bundle_load_bytes (bytes, "core.xml", NULL, &error);

      g_assert_no_error (error);
    }

  return (g_get_monotonic_time () - start) / 1000.0 / ROUNDS;
}

/* The streaming pass that bounds a bundle's cost before libxml2 sees it. */
static double
time_prescan (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < ROUNDS; i++)
    {
      g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
      UpstanderLoadState state = { "core.xml", diagnostics };

      g_assert_true (_upstander_prescan (&state, data, size));
    }

  return (g_get_monotonic_time () - start) / 1000.0 / ROUNDS;
}

static void
bench_core_bundle (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/upstander/Upstander/bundles/core.xml", 0, NULL);
  double parse_ms, load_ms, prescan_ms;

  g_assert_nonnull (bytes);

  /* Warm up caches and the schema, compiled once per process. */
  time_load (bytes);

  parse_ms = time_parse_only (bytes);
  load_ms = time_load (bytes);
  prescan_ms = time_prescan (bytes);

  g_test_minimized_result (load_ms, "core bundle (%zu KiB): load %.1f ms", g_bytes_get_size (bytes) / 1024, load_ms);
  g_test_message ("parse only %.1f ms, full load %.1f ms, ratio %.2f", parse_ms, load_ms, load_ms / parse_ms);
  g_test_message ("limits pass %.2f ms, ratio to parse only %.3f", prescan_ms, prescan_ms / parse_ms);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  xmlInitParser ();

  g_test_add_func ("/upstander/bench/load-core-bundle", bench_core_bundle);

  return g_test_run ();
}
