/* test-presentation.c: a classroom run as the room sees it, without a display
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "upstander-bundle.h"
#include "upstander-presentation.h"

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

static guint
n_shown (UpstanderPresentation *presentation)
{
  UpstanderSession *session = upstander_class_run_get_session (upstander_presentation_get_run (presentation));

  return g_list_model_get_n_items (upstander_session_get_lines (session));
}

static void
test_lines_then_vote (void)
{
  g_autoptr(UpstanderBundle) bundle = load_stories ();
  g_autoptr(UpstanderClassRun) run = upstander_class_run_new (upstander_bundle_lookup_scenario (bundle, "the-sticker"));
  UpstanderPresentation *presentation = upstander_presentation_new (run);
  guint view_changes = 0;

  g_signal_connect_swapped (presentation, "notify::view", G_CALLBACK (g_atomic_int_inc), &view_changes);

  /* The scene opens on its first line; Next shows one more each time. */
  g_assert_cmpint (upstander_presentation_get_view (presentation), ==, UPSTANDER_PRESENTATION_SCENE);
  g_assert_cmpuint (n_shown (presentation), ==, 1);
  upstander_presentation_advance (presentation);
  g_assert_cmpuint (n_shown (presentation), ==, 2);
  upstander_presentation_advance (presentation);
  g_assert_cmpuint (n_shown (presentation), ==, 3);
  g_assert_cmpint (upstander_presentation_get_view (presentation), ==, UPSTANDER_PRESENTATION_SCENE);

  /* Back hides a line; Next shows it again. */
  upstander_presentation_step_back (presentation);
  g_assert_cmpuint (n_shown (presentation), ==, 2);
  upstander_presentation_advance (presentation);
  g_assert_cmpuint (view_changes, ==, 0);

  /* After the last line, Next opens the vote, with the lines still there beside it. */
  upstander_presentation_advance (presentation);
  g_assert_cmpint (upstander_presentation_get_view (presentation), ==, UPSTANDER_PRESENTATION_DECISION);
  g_assert_cmpuint (n_shown (presentation), ==, 3);
  g_assert_cmpuint (view_changes, ==, 1);
  /* Next again does not skip the vote. */
  upstander_presentation_advance (presentation);
  g_assert_cmpint (upstander_presentation_get_view (presentation), ==, UPSTANDER_PRESENTATION_DECISION);

  /* Back closes the vote and keeps the lines. */
  upstander_presentation_step_back (presentation);
  g_assert_cmpint (upstander_presentation_get_view (presentation), ==, UPSTANDER_PRESENTATION_SCENE);
  g_assert_cmpuint (n_shown (presentation), ==, 3);

  g_assert_finalize_object (presentation);
}

static void
test_votes_pick_and_path (void)
{
  g_autoptr(UpstanderBundle) bundle = load_stories ();
  g_autoptr(UpstanderClassRun) run = upstander_class_run_new (upstander_bundle_lookup_scenario (bundle, "the-sticker"));
  UpstanderPresentation *presentation = upstander_presentation_new (run);
  int dm = upstander_class_run_find_choice (run, "dm-ana");
  int wait = upstander_class_run_find_choice (run, "wait");

  for (guint i = 0; i < 3; i++)
    upstander_presentation_advance (presentation);
  g_assert_cmpint (upstander_presentation_get_view (presentation), ==, UPSTANDER_PRESENTATION_DECISION);

  /* Nothing is selected until a hand is counted; then the favourite is. */
  g_assert_cmpint (upstander_presentation_get_selected (presentation), ==, -1);
  g_assert_false (upstander_presentation_choose (presentation));
  upstander_class_run_add_vote (run, dm);
  upstander_class_run_add_vote (run, dm);
  upstander_class_run_add_vote (run, wait);
  g_assert_cmpint (upstander_presentation_get_selected (presentation), ==, dm);

  /* The panels switch; a new decision starts on votes again (below). */
  upstander_presentation_set_panel (presentation, UPSTANDER_PANEL_REVEAL);
  g_assert_cmpint (upstander_presentation_get_panel (presentation), ==, UPSTANDER_PANEL_REVEAL);

  /* The teacher may take another path than the favourite. */
  upstander_presentation_pick (presentation, wait);
  g_assert_cmpint (upstander_presentation_get_selected (presentation), ==, wait);
  upstander_presentation_pick (presentation, 99);
  g_assert_cmpint (upstander_presentation_get_selected (presentation), ==, wait);
  g_assert_true (upstander_presentation_choose (presentation));
  g_assert_cmpint (upstander_presentation_get_view (presentation), ==, UPSTANDER_PRESENTATION_FEEDBACK);
  g_assert_cmpstr (upstander_class_run_get_decision (run, 0)->taken->id, ==, "wait");

  /* On to the ending, then the summary, and back to the ending. */
  upstander_presentation_advance (presentation);
  g_assert_cmpint (upstander_presentation_get_view (presentation), ==, UPSTANDER_PRESENTATION_ENDING);
  upstander_presentation_advance (presentation);
  g_assert_cmpint (upstander_presentation_get_view (presentation), ==, UPSTANDER_PRESENTATION_SUMMARY);
  upstander_presentation_step_back (presentation);
  g_assert_cmpint (upstander_presentation_get_view (presentation), ==, UPSTANDER_PRESENTATION_ENDING);

  g_assert_finalize_object (presentation);
}

static void
test_picks_up_mid_lesson (void)
{
  g_autoptr(UpstanderBundle) bundle = load_stories ();
  g_autoptr(UpstanderClassRun) run = upstander_class_run_new (upstander_bundle_lookup_scenario (bundle, "the-sticker"));
  UpstanderPresentation *first = upstander_presentation_new (run);
  UpstanderPresentation *again;

  for (guint i = 0; i < 3; i++)
    upstander_presentation_advance (first);
  upstander_class_run_add_vote (run, 1);
  upstander_presentation_set_panel (first, UPSTANDER_PANEL_DISCUSS);
  upstander_presentation_pick (first, 2);
  g_assert_cmpint (upstander_presentation_get_selected (first), ==, 2);
  g_assert_finalize_object (first);

  /* A window rebuilt for another language makes a new presentation: the vote
   * stays open, on the same panel, with the teacher's pick over the favourite. */
  again = upstander_presentation_new (run);
  g_assert_cmpint (upstander_presentation_get_view (again), ==, UPSTANDER_PRESENTATION_DECISION);
  g_assert_cmpint (upstander_presentation_get_panel (again), ==, UPSTANDER_PANEL_DISCUSS);
  g_assert_cmpint (upstander_presentation_get_selected (again), ==, 2);
  g_assert_cmpint (upstander_class_run_get_leader (run), ==, 1);
  g_assert_cmpuint (n_shown (again), ==, 3);

  g_assert_finalize_object (again);
}

/* A presentation made again on @run (a window rebuilt mid-lesson) shows what @presentation shows. */
static void
assert_picked_up (UpstanderClassRun     *run,
                  UpstanderPresentation *presentation)
{
  UpstanderPresentation *again = upstander_presentation_new (run);

  g_assert_cmpint (upstander_presentation_get_view (again), ==, upstander_presentation_get_view (presentation));
  g_assert_finalize_object (again);
}

/* With a check: before the first scene, again after the ending, then the summary, then "Our class says". */
static void
test_check_before_and_after (void)
{
  const char * const statements[] = { "I know an adult I could tell.", "I know what a witness can do.", NULL };
  g_autoptr(UpstanderBundle) bundle = load_stories ();
  g_autoptr(UpstanderClassRun) run = upstander_class_run_new (upstander_bundle_lookup_scenario (bundle, "the-sticker"));
  UpstanderClassCheck *check = upstander_class_check_new (statements);
  UpstanderPresentation *presentation;
  UpstanderPresentation *again;

  upstander_class_run_set_check (run, check);
  presentation = upstander_presentation_new (run);

  /* The check comes first; Next ("Counted") takes the class to the first line. */
  g_assert_cmpint (upstander_presentation_get_view (presentation), ==, UPSTANDER_PRESENTATION_CHECK);
  g_assert_cmpint (upstander_class_check_get_round (check), ==, UPSTANDER_CHECK_BEFORE);
  upstander_presentation_step_back (presentation);
  g_assert_cmpint (upstander_presentation_get_view (presentation), ==, UPSTANDER_PRESENTATION_CHECK);
  upstander_class_check_add_hand (check, 0);
  upstander_presentation_advance (presentation);
  g_assert_cmpint (upstander_presentation_get_view (presentation), ==, UPSTANDER_PRESENTATION_SCENE);
  g_assert_cmpuint (n_shown (presentation), ==, 1);
  /* Nothing else moves on from the check: the summary and the voice wait for the ending. */
  upstander_presentation_skip_check (presentation);
  upstander_presentation_show_voice (presentation);
  g_assert_cmpint (upstander_presentation_get_view (presentation), ==, UPSTANDER_PRESENTATION_SCENE);

  /* A window rebuilt now does not ask the check again. */
  again = upstander_presentation_new (run);
  g_assert_cmpint (upstander_presentation_get_view (again), ==, UPSTANDER_PRESENTATION_SCENE);
  g_assert_finalize_object (again);

  for (guint i = 0; i < 3; i++)
    upstander_presentation_advance (presentation);
  upstander_class_run_add_vote (run, upstander_class_run_find_choice (run, "wait"));
  g_assert_true (upstander_presentation_choose (presentation));
  upstander_presentation_advance (presentation);
  g_assert_cmpint (upstander_presentation_get_view (presentation), ==, UPSTANDER_PRESENTATION_ENDING);

  /* After the ending: the check again, its second round; Back returns to the ending. */
  upstander_presentation_advance (presentation);
  g_assert_cmpint (upstander_presentation_get_view (presentation), ==, UPSTANDER_PRESENTATION_CHECK);
  g_assert_cmpint (upstander_class_check_get_round (check), ==, UPSTANDER_CHECK_AFTER);
  g_assert_cmpint (upstander_class_run_get_stage (run), ==, UPSTANDER_CLASS_STAGE_CHECK_AFTER);
  assert_picked_up (run, presentation);
  upstander_presentation_step_back (presentation);
  g_assert_cmpint (upstander_presentation_get_view (presentation), ==, UPSTANDER_PRESENTATION_ENDING);
  assert_picked_up (run, presentation);
  upstander_presentation_advance (presentation);
  g_assert_cmpint (upstander_presentation_get_view (presentation), ==, UPSTANDER_PRESENTATION_CHECK);

  /* Skipped: not asked, on to the summary; then "Our class says", and back. */
  upstander_presentation_skip_check (presentation);
  g_assert_cmpint (upstander_presentation_get_view (presentation), ==, UPSTANDER_PRESENTATION_SUMMARY);
  assert_picked_up (run, presentation);
  g_assert_true (upstander_class_check_get_taken (check, UPSTANDER_CHECK_BEFORE));
  g_assert_false (upstander_class_check_get_taken (check, UPSTANDER_CHECK_AFTER));
  upstander_presentation_advance (presentation);
  g_assert_cmpint (upstander_presentation_get_view (presentation), ==, UPSTANDER_PRESENTATION_SUMMARY);
  upstander_presentation_show_voice (presentation);
  g_assert_cmpint (upstander_presentation_get_view (presentation), ==, UPSTANDER_PRESENTATION_VOICE);
  /* Where the lesson is belongs to the run: a window rebuilt now comes back here. */
  g_assert_cmpint (upstander_class_run_get_stage (run), ==, UPSTANDER_CLASS_STAGE_VOICE);
  assert_picked_up (run, presentation);
  upstander_presentation_step_back (presentation);
  g_assert_cmpint (upstander_presentation_get_view (presentation), ==, UPSTANDER_PRESENTATION_SUMMARY);
  upstander_presentation_step_back (presentation);
  g_assert_cmpint (upstander_presentation_get_view (presentation), ==, UPSTANDER_PRESENTATION_CHECK);

  g_assert_finalize_object (presentation);
  g_clear_object (&run);
  g_assert_finalize_object (check);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upstander/presentation/lines-then-vote", test_lines_then_vote);
  g_test_add_func ("/upstander/presentation/votes-pick-and-path", test_votes_pick_and_path);
  g_test_add_func ("/upstander/presentation/picks-up-mid-lesson", test_picks_up_mid_lesson);
  g_test_add_func ("/upstander/presentation/check-before-and-after", test_check_before_and_after);

  return g_test_run ();
}
