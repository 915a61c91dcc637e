/* test-library.c: bundles found in every source, the higher version winning, loaded off the main thread
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui-test.h"
#include "upstander-library.h"

#include <glib/gstdio.h>
#include <string.h>

typedef struct
{
  char *root;
  char *system_dir;
  char *user_dir;
} Fixture;

static char *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));

  return contents;
}

static void
put_bundle (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->root = g_dir_make_tmp ("upstander-library-XXXXXX", NULL);
  fixture->system_dir = g_build_filename (fixture->root, "system", NULL);
  fixture->user_dir = g_build_filename (fixture->root, "user", NULL);
  g_assert_cmpint (g_mkdir (fixture->system_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (fixture->user_dir, 0700), ==, 0);
}


static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_test_remove_tree (fixture->root);
  g_free (fixture->root);
  g_free (fixture->system_dir);
  g_free (fixture->user_dir);
}

static UpstanderLibrary *
library_for (Fixture *fixture)
{
  const char *dirs[] = { fixture->system_dir, fixture->user_dir, NULL };

  return upstander_library_new_for_sources (NULL, dirs);
}

static void
test_loads_every_source (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *example = read_fixture ("example.xml");
  g_autofree char *session = read_fixture ("session.xml");
  g_autoptr(UpstanderLibrary) library = library_for (fixture);
  g_autoptr(UpstanderScenario) first = NULL;

  put_bundle (fixture->system_dir, "example.xml", example);
  put_bundle (fixture->user_dir, "session.xml", session);
  /* Only *.xml files are read. */
  put_bundle (fixture->user_dir, "notes.txt", "not a bundle");

  upstander_library_load (library);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 2);
  g_assert_cmpuint (upstander_library_get_n_failed (library), ==, 0);
  first = g_list_model_get_item (G_LIST_MODEL (library), 0);
  g_assert_cmpstr (upstander_scenario_get_id (first), ==, "the-sticker");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (library), 2));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (library)) == UPSTANDER_TYPE_SCENARIO);
}

static void
test_higher_version_wins (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *example = read_fixture ("example.xml");
  g_autoptr(GString) newer = g_string_new (example);
  g_autoptr(UpstanderLibrary) library = library_for (fixture);
  UpstanderScenario *scenario;

  g_string_replace (newer, "id=\"example\" version=\"1\"", "id=\"example\" version=\"2\"", 1);
  g_string_replace (newer, "<title>The sticker</title>", "<title>The sticker, revised</title>", 1);

  /* The newer one in the system folder beats the older one in the user's. */
  put_bundle (fixture->system_dir, "example.xml", newer->str);
  put_bundle (fixture->user_dir, "example.xml", example);

  upstander_library_load (library);

  g_assert_cmpuint (upstander_library_get_bundles (library)->len, ==, 1);
  scenario = upstander_library_lookup_scenario (library, "example", "the-sticker");
  g_assert_cmpstr (upstander_scenario_get_title (scenario), ==, "The sticker, revised");
}

/* Versions 1, 3 and 2 of one bundle among others: the 3 wins, in the place the first took. */
static void
test_highest_of_many_versions_wins (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *example = read_fixture ("example.xml");
  g_autofree char *session = read_fixture ("session.xml");
  g_autoptr(UpstanderLibrary) library = library_for (fixture);
  GPtrArray *bundles;
  UpstanderScenario *scenario;

  for (guint version = 1; version <= 3; version++)
    {
      g_autoptr(GString) copy = g_string_new (example);
      g_autofree char *attributes = g_strdup_printf ("id=\"example\" version=\"%u\"", version);
      g_autofree char *title = g_strdup_printf ("<title>The sticker %u</title>", version);
      g_autofree char *name = g_strdup_printf ("%c-example.xml", "acb"[version - 1]);

      g_string_replace (copy, "id=\"example\" version=\"1\"", attributes, 1);
      g_string_replace (copy, "<title>The sticker</title>", title, 1);
      /* a- (version 1) in the system folder; c- (2) and b- (3) in the user's, read b- first. */
      put_bundle (version == 1 ? fixture->system_dir : fixture->user_dir, name, copy->str);
    }
  put_bundle (fixture->system_dir, "b-session.xml", session);

  upstander_library_load (library);

  bundles = upstander_library_get_bundles (library);
  g_assert_cmpuint (bundles->len, ==, 2);
  g_assert_cmpstr (upstander_bundle_get_id (g_ptr_array_index (bundles, 0)), ==, "example");
  g_assert_cmpuint (upstander_bundle_get_version (g_ptr_array_index (bundles, 0)), ==, 3);
  scenario = upstander_library_lookup_scenario (library, "example", "the-sticker");
  g_assert_cmpstr (upstander_scenario_get_title (scenario), ==, "The sticker 3");
}

static void
test_broken_bundle_skipped (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *example = read_fixture ("example.xml");
  g_autofree char *broken = read_fixture ("broken-next.xml");
  g_autoptr(UpstanderLibrary) library = library_for (fixture);
  GPtrArray *diagnostics;

  put_bundle (fixture->user_dir, "a-broken.xml", broken);
  put_bundle (fixture->user_dir, "b-good.xml", example);
  upstander_library_load (library);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);
  g_assert_cmpuint (upstander_library_get_n_failed (library), ==, 1);
  diagnostics = upstander_library_get_diagnostics (library);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  g_assert_true (g_str_has_suffix (((UpstanderDiagnostic *) g_ptr_array_index (diagnostics, 0))->file,
                                   "a-broken.xml"));
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (upstander_library_load_finish (UPSTANDER_LIBRARY (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  guint *added_total = user_data;

  *added_total += added;
}

static void
test_async_fills_in (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *example = read_fixture ("example.xml");
  g_autoptr(UpstanderLibrary) library = library_for (fixture);
  gboolean done = FALSE;
  guint added = 0;

  put_bundle (fixture->user_dir, "example.xml", example);
  g_signal_connect (library, "items-changed", G_CALLBACK (count_changes_cb), &added);

  upstander_library_load_async (library, NULL, loaded_cb, &done);
  /* Nothing is there until the worker is done: the caller never waits. */
  g_assert_false (upstander_library_get_loaded (library));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 0);

  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (upstander_library_get_loaded (library));
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);
}

static void
test_help_for_region (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(UpstanderLibrary) library = upstander_library_new_for_sources (UPSTANDER_BUNDLES_RESOURCE, NULL);
  g_autoptr(GPtrArray) britain = NULL;
  g_autoptr(GPtrArray) elsewhere = NULL;
  gboolean has_regional = TRUE;
  const UpstanderHelp *first;

  /* The core bundle is compiled into the app's resources, linked here. */
  upstander_library_load (library);

  britain = upstander_library_dup_help (library, "GB", &has_regional);
  g_assert_true (has_regional);
  first = g_ptr_array_index (britain, 0);
  g_assert_true (g_strv_contains ((const char * const *) first->regions, "GB"));
  g_assert_cmpstr (((UpstanderContact *) g_ptr_array_index (first->contacts, 0))->phone, ==, "0800 1111");

  /* A region without verified contacts gets the general advice and the directory. */
  elsewhere = upstander_library_dup_help (library, "BR", &has_regional);
  g_assert_false (has_regional);
  g_assert_cmpuint (elsewhere->len, >=, 1);
  for (guint i = 0; i < elsewhere->len; i++)
    g_assert_true (g_strv_contains ((const char * const *) ((UpstanderHelp *) g_ptr_array_index (elsewhere, i))->regions, "all"));

  g_assert_nonnull (upstander_library_lookup_guide (library, "report-and-save-evidence", NULL));
  g_assert_null (upstander_library_lookup_guide (library, "no-such-guide", NULL));
}

static void
test_languages (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *example = read_fixture ("example.xml");
  g_autoptr(GString) translated = g_string_new (example);
  g_autoptr(UpstanderLibrary) library = library_for (fixture);
  const char *french[] = { "fr", NULL };
  UpstanderScenario *scenario;
  guint notified = 0;

  g_string_replace (translated, "<title>The sticker</title>",
                    "<title>The sticker</title><title xml:lang=\"fr\">L'autocollant</title>", 1);
  put_bundle (fixture->user_dir, "example.xml", translated->str);
  upstander_library_load (library);
  scenario = upstander_library_lookup_scenario (library, NULL, "the-sticker");
  g_signal_connect_swapped (scenario, "notify::title", G_CALLBACK (g_atomic_int_inc), &notified);

  upstander_library_set_languages (library, french);
  g_assert_cmpstr (upstander_scenario_get_title (scenario), ==, "L'autocollant");
  g_assert_cmpuint (notified, ==, 1);
}

static UpstanderLibrary *
library_with_builtin (Fixture *fixture)
{
  const char *dirs[] = { fixture->system_dir, fixture->user_dir, NULL };

  /* The core bundle is compiled into the app's resources, linked here. */
  return upstander_library_new_for_sources (UPSTANDER_BUNDLES_RESOURCE, dirs);
}

static const UpstanderDiagnostic *
find_diagnostic (UpstanderLibrary *library,
                 const char       *file_suffix)
{
  GPtrArray *diagnostics = upstander_library_get_diagnostics (library);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const UpstanderDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      if (g_str_has_suffix (diagnostic->file, file_suffix))
        return diagnostic;
    }

  return NULL;
}

/* A bundle installed with the id of a built-in one, even at a higher
 * version, is refused by name: the core stories and help stay. */
static void
test_builtin_id_reserved (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *example = read_fixture ("example.xml");
  g_autoptr(GString) impostor = g_string_new (example);
  g_autoptr(UpstanderLibrary) builtin_only = upstander_library_new_for_sources (UPSTANDER_BUNDLES_RESOURCE, NULL);
  g_autoptr(UpstanderLibrary) library = library_with_builtin (fixture);
  const UpstanderDiagnostic *refused;
  UpstanderBundle *core;

  upstander_library_load (builtin_only);

  g_string_replace (impostor, "id=\"example\" version=\"1\"", "id=\"core\" version=\"999999\"", 1);
  put_bundle (fixture->user_dir, "core.xml", impostor->str);
  put_bundle (fixture->system_dir, "core.xml", impostor->str);
  upstander_library_load (library);

  core = upstander_library_get_bundles (library)->len > 0
         ? g_ptr_array_index (upstander_library_get_bundles (library), 0) : NULL;
  g_assert_nonnull (core);
  g_assert_cmpstr (upstander_bundle_get_id (core), ==, "core");
  g_assert_true (g_str_has_prefix (upstander_bundle_get_source (core), UPSTANDER_BUNDLES_RESOURCE));
  g_assert_cmpuint (upstander_library_get_bundles (library)->len, ==,
                    upstander_library_get_bundles (builtin_only)->len);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (builtin_only)));
  g_assert_null (upstander_library_lookup_scenario (library, NULL, "the-sticker"));
  g_assert_cmpuint (upstander_library_get_n_failed (library), ==, 2);

  refused = find_diagnostic (library, "user/core.xml");
  g_assert_nonnull (refused);
  g_assert_cmpint (refused->severity, ==, UPSTANDER_SEVERITY_ERROR);
  g_assert_nonnull (strstr (refused->message, "the bundle id “core” belongs to a bundle built into Upstander"));
  g_assert_nonnull (find_diagnostic (library, "system/core.xml"));
}

/* Two installed bundles with the same id and version: the first found is
 * used, and the other is named, with the reason. */
static void
test_same_id_named (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *example = read_fixture ("example.xml");
  g_autoptr(GString) other = g_string_new (example);
  g_autoptr(UpstanderLibrary) library = library_for (fixture);
  const UpstanderDiagnostic *dropped;

  g_string_replace (other, "<title>The sticker</title>", "<title>Another sticker</title>", 1);
  put_bundle (fixture->system_dir, "example.xml", example);
  put_bundle (fixture->user_dir, "a-other.xml", other->str);
  upstander_library_load (library);

  g_assert_cmpuint (upstander_library_get_bundles (library)->len, ==, 1);
  g_assert_cmpstr (upstander_scenario_get_title (upstander_library_lookup_scenario (library, "example", "the-sticker")),
                   ==, "The sticker");
  g_assert_cmpuint (upstander_library_get_n_failed (library), ==, 0);

  dropped = find_diagnostic (library, "user/a-other.xml");
  g_assert_nonnull (dropped);
  g_assert_cmpint (dropped->severity, ==, UPSTANDER_SEVERITY_WARNING);
  g_assert_nonnull (strstr (dropped->message, "system/example.xml has the same bundle id “example”"));
}

typedef struct
{
  guint    n_notified;
  guint    n_items_first;
  gboolean complete_first;
  gboolean done;
} Arrival;

static void
loaded_notify_cb (UpstanderLibrary *library,
                  GParamSpec       *pspec,
                  Arrival          *arrival)
{
  if (arrival->n_notified++ == 0)
    {
      arrival->n_items_first = g_list_model_get_n_items (G_LIST_MODEL (library));
      arrival->complete_first = upstander_library_get_complete (library);
    }
}

static void
arrival_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Arrival *arrival = user_data;

  g_assert_true (upstander_library_load_finish (UPSTANDER_LIBRARY (object), result, NULL));
  arrival->done = TRUE;
}

/* The built-in stories are published before any installed bundle is read. */
static void
test_builtin_first (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *example = read_fixture ("example.xml");
  g_autoptr(UpstanderLibrary) builtin_only = upstander_library_new_for_sources (UPSTANDER_BUNDLES_RESOURCE, NULL);
  g_autoptr(UpstanderLibrary) library = library_with_builtin (fixture);
  Arrival arrival = { 0 };
  guint n_builtin;

  upstander_library_load (builtin_only);
  n_builtin = g_list_model_get_n_items (G_LIST_MODEL (builtin_only));
  g_assert_cmpuint (n_builtin, >, 0);

  put_bundle (fixture->user_dir, "example.xml", example);
  g_signal_connect (library, "notify::loaded", G_CALLBACK (loaded_notify_cb), &arrival);
  upstander_library_load_async (library, NULL, arrival_done_cb, &arrival);
  while (!arrival.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (arrival.n_notified, ==, 2);
  g_assert_cmpuint (arrival.n_items_first, ==, n_builtin);
  g_assert_false (arrival.complete_first);
  g_assert_true (upstander_library_get_complete (library));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, n_builtin + 1);
}

/* An installed bundle that misses its deadline is a problem with its name,
 * not a wait; the built-in stories have none. */
static void
test_bundle_deadline (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *example = read_fixture ("example.xml");
  g_autoptr(UpstanderLibrary) library = library_with_builtin (fixture);
  const UpstanderDiagnostic *skipped;

  put_bundle (fixture->user_dir, "example.xml", example);
  /* Every bundle takes longer than a microsecond. */
  upstander_library_set_bundle_timeout (library, 1);
  upstander_library_load (library);

  g_assert_null (upstander_library_lookup_scenario (library, "example", "the-sticker"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), >, 0);
  g_assert_cmpuint (upstander_library_get_n_failed (library), ==, 1);
  skipped = find_diagnostic (library, "user/example.xml");
  g_assert_nonnull (skipped);
  g_assert_nonnull (strstr (skipped->message, "took too long to load"));
}

static void
count_complete_cb (UpstanderLibrary *library,
                   GParamSpec       *pspec,
                   gpointer          user_data)
{
  guint *n_complete = user_data;

  if (upstander_library_get_complete (library))
    (*n_complete)++;
}

/*
 * A reload asked for while the library reads (a story added to the user's
 * folder meanwhile, or the folder turned off) is not lost and does not
 * collide with that read: it starts once the read is over.
 */
static void
test_reload_while_loading (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *example = read_fixture ("example.xml");
  g_autofree char *example_path = g_build_filename (fixture->user_dir, "example.xml", NULL);
  g_autoptr(UpstanderLibrary) library = library_for (fixture);
  gboolean done = FALSE;
  guint n_complete = 0;

  g_signal_connect (library, "notify::complete", G_CALLBACK (count_complete_cb), &n_complete);
  upstander_library_load_async (library, NULL, loaded_cb, &done);
  put_bundle (fixture->user_dir, "example.xml", example);
  upstander_library_reload (library);

  while (!done)
    g_main_context_iteration (NULL, TRUE);
  /* The first read is over; whatever it saw, the second one sees the story. */
  for (guint i = 0; i < 30000 && n_complete < 2; i++)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_cmpuint (n_complete, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);

  /* Not loading: a reload starts at once. */
  g_unlink (example_path);
  upstander_library_reload (library);
  for (guint i = 0; i < 30000 && n_complete < 3; i++)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_cmpuint (n_complete, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/upstander/library/loads-every-source", Fixture, NULL,
              fixture_set_up, test_loads_every_source, fixture_tear_down);
  g_test_add ("/upstander/library/higher-version-wins", Fixture, NULL,
              fixture_set_up, test_higher_version_wins, fixture_tear_down);
  g_test_add ("/upstander/library/highest-of-many-versions-wins", Fixture, NULL,
              fixture_set_up, test_highest_of_many_versions_wins, fixture_tear_down);
  g_test_add ("/upstander/library/broken-bundle-skipped", Fixture, NULL,
              fixture_set_up, test_broken_bundle_skipped, fixture_tear_down);
  g_test_add ("/upstander/library/async-fills-in", Fixture, NULL,
              fixture_set_up, test_async_fills_in, fixture_tear_down);
  g_test_add ("/upstander/library/help-for-region", Fixture, NULL,
              fixture_set_up, test_help_for_region, fixture_tear_down);
  g_test_add ("/upstander/library/builtin-id-reserved", Fixture, NULL,
              fixture_set_up, test_builtin_id_reserved, fixture_tear_down);
  g_test_add ("/upstander/library/same-id-named", Fixture, NULL,
              fixture_set_up, test_same_id_named, fixture_tear_down);
  g_test_add ("/upstander/library/builtin-first", Fixture, NULL,
              fixture_set_up, test_builtin_first, fixture_tear_down);
  g_test_add ("/upstander/library/bundle-deadline", Fixture, NULL,
              fixture_set_up, test_bundle_deadline, fixture_tear_down);
  g_test_add ("/upstander/library/languages", Fixture, NULL,
              fixture_set_up, test_languages, fixture_tear_down);
  g_test_add ("/upstander/library/reload-while-loading", Fixture, NULL,
              fixture_set_up, test_reload_while_loading, fixture_tear_down);

  return g_test_run ();
}
