/* upstander-story-map.c: which decisions lead to which endings of a story, and which were found
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-story-map"

#include "config.h"

#include "upstander-story-map.h"

/*
 * After an ending, the reader sees every ending of the story: the ones found
 * (from the progress the app keeps anyway: ending ids, nothing else) and the
 * ones still hidden, each with a way of decisions that reaches it. The way
 * to the ending just reached is the one the reader took; any other ending
 * gets the shortest way there, found by a breadth-first search over
 * (scene, flags set) — flags change which choices and ways on are open.
 * Only flags that some choice or way on tests are kept in a state (a flag
 * that only shows a line changes no way). The search is bounded, so a
 * hostile bundle with many flags cannot make it run away: an ending not
 * reached within the bound simply has no way shown.
 */

/* More states than any real story has (scenes × flag combinations). */
#define MAX_STATES 4096
/* Ways on (<continue>) followed in a row before giving up on a loop. */
#define MAX_CONTINUES 256

typedef struct
{
  const UpstanderEnding *ending;
  gboolean               found;
  gboolean               reached;
  GPtrArray             *path;     /* UpstanderMapStep, owned; NULL when no way was found */
} MapEnding;

struct _UpstanderStoryMap
{
  GObject            parent_instance;

  UpstanderScenario *scenario;
  GArray            *endings;      /* MapEnding, in the story's order */
  GHashTable        *tested;       /* flags some choice or way on depends on (unowned) */
};

G_DEFINE_FINAL_TYPE (UpstanderStoryMap, upstander_story_map, G_TYPE_OBJECT)

/* A point of the search: a scene reached with some flags set, and how. */
typedef struct
{
  const UpstanderScene  *scene;
  GPtrArray             *flags;    /* char*, sorted, unowned (from the scenario) */
  int                    parent;   /* index of the state before, or -1 */
  const UpstanderScene  *decided_at;
  const UpstanderChoice *choice;   /* the choice that led here, NULL at the start */
} State;

static void
state_clear (gpointer data)
{
  State *state = data;

  g_clear_pointer (&state->flags, g_ptr_array_unref);
}

static gboolean
holds (GPtrArray                *flags,
       const UpstanderCondition *condition)
{
  gboolean has_if = FALSE, has_unless = FALSE;

  for (guint i = 0; i < flags->len; i++)
    {
      has_if |= g_strcmp0 (g_ptr_array_index (flags, i), condition->if_flag) == 0;
      has_unless |= g_strcmp0 (g_ptr_array_index (flags, i), condition->unless_flag) == 0;
    }

  return (condition->if_flag == NULL || has_if) && (condition->unless_flag == NULL || !has_unless);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
add_tested (GHashTable               *tested,
            const UpstanderCondition *condition)
{
  if (condition->if_flag != NULL)
    g_hash_table_add (tested, condition->if_flag);
  if (condition->unless_flag != NULL)
    g_hash_table_add (tested, condition->unless_flag);
}

static GHashTable *
collect_tested (UpstanderScenario *scenario)
{
  GHashTable *tested = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *scenes = upstander_scenario_get_scenes (scenario);

  for (guint i = 0; i < scenes->len; i++)
    {
      const UpstanderScene *scene = g_ptr_array_index (scenes, i);

      for (guint j = 0; scene->decision != NULL && j < scene->decision->choices->len; j++)
        add_tested (tested, &((UpstanderChoice *) g_ptr_array_index (scene->decision->choices, j))->condition);
      for (guint j = 0; j < scene->continues->len; j++)
        add_tested (tested, &((UpstanderContinue *) g_ptr_array_index (scene->continues, j))->condition);
    }

  return tested;
}

static GPtrArray *
flags_with (GHashTable *tested,
            GPtrArray  *flags,
            const char *flag)
{
  GPtrArray *result = g_ptr_array_copy (flags, NULL, NULL);

  if (flag != NULL && g_hash_table_contains (tested, flag) &&
      !g_ptr_array_find_with_equal_func (flags, flag, g_str_equal, NULL))
    {
      g_ptr_array_add (result, (gpointer) flag);
      g_ptr_array_sort (result, compare_strings);
    }

  return result;
}

static char *
state_key (const UpstanderScene *scene,
           GPtrArray            *flags)
{
  GString *key = g_string_new (scene->id);

  for (guint i = 0; i < flags->len; i++)
    {
      g_string_append_c (key, '\n');
      g_string_append (key, g_ptr_array_index (flags, i));
    }

  return g_string_free (key, FALSE);
}

/*
 * From @id, follows ways on (<continue>) through scenes without a decision,
 * as a session does: the first whose condition holds. Returns the scene with
 * a decision, or sets *@ending; both NULL at a dead end.
 */
static const UpstanderScene *
settle (UpstanderScenario      *scenario,
        const char             *id,
        GPtrArray              *flags,
        const UpstanderEnding **ending)
{
  *ending = NULL;

  for (guint hops = 0; hops < MAX_CONTINUES && id != NULL; hops++)
    {
      const UpstanderScene *scene = upstander_scenario_lookup_scene (scenario, id);
      const char *next = NULL;

      if (scene == NULL)
        {
          *ending = upstander_scenario_lookup_ending (scenario, id);
          return NULL;
        }
      if (scene->decision != NULL)
        return scene;

      for (guint i = 0; i < scene->continues->len && next == NULL; i++)
        {
          const UpstanderContinue *cont = g_ptr_array_index (scene->continues, i);

          if (holds (flags, &cont->condition))
            next = cont->next;
        }
      id = next;
    }

  return NULL;
}

static MapEnding *
find_ending (UpstanderStoryMap     *self,
             const UpstanderEnding *ending)
{
  for (guint i = 0; i < self->endings->len; i++)
    if (g_array_index (self->endings, MapEnding, i).ending == ending)
      return &g_array_index (self->endings, MapEnding, i);

  return NULL;
}

static gboolean
step_taken (GPtrArray             *taken_steps,
            const UpstanderScene  *scene,
            const UpstanderChoice *choice)
{
  for (guint i = 0; i < taken_steps->len; i++)
    {
      const UpstanderMapStep *step = g_ptr_array_index (taken_steps, i);

      if (step->scene == scene && step->choice == choice)
        return TRUE;
    }

  return FALSE;
}

/* Replays @taken_choices from the start; returns the steps, and the ending they reach. */
static GPtrArray *
replay (UpstanderScenario      *scenario,
        GHashTable             *tested,
        const char * const     *taken_choices,
        const UpstanderEnding **reached)
{
  GPtrArray *steps = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) flags = g_ptr_array_new ();
  const UpstanderScene *scene;

  *reached = NULL;
  scene = settle (scenario, upstander_scenario_get_start (scenario)->id, flags, reached);

  for (guint i = 0; taken_choices != NULL && taken_choices[i] != NULL && scene != NULL; i++)
    {
      const UpstanderChoice *choice = NULL;
      UpstanderMapStep *step;

      for (guint j = 0; j < scene->decision->choices->len && choice == NULL; j++)
        {
          const UpstanderChoice *c = g_ptr_array_index (scene->decision->choices, j);

          if (g_strcmp0 (c->id, taken_choices[i]) == 0 && holds (flags, &c->condition))
            choice = c;
        }
      /* Not a way through this story (a newer version, say): the map shows no path taken. */
      if (choice == NULL)
        {
          g_ptr_array_set_size (steps, 0);
          *reached = NULL;
          return steps;
        }

      step = g_new0 (UpstanderMapStep, 1);
      step->scene = scene;
      step->choice = choice;
      step->taken = TRUE;
      g_ptr_array_add (steps, step);

      {
        g_autoptr(GPtrArray) next_flags = flags_with (tested, flags, choice->sets);

        g_ptr_array_set_size (flags, 0);
        g_ptr_array_extend (flags, next_flags, NULL, NULL);
      }
      scene = settle (scenario, choice->next, flags, reached);
    }

  /* Stopped short of an ending: no ending was reached by these choices. */
  if (scene != NULL)
    *reached = NULL;

  return steps;
}

static GPtrArray *
path_to (GArray    *states,
         int        index,
         GPtrArray *taken_steps)
{
  GPtrArray *path = g_ptr_array_new_with_free_func (g_free);

  for (int i = index; i >= 0; i = g_array_index (states, State, i).parent)
    {
      const State *state = &g_array_index (states, State, i);
      UpstanderMapStep *step;

      if (state->choice == NULL)
        continue;

      step = g_new0 (UpstanderMapStep, 1);
      step->scene = state->decided_at;
      step->choice = state->choice;
      step->taken = step_taken (taken_steps, step->scene, step->choice);
      g_ptr_array_insert (path, 0, step);
    }

  return path;
}

/* Gives every ending not yet given a path the shortest way of decisions to it. */
static void
search (UpstanderStoryMap *self,
        GPtrArray         *taken_steps)
{
  g_autoptr(GArray) states = g_array_new (FALSE, TRUE, sizeof (State));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const UpstanderEnding *ending = NULL;
  State start = { 0 };

  g_array_set_clear_func (states, state_clear);

  start.flags = g_ptr_array_new ();
  start.parent = -1;
  start.scene = settle (self->scenario, upstander_scenario_get_start (self->scenario)->id, start.flags, &ending);
  if (start.scene == NULL)
    {
      MapEnding *map_ending = ending != NULL ? find_ending (self, ending) : NULL;

      if (map_ending != NULL && map_ending->path == NULL)
        map_ending->path = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_unref (start.flags);
      return;
    }
  g_hash_table_add (seen, state_key (start.scene, start.flags));
  g_array_append_val (states, start);

  for (guint current = 0; current < states->len; current++)
    {
      const UpstanderScene *scene = g_array_index (states, State, current).scene;
      GPtrArray *choices = scene->decision->choices;

      for (guint i = 0; i < choices->len; i++)
        {
          const UpstanderChoice *choice = g_ptr_array_index (choices, i);
          GPtrArray *flags = g_array_index (states, State, current).flags;
          g_autoptr(GPtrArray) next_flags = NULL;
          const UpstanderScene *next;
          char *key;

          if (!holds (flags, &choice->condition))
            continue;

          next_flags = flags_with (self->tested, flags, choice->sets);
          next = settle (self->scenario, choice->next, next_flags, &ending);
          if (next == NULL)
            {
              MapEnding *map_ending = ending != NULL ? find_ending (self, ending) : NULL;

              if (map_ending != NULL && map_ending->path == NULL)
                {
                  /* The state for this choice is not kept: build the path through it by hand. */
                  UpstanderMapStep *step = g_new0 (UpstanderMapStep, 1);

                  map_ending->path = path_to (states, current, taken_steps);
                  step->scene = scene;
                  step->choice = choice;
                  step->taken = step_taken (taken_steps, scene, choice);
                  g_ptr_array_add (map_ending->path, step);
                }
              continue;
            }

          key = state_key (next, next_flags);
          if (!g_hash_table_add (seen, key) || states->len >= MAX_STATES)
            continue;

          {
            State state = { 0 };

            state.scene = next;
            state.flags = g_steal_pointer (&next_flags);
            state.parent = current;
            state.decided_at = scene;
            state.choice = choice;
            /* The array may move: nothing above holds a pointer into it past here. */
            g_array_append_val (states, state);
          }
        }
    }
}

static void
upstander_story_map_finalize (GObject *object)
{
  UpstanderStoryMap *self = (UpstanderStoryMap *)object;

  for (guint i = 0; i < self->endings->len; i++)
    g_clear_pointer (&g_array_index (self->endings, MapEnding, i).path, g_ptr_array_unref);
  g_clear_pointer (&self->endings, g_array_unref);
  g_clear_pointer (&self->tested, g_hash_table_unref);
  g_clear_object (&self->scenario);

  G_OBJECT_CLASS (upstander_story_map_parent_class)->finalize (object);
}

static void
upstander_story_map_class_init (UpstanderStoryMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = upstander_story_map_finalize;
}

static void
upstander_story_map_init (UpstanderStoryMap *self)
{
  self->endings = g_array_new (FALSE, TRUE, sizeof (MapEnding));
}

/**
 * upstander_story_map_new:
 * @scenario: the story
 * @found_endings: (nullable): ids of the endings found so far (from the progress store)
 * @taken_choices: (nullable): ids of the choices made in this playthrough, in order
 *
 * Returns: (transfer full): the map of @scenario's endings
 */
UpstanderStoryMap *
upstander_story_map_new (UpstanderScenario  *scenario,
                         const char * const *found_endings,
                         const char * const *taken_choices)
{
  UpstanderStoryMap *self;
  g_autoptr(GPtrArray) taken_steps = NULL;
  const UpstanderEnding *reached = NULL;
  GPtrArray *endings;

  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (scenario), NULL);

  self = g_object_new (UPSTANDER_TYPE_STORY_MAP, NULL);
  self->scenario = g_object_ref (scenario);

  endings = upstander_scenario_get_endings (scenario);
  for (guint i = 0; i < endings->len; i++)
    {
      MapEnding map_ending = { 0 };

      map_ending.ending = g_ptr_array_index (endings, i);
      map_ending.found = found_endings != NULL &&
                         g_strv_contains (found_endings, map_ending.ending->id);
      g_array_append_val (self->endings, map_ending);
    }

  self->tested = collect_tested (scenario);
  taken_steps = replay (scenario, self->tested, taken_choices, &reached);
  if (reached != NULL)
    {
      MapEnding *map_ending = find_ending (self, reached);

      map_ending->reached = TRUE;
      /* Reaching it is finding it, whatever the store managed to keep. */
      map_ending->found = TRUE;
      map_ending->path = g_ptr_array_ref (taken_steps);
    }

  search (self, taken_steps);

  return self;
}

/* The map after the playthrough of @session: its choices, the endings it knows were found. */
UpstanderStoryMap *
upstander_story_map_new_for_session (UpstanderSession *session)
{
  UpstanderScenario *scenario;
  g_autoptr(GStrvBuilder) found = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) taken = g_strv_builder_new ();
  g_auto(GStrv) found_ids = NULL;
  g_auto(GStrv) taken_ids = NULL;
  GPtrArray *endings;

  g_return_val_if_fail (UPSTANDER_IS_SESSION (session), NULL);

  scenario = upstander_session_get_scenario (session);
  endings = upstander_scenario_get_endings (scenario);
  for (guint i = 0; i < endings->len; i++)
    {
      const UpstanderEnding *ending = g_ptr_array_index (endings, i);

      if (upstander_session_has_found_ending (session, ending->id))
        g_strv_builder_add (found, ending->id);
    }
  for (guint i = 0; i < upstander_session_get_n_decisions_made (session); i++)
    g_strv_builder_add (taken, upstander_session_get_choice_at (session, i));

  found_ids = g_strv_builder_end (found);
  taken_ids = g_strv_builder_end (taken);

  return upstander_story_map_new (scenario, (const char * const *) found_ids, (const char * const *) taken_ids);
}

UpstanderScenario *
upstander_story_map_get_scenario (UpstanderStoryMap *self)
{
  g_return_val_if_fail (UPSTANDER_IS_STORY_MAP (self), NULL);

  return self->scenario;
}

guint
upstander_story_map_get_n_endings (UpstanderStoryMap *self)
{
  g_return_val_if_fail (UPSTANDER_IS_STORY_MAP (self), 0);

  return self->endings->len;
}

const UpstanderEnding *
upstander_story_map_get_ending (UpstanderStoryMap *self,
                                guint              index)
{
  g_return_val_if_fail (UPSTANDER_IS_STORY_MAP (self), NULL);
  g_return_val_if_fail (index < self->endings->len, NULL);

  return g_array_index (self->endings, MapEnding, index).ending;
}

/* Whether ending @index was ever found: only then may its title be shown. */
gboolean
upstander_story_map_get_found (UpstanderStoryMap *self,
                               guint              index)
{
  g_return_val_if_fail (UPSTANDER_IS_STORY_MAP (self), FALSE);
  g_return_val_if_fail (index < self->endings->len, FALSE);

  return g_array_index (self->endings, MapEnding, index).found;
}

/* Whether the choices of this playthrough led to ending @index. */
gboolean
upstander_story_map_get_reached (UpstanderStoryMap *self,
                                 guint              index)
{
  g_return_val_if_fail (UPSTANDER_IS_STORY_MAP (self), FALSE);
  g_return_val_if_fail (index < self->endings->len, FALSE);

  return g_array_index (self->endings, MapEnding, index).reached;
}

/**
 * upstander_story_map_get_path:
 *
 * Returns: (transfer none) (nullable) (element-type UpstanderMapStep): the
 *   decisions that lead to ending @index: the ones taken for the ending
 *   reached, else a shortest way; %NULL when no way to it was found
 */
GPtrArray *
upstander_story_map_get_path (UpstanderStoryMap *self,
                              guint              index)
{
  g_return_val_if_fail (UPSTANDER_IS_STORY_MAP (self), NULL);
  g_return_val_if_fail (index < self->endings->len, NULL);

  return g_array_index (self->endings, MapEnding, index).path;
}

guint
upstander_story_map_get_n_found (UpstanderStoryMap *self)
{
  guint n_found = 0;

  g_return_val_if_fail (UPSTANDER_IS_STORY_MAP (self), 0);

  for (guint i = 0; i < self->endings->len; i++)
    n_found += g_array_index (self->endings, MapEnding, i).found;

  return n_found;
}
