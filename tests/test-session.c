/* test-session.c: the rules of play, without a display */
#include "upstander-bundle.h"
#include "upstander-session.h"

static UpstanderBundle *
load_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "session.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  UpstanderBundle *bundle = upstander_bundle_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);

  return bundle;
}

static UpstanderSession *
start (UpstanderBundle *bundle)
{
  return upstander_session_new (upstander_bundle_lookup_scenario (bundle, "walk-home"));
}

static guint
n_visible (UpstanderSession *session)
{
  g_autoptr(GPtrArray) lines = upstander_session_dup_visible_lines (session);

  return lines->len;
}

static void
test_starts_at_start (void)
{
  g_autoptr(UpstanderBundle) bundle = load_example ();
  g_autoptr(UpstanderSession) session = start (bundle);
  g_autoptr(GPtrArray) choices = upstander_session_dup_choices (session);

  g_assert_cmpint (upstander_session_get_state (session), ==, UPSTANDER_SESSION_SCENE);
  g_assert_cmpstr (upstander_session_get_scene (session)->id, ==, "chat");
  g_assert_cmpuint (n_visible (session), ==, 2);
  /* The third choice needs a flag nobody has yet. */
  g_assert_cmpuint (choices->len, ==, 2);
  g_assert_false (upstander_session_can_rewind (session));
}

static void
test_choose_shows_feedback_then_goes_on (void)
{
  g_autoptr(UpstanderBundle) bundle = load_example ();
  g_autoptr(UpstanderSession) session = start (bundle);
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  g_signal_connect_swapped (session, "changed", G_CALLBACK (g_atomic_int_inc), &changes);

  g_assert_true (upstander_session_choose (session, "message-ana", &error));
  g_assert_no_error (error);
  g_assert_cmpint (upstander_session_get_state (session), ==, UPSTANDER_SESSION_FEEDBACK);
  g_assert_cmpstr (upstander_session_get_last_choice (session)->id, ==, "message-ana");
  g_assert_true (upstander_session_has_flag (session, "reached-out"));
  /* No choices while the feedback shows. */
  choices = upstander_session_dup_choices (session);
  g_assert_cmpuint (choices->len, ==, 0);

  g_assert_true (upstander_session_advance (session, &error));
  g_assert_cmpstr (upstander_session_get_scene (session)->id, ==, "school");
  g_assert_null (upstander_session_get_last_choice (session));
  g_assert_cmpuint (changes, ==, 2);
}

static void
test_conditional_lines (void)
{
  g_autoptr(UpstanderBundle) bundle = load_example ();
  g_autoptr(UpstanderSession) kind = start (bundle);
  g_autoptr(UpstanderSession) silent = start (bundle);
  g_autoptr(GPtrArray) kind_lines = NULL;
  g_autoptr(GPtrArray) silent_lines = NULL;

  upstander_session_choose (kind, "message-ana", NULL);
  upstander_session_advance (kind, NULL);
  upstander_session_choose (silent, "say-nothing", NULL);
  upstander_session_advance (silent, NULL);

  kind_lines = upstander_session_dup_visible_lines (kind);
  silent_lines = upstander_session_dup_visible_lines (silent);

  /* One narration for everyone, then one that depends on the flag. */
  g_assert_cmpuint (kind_lines->len, ==, 2);
  g_assert_cmpuint (silent_lines->len, ==, 2);
  g_assert_cmpstr (upstander_text_get_original (g_ptr_array_index (((UpstanderLine *) g_ptr_array_index (kind_lines, 1))->texts, 0)),
                   ==, "Ana waves at you.");
  g_assert_cmpstr (upstander_text_get_original (g_ptr_array_index (((UpstanderLine *) g_ptr_array_index (silent_lines, 1))->texts, 0)),
                   ==, "Ana eats alone.");
}

static void
test_conditional_choice_and_continue (void)
{
  g_autoptr(UpstanderBundle) bundle = load_example ();
  g_autoptr(UpstanderSession) session = start (bundle);
  g_autoptr(GPtrArray) choices = NULL;

  upstander_session_choose (session, "message-ana", NULL);
  upstander_session_advance (session, NULL);
  g_assert_true (upstander_session_advance (session, NULL));
  g_assert_cmpstr (upstander_session_get_scene (session)->id, ==, "evening");

  /* "Tell a teacher what you saved" is open only with the flag. */
  choices = upstander_session_dup_choices (session);
  g_assert_cmpuint (choices->len, ==, 3);

  g_assert_true (upstander_session_choose (session, "tell-with-proof", NULL));
  g_assert_true (upstander_session_advance (session, NULL));
  g_assert_cmpint (upstander_session_get_state (session), ==, UPSTANDER_SESSION_ENDING);
  g_assert_cmpstr (upstander_session_get_ending (session)->id, ==, "together");
}

static void
test_closed_choice_refused (void)
{
  g_autoptr(UpstanderBundle) bundle = load_example ();
  g_autoptr(UpstanderSession) session = start (bundle);
  g_autoptr(GError) error = NULL;

  g_assert_false (upstander_session_choose (session, "brag", &error));
  g_assert_error (error, UPSTANDER_SESSION_ERROR, UPSTANDER_SESSION_ERROR_NO_SUCH_CHOICE);
  g_clear_error (&error);

  g_assert_false (upstander_session_choose (session, "no-such-choice", &error));
  g_assert_error (error, UPSTANDER_SESSION_ERROR, UPSTANDER_SESSION_ERROR_NO_SUCH_CHOICE);
  g_clear_error (&error);

  /* Advancing past a decision without choosing is refused too. */
  g_assert_false (upstander_session_advance (session, &error));
  g_assert_error (error, UPSTANDER_SESSION_ERROR, UPSTANDER_SESSION_ERROR_NOT_NOW);
  g_assert_cmpstr (upstander_session_get_scene (session)->id, ==, "chat");
}

static void
play_to_ending (UpstanderSession *session,
                const char       *first,
                const char       *second)
{
  g_assert_true (upstander_session_choose (session, first, NULL));
  g_assert_true (upstander_session_advance (session, NULL));
  g_assert_true (upstander_session_advance (session, NULL));
  g_assert_true (upstander_session_choose (session, second, NULL));
  g_assert_true (upstander_session_advance (session, NULL));
  g_assert_cmpint (upstander_session_get_state (session), ==, UPSTANDER_SESSION_ENDING);
}

static void
test_rewind_restores_flags (void)
{
  g_autoptr(UpstanderBundle) bundle = load_example ();
  g_autoptr(UpstanderSession) session = start (bundle);
  g_autoptr(GError) error = NULL;

  play_to_ending (session, "message-ana", "keep-quiet");
  g_assert_cmpstr (upstander_session_get_ending (session)->id, ==, "alone");
  g_assert_false (upstander_session_advance (session, &error));
  g_assert_error (error, UPSTANDER_SESSION_ERROR, UPSTANDER_SESSION_ERROR_NOT_NOW);

  /* Back to the last decision: the evening, flags as they were there. */
  g_assert_true (upstander_session_rewind (session));
  g_assert_cmpint (upstander_session_get_state (session), ==, UPSTANDER_SESSION_SCENE);
  g_assert_cmpstr (upstander_session_get_scene (session)->id, ==, "evening");
  g_assert_true (upstander_session_has_flag (session, "reached-out"));

  /* Back again: the first decision, where the flag was not yet set. */
  g_assert_true (upstander_session_rewind (session));
  g_assert_cmpstr (upstander_session_get_scene (session)->id, ==, "chat");
  g_assert_false (upstander_session_has_flag (session, "reached-out"));
  g_assert_false (upstander_session_rewind (session));
}

static void
test_endings_found (void)
{
  g_autoptr(UpstanderBundle) bundle = load_example ();
  g_autoptr(UpstanderSession) session = start (bundle);

  g_assert_cmpuint (upstander_session_get_n_endings_found (session), ==, 0);

  play_to_ending (session, "message-ana", "keep-quiet");
  g_assert_cmpuint (upstander_session_get_n_endings_found (session), ==, 1);

  upstander_session_rewind (session);
  g_assert_true (upstander_session_choose (session, "tell-with-proof", NULL));
  g_assert_true (upstander_session_advance (session, NULL));
  g_assert_cmpstr (upstander_session_get_ending (session)->id, ==, "together");
  g_assert_cmpuint (upstander_session_get_n_endings_found (session), ==, 2);

  /* The same ending twice counts once; a restart keeps what was found. */
  upstander_session_restart (session);
  g_assert_cmpstr (upstander_session_get_scene (session)->id, ==, "chat");
  g_assert_false (upstander_session_has_flag (session, "reached-out"));
  play_to_ending (session, "message-ana", "keep-quiet");
  g_assert_cmpuint (upstander_session_get_n_endings_found (session), ==, 2);
  g_assert_true (upstander_session_has_found_ending (session, "together"));

  /* Seeding from stored progress ignores ids the scenario no longer has. */
  upstander_session_add_found_ending (session, "gone-ending");
  g_assert_cmpuint (upstander_session_get_n_endings_found (session), ==, 2);
}

static void
test_history (void)
{
  g_autoptr(UpstanderBundle) bundle = load_example ();
  g_autoptr(UpstanderSession) session = start (bundle);

  play_to_ending (session, "say-nothing", "keep-quiet");
  g_assert_cmpuint (upstander_session_get_n_decisions_made (session), ==, 2);
  g_assert_cmpstr (upstander_session_get_choice_at (session, 0), ==, "say-nothing");
  g_assert_cmpstr (upstander_session_get_choice_at (session, 1), ==, "keep-quiet");
}

static void
test_session_keeps_bundle_alive (void)
{
  UpstanderBundle *bundle = load_example ();
  g_autoptr(UpstanderSession) session = start (bundle);

  /* The library may drop its bundles (a reload); a session in play keeps working. */
  g_object_unref (bundle);
  g_assert_true (upstander_session_choose (session, "message-ana", NULL));
  g_assert_cmpstr (upstander_scenario_get_title (upstander_session_get_scenario (session)), ==, "The walk home");
  g_assert_finalize_object (g_steal_pointer (&session));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upstander/session/starts-at-start", test_starts_at_start);
  g_test_add_func ("/upstander/session/choose-shows-feedback-then-goes-on", test_choose_shows_feedback_then_goes_on);
  g_test_add_func ("/upstander/session/conditional-lines", test_conditional_lines);
  g_test_add_func ("/upstander/session/conditional-choice-and-continue", test_conditional_choice_and_continue);
  g_test_add_func ("/upstander/session/closed-choice-refused", test_closed_choice_refused);
  g_test_add_func ("/upstander/session/rewind-restores-flags", test_rewind_restores_flags);
  g_test_add_func ("/upstander/session/endings-found", test_endings_found);
  g_test_add_func ("/upstander/session/history", test_history);
  g_test_add_func ("/upstander/session/keeps-bundle-alive", test_session_keeps_bundle_alive);

  return g_test_run ();
}
