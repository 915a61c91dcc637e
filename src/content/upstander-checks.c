/* upstander-checks.c: the rules of a bundle that its schema cannot express */
#define G_LOG_DOMAIN "upstander-content"

#include "upstander-bundle-private.h"

/*
 * Runs after the loader has read a bundle without errors: cross-references,
 * flags, the story graph and the cast. Structural problems were caught by the
 * schema and the loader, so everything here may assume ids are present.
 */

#define error_at(state, line, ...) \
  _upstander_report (state, line, 0, UPSTANDER_SEVERITY_ERROR, __VA_ARGS__)
#define warning_at(state, line, ...) \
  _upstander_report (state, line, 0, UPSTANDER_SEVERITY_WARNING, __VA_ARGS__)

static gboolean
is_unconditional (const UpstanderCondition *condition)
{
  return condition->if_flag == NULL && condition->unless_flag == NULL;
}

static void
check_target (UpstanderLoadState *state,
              UpstanderScenario  *scenario,
              const char         *next,
              guint               line)
{
  if (g_hash_table_contains (scenario->scenes_by_id, next) ||
      g_hash_table_contains (scenario->endings_by_id, next))
    return;

  error_at (state, line, "next=\"%s\" is not a scene or ending of scenario “%s”", next, scenario->id);
}

static void
check_guide (UpstanderLoadState *state,
             const char         *guide,
             guint               line)
{
  if (guide == NULL || upstander_bundle_lookup_guide (state->bundle, guide) != NULL)
    return;

  error_at (state, line, "guide=\"%s\" is not a guide in this bundle", guide);
}

static void
note_condition (UpstanderLoadState       *state,
                GHashTable               *used_flags,
                GHashTable               *set_flags,
                const UpstanderCondition *condition,
                guint                     line)
{
  const char *flags[] = { condition->if_flag, condition->unless_flag };

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      if (flags[i] == NULL)
        continue;

      g_hash_table_add (used_flags, (gpointer) flags[i]);
      if (!g_hash_table_contains (set_flags, flags[i]))
        error_at (state, line, "the flag “%s” is never set by a choice's sets= in this scenario",
                  flags[i]);
    }
}

static GHashTable *
collect_set_flags (UpstanderScenario *scenario)
{
  GHashTable *set_flags = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < scenario->scenes->len; i++)
    {
      const UpstanderScene *scene = g_ptr_array_index (scenario->scenes, i);

      for (guint c = 0; scene->decision != NULL && c < scene->decision->choices->len; c++)
        {
          const UpstanderChoice *choice = g_ptr_array_index (scene->decision->choices, c);

          if (choice->sets != NULL)
            g_hash_table_add (set_flags, choice->sets);
        }
    }

  return set_flags;
}

static void
check_scene (UpstanderLoadState   *state,
             UpstanderScenario    *scenario,
             const UpstanderScene *scene,
             GHashTable           *set_flags,
             GHashTable           *used_flags)
{
  for (guint i = 0; i < scene->lines->len; i++)
    {
      const UpstanderLine *line = g_ptr_array_index (scene->lines, i);

      note_condition (state, used_flags, set_flags, &line->condition, line->line);
      for (guint c = 0; line->comments != NULL && c < line->comments->len; c++)
        {
          const UpstanderLine *comment = g_ptr_array_index (line->comments, c);

          note_condition (state, used_flags, set_flags, &comment->condition, comment->line);
        }
    }

  if (scene->decision != NULL)
    {
      guint n_unconditional = 0;

      for (guint i = 0; i < scene->decision->choices->len; i++)
        {
          const UpstanderChoice *choice = g_ptr_array_index (scene->decision->choices, i);

          check_target (state, scenario, choice->next, choice->line);
          check_guide (state, choice->guide, choice->line);
          note_condition (state, used_flags, set_flags, &choice->condition, choice->line);
          n_unconditional += is_unconditional (&choice->condition);
        }

      if (n_unconditional < 2)
        error_at (state, scene->decision->line,
                  "a decision needs at least two choices without if= or unless=, so there is "
                  "always a real choice");

      if (scene->decision->questions->len == 0)
        warning_at (state, scene->decision->line,
                    "this decision has no <discuss> questions for a class");
    }
  else
    {
      const UpstanderContinue *last = g_ptr_array_index (scene->continues,
                                                         scene->continues->len - 1);

      for (guint i = 0; i < scene->continues->len; i++)
        {
          const UpstanderContinue *cont = g_ptr_array_index (scene->continues, i);

          check_target (state, scenario, cont->next, cont->line);
          note_condition (state, used_flags, set_flags, &cont->condition, cont->line);
        }

      if (!is_unconditional (&last->condition))
        error_at (state, last->line,
                  "the last <continue> of scene “%s” must have no condition, so the story "
                  "can always go on", scene->id);
    }
}

static void
add_edge (GHashTable *edges,
          const char *from,
          const char *to)
{
  GPtrArray *targets = g_hash_table_lookup (edges, from);

  if (targets == NULL)
    {
      targets = g_ptr_array_new ();
      g_hash_table_insert (edges, (gpointer) from, targets);
    }

  g_ptr_array_add (targets, (gpointer) to);
}

/* Every id reachable from @start along @edges, @start included. */
static GHashTable *
reachable_from (GHashTable *edges,
                GPtrArray  *starts)
{
  GHashTable *seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GQueue) queue = g_queue_new ();

  for (guint i = 0; i < starts->len; i++)
    {
      g_hash_table_add (seen, g_ptr_array_index (starts, i));
      g_queue_push_tail (queue, g_ptr_array_index (starts, i));
    }

  while (!g_queue_is_empty (queue))
    {
      const char *id = g_queue_pop_head (queue);
      GPtrArray *targets = g_hash_table_lookup (edges, id);

      for (guint i = 0; targets != NULL && i < targets->len; i++)
        {
          const char *target = g_ptr_array_index (targets, i);

          if (g_hash_table_add (seen, (gpointer) target))
            g_queue_push_tail (queue, (gpointer) target);
        }
    }

  return seen;
}

/*
 * Conditions are taken as possibly true, so a path counts when some set of
 * flags allows it: an over-approximation that never calls a sound story
 * broken, while still catching every scene that can never end.
 */
static void
check_graph (UpstanderLoadState   *state,
             UpstanderScenario    *scenario,
             const UpstanderScene *start)
{
  g_autoptr(GHashTable) forward = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) backward = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) starts = g_ptr_array_new ();
  g_autoptr(GPtrArray) ending_ids = g_ptr_array_new ();
  g_autoptr(GHashTable) reachable = NULL;
  g_autoptr(GHashTable) can_end = NULL;

  for (guint i = 0; i < scenario->scenes->len; i++)
    {
      const UpstanderScene *scene = g_ptr_array_index (scenario->scenes, i);

      for (guint c = 0; scene->decision != NULL && c < scene->decision->choices->len; c++)
        {
          const UpstanderChoice *choice = g_ptr_array_index (scene->decision->choices, c);

          add_edge (forward, scene->id, choice->next);
          add_edge (backward, choice->next, scene->id);
        }
      for (guint c = 0; c < scene->continues->len; c++)
        {
          const UpstanderContinue *cont = g_ptr_array_index (scene->continues, c);

          add_edge (forward, scene->id, cont->next);
          add_edge (backward, cont->next, scene->id);
        }
    }

  for (guint i = 0; i < scenario->endings->len; i++)
    g_ptr_array_add (ending_ids, ((UpstanderEnding *) g_ptr_array_index (scenario->endings, i))->id);

  g_ptr_array_add (starts, start->id);
  reachable = reachable_from (forward, starts);
  can_end = reachable_from (backward, ending_ids);

  for (guint i = 0; i < scenario->scenes->len; i++)
    {
      const UpstanderScene *scene = g_ptr_array_index (scenario->scenes, i);

      if (!g_hash_table_contains (reachable, scene->id))
        warning_at (state, scene->line, "scene “%s” cannot be reached from the start", scene->id);
      else if (!g_hash_table_contains (can_end, scene->id))
        error_at (state, scene->line,
                  "no ending can be reached from scene “%s”: the story would never end", scene->id);
    }

  for (guint i = 0; i < scenario->endings->len; i++)
    {
      const UpstanderEnding *ending = g_ptr_array_index (scenario->endings, i);

      if (!g_hash_table_contains (reachable, ending->id))
        warning_at (state, ending->line, "ending “%s” cannot be reached from the start", ending->id);
    }
}

static void
check_scenario (UpstanderLoadState *state,
                UpstanderScenario  *scenario)
{
  g_autoptr(GHashTable) set_flags = collect_set_flags (scenario);
  g_autoptr(GHashTable) used_flags = g_hash_table_new (g_str_hash, g_str_equal);
  const UpstanderScene *start = NULL;
  guint n_players = 0;
  gboolean has_notes = FALSE;
  GHashTableIter iter;
  gpointer flag;

  for (guint i = 0; i < scenario->cast->len; i++)
    n_players += ((UpstanderPerson *) g_ptr_array_index (scenario->cast, i))->role == UPSTANDER_ROLE_PLAYER;
  if (n_players != 1)
    error_at (state, scenario->line,
              "scenario “%s” has %u people with role=\"player\"; it needs exactly one",
              scenario->id, n_players);

  if (scenario->scenes->len == 0 || scenario->endings->len == 0)
    {
      error_at (state, scenario->line, "scenario “%s” needs at least one scene and one ending",
                scenario->id);
      return;
    }

  for (guint i = 0; i < scenario->scenes->len; i++)
    {
      const UpstanderScene *scene = g_ptr_array_index (scenario->scenes, i);

      if (scene->is_start && start != NULL)
        error_at (state, scene->line, "scene “%s” is a second start; only “%s” may have start=\"yes\"",
                  scene->id, start->id);
      else if (scene->is_start)
        start = scene;

      has_notes |= scene->facilitator->len > 0;
      check_scene (state, scenario, scene, set_flags, used_flags);
    }

  for (guint i = 0; i < scenario->endings->len; i++)
    {
      const UpstanderEnding *ending = g_ptr_array_index (scenario->endings, i);

      check_guide (state, ending->guide, ending->line);
    }

  g_hash_table_iter_init (&iter, set_flags);
  while (g_hash_table_iter_next (&iter, &flag, NULL))
    {
      if (!g_hash_table_contains (used_flags, flag))
        warning_at (state, scenario->line, "the flag “%s” is set but never used in scenario “%s”",
                    (const char *) flag, scenario->id);
    }

  if (!has_notes)
    warning_at (state, scenario->line, "scenario “%s” has no <facilitator> notes for teachers",
                scenario->id);

  if (start == NULL)
    {
      error_at (state, scenario->line, "scenario “%s” has no scene with start=\"yes\"", scenario->id);
      return;
    }

  /* The graph is only meaningful once every target exists. */
  if (state->n_errors == 0)
    check_graph (state, scenario, start);
}

void
_upstander_check_bundle (UpstanderLoadState *state)
{
  UpstanderBundle *bundle = state->bundle;

  for (guint i = 0; i < bundle->scenarios->len && !_upstander_past_deadline (state); i++)
    check_scenario (state, g_ptr_array_index (bundle->scenarios, i));
}
