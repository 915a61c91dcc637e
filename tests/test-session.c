/* test-session.c: the rules of play, without a display
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "upstander-bundle.h"
#include "upstander-enums.h"
#include "upstander-line-item.h"
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

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint calls;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->calls++;
}

static void
test_lines_revealed_one_at_a_time (void)
{
  g_autoptr(UpstanderBundle) bundle = load_example ();
  g_autoptr(UpstanderSession) session = start (bundle);
  GListModel *lines = upstander_session_get_lines (session);
  g_autoptr(UpstanderLineItem) first = NULL;
  g_autoptr(UpstanderLineItem) second = NULL;
  Change change = { 0, };
  guint notified = 0;

  /* The scene opens on its first line. */
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 1);
  g_assert_false (upstander_session_get_all_revealed (session));
  first = g_list_model_get_item (lines, 0);
  g_assert_cmpint (upstander_line_item_get_kind (first), ==, UPSTANDER_LINE_MESSAGE);
  g_assert_cmpint (upstander_line_item_get_place (first), ==, UPSTANDER_PLACE_GROUP_CHAT);
  g_assert_cmpstr (upstander_line_item_get_speaker (first), ==, "Leo");
  g_assert_cmpstr (upstander_line_item_get_text (first), ==, "lol look at Ana");
  g_assert_false (upstander_line_item_get_from_player (first));

  g_signal_connect (lines, "items-changed", G_CALLBACK (items_changed_cb), &change);
  g_signal_connect_swapped (session, "notify::all-revealed", G_CALLBACK (g_atomic_int_inc), &notified);

  /* Revealing appends one item and touches none of the others. */
  g_assert_true (upstander_session_reveal_next (session));
  g_assert_cmpuint (change.calls, ==, 1);
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);
  second = g_list_model_get_item (lines, 1);
  g_assert_cmpint (upstander_line_item_get_kind (second), ==, UPSTANDER_LINE_NARRATION);
  g_assert_cmpstr (upstander_line_item_get_speaker (second), ==, "");
  g_assert_true (upstander_session_get_all_revealed (session));
  g_assert_cmpuint (notified, ==, 1);

  /* The line only a flag shows is skipped, and there is nothing more. */
  g_assert_false (upstander_session_reveal_next (session));
  g_assert_cmpuint (change.calls, ==, 1);

  /* A teacher steps back a line: the last item goes again. */
  upstander_session_set_n_revealed (session, 1);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 1);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_false (upstander_session_get_all_revealed (session));

  /* A new scene starts again at its first line. */
  upstander_session_choose (session, "message-ana", NULL);
  upstander_session_advance (session, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);
}

static void
test_rewind_reveals_every_line (void)
{
  g_autoptr(UpstanderBundle) bundle = load_example ();
  g_autoptr(UpstanderSession) session = start (bundle);

  play_to_ending (session, "say-nothing", "keep-quiet");
  g_assert_cmpuint (g_list_model_get_n_items (upstander_session_get_lines (session)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (upstander_session_get_choices (session)), ==, 0);

  /* Back at a decision, its lines were read already: straight to the choices. */
  upstander_session_rewind (session);
  g_assert_true (upstander_session_get_all_revealed (session));
  g_assert_cmpuint (g_list_model_get_n_items (upstander_session_get_lines (session)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (upstander_session_get_choices (session)), ==, 2);
}

static void
test_state_is_a_registered_enum (void)
{
  g_autoptr(UpstanderBundle) bundle = load_example ();
  g_autoptr(UpstanderSession) session = start (bundle);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (session), "state");
  g_autoptr(GEnumClass) states = g_type_class_ref (UPSTANDER_TYPE_SESSION_STATE);
  UpstanderSessionState state;

  g_assert_true (G_IS_PARAM_SPEC_ENUM (pspec));
  g_assert_true (pspec->value_type == UPSTANDER_TYPE_SESSION_STATE);

  upstander_session_choose (session, "say-nothing", NULL);
  g_object_get (session, "state", &state, NULL);
  g_assert_cmpstr (g_enum_get_value (states, state)->value_nick, ==, "feedback");
}

static void
test_feedback_item (void)
{
  g_autoptr(UpstanderBundle) bundle = load_example ();
  g_autoptr(UpstanderSession) session = start (bundle);
  UpstanderChoiceItem *feedback;
  guint notified = 0;

  g_signal_connect_swapped (session, "notify::feedback", G_CALLBACK (g_atomic_int_inc), &notified);
  g_assert_null (upstander_session_get_feedback (session));

  upstander_session_choose (session, "say-nothing", NULL);
  feedback = upstander_session_get_feedback (session);
  g_assert_nonnull (feedback);
  g_assert_cmpstr (upstander_choice_item_get_id (feedback), ==, "say-nothing");
  g_assert_cmpstr (upstander_choice_item_get_label (feedback), ==, "Say nothing");
  g_assert_cmpint (upstander_choice_item_get_effect (feedback), ==, UPSTANDER_EFFECT_HARMFUL);
  g_assert_cmpstr (upstander_choice_item_get_feedback (feedback), ==, "Ana is left on her own.");
  g_assert_cmpuint (notified, ==, 1);

  upstander_session_advance (session, NULL);
  g_assert_null (upstander_session_get_feedback (session));
  g_assert_cmpuint (notified, ==, 2);
}

static void
test_ending_item (void)
{
  g_autoptr(UpstanderBundle) bundle = load_example ();
  g_autoptr(UpstanderSession) session = start (bundle);
  const char * const french[] = { "fr", NULL };
  g_autoptr(UpstanderEndingItem) ending = NULL;
  g_autoptr(GEnumClass) outcomes = g_type_class_ref (UPSTANDER_TYPE_OUTCOME);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (session), "ending");
  g_auto(GStrv) texts = NULL;
  g_auto(GStrv) takeaways = NULL;
  g_autofree char *title = NULL;
  UpstanderOutcome outcome;
  guint notified = 0;
  guint title_notified = 0;

  g_assert_true (pspec->value_type == UPSTANDER_TYPE_ENDING_ITEM);
  g_signal_connect_swapped (session, "notify::ending", G_CALLBACK (g_atomic_int_inc), &notified);

  /* Nothing before an ending, through scenes and feedback alike. */
  g_assert_null (upstander_session_get_ending_item (session));
  upstander_session_choose (session, "message-ana", NULL);
  g_assert_null (upstander_session_get_ending_item (session));
  upstander_session_advance (session, NULL);
  upstander_session_advance (session, NULL);
  g_assert_null (upstander_session_get_ending_item (session));
  g_assert_cmpuint (notified, ==, 0);

  upstander_session_choose (session, "keep-quiet", NULL);
  upstander_session_advance (session, NULL);
  g_assert_cmpint (upstander_session_get_state (session), ==, UPSTANDER_SESSION_ENDING);
  g_assert_cmpuint (notified, ==, 1);

  /* What a view binds to, through the properties. */
  g_object_get (session, "ending", &ending, NULL);
  g_assert_true (ending == upstander_session_get_ending_item (session));
  g_object_get (ending, "title", &title, "outcome", &outcome, "texts", &texts, "takeaways", &takeaways, NULL);
  g_assert_cmpstr (title, ==, "Alone");
  g_assert_cmpstr (g_enum_get_value (outcomes, outcome)->value_nick, ==, "mixed");
  g_assert_cmpstrv (texts, ((const char * const []) { "Hm.", NULL }));
  g_assert_cmpstrv (takeaways, ((const char * const []) { "T.", NULL }));
  g_assert_cmpstr (upstander_ending_item_get_id (ending), ==, "alone");
  g_assert_null (upstander_ending_item_get_guide (ending));

  /* A change of language is notified, so a bound label follows it. */
  g_signal_connect_swapped (ending, "notify::title", G_CALLBACK (g_atomic_int_inc), &title_notified);
  upstander_bundle_set_languages (bundle, french);
  g_assert_cmpuint (title_notified, ==, 1);
  g_assert_cmpstr (upstander_ending_item_get_title (ending), ==, "Alone");

  /* Trying another choice leaves the ending: it is gone again. */
  g_assert_true (upstander_session_rewind (session));
  g_assert_null (upstander_session_get_ending_item (session));
  g_assert_cmpuint (notified, ==, 2);

  /* Another ending is another item. */
  upstander_session_choose (session, "tell-with-proof", NULL);
  upstander_session_advance (session, NULL);
  g_assert_cmpuint (notified, ==, 3);
  g_assert_cmpstr (upstander_ending_item_get_id (upstander_session_get_ending_item (session)), ==, "together");
  g_assert_cmpint (upstander_ending_item_get_outcome (upstander_session_get_ending_item (session)), ==,
                   UPSTANDER_OUTCOME_POSITIVE);

  upstander_session_restart (session);
  g_assert_null (upstander_session_get_ending_item (session));
  g_assert_cmpuint (notified, ==, 4);

  g_assert_finalize_object (g_steal_pointer (&ending));
}

/* The ids of the choices model, in order, joined by spaces. */
static char *
choice_order (UpstanderSession *session)
{
  GListModel *choices = upstander_session_get_choices (session);
  g_autoptr(GString) order = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(UpstanderChoiceItem) item = g_list_model_get_item (choices, i);

      g_assert_cmpuint (upstander_choice_item_get_position (item), ==, i);
      g_string_append_printf (order, "%s%s", i > 0 ? " " : "", upstander_choice_item_get_id (item));
    }

  return g_string_free (g_steal_pointer (&order), FALSE);
}

static void
test_choices_shuffled_per_play (void)
{
  g_autoptr(UpstanderBundle) bundle = load_example ();
  UpstanderScenario *scenario = upstander_bundle_lookup_scenario (bundle, "walk-home");
  g_autoptr(GHashTable) firsts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint32 seed = 0; seed < 12; seed++)
    {
      g_autoptr(UpstanderSession) play = upstander_session_new_with_seed (scenario, seed);
      g_autoptr(UpstanderSession) again = upstander_session_new_with_seed (scenario, seed);
      g_autoptr(UpstanderSession) next = upstander_session_new_with_seed (scenario, seed + 1);
      g_autoptr(GPtrArray) offered = upstander_session_dup_choices (play);
      g_autofree char *order = choice_order (play);
      g_autofree char *next_order = NULL;
      g_autofree char *offered_order = NULL;
      g_autoptr(GString) joined = g_string_new (NULL);

      for (guint i = 0; i < offered->len; i++)
        g_string_append_printf (joined, "%s%s", i > 0 ? " " : "",
                                ((const UpstanderChoice *) g_ptr_array_index (offered, i))->id);
      offered_order = g_string_free (g_steal_pointer (&joined), FALSE);

      /* What the model shows is what everyone else is given: facilitator, handout, votes. */
      g_assert_cmpstr (order, ==, offered_order);

      /* The same seed, the same order: a language switch keeps the session and its seed. */
      next_order = choice_order (again);
      g_assert_cmpstr (order, ==, next_order);
      g_clear_pointer (&next_order, g_free);

      /* The next play shows another order. */
      next_order = choice_order (next);
      g_assert_cmpstr (order, !=, next_order);

      /* The rewound decision keeps its order. */
      g_assert_cmpuint (offered->len, ==, 2);
      g_assert_true (upstander_session_choose (play, ((const UpstanderChoice *) g_ptr_array_index (offered, 0))->id, NULL));
      upstander_session_rewind (play);
      g_clear_pointer (&next_order, g_free);
      next_order = choice_order (play);
      g_assert_cmpstr (order, ==, next_order);

      g_hash_table_add (firsts, (gpointer) ((const UpstanderChoice *) g_ptr_array_index (offered, 0))->id);
    }

  /* Either choice comes first in some plays: the file order is not the answer key. */
  g_assert_cmpuint (g_hash_table_size (firsts), ==, 2);
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
  g_test_add_func ("/upstander/session/lines-revealed-one-at-a-time", test_lines_revealed_one_at_a_time);
  g_test_add_func ("/upstander/session/rewind-reveals-every-line", test_rewind_reveals_every_line);
  g_test_add_func ("/upstander/session/state-is-a-registered-enum", test_state_is_a_registered_enum);
  g_test_add_func ("/upstander/session/feedback-item", test_feedback_item);
  g_test_add_func ("/upstander/session/ending-item", test_ending_item);
  g_test_add_func ("/upstander/session/choices-shuffled-per-play", test_choices_shuffled_per_play);

  return g_test_run ();
}
