/* test-class-run.c: a classroom run's votes, path and CSV, without a display
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "upstander-bundle.h"
#include "upstander-class-run.h"

static UpstanderBundle *
load_stories (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "ui", "ui-stories.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  UpstanderBundle *bundle = upstander_bundle_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);

  return bundle;
}

static void
test_votes_count_per_choice (void)
{
  g_autoptr(UpstanderBundle) bundle = load_stories ();
  UpstanderClassRun *run = upstander_class_run_new (upstander_bundle_lookup_scenario (bundle, "the-sticker"));
  const UpstanderClassDecision *current = upstander_class_run_get_current (run);
  guint changes = 0;

  g_signal_connect_swapped (run, "changed", G_CALLBACK (g_atomic_int_inc), &changes);

  g_assert_nonnull (current);
  g_assert_cmpuint (current->choices->len, ==, 3);
  g_assert_cmpint (upstander_class_run_get_leader (run), ==, -1);

  g_assert_true (upstander_class_run_add_vote (run, 1));
  g_assert_true (upstander_class_run_add_vote (run, 1));
  g_assert_true (upstander_class_run_add_vote (run, 2));
  g_assert_cmpuint (upstander_class_run_get_votes (run, 1), ==, 2);
  g_assert_cmpint (upstander_class_run_get_leader (run), ==, 1);
  g_assert_cmpuint (changes, ==, 3);

  /* Out of range and below zero are refused, and change nothing. */
  g_assert_false (upstander_class_run_add_vote (run, 3));
  g_assert_false (upstander_class_run_remove_vote (run, 0));
  g_assert_cmpuint (changes, ==, 3);

  g_assert_true (upstander_class_run_add_vote (run, 2));
  g_assert_true (upstander_class_run_add_vote (run, 2));
  g_assert_cmpint (upstander_class_run_get_leader (run), ==, 2);
  g_assert_true (upstander_class_run_remove_vote (run, 2));
  /* A tie: the first of the choices with most votes leads. */
  g_assert_cmpint (upstander_class_run_get_leader (run), ==, 1);

  g_assert_finalize_object (run);
}

static void
test_path_and_csv (void)
{
  g_autoptr(UpstanderBundle) bundle = load_stories ();
  UpstanderClassRun *run = upstander_class_run_new (upstander_bundle_lookup_scenario (bundle, "the-sticker"));
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  const UpstanderClassDecision *decision;
  g_autoptr(GString) expected = g_string_new ("\xEF\xBB\xBF\"step\",\"kind\",\"id\",\"text\",\"votes\",\"taken\"\r\n"
                                              "\"1\",\"decision\",\"start\",\"What do you do?\",\"\",\"\"\r\n");
  /* The rows of the choices, which the CSV lists in the order the class saw them. */
  const char *rows[] = {
    "\"1\",\"choice\",\"dm-ana\",\"Send Ana a kind message\",\"2\",\"no\"\r\n",
    "\"1\",\"choice\",\"laugh\",\"Send a laughing face\",\"1\",\"no\"\r\n",
    "\"1\",\"choice\",\"wait\",\"Wait and see\",\"0\",\"yes\"\r\n",
  };
  const char *ids[] = { "dm-ana", "laugh", "wait" };
  guint dm_ana = upstander_class_run_find_choice (run, "dm-ana");

  for (guint i = 0; i < 3; i++)
    for (guint r = 0; r < G_N_ELEMENTS (ids); r++)
      if (upstander_class_run_find_choice (run, ids[r]) == (int) i)
        g_string_append (expected, rows[r]);
  g_string_append (expected, "\"2\",\"ending\",\"alone\",\"Ana sits alone\",\"\",\"yes\"\r\n");

  upstander_class_run_add_vote (run, dm_ana);
  upstander_class_run_add_vote (run, dm_ana);
  upstander_class_run_add_vote (run, upstander_class_run_find_choice (run, "laugh"));
  /* The teacher may take another path than the class's favourite. */
  g_assert_true (upstander_class_run_choose (run, "wait", &error));
  g_assert_no_error (error);
  g_assert_null (upstander_class_run_get_current (run));
  g_assert_false (upstander_class_run_add_vote (run, 0));
  g_assert_true (upstander_class_run_advance (run, &error));
  g_assert_no_error (error);
  g_assert_cmpint (upstander_session_get_state (upstander_class_run_get_session (run)), ==, UPSTANDER_SESSION_ENDING);

  g_assert_cmpuint (upstander_class_run_get_n_decisions (run), ==, 1);
  decision = upstander_class_run_get_decision (run, 0);
  g_assert_cmpstr (decision->scene->id, ==, "start");
  g_assert_cmpstr (decision->taken->id, ==, "wait");
  g_assert_cmpuint (decision->votes[dm_ana], ==, 2);

  csv = upstander_class_run_dup_csv (run);
  /* A byte-order mark first, so spreadsheet programs read it as UTF-8. */
  g_assert_cmpstr (csv, ==, expected->str);

  g_assert_finalize_object (run);
}

static void
test_choose_refused (void)
{
  g_autoptr(UpstanderBundle) bundle = load_stories ();
  UpstanderClassRun *run = upstander_class_run_new (upstander_bundle_lookup_scenario (bundle, "the-sticker"));
  g_autoptr(GError) error = NULL;

  upstander_class_run_add_vote (run, 0);
  g_assert_false (upstander_class_run_choose (run, "nowhere", &error));
  g_assert_error (error, UPSTANDER_SESSION_ERROR, UPSTANDER_SESSION_ERROR_NO_SUCH_CHOICE);
  /* Nothing is recorded, the votes stay. */
  g_assert_nonnull (upstander_class_run_get_current (run));
  g_assert_cmpuint (upstander_class_run_get_votes (run, 0), ==, 1);

  g_assert_finalize_object (run);
}

static void
test_elapsed (void)
{
  g_autoptr(UpstanderBundle) bundle = load_stories ();
  UpstanderClassRun *run = upstander_class_run_new (upstander_bundle_lookup_scenario (bundle, "the-sticker"));

  upstander_class_run_set_start_time (run, g_get_monotonic_time () - 90 * G_USEC_PER_SEC);
  g_assert_cmpint (upstander_class_run_get_elapsed (run) / G_USEC_PER_SEC, >=, 90);
  g_assert_cmpint (upstander_class_run_get_elapsed (run) / G_USEC_PER_SEC, <, 100);

  g_assert_finalize_object (run);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upstander/class-run/votes-count-per-choice", test_votes_count_per_choice);
  g_test_add_func ("/upstander/class-run/path-and-csv", test_path_and_csv);
  g_test_add_func ("/upstander/class-run/choose-refused", test_choose_refused);
  g_test_add_func ("/upstander/class-run/elapsed", test_elapsed);

  return g_test_run ();
}
