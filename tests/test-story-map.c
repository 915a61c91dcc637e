/* test-story-map.c: which decisions lead to which endings, and which were found, without a display
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "upstander-bundle.h"
#include "upstander-diagnostic.h"
#include "upstander-session.h"
#include "upstander-story-map.h"

#include <time.h>

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

static UpstanderScenario *
walk_home (UpstanderBundle *bundle)
{
  return upstander_bundle_lookup_scenario (bundle, "walk-home");
}

/* The index of ending @id in @map. */
static guint
ending_index (UpstanderStoryMap *map,
              const char        *id)
{
  for (guint i = 0; i < upstander_story_map_get_n_endings (map); i++)
    if (g_str_equal (upstander_story_map_get_ending (map, i)->id, id))
      return i;

  g_assert_not_reached ();
}

/* The path to @id as "choice,choice", each with a * when it was taken. */
static char *
path_string (UpstanderStoryMap *map,
             const char        *id)
{
  GPtrArray *path = upstander_story_map_get_path (map, ending_index (map, id));
  g_autoptr(GString) text = g_string_new ("");

  if (path == NULL)
    return g_strdup ("(none)");

  for (guint i = 0; i < path->len; i++)
    {
      const UpstanderMapStep *step = g_ptr_array_index (path, i);

      g_string_append_printf (text, "%s%s@%s%s", i > 0 ? "," : "",
                              step->choice->id, step->scene->id, step->taken ? "*" : "");
    }

  return g_strdup (text->str);
}

#define assert_path(map, id, expected) \
  G_STMT_START { g_autofree char *_p = path_string (map, id); g_assert_cmpstr (_p, ==, expected); } G_STMT_END

static void
test_nothing_found_yet (void)
{
  g_autoptr(UpstanderBundle) bundle = load_example ();
  UpstanderStoryMap *map = upstander_story_map_new (walk_home (bundle), NULL, NULL);

  g_assert_cmpuint (upstander_story_map_get_n_endings (map), ==, 2);
  g_assert_cmpuint (upstander_story_map_get_n_found (map), ==, 0);
  g_assert_false (upstander_story_map_get_found (map, ending_index (map, "together")));
  g_assert_false (upstander_story_map_get_reached (map, ending_index (map, "alone")));
  /* "Together" needs the flag that messaging Ana sets: the choice that looks
   * shortest ("brag", straight to it) is closed at the start. */
  assert_path (map, "together", "message-ana@chat,tell-with-proof@evening");
  /* The first shortest way, through a scene without a decision (school → evening). */
  assert_path (map, "alone", "message-ana@chat,keep-quiet@evening");

  g_assert_finalize_object (map);
}

static void
test_path_taken_and_found (void)
{
  g_autoptr(UpstanderBundle) bundle = load_example ();
  const char *found[] = { "alone", NULL };
  const char *taken[] = { "say-nothing", "tell-later", NULL };
  UpstanderStoryMap *map = upstander_story_map_new (walk_home (bundle), found, taken);

  g_assert_true (upstander_story_map_get_found (map, ending_index (map, "alone")));
  g_assert_true (upstander_story_map_get_reached (map, ending_index (map, "alone")));
  g_assert_false (upstander_story_map_get_found (map, ending_index (map, "together")));
  g_assert_false (upstander_story_map_get_reached (map, ending_index (map, "together")));
  g_assert_cmpuint (upstander_story_map_get_n_found (map), ==, 1);
  /* The ending reached shows the way the reader took, not the shortest. */
  assert_path (map, "alone", "say-nothing@chat*,tell-later@evening*");
  assert_path (map, "together", "message-ana@chat,tell-with-proof@evening");

  g_assert_finalize_object (map);
}

static void
test_shared_steps_marked_taken (void)
{
  g_autoptr(UpstanderBundle) bundle = load_example ();
  const char *taken[] = { "message-ana", "keep-quiet", NULL };
  UpstanderStoryMap *map = upstander_story_map_new (walk_home (bundle), NULL, taken);

  /* Reaching an ending is finding it, even when the store kept nothing. */
  g_assert_true (upstander_story_map_get_found (map, ending_index (map, "alone")));
  assert_path (map, "alone", "message-ana@chat*,keep-quiet@evening*");
  /* The first step towards "together" is the one the reader took. */
  assert_path (map, "together", "message-ana@chat*,tell-with-proof@evening");

  g_assert_finalize_object (map);
}

static void
test_stale_choices_reach_nothing (void)
{
  g_autoptr(UpstanderBundle) bundle = load_example ();
  /* A choice closed at that point (no flag yet), then one from an older version. */
  const char *closed[] = { "brag", NULL };
  const char *unknown[] = { "message-ana", "gone-in-version-2", NULL };
  const char *unfinished[] = { "message-ana", NULL };
  const char * const *cases[] = { closed, unknown, unfinished };
  /* A way that leaves the story marks nothing; one that stops short marks what was taken. */
  const char *expected[] = {
    "message-ana@chat,tell-with-proof@evening",
    "message-ana@chat,tell-with-proof@evening",
    "message-ana@chat*,tell-with-proof@evening",
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      UpstanderStoryMap *map = upstander_story_map_new (walk_home (bundle), NULL, cases[c]);

      for (guint i = 0; i < upstander_story_map_get_n_endings (map); i++)
        {
          g_assert_false (upstander_story_map_get_reached (map, i));
          g_assert_false (upstander_story_map_get_found (map, i));
        }
      assert_path (map, "together", expected[c]);

      g_assert_finalize_object (map);
    }
}

static void
test_from_session (void)
{
  g_autoptr(UpstanderBundle) bundle = load_example ();
  g_autoptr(UpstanderSession) session = upstander_session_new (walk_home (bundle));
  UpstanderStoryMap *map;

  upstander_session_add_found_ending (session, "together");
  g_assert_true (upstander_session_choose (session, "say-nothing", NULL));
  g_assert_true (upstander_session_advance (session, NULL));
  while (upstander_session_get_state (session) == UPSTANDER_SESSION_SCENE &&
         upstander_session_get_scene (session)->decision == NULL)
    g_assert_true (upstander_session_advance (session, NULL));
  g_assert_true (upstander_session_choose (session, "keep-quiet", NULL));
  g_assert_true (upstander_session_advance (session, NULL));
  g_assert_cmpint (upstander_session_get_state (session), ==, UPSTANDER_SESSION_ENDING);

  map = upstander_story_map_new_for_session (session);
  g_assert_cmpuint (upstander_story_map_get_n_found (map), ==, 2);
  g_assert_true (upstander_story_map_get_reached (map, ending_index (map, "alone")));
  g_assert_false (upstander_story_map_get_reached (map, ending_index (map, "together")));
  assert_path (map, "alone", "say-nothing@chat*,keep-quiet@evening*");

  g_assert_finalize_object (map);
}

/*
 * A story of 14 decisions in a row, each able to set a flag that a later
 * choice tests: 2^14 (scene, flags) states. The search stops at its bound,
 * finds the ways it can, and must not try them all.
 */
static void
test_many_flags_bounded (void)
{
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(UpstanderBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  UpstanderStoryMap *map;
  double start_cpu;

  g_string_append (xml,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<bundle xmlns=\"urn:upstander:bundle:1\" id=\"flags\" version=\"1\" xml:lang=\"en\">\n"
                   "<info><name>N</name><description>D.</description><author>A</author><license>CC0-1.0</license></info>\n"
                   "<topic id=\"t\"><name>T</name></topic>\n"
                   "<scenario id=\"row\" version=\"1\" ages=\"8-11\" minutes=\"3\" topics=\"t\">\n"
                   "<title>Row</title><summary>S.</summary><goal>G.</goal>\n"
                   "<cast><person id=\"you\" role=\"player\"><name>You</name></person></cast>\n");
  for (guint i = 0; i < 14; i++)
    {
      g_string_append_printf (xml,
                              "<scene id=\"s%u\" place=\"home\"%s><narration><text>Step.</text></narration>\n"
                              "<decision><prompt>P?</prompt><discuss><question>Q?</question></discuss>\n"
                              "<choice id=\"set%u\" next=\"s%u\" effect=\"mixed\" sets=\"f%u\"><label>L</label><feedback><text>F.</text></feedback></choice>\n"
                              "<choice id=\"skip%u\" next=\"s%u\" effect=\"mixed\"><label>L</label><feedback><text>F.</text></feedback></choice>\n"
                              "<choice id=\"leave%u\" next=\"end\" effect=\"mixed\"><label>L</label><feedback><text>F.</text></feedback></choice>\n",
                              i, i == 0 ? " start=\"yes\"" : "", i, i + 1, i, i, i + 1, i);
      if (i > 0)
        g_string_append_printf (xml,
                                "<choice id=\"back%u\" next=\"%s\" effect=\"mixed\" if=\"f%u\"><label>L</label><feedback><text>F.</text></feedback></choice>\n",
                                i, i == 13 ? "late" : "end", i - 1);
      g_string_append (xml, "</decision></scene>\n");
    }
  g_string_append (xml,
                   "<scene id=\"s14\" place=\"home\"><narration><text>Last.</text></narration><continue next=\"end\"/></scene>\n"
                   "<ending id=\"end\" outcome=\"positive\"><title>End</title><text>E.</text><takeaway>T.</takeaway></ending>\n"
                   "<ending id=\"late\" outcome=\"mixed\"><title>Late</title><text>E.</text><takeaway>T.</takeaway></ending>\n"
                   "</scenario></bundle>\n");
  bytes = g_string_free_to_bytes (g_steal_pointer (&xml));
  {
    g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();

    bundle = upstander_bundle_load_bytes (bytes, "flags.xml", diagnostics, &error);
    for (guint i = 0; error != NULL && i < diagnostics->len; i++)
      {
        g_autofree char *message = upstander_diagnostic_format (g_ptr_array_index (diagnostics, i));

        g_printerr ("%s\n", message);
      }
    g_assert_no_error (error);
  }

  start_cpu = (double) clock () / CLOCKS_PER_SEC;
  map = upstander_story_map_new (upstander_bundle_lookup_scenario (bundle, "row"), NULL, NULL);
  /* A wide margin: the bounded search takes milliseconds. */
  g_assert_cmpfloat ((double) clock () / CLOCKS_PER_SEC - start_cpu, <, 5.0);
  assert_path (map, "end", "leave0@s0");
  /* "Late" is 14 decisions deep, past 4096 states of the search: no way is shown. */
  assert_path (map, "late", "(none)");

  g_assert_finalize_object (map);
}

/* The way to an ending that needs a flag, taken: every step marked. */
static void
test_reached_by_flag (void)
{
  g_autoptr(UpstanderBundle) bundle = load_example ();
  const char *taken[] = { "message-ana", "tell-with-proof", NULL };
  UpstanderStoryMap *map = upstander_story_map_new (walk_home (bundle), NULL, taken);

  g_assert_true (upstander_story_map_get_reached (map, ending_index (map, "together")));
  assert_path (map, "together", "message-ana@chat*,tell-with-proof@evening*");
  assert_path (map, "alone", "message-ana@chat*,keep-quiet@evening");

  g_assert_finalize_object (map);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upstander/story-map/nothing-found-yet", test_nothing_found_yet);
  g_test_add_func ("/upstander/story-map/path-taken-and-found", test_path_taken_and_found);
  g_test_add_func ("/upstander/story-map/shared-steps-marked-taken", test_shared_steps_marked_taken);
  g_test_add_func ("/upstander/story-map/stale-choices-reach-nothing", test_stale_choices_reach_nothing);
  g_test_add_func ("/upstander/story-map/from-session", test_from_session);
  g_test_add_func ("/upstander/story-map/many-flags-bounded", test_many_flags_bounded);
  g_test_add_func ("/upstander/story-map/reached-by-flag", test_reached_by_flag);

  return g_test_run ();
}
