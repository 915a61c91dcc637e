/* test-core-content.c: the core stories load clean and keep the content guide's rules
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "upstander-bundle.h"
#include "upstander-session.h"

#include <string.h>

static UpstanderBundle *core;

static const char * const bands[] = { "8-11", "12-14", "15-17" };

/* One scenario per topic the content guide lists. */
static const char * const required_topics[] = {
  "group-chats", "photos-videos", "gaming", "fake-accounts", "rumours", "hate",
  "offline-online", "friendship", "secrets", "reporting", "self-protection",
  "digital-divide", "awareness", "image-pressure", "self-harm",
  /* Added by issue 13: the topics children meet that the first set missed. */
  "grooming", "image-sharing", "trusted-adults", "making-amends", "better-reporting",
};

/* Topics that need a content note before the story starts. */
static const char * const noted_topics[] = {
  "image-pressure", "self-harm", "grooming", "image-sharing",
};

/* Topics pitched for more than one band, and the bands each must reach. */
static const struct
{
  const char *topic;
  const char *band;
} topic_bands[] = {
  { "grooming", "8-11" }, { "grooming", "12-14" },
  { "image-sharing", "12-14" }, { "image-sharing", "15-17" },
};

/* Words that are a title or a family word, not part of a person's own name. */
static const char * const not_names[] = {
  "Mr", "Ms", "Mrs", "Aunt", "Auntie", "Uncle", "Grandma", "Grandad", "Mum", "Dad", "Papa",
};

static const char * const required_guides[] = {
  "help-when-you-see-it", "report-and-save-evidence", "protect-yourself",
  "support-a-friend", "your-rights-online",
};

/* Real platforms a story must not name (content guide: fictional apps only). */
static const char * const brand_names[] = {
  "instagram", "tiktok", "whatsapp", "snapchat", "facebook", "youtube", "discord",
  "roblox", "minecraft", "fortnite", "twitter", "telegram", "twitch", "reddit",
};

static guint
count_effect (const UpstanderDecision *decision,
              UpstanderEffect          effect)
{
  guint count = 0;

  for (guint i = 0; i < decision->choices->len; i++)
    count += ((UpstanderChoice *) g_ptr_array_index (decision->choices, i))->effect == effect;

  return count;
}

static gboolean
has_topic (UpstanderScenario *scenario,
           const char        *topic)
{
  GPtrArray *topics = upstander_scenario_get_topics (scenario);

  for (guint k = 0; k < topics->len; k++)
    if (g_str_equal (((UpstanderTopic *) g_ptr_array_index (topics, k))->id, topic))
      return TRUE;

  return FALSE;
}

static char *
band_of (UpstanderScenario *scenario)
{
  return g_strdup_printf ("%u-%u", upstander_scenario_get_age_min (scenario),
                          upstander_scenario_get_age_max (scenario));
}

static gboolean
uses_flag (const UpstanderCondition *condition,
           const char               *flag)
{
  return g_strcmp0 (condition->if_flag, flag) == 0 || g_strcmp0 (condition->unless_flag, flag) == 0;
}

/* Whether @flag changes anything: a line, comment, choice or way on. */
static gboolean
flag_is_used (UpstanderScenario *scenario,
              const char        *flag)
{
  GPtrArray *scenes = upstander_scenario_get_scenes (scenario);

  for (guint s = 0; s < scenes->len; s++)
    {
      const UpstanderScene *scene = g_ptr_array_index (scenes, s);

      for (guint i = 0; i < scene->lines->len; i++)
        {
          const UpstanderLine *line = g_ptr_array_index (scene->lines, i);

          if (uses_flag (&line->condition, flag))
            return TRUE;
          for (guint c = 0; line->comments != NULL && c < line->comments->len; c++)
            if (uses_flag (&((UpstanderLine *) g_ptr_array_index (line->comments, c))->condition, flag))
              return TRUE;
        }
      for (guint i = 0; scene->decision != NULL && i < scene->decision->choices->len; i++)
        if (uses_flag (&((UpstanderChoice *) g_ptr_array_index (scene->decision->choices, i))->condition, flag))
          return TRUE;
      for (guint i = 0; i < scene->continues->len; i++)
        if (uses_flag (&((UpstanderContinue *) g_ptr_array_index (scene->continues, i))->condition, flag))
          return TRUE;
    }

  return FALSE;
}

static void
test_loads_clean (void)
{
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(GError) error = NULL;

  core = upstander_bundle_load_resource ("/io/github/upstander/Upstander/bundles/core.xml",
                                         diagnostics, &error);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = upstander_diagnostic_format (g_ptr_array_index (diagnostics, i));

      g_test_message ("%s", line);
    }

  g_assert_no_error (error);
  g_assert_nonnull (core);
  g_assert_cmpuint (diagnostics->len, ==, 0);
}

static void
test_six_stories_per_band (void)
{
  GPtrArray *scenarios = upstander_bundle_get_scenarios (core);
  guint per_band[G_N_ELEMENTS (bands)] = { 0 };

  g_assert_cmpuint (scenarios->len, >=, 20);

  for (guint i = 0; i < scenarios->len; i++)
    {
      UpstanderScenario *scenario = g_ptr_array_index (scenarios, i);
      g_autofree char *band = band_of (scenario);
      gboolean known = FALSE;

      for (guint b = 0; b < G_N_ELEMENTS (bands); b++)
        {
          if (g_str_equal (band, bands[b]))
            {
              per_band[b]++;
              known = TRUE;
            }
        }
      g_assert_true (known);
    }

  for (guint b = 0; b < G_N_ELEMENTS (bands); b++)
    g_assert_cmpuint (per_band[b], >=, 6);
}

static void
test_every_topic_covered (void)
{
  GPtrArray *scenarios = upstander_bundle_get_scenarios (core);

  for (guint t = 0; t < G_N_ELEMENTS (required_topics); t++)
    {
      gboolean covered = FALSE;

      for (guint i = 0; i < scenarios->len && !covered; i++)
        covered = has_topic (g_ptr_array_index (scenarios, i), required_topics[t]);

      if (!covered)
        g_error ("no scenario covers the topic “%s”", required_topics[t]);
    }
}

static void
test_scenario_shape (void)
{
  GPtrArray *scenarios = upstander_bundle_get_scenarios (core);

  for (guint i = 0; i < scenarios->len; i++)
    {
      UpstanderScenario *scenario = g_ptr_array_index (scenarios, i);
      GPtrArray *scenes = upstander_scenario_get_scenes (scenario);
      GPtrArray *endings = upstander_scenario_get_endings (scenario);
      guint n_decisions = 0;
      guint n_harmful = 0;
      guint n_flags_that_matter = 0;
      const UpstanderScene *start = upstander_scenario_get_start (scenario);
      gboolean start_has_notes = start->facilitator->len > 0;
      gboolean tells_what_to_do_on_disclosure = FALSE;

      g_test_message ("scenario %s", upstander_scenario_get_id (scenario));

      g_assert_cmpuint (scenes->len, >=, 5);
      g_assert_cmpuint (scenes->len, <=, 12);
      g_assert_cmpuint (endings->len, >=, 2);
      g_assert_cmpuint (upstander_scenario_get_goals (scenario)->len, >=, 1);
      g_assert_true (start_has_notes);

      /* What to do if a pupil discloses harm, on the first scene: don't
       * promise secrecy, follow the safeguarding procedure. */
      for (guint n = 0; n < start->facilitator->len; n++)
        {
          g_autofree char *note = g_utf8_strdown (upstander_text_get_original (g_ptr_array_index (start->facilitator, n)), -1);

          tells_what_to_do_on_disclosure |= strstr (note, "safeguarding") != NULL &&
                                            strstr (note, "secret") != NULL;
        }

      for (guint s = 0; s < scenes->len; s++)
        {
          const UpstanderScene *scene = g_ptr_array_index (scenes, s);

          if (scene->decision == NULL)
            continue;

          n_decisions++;
          /* Three choices, four where a story needs one more real option;
           * at least one helps. Which ones are dilemmas is checked below. */
          g_assert_cmpuint (scene->decision->choices->len, >=, 3);
          g_assert_cmpuint (scene->decision->choices->len, <=, 4);
          g_assert_cmpuint (count_effect (scene->decision, UPSTANDER_EFFECT_HELPFUL), >=, 1);
          n_harmful += count_effect (scene->decision, UPSTANDER_EFFECT_HARMFUL);
          g_assert_cmpuint (scene->decision->questions->len, >=, 2);
          g_assert_cmpuint (scene->decision->questions->len, <=, 3);

          for (guint c = 0; c < scene->decision->choices->len; c++)
            {
              const UpstanderChoice *choice = g_ptr_array_index (scene->decision->choices, c);

              g_assert_cmpuint (choice->feedback->len, >=, 1);
              if (choice->sets != NULL && flag_is_used (scenario, choice->sets))
                n_flags_that_matter++;
            }
        }

      g_assert_cmpuint (n_decisions, >=, 2);
      /* Harmful choices stay playable and show their effect (content guide rule 2). */
      g_assert_cmpuint (n_harmful, >=, 1);
      g_assert_cmpuint (n_flags_that_matter, >=, 1);
      g_assert_true (tells_what_to_do_on_disclosure);

      for (guint e = 0; e < endings->len; e++)
        {
          const UpstanderEnding *ending = g_ptr_array_index (endings, e);

          g_assert_cmpuint (ending->takeaways->len, ==, 3);
          g_assert_nonnull (ending->guide);
        }
    }
}

/* Every story has a positive ending to find. */
static void
test_positive_ending_exists (void)
{
  GPtrArray *scenarios = upstander_bundle_get_scenarios (core);

  for (guint i = 0; i < scenarios->len; i++)
    {
      GPtrArray *endings = upstander_scenario_get_endings (g_ptr_array_index (scenarios, i));
      guint hopeful = 0, negative = 0, positive = 0;

      for (guint e = 0; e < endings->len; e++)
        {
          UpstanderOutcome outcome = ((UpstanderEnding *) g_ptr_array_index (endings, e))->outcome;

          positive += outcome == UPSTANDER_OUTCOME_POSITIVE;
          hopeful += outcome != UPSTANDER_OUTCOME_NEGATIVE;
          negative += outcome == UPSTANDER_OUTCOME_NEGATIVE;
        }

      g_assert_cmpuint (positive, >=, 1);
      g_assert_cmpuint (hopeful, >=, 1);
      g_assert_cmpuint (negative, <, endings->len);
    }
}

static void
test_sensitive_topics_have_notes (void)
{
  GPtrArray *scenarios = upstander_bundle_get_scenarios (core);

  for (guint i = 0; i < scenarios->len; i++)
    {
      UpstanderScenario *scenario = g_ptr_array_index (scenarios, i);

      /* Sextortion and self-harm stay for 15-17 (content guide). */
      if (has_topic (scenario, "image-pressure") || has_topic (scenario, "self-harm"))
        g_assert_cmpuint (upstander_scenario_get_age_min (scenario), >=, 15);

      for (guint t = 0; t < G_N_ELEMENTS (noted_topics); t++)
        {
          if (has_topic (scenario, noted_topics[t]) &&
              upstander_scenario_get_content_notes (scenario)->len == 0)
            g_error ("%s is about “%s” but has no content note",
                     upstander_scenario_get_id (scenario), noted_topics[t]);
        }
    }
}

/* Grooming is pitched for 8-11 and 12-14, image sharing for 12-14 and 15-17 (issue 13). */
static void
test_new_topics_reach_their_bands (void)
{
  GPtrArray *scenarios = upstander_bundle_get_scenarios (core);

  for (guint t = 0; t < G_N_ELEMENTS (topic_bands); t++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < scenarios->len && !found; i++)
        {
          UpstanderScenario *scenario = g_ptr_array_index (scenarios, i);
          g_autofree char *band = band_of (scenario);

          found = has_topic (scenario, topic_bands[t].topic) && g_str_equal (band, topic_bands[t].band);
        }

      if (!found)
        g_error ("no %s story is about “%s”", topic_bands[t].band, topic_bands[t].topic);
    }
}

static guint
count_words (const UpstanderText *text)
{
  g_auto(GStrv) words = g_strsplit (upstander_text_get_original (text), " ", -1);

  return g_strv_length (words);
}

/* Calls @func on every decision of the bundle. */
static void
foreach_decision (void (*func) (UpstanderScenario *, const UpstanderDecision *, gpointer),
                  gpointer user_data)
{
  GPtrArray *scenarios = upstander_bundle_get_scenarios (core);

  for (guint i = 0; i < scenarios->len; i++)
    {
      UpstanderScenario *scenario = g_ptr_array_index (scenarios, i);
      GPtrArray *scenes = upstander_scenario_get_scenes (scenario);

      for (guint s = 0; s < scenes->len; s++)
        {
          const UpstanderScene *scene = g_ptr_array_index (scenes, s);

          if (scene->decision != NULL)
            func (scenario, scene->decision, user_data);
        }
    }
}

/* The labels of one decision are within a few words of each other, so the
 * careful-sounding long one does not give the answer away. */
static void
check_label_lengths (UpstanderScenario        *scenario,
                     const UpstanderDecision  *decision,
                     gpointer                  user_data)
{
  guint shortest = G_MAXUINT, longest = 0;

  for (guint c = 0; c < decision->choices->len; c++)
    {
      guint words = count_words (((UpstanderChoice *) g_ptr_array_index (decision->choices, c))->label);

      shortest = MIN (shortest, words);
      longest = MAX (longest, words);
    }

  if (longest - shortest > 4)
    g_error ("%s: the labels of “%s” differ by %u words", upstander_scenario_get_id (scenario),
             upstander_text_get_original (decision->prompt), longest - shortest);
}

static void
test_labels_of_even_length (void)
{
  foreach_decision (check_label_lengths, NULL);
}

#define MAX_POSITIONS 4

typedef struct
{
  guint n_decisions;
  guint helpful_at[MAX_POSITIONS];
  guint harmful_at[MAX_POSITIONS];
  guint longest_is_helpful;
  guint dilemmas;
} DecisionCounts;

static void
count_decision (UpstanderScenario       *scenario,
                const UpstanderDecision *decision,
                gpointer                 user_data)
{
  DecisionCounts *counts = user_data;
  guint longest = 0;

  g_assert_cmpuint (decision->choices->len, <=, MAX_POSITIONS);
  counts->n_decisions++;
  for (guint c = 0; c < decision->choices->len; c++)
    {
      const UpstanderChoice *choice = g_ptr_array_index (decision->choices, c);

      counts->helpful_at[c] += choice->effect == UPSTANDER_EFFECT_HELPFUL;
      counts->harmful_at[c] += choice->effect == UPSTANDER_EFFECT_HARMFUL;
      if (count_words (choice->label) > count_words (((UpstanderChoice *) g_ptr_array_index (decision->choices, longest))->label))
        longest = c;
    }
  counts->longest_is_helpful += ((UpstanderChoice *) g_ptr_array_index (decision->choices, longest))->effect == UPSTANDER_EFFECT_HELPFUL;
  /* A dilemma: two choices that both help, each with its own cost. */
  counts->dilemmas += count_effect (decision, UPSTANDER_EFFECT_HELPFUL) >= 2;
}

/* A child who always takes the first (or second, or last) button, or always the
 * longest label, is right little more often than one who picks at random. */
static void
test_no_position_or_length_pattern (void)
{
  DecisionCounts counts = { 0 };

  foreach_decision (count_decision, &counts);

  for (guint p = 0; p < MAX_POSITIONS; p++)
    {
      g_test_message ("position %u: helpful in %u, harmful in %u of %u decisions", p,
                      counts.helpful_at[p], counts.harmful_at[p], counts.n_decisions);
      g_assert_cmpuint (counts.helpful_at[p] * 100, <=, counts.n_decisions * 55);
      g_assert_cmpuint (counts.harmful_at[p] * 100, <=, counts.n_decisions * 55);
    }
  g_test_message ("the longest label helps in %u of %u decisions", counts.longest_is_helpful, counts.n_decisions);
  g_assert_cmpuint (counts.longest_is_helpful * 100, <=, counts.n_decisions * 55);
}

/* At least a third of the decisions are dilemmas: two reasonable choices that
 * both help, graded and explained on their own terms. */
static void
test_a_third_are_dilemmas (void)
{
  DecisionCounts counts = { 0 };

  foreach_decision (count_decision, &counts);
  g_test_message ("%u dilemmas in %u decisions", counts.dilemmas, counts.n_decisions);
  g_assert_cmpuint (counts.dilemmas * 3, >=, counts.n_decisions);
}

/* A name is one person: no given name or surname appears in two stories (a
 * family in one story may share a surname). Handles (night.owl.x) count as a whole. */
static void
test_unique_person_names (void)
{
  GPtrArray *scenarios = upstander_bundle_get_scenarios (core);
  g_autoptr(GHashTable) owner = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < scenarios->len; i++)
    {
      UpstanderScenario *scenario = g_ptr_array_index (scenarios, i);
      GPtrArray *cast = upstander_scenario_get_cast (scenario);

      for (guint c = 0; c < cast->len; c++)
        {
          const UpstanderPerson *person = g_ptr_array_index (cast, c);
          const char *who = upstander_scenario_get_id (scenario);
          g_auto(GStrv) words = NULL;

          if (person->role == UPSTANDER_ROLE_PLAYER)
            continue;

          words = g_strsplit (upstander_text_get_original (person->name), " ", -1);
          for (guint w = 0; words[w] != NULL; w++)
            {
              const char *other;

              if (g_strv_contains (not_names, words[w]))
                continue;
              other = g_hash_table_lookup (owner, words[w]);
              if (other != NULL && !g_str_equal (other, who))
                g_error ("the name “%s” is used in %s and in %s", words[w], other, who);
              g_hash_table_replace (owner, g_strdup (words[w]), g_strdup (who));
            }
        }
    }
  g_assert_cmpuint (g_hash_table_size (owner), >, 100);
}

static void
test_guides (void)
{
  for (guint g = 0; g < G_N_ELEMENTS (required_guides); g++)
    {
      const UpstanderGuide *guide = upstander_bundle_lookup_guide (core, required_guides[g]);
      guint words = 0;

      if (guide == NULL)
        g_error ("the guide “%s” is missing", required_guides[g]);

      g_assert_cmpuint (g_strv_length (guide->sources), >=, 1);

      for (guint b = 0; b < guide->blocks->len; b++)
        {
          const UpstanderGuideBlock *block = g_ptr_array_index (guide->blocks, b);
          g_autoptr(GPtrArray) texts = g_ptr_array_new ();

          if (block->text != NULL)
            g_ptr_array_add (texts, block->text);
          for (guint i = 0; block->items != NULL && i < block->items->len; i++)
            g_ptr_array_add (texts, g_ptr_array_index (block->items, i));

          for (guint t = 0; t < texts->len; t++)
            {
              g_auto(GStrv) split = g_strsplit (upstander_text_get_original (g_ptr_array_index (texts, t)), " ", -1);

              words += g_strv_length (split);
            }
        }

      g_assert_cmpuint (words, >, 50);
      g_assert_cmpuint (words, <, 400);
    }
}

static void
check_story_text (const char *text,
                  const char *where)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  guint digits = 0;

  for (guint b = 0; b < G_N_ELEMENTS (brand_names); b++)
    {
      if (strstr (lower, brand_names[b]) != NULL)
        g_error ("%s names the real platform “%s”", where, brand_names[b]);
    }

  /* Numbers to call belong in <help>, with a source; never in a story. */
  for (const char *p = text; *p != '\0'; p++)
    {
      digits = g_ascii_isdigit (*p) ? digits + 1 : (*p == ' ' && digits > 0 ? digits : 0);
      if (digits >= 6)
        g_error ("%s contains what looks like a phone number: %s", where, text);
    }
}

static void
check_texts (GPtrArray  *texts,
             const char *where)
{
  for (guint i = 0; texts != NULL && i < texts->len; i++)
    check_story_text (upstander_text_get_original (g_ptr_array_index (texts, i)), where);
}

static void
test_no_brands_or_numbers_in_stories (void)
{
  GPtrArray *scenarios = upstander_bundle_get_scenarios (core);

  for (guint i = 0; i < scenarios->len; i++)
    {
      UpstanderScenario *scenario = g_ptr_array_index (scenarios, i);
      const char *id = upstander_scenario_get_id (scenario);
      GPtrArray *scenes = upstander_scenario_get_scenes (scenario);
      GPtrArray *endings = upstander_scenario_get_endings (scenario);

      check_story_text (upstander_scenario_get_title (scenario), id);
      check_story_text (upstander_scenario_get_summary (scenario), id);

      for (guint s = 0; s < scenes->len; s++)
        {
          const UpstanderScene *scene = g_ptr_array_index (scenes, s);

          if (scene->title != NULL)
            check_story_text (upstander_text_get_original (scene->title), scene->id);
          for (guint l = 0; l < scene->lines->len; l++)
            {
              const UpstanderLine *line = g_ptr_array_index (scene->lines, l);

              check_texts (line->texts, scene->id);
              for (guint c = 0; line->comments != NULL && c < line->comments->len; c++)
                check_texts (((UpstanderLine *) g_ptr_array_index (line->comments, c))->texts, scene->id);
            }
          for (guint c = 0; scene->decision != NULL && c < scene->decision->choices->len; c++)
            {
              const UpstanderChoice *choice = g_ptr_array_index (scene->decision->choices, c);

              check_story_text (upstander_text_get_original (choice->label), choice->id);
              check_texts (choice->feedback, choice->id);
            }
        }

      for (guint e = 0; e < endings->len; e++)
        {
          const UpstanderEnding *ending = g_ptr_array_index (endings, e);

          check_texts (ending->texts, ending->id);
          check_texts (ending->takeaways, ending->id);
        }
    }
}

/*
 * Walks every path of every scenario, taking every choice at every decision,
 * and checks each reaches an ending within a bounded number of moves.
 */
static guint
walk (UpstanderScenario *scenario,
      GPtrArray         *choices_so_far,
      GHashTable        *endings_seen,
      guint             *hopeful_paths,
      guint              depth)
{
  g_autoptr(UpstanderSession) session = upstander_session_new (scenario);
  g_autoptr(GPtrArray) open = NULL;
  guint paths = 0;

  g_assert_cmpuint (depth, <, 40);

  for (guint i = 0; i < choices_so_far->len; i++)
    {
      while (upstander_session_get_state (session) == UPSTANDER_SESSION_SCENE &&
             upstander_session_get_scene (session)->decision == NULL)
        g_assert_true (upstander_session_advance (session, NULL));
      g_assert_true (upstander_session_choose (session, g_ptr_array_index (choices_so_far, i), NULL));
      g_assert_true (upstander_session_advance (session, NULL));
    }

  for (guint moves = 0; upstander_session_get_state (session) == UPSTANDER_SESSION_SCENE &&
                        upstander_session_get_scene (session)->decision == NULL; moves++)
    {
      g_assert_cmpuint (moves, <, 50);
      g_assert_true (upstander_session_advance (session, NULL));
    }

  if (upstander_session_get_state (session) == UPSTANDER_SESSION_ENDING)
    {
      g_hash_table_add (endings_seen, upstander_session_get_ending (session)->id);
      *hopeful_paths += upstander_session_get_ending (session)->outcome != UPSTANDER_OUTCOME_NEGATIVE;
      return 1;
    }

  open = upstander_session_dup_choices (session);
  g_assert_cmpuint (open->len, >=, 2);
  for (guint i = 0; i < open->len; i++)
    {
      g_ptr_array_add (choices_so_far, ((UpstanderChoice *) g_ptr_array_index (open, i))->id);
      paths += walk (scenario, choices_so_far, endings_seen, hopeful_paths, depth + 1);
      g_ptr_array_remove_index (choices_so_far, choices_so_far->len - 1);
    }

  return paths;
}

static void
test_every_path_ends (void)
{
  GPtrArray *scenarios = upstander_bundle_get_scenarios (core);

  for (guint i = 0; i < scenarios->len; i++)
    {
      UpstanderScenario *scenario = g_ptr_array_index (scenarios, i);
      g_autoptr(GPtrArray) choices = g_ptr_array_new ();
      g_autoptr(GHashTable) endings_seen = g_hash_table_new (g_str_hash, g_str_equal);
      guint hopeful_paths = 0;
      guint paths = walk (scenario, choices, endings_seen, &hopeful_paths, 0);

      g_test_message ("%s: %u paths (%u hopeful), %u of %u endings reached",
                      upstander_scenario_get_id (scenario), paths, hopeful_paths,
                      g_hash_table_size (endings_seen), upstander_scenario_get_n_endings (scenario));
      /* Most paths end hopefully (positive or mixed): the content guide's rule 5. */
      g_assert_cmpuint (hopeful_paths * 2, >, paths);
      /* Every ending is reachable by some real playthrough, flags and all. */
      g_assert_cmpuint (g_hash_table_size (endings_seen), ==, upstander_scenario_get_n_endings (scenario));
    }
}


typedef void (*TextFunc) (const UpstanderText *text,
                          const char          *where,
                          gpointer             user_data);

static void
each_text (GPtrArray  *texts,
           const char *where,
           TextFunc    func,
           gpointer    user_data)
{
  for (guint i = 0; texts != NULL && i < texts->len; i++)
    func (g_ptr_array_index (texts, i), where, user_data);
}

/* Calls @func on every translatable text of the bundle a reader can meet. */
static void
foreach_text (UpstanderBundle *bundle,
              TextFunc         func,
              gpointer         user_data)
{
  GPtrArray *scenarios = upstander_bundle_get_scenarios (bundle);
  GPtrArray *topics = upstander_bundle_get_topics (bundle);
  GPtrArray *help = upstander_bundle_get_help (bundle);
  GPtrArray *guides = upstander_bundle_get_guides (bundle);

  for (guint i = 0; i < topics->len; i++)
    func (((UpstanderTopic *) g_ptr_array_index (topics, i))->name, "topic", user_data);

  for (guint i = 0; i < scenarios->len; i++)
    {
      UpstanderScenario *scenario = g_ptr_array_index (scenarios, i);
      const char *id = upstander_scenario_get_id (scenario);
      GPtrArray *cast = upstander_scenario_get_cast (scenario);
      GPtrArray *scenes = upstander_scenario_get_scenes (scenario);
      GPtrArray *endings = upstander_scenario_get_endings (scenario);

      each_text (upstander_scenario_get_goals (scenario), id, func, user_data);
      each_text (upstander_scenario_get_content_notes (scenario), id, func, user_data);
      for (guint c = 0; c < cast->len; c++)
        func (((UpstanderPerson *) g_ptr_array_index (cast, c))->name, id, user_data);

      for (guint s = 0; s < scenes->len; s++)
        {
          const UpstanderScene *scene = g_ptr_array_index (scenes, s);

          if (scene->title != NULL)
            func (scene->title, scene->id, user_data);
          for (guint l = 0; l < scene->lines->len; l++)
            {
              const UpstanderLine *line = g_ptr_array_index (scene->lines, l);

              each_text (line->texts, scene->id, func, user_data);
              for (guint c = 0; line->comments != NULL && c < line->comments->len; c++)
                each_text (((UpstanderLine *) g_ptr_array_index (line->comments, c))->texts,
                           scene->id, func, user_data);
            }
          if (scene->decision != NULL)
            {
              func (scene->decision->prompt, scene->id, user_data);
              each_text (scene->decision->questions, scene->id, func, user_data);
              for (guint c = 0; c < scene->decision->choices->len; c++)
                {
                  const UpstanderChoice *choice = g_ptr_array_index (scene->decision->choices, c);

                  func (choice->label, choice->id, user_data);
                  each_text (choice->feedback, choice->id, func, user_data);
                }
            }
          each_text (scene->facilitator, scene->id, func, user_data);
        }

      for (guint e = 0; e < endings->len; e++)
        {
          const UpstanderEnding *ending = g_ptr_array_index (endings, e);

          func (ending->title, ending->id, user_data);
          each_text (ending->texts, ending->id, func, user_data);
          each_text (ending->takeaways, ending->id, func, user_data);
        }
    }

  for (guint h = 0; h < help->len; h++)
    {
      const UpstanderHelp *entry = g_ptr_array_index (help, h);

      each_text (entry->advice, "help", func, user_data);
      for (guint c = 0; c < entry->contacts->len; c++)
        {
          const UpstanderContact *contact = g_ptr_array_index (entry->contacts, c);

          func (contact->name, "help", user_data);
          if (contact->description != NULL)
            func (contact->description, "help", user_data);
          if (contact->hours != NULL)
            func (contact->hours, "help", user_data);
        }
    }

  for (guint g = 0; g < guides->len; g++)
    {
      const UpstanderGuide *guide = g_ptr_array_index (guides, g);

      func (guide->title, guide->id, user_data);
      func (guide->summary, guide->id, user_data);
      for (guint b = 0; b < guide->blocks->len; b++)
        {
          const UpstanderGuideBlock *block = g_ptr_array_index (guide->blocks, b);

          if (block->text != NULL)
            func (block->text, guide->id, user_data);
          each_text (block->items, guide->id, func, user_data);
        }
    }
}

typedef struct
{
  const char *lang;
  guint       n_texts;
  guint       n_missing;
} TranslationCount;

static void
count_translation (const UpstanderText *text,
                   const char          *where,
                   gpointer             user_data)
{
  TranslationCount *count = user_data;
  const char *languages[] = { count->lang, NULL };

  count->n_texts++;
  /* Found in the language itself, not by falling back to English. */
  if (upstander_text_lookup (text, count->lang) == NULL)
    {
      if (count->n_missing++ < 5)
        g_test_message ("%s: no %s for “%s”", where, count->lang, upstander_text_get_original (text));
    }
  else
    g_assert_cmpstr (upstander_text_get (text, languages), ==, upstander_text_lookup (text, count->lang));
}

/* Every text of the core bundle exists in every language of po/content/LINGUAS. */
static void
test_translated (gconstpointer data)
{
  TranslationCount count = { data, 0, 0 };

  foreach_text (core, count_translation, &count);

  g_test_message ("%s: %u texts, %u without a translation", count.lang, count.n_texts, count.n_missing);
  g_assert_cmpuint (count.n_texts, >, 1500);
  g_assert_cmpuint (count.n_missing, ==, 0);
}

static GStrv
content_languages (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "content", "LINGUAS", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GStrvBuilder) languages = g_strv_builder_new ();

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0' && *lines[i] != '#')
        g_strv_builder_add (languages, lines[i]);
    }

  return g_strv_builder_end (languages);
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) languages = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  languages = content_languages ();

  g_test_add_func ("/upstander/core-content/loads-clean", test_loads_clean);
  g_test_add_func ("/upstander/core-content/six-stories-per-band", test_six_stories_per_band);
  g_test_add_func ("/upstander/core-content/every-topic-covered", test_every_topic_covered);
  g_test_add_func ("/upstander/core-content/scenario-shape", test_scenario_shape);
  g_test_add_func ("/upstander/core-content/positive-ending-exists", test_positive_ending_exists);
  g_test_add_func ("/upstander/core-content/sensitive-topics-have-notes", test_sensitive_topics_have_notes);
  g_test_add_func ("/upstander/core-content/new-topics-reach-their-bands", test_new_topics_reach_their_bands);
  g_test_add_func ("/upstander/core-content/labels-of-even-length", test_labels_of_even_length);
  g_test_add_func ("/upstander/core-content/no-position-or-length-pattern", test_no_position_or_length_pattern);
  g_test_add_func ("/upstander/core-content/a-third-are-dilemmas", test_a_third_are_dilemmas);
  g_test_add_func ("/upstander/core-content/unique-person-names", test_unique_person_names);
  g_test_add_func ("/upstander/core-content/guides", test_guides);
  g_test_add_func ("/upstander/core-content/no-brands-or-numbers-in-stories", test_no_brands_or_numbers_in_stories);
  g_test_add_func ("/upstander/core-content/every-path-ends", test_every_path_ends);

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("/upstander/core-content/translated/%s", languages[i]);

      g_test_add_data_func (path, languages[i], test_translated);
    }

  status = g_test_run ();
  g_clear_object (&core);

  return status;
}
