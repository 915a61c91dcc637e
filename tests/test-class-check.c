/* test-class-check.c: the before-and-after check: hands per statement, twice, and in the class run's CSV
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "upstander-bundle.h"
#include "upstander-class-check.h"
#include "upstander-class-run.h"

static const char * const statements[] = {
  "I know one thing a witness can do.",
  "",  /* skipped */
  "I know an adult I could tell.",
  "I think a like can join in.",
  NULL
};

static void
test_counts_per_round (void)
{
  UpstanderClassCheck *check = upstander_class_check_new (statements);
  guint changes = 0;

  g_signal_connect_swapped (check, "changed", G_CALLBACK (g_atomic_int_inc), &changes);

  g_assert_cmpuint (upstander_class_check_get_n_statements (check), ==, 3);
  g_assert_cmpstr (upstander_class_check_get_statement (check, 1), ==, "I know an adult I could tell.");
  g_assert_cmpint (upstander_class_check_get_round (check), ==, UPSTANDER_CHECK_BEFORE);
  g_assert_false (upstander_class_check_get_taken (check, UPSTANDER_CHECK_BEFORE));

  g_assert_true (upstander_class_check_add_hand (check, 0));
  g_assert_true (upstander_class_check_add_hand (check, 0));
  g_assert_true (upstander_class_check_add_hand (check, 2));
  g_assert_true (upstander_class_check_remove_hand (check, 2));
  g_assert_cmpuint (changes, ==, 4);
  g_assert_true (upstander_class_check_get_taken (check, UPSTANDER_CHECK_BEFORE));
  g_assert_false (upstander_class_check_get_taken (check, UPSTANDER_CHECK_AFTER));

  /* Out of range and below zero change nothing. */
  g_assert_false (upstander_class_check_add_hand (check, 3));
  g_assert_false (upstander_class_check_remove_hand (check, 1));
  g_assert_cmpuint (changes, ==, 4);

  upstander_class_check_set_round (check, UPSTANDER_CHECK_AFTER);
  g_assert_cmpuint (changes, ==, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_true (upstander_class_check_add_hand (check, 0));
  g_assert_true (upstander_class_check_add_hand (check, 1));

  /* Each round keeps its own counts. */
  g_assert_cmpuint (upstander_class_check_get_hands (check, UPSTANDER_CHECK_BEFORE, 0), ==, 2);
  g_assert_cmpuint (upstander_class_check_get_hands (check, UPSTANDER_CHECK_BEFORE, 1), ==, 0);
  g_assert_cmpuint (upstander_class_check_get_hands (check, UPSTANDER_CHECK_BEFORE, 2), ==, 0);
  g_assert_cmpuint (upstander_class_check_get_hands (check, UPSTANDER_CHECK_AFTER, 0), ==, 5);
  g_assert_cmpuint (upstander_class_check_get_hands (check, UPSTANDER_CHECK_AFTER, 1), ==, 1);
  g_assert_true (upstander_class_check_get_taken (check, UPSTANDER_CHECK_AFTER));

  g_assert_finalize_object (check);
}

/* A round where no hand went up still counts as asked once the teacher says so. */
static void
test_round_with_no_hands (void)
{
  UpstanderClassCheck *check = upstander_class_check_new (statements);

  g_assert_false (upstander_class_check_get_taken (check, UPSTANDER_CHECK_BEFORE));
  upstander_class_check_mark_taken (check);
  g_assert_true (upstander_class_check_get_taken (check, UPSTANDER_CHECK_BEFORE));
  g_assert_false (upstander_class_check_get_taken (check, UPSTANDER_CHECK_AFTER));

  g_assert_finalize_object (check);
}

/* Never more than five statements, whatever is given. */
static void
test_at_most_five (void)
{
  const char * const many[] = { "1", "2", "3", "4", "5", "6", "7", NULL };
  UpstanderClassCheck *check = upstander_class_check_new (many);

  g_assert_cmpuint (upstander_class_check_get_n_statements (check), ==, 5);
  g_assert_cmpstr (upstander_class_check_get_statement (check, 4), ==, "5");
  g_assert_false (upstander_class_check_add_hand (check, 5));

  g_assert_finalize_object (check);
}

/* The CSV has both counts, before the votes and after the ending; a round not taken has none. */
static void
test_csv_has_both_counts (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "ui", "ui-stories.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UpstanderBundle) bundle = upstander_bundle_load_file (file, NULL, NULL, NULL);
  UpstanderClassRun *run = upstander_class_run_new (upstander_bundle_lookup_scenario (bundle, "the-sticker"));
  UpstanderClassCheck *check = upstander_class_check_new (statements);
  g_autofree char *before_only = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GString) choice_rows = g_string_new (NULL);
  const UpstanderClassDecision *decision;

  upstander_class_run_set_check (run, check);
  g_assert_true (upstander_class_run_get_check (run) == check);
  upstander_class_check_add_hand (check, 0);
  upstander_class_check_add_hand (check, 0);
  upstander_class_check_add_hand (check, 2);
  before_only = upstander_class_run_dup_csv (run);
  g_assert_nonnull (g_strstr_len (before_only, -1, "\"0\",\"check-before\",\"statement-1\",\"I know one thing a witness can do.\",\"2\",\"\"\r\n"));
  g_assert_nonnull (g_strstr_len (before_only, -1, "\"3\",\"check-after\",\"statement-1\",\"I know one thing a witness can do.\",\"\",\"\"\r\n"));

  /* Choices are shown in an order shuffled per run: one vote for "dm-ana" wherever it is. */
  decision = upstander_class_run_get_current (run);
  for (guint c = 0; c < decision->choices->len; c++)
    {
      const UpstanderChoice *choice = g_ptr_array_index (decision->choices, c);

      if (g_str_equal (choice->id, "dm-ana"))
        upstander_class_run_add_vote (run, c);
    }
  for (guint c = 0; c < decision->choices->len; c++)
    {
      const UpstanderChoice *choice = g_ptr_array_index (decision->choices, c);
      const char *label = g_str_equal (choice->id, "dm-ana") ? "Send Ana a kind message"
                          : g_str_equal (choice->id, "laugh") ? "Send a laughing face" : "Wait and see";

      g_string_append_printf (choice_rows, "\"1\",\"choice\",\"%s\",\"%s\",\"%u\",\"%s\"\r\n",
                              choice->id, label, g_str_equal (choice->id, "dm-ana") ? 1 : 0,
                              g_str_equal (choice->id, "wait") ? "yes" : "no");
    }
  g_assert_true (upstander_class_run_choose (run, "wait", NULL));
  g_assert_true (upstander_class_run_advance (run, NULL));
  upstander_class_check_set_round (check, UPSTANDER_CHECK_AFTER);
  upstander_class_check_add_hand (check, 1);
  upstander_class_check_mark_taken (check);

  csv = upstander_class_run_dup_csv (run);
  expected = g_strconcat ("\xEF\xBB\xBF\"step\",\"kind\",\"id\",\"text\",\"votes\",\"taken\"\r\n"
                          "\"0\",\"check-before\",\"statement-1\",\"I know one thing a witness can do.\",\"2\",\"\"\r\n"
                          "\"0\",\"check-before\",\"statement-2\",\"I know an adult I could tell.\",\"0\",\"\"\r\n"
                          "\"0\",\"check-before\",\"statement-3\",\"I think a like can join in.\",\"1\",\"\"\r\n"
                          "\"1\",\"decision\",\"start\",\"What do you do?\",\"\",\"\"\r\n",
                          choice_rows->str,
                          "\"2\",\"ending\",\"alone\",\"Ana sits alone\",\"\",\"yes\"\r\n"
                          "\"3\",\"check-after\",\"statement-1\",\"I know one thing a witness can do.\",\"0\",\"\"\r\n"
                          "\"3\",\"check-after\",\"statement-2\",\"I know an adult I could tell.\",\"1\",\"\"\r\n"
                          "\"3\",\"check-after\",\"statement-3\",\"I think a like can join in.\",\"0\",\"\"\r\n",
                          NULL);
  g_assert_cmpstr (csv, ==, expected);

  g_object_unref (check);
  g_assert_finalize_object (run);
}

/* A language switch mid-run: the same statements in another language keep their hands; a different number is refused. */
static void
test_statements_in_another_language (void)
{
  const char * const english[] = { "I know an adult I could tell.", "", "I know what a witness can do.", NULL };
  const char * const french[] = { "Je connais un adulte à qui je pourrais en parler.", "Je sais ce qu’un témoin peut faire.", NULL };
  const char * const fewer[] = { "Je connais un adulte à qui je pourrais en parler.", NULL };
  UpstanderClassCheck *check = upstander_class_check_new (english);
  guint notified = 0;

  g_signal_connect_swapped (check, "notify::statements", G_CALLBACK (g_atomic_int_inc), &notified);
  g_assert_true (upstander_class_check_add_hand (check, 1));
  upstander_class_check_set_round (check, UPSTANDER_CHECK_AFTER);
  g_assert_true (upstander_class_check_add_hand (check, 0));

  g_assert_true (upstander_class_check_set_statements (check, english));
  g_assert_cmpuint (notified, ==, 0);
  g_assert_true (upstander_class_check_set_statements (check, french));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (upstander_class_check_get_statement (check, 0), ==, french[0]);
  g_assert_cmpstr (upstander_class_check_get_statement (check, 1), ==, french[1]);
  g_assert_cmpuint (upstander_class_check_get_hands (check, UPSTANDER_CHECK_BEFORE, 1), ==, 1);
  g_assert_cmpuint (upstander_class_check_get_hands (check, UPSTANDER_CHECK_AFTER, 0), ==, 1);
  g_assert_cmpint (upstander_class_check_get_round (check), ==, UPSTANDER_CHECK_AFTER);

  g_assert_false (upstander_class_check_set_statements (check, fewer));
  g_assert_cmpuint (upstander_class_check_get_n_statements (check), ==, 2);
  g_assert_cmpstr (upstander_class_check_get_statement (check, 1), ==, french[1]);
  g_assert_cmpuint (notified, ==, 1);

  g_assert_finalize_object (check);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upstander/class-check/counts-per-round", test_counts_per_round);
  g_test_add_func ("/upstander/class-check/round-with-no-hands", test_round_with_no_hands);
  g_test_add_func ("/upstander/class-check/at-most-five", test_at_most_five);
  g_test_add_func ("/upstander/class-check/csv-has-both-counts", test_csv_has_both_counts);
  g_test_add_func ("/upstander/class-check/statements-in-another-language", test_statements_in_another_language);

  return g_test_run ();
}
