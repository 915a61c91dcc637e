/* test-workshop-story.c: a story built in the workshop's model checks, plays, exports, imports and undoes
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <time.h>

#include "upstander-bundle.h"
#include "upstander-session.h"
#include "upstander-workshop-story.h"

typedef struct
{
  UpstanderWorkshopStory *story;
  UpstanderWorkshopItem  *start;
  UpstanderWorkshopItem  *lunch;
  UpstanderWorkshopItem  *message_mina;
  UpstanderWorkshopItem  *laugh;
  UpstanderWorkshopItem  *tell_teacher;
  UpstanderWorkshopItem  *keep_quiet;
  UpstanderWorkshopItem  *good_ending;
  UpstanderWorkshopItem  *mixed_ending;
  UpstanderWorkshopItem  *bad_ending;
} Built;

static UpstanderWorkshopItem *
add_choice (UpstanderWorkshopStory *story,
            UpstanderWorkshopItem  *scene,
            const char             *label,
            const char             *effect,
            const char             *feedback,
            UpstanderWorkshopItem  *next)
{
  UpstanderWorkshopItem *choice = upstander_workshop_story_add_choice (story, scene);

  upstander_workshop_story_set (story, choice, "label", label);
  upstander_workshop_story_set (story, choice, "effect", effect);
  upstander_workshop_story_set (story, choice, "feedback", feedback);
  upstander_workshop_story_set (story, choice, "next", upstander_workshop_item_get_id (next));

  return choice;
}

static UpstanderWorkshopItem *
add_ending (UpstanderWorkshopStory *story,
            const char             *outcome,
            const char             *title)
{
  UpstanderWorkshopItem *ending = upstander_workshop_story_add_ending (story, outcome);

  upstander_workshop_story_set (story, ending, "title", title);
  upstander_workshop_story_set (story, ending, "text", "What happened after.");
  upstander_workshop_story_set (story, ending, "takeaway", "Telling an adult helps.");

  return ending;
}

/* The story of the "done when": two decisions, three endings, built only through the model. */
static Built
build_story (void)
{
  Built built = { NULL };
  UpstanderWorkshopStory *story = upstander_workshop_story_new ("en", "You");
  UpstanderWorkshopItem *mina, *jo;

  built.story = story;
  upstander_workshop_story_set (story, story, "title", "The photo");
  upstander_workshop_story_set (story, story, "summary", "Jo shares a photo of Mina.");
  upstander_workshop_story_set (story, story, "goal", "Support someone who is targeted.");
  upstander_workshop_story_set (story, story, "ages", "12-14");
  upstander_workshop_story_add_topic (story, "group-chat", "Group chats");

  mina = upstander_workshop_story_add_person (story, "Mina");
  upstander_workshop_story_set (story, mina, "role", "target");
  jo = upstander_workshop_story_add_person (story, "Jo");

  built.start = upstander_workshop_story_add_scene (story, "group-chat");
  upstander_workshop_story_set (story, built.start, "title", "Class 8 chat");
  upstander_workshop_story_add_line (story, built.start, upstander_workshop_item_get_id (jo), "look at this photo lol");
  upstander_workshop_story_add_line (story, built.start, "", "Mina goes quiet.");
  upstander_workshop_story_set (story, built.start, "prompt", "What do you do?");
  upstander_workshop_story_set (story, built.start, "question", "How might Mina feel?");
  upstander_workshop_story_set (story, built.start, "notes", "Ask who else saw the photo.");

  built.lunch = upstander_workshop_story_add_scene (story, "school");
  upstander_workshop_story_add_line (story, built.lunch, "", "At lunch Mina sits with you.");
  upstander_workshop_story_set (story, built.lunch, "prompt", "What next?");
  upstander_workshop_story_set (story, built.lunch, "question", "Who could help?");

  built.good_ending = add_ending (story, "positive", "Not alone");
  built.mixed_ending = add_ending (story, "mixed", "Quiet for now");
  built.bad_ending = add_ending (story, "negative", "The joke spreads");

  built.message_mina = add_choice (story, built.start, "Message Mina privately", "helpful",
                                   "Mina knows someone cares.", built.lunch);
  built.laugh = add_choice (story, built.start, "Laugh along", "harmful",
                            "A laugh tells Jo the joke worked.", built.bad_ending);
  built.tell_teacher = add_choice (story, built.lunch, "Tell a teacher together", "helpful",
                                   "An adult can stop it.", built.good_ending);
  built.keep_quiet = add_choice (story, built.lunch, "Keep it quiet", "mixed",
                                 "Mina feels better, but the photo is still out there.",
                                 built.mixed_ending);

  return built;
}

static const UpstanderWorkshopProblem *
find_problem (GPtrArray                    *problems,
              UpstanderWorkshopItem        *item,
              UpstanderWorkshopProblemKind  kind)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const UpstanderWorkshopProblem *problem = g_ptr_array_index (problems, i);

      if (problem->item == item && problem->kind == kind)
        return problem;
    }

  return NULL;
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

static char *
story_text (UpstanderWorkshopStory *story)
{
  g_autoptr(GBytes) bytes = upstander_workshop_story_to_bytes (story);

  return bytes_to_string (bytes);
}

static void
test_built_story_passes (void)
{
  Built built = build_story ();
  g_autoptr(UpstanderBundle) bundle = NULL;
  g_autoptr(GPtrArray) problems = upstander_workshop_story_check (built.story, &bundle);
  UpstanderScenario *scenario;

  for (guint i = 0; i < problems->len; i++)
    {
      const UpstanderWorkshopProblem *problem = g_ptr_array_index (problems, i);

      g_test_message ("problem %d: %s", problem->kind, problem->message);
    }
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (bundle);

  scenario = g_ptr_array_index (upstander_bundle_get_scenarios (bundle), 0);
  g_assert_cmpstr (upstander_scenario_get_title (scenario), ==, "The photo");
  g_assert_cmpuint (upstander_scenario_get_age_min (scenario), ==, 12);
  g_assert_cmpuint (upstander_scenario_get_age_max (scenario), ==, 14);
  g_assert_cmpuint (upstander_scenario_get_n_endings (scenario), ==, 3);
  g_assert_cmpstr (upstander_scenario_get_start (scenario)->id, ==,
                   upstander_workshop_item_get_id (built.start));

  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_finalize_object (bundle);
  bundle = NULL;
  g_assert_finalize_object (built.story);
}

/* Plays @choices in order and returns the ending reached. */
static char *
play (UpstanderScenario  *scenario,
      const char * const *choices)
{
  g_autoptr(UpstanderSession) session = upstander_session_new (scenario);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; choices[i] != NULL; i++)
    {
      g_assert_cmpint (upstander_session_get_state (session), ==, UPSTANDER_SESSION_SCENE);
      g_assert_true (upstander_session_choose (session, choices[i], &error));
      g_assert_no_error (error);
      g_assert_cmpint (upstander_session_get_state (session), ==, UPSTANDER_SESSION_FEEDBACK);
      g_assert_true (upstander_session_advance (session, &error));
      g_assert_no_error (error);
    }

  g_assert_cmpint (upstander_session_get_state (session), ==, UPSTANDER_SESSION_ENDING);

  return g_strdup (upstander_session_get_ending (session)->id);
}

static void
test_built_story_plays_to_each_ending (void)
{
  Built built = build_story ();
  g_autoptr(UpstanderBundle) bundle = NULL;
  g_autoptr(GPtrArray) problems = upstander_workshop_story_check (built.story, &bundle);
  UpstanderScenario *scenario;
  const char *good[] = { upstander_workshop_item_get_id (built.message_mina),
                         upstander_workshop_item_get_id (built.tell_teacher), NULL };
  const char *mixed[] = { upstander_workshop_item_get_id (built.message_mina),
                          upstander_workshop_item_get_id (built.keep_quiet), NULL };
  const char *bad[] = { upstander_workshop_item_get_id (built.laugh), NULL };
  g_autofree char *good_end = NULL;
  g_autofree char *mixed_end = NULL;
  g_autofree char *bad_end = NULL;

  g_assert_nonnull (bundle);
  scenario = g_ptr_array_index (upstander_bundle_get_scenarios (bundle), 0);

  good_end = play (scenario, good);
  mixed_end = play (scenario, mixed);
  bad_end = play (scenario, bad);
  g_assert_cmpstr (good_end, ==, upstander_workshop_item_get_id (built.good_ending));
  g_assert_cmpstr (mixed_end, ==, upstander_workshop_item_get_id (built.mixed_ending));
  g_assert_cmpstr (bad_end, ==, upstander_workshop_item_get_id (built.bad_ending));

  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_finalize_object (bundle);
  bundle = NULL;
  g_assert_finalize_object (built.story);
}

static void
test_export_import_round_trip (void)
{
  Built built = build_story ();
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  UpstanderWorkshopStory *imported;
  UpstanderWorkshopItem *scene;
  UpstanderWorkshopItem *line;

  /* A face from the app's drawings travels with the person; the loader checks its name. */
  {
    g_autoptr(UpstanderWorkshopItem) mina = g_list_model_get_item (upstander_workshop_story_get_cast (built.story), 1);

    upstander_workshop_story_set (built.story, mina, "avatar", "hijab");
  }
  exported = upstander_workshop_story_to_bytes (built.story);
  imported = upstander_workshop_story_import (exported, "the-photo.xml", diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (imported);
  g_assert_cmpuint (diagnostics->len, ==, 0);

  g_assert_cmpstr (upstander_workshop_story_get_bundle_id (imported), ==,
                   upstander_workshop_story_get_bundle_id (built.story));
  g_assert_cmpstr (upstander_workshop_story_get (imported, "title"), ==, "The photo");
  g_assert_cmpuint (g_list_model_get_n_items (upstander_workshop_story_get_cast (imported)), ==, 3);
  {
    g_autoptr(UpstanderWorkshopItem) mina = g_list_model_get_item (upstander_workshop_story_get_cast (imported), 1);
    g_autoptr(UpstanderWorkshopItem) other = g_list_model_get_item (upstander_workshop_story_get_cast (imported), 2);

    g_assert_cmpstr (upstander_workshop_item_get (mina, "avatar"), ==, "hijab");
    g_assert_cmpstr (upstander_workshop_item_get (other, "avatar"), ==, "");
  }
  g_assert_cmpuint (g_list_model_get_n_items (upstander_workshop_story_get_scenes (imported)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (upstander_workshop_story_get_endings (imported)), ==, 3);
  scene = g_list_model_get_item (upstander_workshop_story_get_scenes (imported), 0);
  line = g_list_model_get_item (upstander_workshop_item_get_lines (scene), 0);
  g_assert_cmpstr (upstander_workshop_item_get (line, "text"), ==, "look at this photo lol");
  g_assert_cmpuint (g_list_model_get_n_items (upstander_workshop_item_get_choices (scene)), ==, 2);
  g_object_unref (line);
  g_object_unref (scene);

  /* The same file again, byte for byte: nothing is lost or changed on the way. */
  again = upstander_workshop_story_to_bytes (imported);
  g_assert_true (g_bytes_equal (exported, again));

  g_assert_finalize_object (imported);
  g_assert_finalize_object (built.story);
}

/* Markup, entities and format directives are kept as the very characters written. */
static void
test_text_stays_plain (void)
{
  Built built = build_story ();
  const char *hostile = "<b>bold</b> &amp; & %s%n <span size=\"99999\">x</span> ]]>";
  g_autoptr(UpstanderWorkshopItem) line = NULL;
  g_autoptr(UpstanderBundle) bundle = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GError) error = NULL;
  UpstanderWorkshopStory *imported;
  UpstanderScenario *scenario;
  const UpstanderScene *start;
  const UpstanderLine *first;

  upstander_workshop_story_set (built.story, built.story, "title", hostile);
  line = g_list_model_get_item (upstander_workshop_item_get_lines (built.start), 0);
  upstander_workshop_story_set (built.story, line, "text", hostile);

  problems = upstander_workshop_story_check (built.story, &bundle);
  g_assert_cmpuint (upstander_workshop_count_errors (problems), ==, 0);
  g_assert_nonnull (bundle);
  scenario = g_ptr_array_index (upstander_bundle_get_scenarios (bundle), 0);
  g_assert_cmpstr (upstander_scenario_get_title (scenario), ==, hostile);
  start = upstander_scenario_get_start (scenario);
  first = g_ptr_array_index (start->lines, 0);
  g_assert_cmpstr (upstander_scenario_translate (scenario, g_ptr_array_index (first->texts, 0)), ==, hostile);

  exported = upstander_workshop_story_to_bytes (built.story);
  imported = upstander_workshop_story_import (exported, "plain.xml", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upstander_workshop_story_get (imported, "title"), ==, hostile);

  g_assert_finalize_object (imported);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&bundle));
  g_clear_object (&line);
  g_assert_finalize_object (built.story);
}

static void
test_undo_redo_restore_exactly (void)
{
  g_autoptr(UpstanderWorkshopStory) story = upstander_workshop_story_new ("en", "You");
  g_autoptr(GPtrArray) snapshots = g_ptr_array_new_with_free_func (g_free);
  UpstanderWorkshopItem *scene, *choice, *person;
  UpstanderWorkshopItem *player;
  guint n_steps;

  g_assert_false (upstander_workshop_story_can_undo (story));
  g_ptr_array_add (snapshots, story_text (story));

#define STEP(edit) G_STMT_START { edit; upstander_workshop_story_break_merge (story); \
                                  g_ptr_array_add (snapshots, story_text (story)); } G_STMT_END
  STEP (upstander_workshop_story_set (story, story, "title", "A title"));
  STEP (person = upstander_workshop_story_add_person (story, "Leo"));
  STEP (scene = upstander_workshop_story_add_scene (story, "game-lobby"));
  STEP (upstander_workshop_story_add_line (story, scene, upstander_workshop_item_get_id (person), "gg"));
  STEP (choice = upstander_workshop_story_add_choice (story, scene));
  STEP (upstander_workshop_story_set (story, choice, "label", "Report the player"));
  STEP (upstander_workshop_story_add_ending (story, "positive"));
  STEP (upstander_workshop_story_add_scene (story, "home"));
  STEP (upstander_workshop_story_move (story, scene, 1));
  STEP (upstander_workshop_story_remove (story, person));
  STEP (upstander_workshop_story_remove (story, scene));
#undef STEP

  n_steps = snapshots->len - 1;
  for (guint i = n_steps; i > 0; i--)
    {
      g_autofree char *now = NULL;

      g_assert_true (upstander_workshop_story_undo (story));
      now = story_text (story);
      g_assert_cmpstr (now, ==, g_ptr_array_index (snapshots, i - 1));
    }
  g_assert_false (upstander_workshop_story_can_undo (story));
  g_assert_false (upstander_workshop_story_undo (story));

  for (guint i = 1; i <= n_steps; i++)
    {
      g_autofree char *now = NULL;

      g_assert_true (upstander_workshop_story_redo (story));
      now = story_text (story);
      g_assert_cmpstr (now, ==, g_ptr_array_index (snapshots, i));
    }
  g_assert_false (upstander_workshop_story_can_redo (story));

  /* The reader cannot be removed, and a new edit forgets what could be redone. */
  player = g_list_model_get_item (upstander_workshop_story_get_cast (story), 0);
  g_assert_false (upstander_workshop_story_remove (story, player));
  g_clear_object (&player);
  g_assert_true (upstander_workshop_story_undo (story));
  upstander_workshop_story_set (story, story, "summary", "New");
  g_assert_false (upstander_workshop_story_can_redo (story));

  g_assert_finalize_object (g_steal_pointer (&story));
}

/* Typing into one field is one step to undo, not one per letter. */
static void
test_typing_is_one_undo_step (void)
{
  g_autoptr(UpstanderWorkshopStory) story = upstander_workshop_story_new ("en", "You");

  upstander_workshop_story_set (story, story, "title", "T");
  upstander_workshop_story_set (story, story, "title", "Th");
  upstander_workshop_story_set (story, story, "title", "The");
  upstander_workshop_story_break_merge (story);
  upstander_workshop_story_set (story, story, "title", "The end");

  g_assert_true (upstander_workshop_story_undo (story));
  g_assert_cmpstr (upstander_workshop_story_get (story, "title"), ==, "The");
  g_assert_true (upstander_workshop_story_undo (story));
  g_assert_cmpstr (upstander_workshop_story_get (story, "title"), ==, "");
  g_assert_false (upstander_workshop_story_can_undo (story));

  g_assert_finalize_object (g_steal_pointer (&story));
}

static void
test_problems_next_to_their_item (void)
{
  Built built = build_story ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(UpstanderBundle) bundle = NULL;
  const UpstanderWorkshopProblem *problem;

  upstander_workshop_story_set (built.story, built.tell_teacher, "feedback", "");
  upstander_workshop_story_set (built.story, built.keep_quiet, "next", "");
  /* A bidi override: only the loader's own rules know it, and it still lands on its choice. */
  upstander_workshop_story_set (built.story, built.laugh, "label", "Laugh \u202E along");
  upstander_workshop_story_remove (built.story, built.mixed_ending);

  problems = upstander_workshop_story_check (built.story, &bundle);
  g_assert_null (bundle);
  g_assert_nonnull (find_problem (problems, built.tell_teacher, UPSTANDER_WORKSHOP_PROBLEM_NO_FEEDBACK));
  g_assert_nonnull (find_problem (problems, built.keep_quiet, UPSTANDER_WORKSHOP_PROBLEM_NO_NEXT));
  problem = find_problem (problems, built.laugh, UPSTANDER_WORKSHOP_PROBLEM_ENGINE);
  g_assert_nonnull (problem);
  g_assert_cmpint (problem->severity, ==, UPSTANDER_SEVERITY_ERROR);
  g_assert_nonnull (problem->message);

  /* Undoing the four edits gives back a story that passes. */
  for (guint i = 0; i < 4; i++)
    g_assert_true (upstander_workshop_story_undo (built.story));
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = upstander_workshop_story_check (built.story, &bundle);
  g_assert_cmpuint (upstander_workshop_count_errors (problems), ==, 0);
  g_assert_nonnull (bundle);

  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&bundle));
  g_assert_finalize_object (built.story);
}

static void
test_dead_ends_and_loops (void)
{
  Built built = build_story ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(UpstanderWorkshopItem) loop = NULL;

  /* The lunch scene now leads only back to the start and to itself: no ending from there. */
  upstander_workshop_story_set (built.story, built.tell_teacher, "next", upstander_workshop_item_get_id (built.start));
  upstander_workshop_story_set (built.story, built.keep_quiet, "next", upstander_workshop_item_get_id (built.lunch));
  upstander_workshop_story_set (built.story, built.laugh, "next", upstander_workshop_item_get_id (built.lunch));
  loop = g_object_ref (upstander_workshop_story_add_scene (built.story, "home"));

  problems = upstander_workshop_story_check (built.story, NULL);
  g_assert_nonnull (find_problem (problems, built.start, UPSTANDER_WORKSHOP_PROBLEM_NO_ENDING_REACHABLE));
  g_assert_nonnull (find_problem (problems, built.lunch, UPSTANDER_WORKSHOP_PROBLEM_NO_ENDING_REACHABLE));
  g_assert_nonnull (find_problem (problems, loop, UPSTANDER_WORKSHOP_PROBLEM_NO_WAY_ON));
  g_assert_nonnull (find_problem (problems, loop, UPSTANDER_WORKSHOP_PROBLEM_UNREACHABLE));
  g_assert_nonnull (find_problem (problems, built.good_ending, UPSTANDER_WORKSHOP_PROBLEM_UNREACHABLE));

  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_object (&loop);
  g_assert_finalize_object (built.story);
}

static void
test_private_details_are_flagged (void)
{
  Built built = build_story ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(UpstanderBundle) bundle = NULL;
  g_autoptr(UpstanderWorkshopItem) first = g_list_model_get_item (upstander_workshop_item_get_lines (built.start), 0);
  g_autoptr(UpstanderWorkshopItem) second = g_list_model_get_item (upstander_workshop_item_get_lines (built.start), 1);
  g_autoptr(UpstanderWorkshopItem) third = NULL;
  UpstanderWorkshopItem *full_name;
  const UpstanderWorkshopProblem *problem;

  upstander_workshop_story_set (built.story, first, "text", "call me on +44 7700 900123 tonight");
  upstander_workshop_story_set (built.story, second, "text", "She lives at 12 Oak Street, near the park.");
  third = g_object_ref (upstander_workshop_story_add_line (built.story, built.lunch, "", "Then I saw Amira Khan at the gate."));
  full_name = upstander_workshop_story_add_person (built.story, "Daniel Kowalski");

  problems = upstander_workshop_story_check (built.story, &bundle);
  problem = find_problem (problems, first, UPSTANDER_WORKSHOP_PROBLEM_PHONE_NUMBER);
  g_assert_nonnull (problem);
  g_assert_cmpint (problem->severity, ==, UPSTANDER_SEVERITY_WARNING);
  g_assert_cmpstr (problem->message, ==, "+44 7700 900123");
  g_assert_nonnull (find_problem (problems, second, UPSTANDER_WORKSHOP_PROBLEM_ADDRESS));
  g_assert_nonnull (find_problem (problems, third, UPSTANDER_WORKSHOP_PROBLEM_FULL_NAME));
  g_assert_nonnull (find_problem (problems, full_name, UPSTANDER_WORKSHOP_PROBLEM_FULL_NAME));
  /* A first name alone, a year and a lone number are fine. */
  g_assert_null (find_problem (problems, built.message_mina, UPSTANDER_WORKSHOP_PROBLEM_FULL_NAME));
  /* Warnings never stop a story. */
  g_assert_cmpuint (upstander_workshop_count_errors (problems), ==, 0);
  g_assert_nonnull (bundle);

  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&bundle));
  g_clear_object (&first);
  g_clear_object (&second);
  g_clear_object (&third);
  g_assert_finalize_object (built.story);
}

static void
test_ordinary_text_is_not_flagged (void)
{
  Built built = build_story ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(UpstanderWorkshopItem) first = g_list_model_get_item (upstander_workshop_item_get_lines (built.start), 0);

  upstander_workshop_story_set (built.story, first, "text", "In 2024 we had 30 pupils in Class 8. Meet at 3 by the gate, OK?");
  problems = upstander_workshop_story_check (built.story, NULL);
  g_assert_cmpuint (problems->len, ==, 0);

  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_object (&first);
  g_assert_finalize_object (built.story);
}

static void
test_broken_import_is_refused (void)
{
  Built built = build_story ();
  g_autofree char *text = story_text (built.story);
  g_autofree char *target = g_strdup_printf ("next=\"%s\"", upstander_workshop_item_get_id (built.good_ending));
  g_auto(GStrv) parts = g_strsplit (text, target, 2);
  g_autofree char *broken = g_strjoinv ("next=\"nowhere\"", parts);
  g_autoptr(GBytes) bytes = g_bytes_new (broken, strlen (broken));
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  UpstanderWorkshopStory *imported;
  gboolean names_nowhere = FALSE;

  g_assert_cmpuint (g_strv_length (parts), ==, 2);

  imported = upstander_workshop_story_import (bytes, "broken.xml", diagnostics, &error);
  g_assert_null (imported);
  g_assert_error (error, UPSTANDER_BUNDLE_ERROR, UPSTANDER_BUNDLE_ERROR_INVALID);
  g_assert_cmpuint (diagnostics->len, >, 0);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const UpstanderDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      g_assert_cmpstr (diagnostic->file, ==, "broken.xml");
      g_assert_cmpuint (diagnostic->line, >, 0);
      names_nowhere |= strstr (diagnostic->message, "nowhere") != NULL;
    }
  g_assert_true (names_nowhere);

  g_assert_finalize_object (built.story);
}

static void
test_hostile_files_are_refused (void)
{
  const char *inputs[] = {
    "",
    "not xml at all",
    "<?xml version=\"1.0\"?><!DOCTYPE bundle [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
    "<bundle xmlns=\"urn:upstander:bundle:1\" id=\"a\" version=\"1\" xml:lang=\"en\">&x;<scenario/></bundle>",
    "<bundle xmlns=\"urn:other\"><scenario/></bundle>",
    "<bundle xmlns=\"urn:upstander:bundle:1\" id=\"a\" version=\"1\" xml:lang=\"en\"><info/></bundle>",
    "<bundle xmlns=\"urn:upstander:bundle:1\"><scenario",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (inputs[i], strlen (inputs[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) import_error = NULL;
      g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();

      g_assert_null (upstander_workshop_story_new_from_bytes (bytes, "hostile.xml", &error));
      g_assert_nonnull (error);
      g_assert_null (upstander_workshop_story_import (bytes, "hostile.xml", diagnostics, &import_error));
      g_assert_nonnull (import_error);
    }
}

/* A half-written story is kept as a draft and comes back the same, though it does not pass. */
static void
test_draft_round_trip (void)
{
  g_autoptr(UpstanderWorkshopStory) story = upstander_workshop_story_new ("fr", "Toi");
  g_autoptr(GBytes) draft = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  UpstanderWorkshopStory *reopened;
  UpstanderWorkshopItem *scene;

  upstander_workshop_story_set (story, story, "title", "Le groupe");
  scene = upstander_workshop_story_add_scene (story, "group-chat");
  upstander_workshop_story_add_line (story, scene, "you", "salut");
  upstander_workshop_story_add_choice (story, scene);

  problems = upstander_workshop_story_check (story, NULL);
  g_assert_cmpuint (upstander_workshop_count_errors (problems), >, 0);
  g_assert_nonnull (find_problem (problems, NULL, UPSTANDER_WORKSHOP_PROBLEM_NO_ENDING));
  g_assert_nonnull (find_problem (problems, scene, UPSTANDER_WORKSHOP_PROBLEM_ONE_CHOICE));

  draft = upstander_workshop_story_to_bytes (story);
  reopened = upstander_workshop_story_new_from_bytes (draft, "draft.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upstander_workshop_story_get_language (reopened), ==, "fr");
  again = upstander_workshop_story_to_bytes (reopened);
  g_assert_true (g_bytes_equal (draft, again));
  g_assert_false (upstander_workshop_story_can_undo (reopened));
  g_assert_finalize_object (reopened);

  /* A face the app has no drawing for, written into a draft by hand, falls back to initials. */
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (draft, NULL), g_bytes_get_size (draft));
    g_auto(GStrv) parts = g_strsplit (text, "role=\"player\"", 2);
    g_autofree char *edited = g_strjoinv ("role=\"player\" avatar=\"../../etc/passwd\"", parts);
    g_autoptr(GBytes) hand_edited = g_bytes_new (edited, strlen (edited));
    g_autoptr(UpstanderWorkshopItem) player = NULL;

    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    reopened = upstander_workshop_story_new_from_bytes (hand_edited, "draft.xml", &error);
    g_assert_no_error (error);
    player = g_list_model_get_item (upstander_workshop_story_get_cast (reopened), 0);
    g_assert_cmpstr (upstander_workshop_item_get (player, "role"), ==, "player");
    g_assert_cmpstr (upstander_workshop_item_get (player, "avatar"), ==, "");
    g_clear_object (&player);
    g_assert_finalize_object (reopened);
  }

  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&story));
}

/* A 1 MiB text of digits, spaces and capitals is refused as too long, quickly. */
static void
test_huge_text_is_checked_quickly (void)
{
  Built built = build_story ();
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(UpstanderWorkshopItem) line = g_list_model_get_item (upstander_workshop_item_get_lines (built.start), 0);
  const char *pieces[] = { "1 ", "Ab Cd ", "12 calle ", "-(", "x@y." };
  clock_t start;

  for (guint i = 0; huge->len < 1024 * 1024; i++)
    g_string_append (huge, pieces[i % G_N_ELEMENTS (pieces)]);
  upstander_workshop_story_set (built.story, line, "text", huge->str);

  start = clock ();
  problems = upstander_workshop_story_check (built.story, NULL);
  g_assert_nonnull (find_problem (problems, line, UPSTANDER_WORKSHOP_PROBLEM_TOO_LONG));
  /* CPU time, with a wide margin (it takes well under a second): a hostile text must not take minutes. */
  g_assert_cmpfloat ((double) (clock () - start) / CLOCKS_PER_SEC, <, 30.0);

  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_object (&line);
  g_assert_finalize_object (built.story);
}

/* A pasted control character or broken UTF-8 never makes a story unreadable. */
static void
test_control_characters_are_dropped (void)
{
  Built built = build_story ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(UpstanderBundle) bundle = NULL;
  g_autoptr(GBytes) draft = NULL;
  g_autoptr(GError) error = NULL;
  UpstanderWorkshopStory *reopened;

  upstander_workshop_story_set (built.story, built.laugh, "label", "Laugh\x01 al\x1bong\x7f\xc2\x85 \xff!");
  g_assert_cmpstr (upstander_workshop_item_get (built.laugh, "label"), ==, "Laugh along \xef\xbf\xbd!");

  problems = upstander_workshop_story_check (built.story, &bundle);
  g_assert_cmpuint (upstander_workshop_count_errors (problems), ==, 0);
  g_assert_nonnull (bundle);

  draft = upstander_workshop_story_to_bytes (built.story);
  reopened = upstander_workshop_story_new_from_bytes (draft, "draft.xml", &error);
  g_assert_no_error (error);

  g_assert_finalize_object (reopened);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&bundle));
  g_assert_finalize_object (built.story);
}

/* A bundle written by hand opens as a new workshop story: installing it replaces nothing. */
static void
test_hand_written_bundle_gets_its_own_id (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "session.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(UpstanderBundle) bundle = NULL;
  UpstanderWorkshopStory *story;
  gsize size;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  bytes = g_bytes_new (contents, size);
  story = upstander_workshop_story_import (bytes, "session.xml", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (upstander_workshop_story_get_bundle_id (story), "workshop-"));
  g_assert_cmpuint (g_list_model_get_n_items (upstander_workshop_story_get_scenes (story)), >, 0);

  problems = upstander_workshop_story_check (story, &bundle);
  for (guint i = 0; i < problems->len; i++)
    {
      const UpstanderWorkshopProblem *problem = g_ptr_array_index (problems, i);

      g_test_message ("problem %d: %s", problem->kind, problem->message);
    }
  /* Conditions and flags are left out, and what stays still makes a story that passes. */
  g_assert_cmpuint (upstander_workshop_count_errors (problems), ==, 0);
  g_assert_nonnull (bundle);

  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&bundle));
  g_assert_finalize_object (story);
}

/* Translations stay out of the workshop; an element in the bundle's own language is its text. */
static void
test_own_language_and_translations (void)
{
  Built built = build_story ();
  g_autofree char *text = story_text (built.story);
  g_autofree char *translated = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  UpstanderWorkshopStory *imported;
  GRegex *title = g_regex_new ("<title>The photo</title>", 0, 0, NULL);

  translated = g_regex_replace_literal (title, text, -1, 0,
                                        "<title xml:lang=\"en\">The photo</title><title xml:lang=\"fr\">La photo</title>",
                                        0, NULL);
  g_regex_unref (title);
  g_assert_nonnull (strstr (translated, "La photo"));
  bytes = g_bytes_new (translated, strlen (translated));
  imported = upstander_workshop_story_import (bytes, "translated.xml", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upstander_workshop_story_get (imported, "title"), ==, "The photo");

  g_assert_finalize_object (imported);
  g_assert_finalize_object (built.story);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upstander/workshop-story/built-story-passes", test_built_story_passes);
  g_test_add_func ("/upstander/workshop-story/plays-to-each-ending", test_built_story_plays_to_each_ending);
  g_test_add_func ("/upstander/workshop-story/export-import-round-trip", test_export_import_round_trip);
  g_test_add_func ("/upstander/workshop-story/text-stays-plain", test_text_stays_plain);
  g_test_add_func ("/upstander/workshop-story/undo-redo-restore-exactly", test_undo_redo_restore_exactly);
  g_test_add_func ("/upstander/workshop-story/typing-is-one-undo-step", test_typing_is_one_undo_step);
  g_test_add_func ("/upstander/workshop-story/problems-next-to-their-item", test_problems_next_to_their_item);
  g_test_add_func ("/upstander/workshop-story/dead-ends-and-loops", test_dead_ends_and_loops);
  g_test_add_func ("/upstander/workshop-story/private-details-are-flagged", test_private_details_are_flagged);
  g_test_add_func ("/upstander/workshop-story/ordinary-text-is-not-flagged", test_ordinary_text_is_not_flagged);
  g_test_add_func ("/upstander/workshop-story/broken-import-is-refused", test_broken_import_is_refused);
  g_test_add_func ("/upstander/workshop-story/hostile-files-are-refused", test_hostile_files_are_refused);
  g_test_add_func ("/upstander/workshop-story/draft-round-trip", test_draft_round_trip);
  g_test_add_func ("/upstander/workshop-story/huge-text-is-checked-quickly", test_huge_text_is_checked_quickly);
  g_test_add_func ("/upstander/workshop-story/control-characters-are-dropped", test_control_characters_are_dropped);
  g_test_add_func ("/upstander/workshop-story/hand-written-bundle-gets-its-own-id", test_hand_written_bundle_gets_its_own_id);
  g_test_add_func ("/upstander/workshop-story/own-language-and-translations", test_own_language_and_translations);

  return g_test_run ();
}
