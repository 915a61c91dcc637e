/* upstander-checks.c: the rules of a bundle that its schema cannot express
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-content"

#include "upstander-bundle-private.h"

#include <string.h>

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

/*
 * The app shows the effect word ("This helps", "Part of the way", "Think
 * again") in front of every feedback text, so feedback that starts with one
 * reads twice ("This helps · This helps because…"). Checked in the English
 * words only: they are the words authors copy from older examples.
 */
static void
check_feedback_opening (UpstanderLoadState    *state,
                        const UpstanderChoice *choice)
{
  static const char * const effect_words[] = { "this helps", "part of the way", "think again" };
  const UpstanderText *first = g_ptr_array_index (choice->feedback, 0);

  for (guint v = 0; v < upstander_text_get_n_variants (first); v++)
    {
      const char *text = upstander_text_get_variant (first, v, NULL);

      for (guint w = 0; w < G_N_ELEMENTS (effect_words); w++)
        {
          if (g_ascii_strncasecmp (text, effect_words[w], strlen (effect_words[w])) == 0)
            {
              warning_at (state, choice->line,
                          "the feedback of choice “%s” starts with “%.*s”, which the app already "
                          "shows in front of it: start with the reason instead",
                          choice->id, (int) strlen (effect_words[w]), text);
              return;
            }
        }
    }
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
          check_feedback_opening (state, choice);
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

/*
 * Whether a child can always still reach an ending, with flags tracked. A
 * state is a scene or ending with the set of flags set on the way to it;
 * flags are only ever set, by choices. From a scene, a choice whose
 * condition holds leads on (setting its flag); without a decision, the
 * first <continue> whose condition holds does. Every state reachable from
 * the start is explored (bounded: MAX_FLAGS flags, MAX_FLAG_STATES states),
 * then those from which no ending is reachable are found backwards: each is
 * a place a child would be stuck in, whatever they chose.
 */

#define MAX_FLAGS 64
#define MAX_FLAG_STATES 100000
/* For all scenarios together: else 200 scenarios at the bound each would
 * cost 200 times as much. */
#define MAX_FLAG_STATES_PER_BUNDLE 300000

typedef struct
{
  guint   node;    /* index into FlagGraph.nodes */
  guint64 flags;   /* bit i: flag i set */
} FlagState;

/*
 * A way on from a scene, resolved once to numbers: the search meets each
 * scene once per combination of flags (tens of thousands of states in a
 * big library), and looking its ids and flags up by name each time was
 * most of its cost. A way whose if= flag no choice sets never holds; it
 * still counts for check_graph(), which takes every condition as possible.
 */
typedef struct
{
  guint    target;        /* index into FlagGraph.nodes */
  gboolean can_hold;
  guint64  if_flags;      /* each must be set */
  guint64  unless_flags;  /* none may be set */
  guint64  sets;          /* set on the way */
} FlagWay;

typedef struct
{
  UpstanderScenario *scenario;
  GPtrArray         *flag_names;   /* const char *, by bit */
  GHashTable        *flag_bits;    /* name → bit + 1 */
  GHashTable        *node_index;   /* id → index + 1 */
  GPtrArray         *nodes;        /* UpstanderScene or UpstanderEnding, scenes first */
  guint              n_scenes;
  GArray            *ways;         /* FlagWay, scene by scene */
  guint             *first_way;    /* per scene, into ways; n_scenes + 1 */
  GArray            *states;       /* FlagState, in the order found: the search's queue too */
  guint             *slots;        /* open addressing over states: index + 1, 0 free */
  guint              n_slots;      /* a power of two, at least twice the states */
  GArray            *edge_from;    /* guint, per edge */
  GArray            *edge_to;      /* guint, per edge */
  guint              max_states;
} FlagGraph;

/* Mixed to the last bit (MurmurHash3's finaliser): the table keeps the low bits only. */
static guint
flag_state_hash (const FlagState *state)
{
  guint32 h = state->node * 2654435761u ^ (guint32) state->flags ^ (guint32) (state->flags >> 32);

  h ^= h >> 16;
  h *= 0x85EBCA6Bu;
  h ^= h >> 13;
  h *= 0xC2B2AE35u;
  h ^= h >> 16;

  return h;
}

static guint64
flag_bit (FlagGraph  *graph,
          const char *flag)
{
  guint bit = GPOINTER_TO_UINT (g_hash_table_lookup (graph->flag_bits, flag));

  return bit > 0 ? G_GUINT64_CONSTANT (1) << (bit - 1) : 0;
}

static void
add_way (FlagGraph                *graph,
         const UpstanderCondition *condition,
         const char               *next,
         const char               *sets)
{
  FlagWay way = { GPOINTER_TO_UINT (g_hash_table_lookup (graph->node_index, next)) - 1, TRUE };

  /* check_scene() has reported any target that is not there, and then no
   * search runs; should that change, such a way leads nowhere. */
  if (way.target == G_MAXUINT)
    return;

  /* Past MAX_FLAGS the flags have no bits (check_flag_paths() stops there). */
  if (graph->flag_names->len <= MAX_FLAGS)
    {
      way.if_flags = condition->if_flag != NULL ? flag_bit (graph, condition->if_flag) : 0;
      way.unless_flags = condition->unless_flag != NULL ? flag_bit (graph, condition->unless_flag) : 0;
      way.sets = sets != NULL ? flag_bit (graph, sets) : 0;
      way.can_hold = condition->if_flag == NULL || way.if_flags != 0;
    }

  g_array_append_val (graph->ways, way);
}

/* Every scene's ways on, once every node and flag has its number. */
static void
resolve_ways (FlagGraph *graph)
{
  graph->ways = g_array_new (FALSE, FALSE, sizeof (FlagWay));
  graph->first_way = g_new (guint, graph->n_scenes + 1);

  for (guint node = 0; node < graph->n_scenes; node++)
    {
      const UpstanderScene *scene = g_ptr_array_index (graph->nodes, node);

      graph->first_way[node] = graph->ways->len;
      if (scene->decision != NULL)
        {
          for (guint c = 0; c < scene->decision->choices->len; c++)
            {
              const UpstanderChoice *choice = g_ptr_array_index (scene->decision->choices, c);

              add_way (graph, &choice->condition, choice->next, choice->sets);
            }
        }
      else
        {
          for (guint c = 0; c < scene->continues->len; c++)
            {
              const UpstanderContinue *cont = g_ptr_array_index (scene->continues, c);

              add_way (graph, &cont->condition, cont->next, NULL);
            }
        }
    }
  graph->first_way[graph->n_scenes] = graph->ways->len;
}

static void
grow_slots (FlagGraph *graph)
{
  guint mask;

  g_free (graph->slots);
  graph->n_slots = MAX (graph->n_slots * 2, 64);
  graph->slots = g_new0 (guint, graph->n_slots);
  mask = graph->n_slots - 1;

  for (guint i = 0; i < graph->states->len; i++)
    {
      guint slot = flag_state_hash (&g_array_index (graph->states, FlagState, i)) & mask;

      while (graph->slots[slot] != 0)
        slot = (slot + 1) & mask;
      graph->slots[slot] = i + 1;
    }
}

/* The index of the state, added (to be explored) if new; G_MAXUINT past the bound. */
static guint
add_state (FlagGraph *graph,
           guint      node,
           guint64    flags)
{
  FlagState state = { node, flags };
  guint mask = graph->n_slots - 1;
  guint slot;

  for (slot = flag_state_hash (&state) & mask; graph->slots[slot] != 0; slot = (slot + 1) & mask)
    {
      const FlagState *found = &g_array_index (graph->states, FlagState, graph->slots[slot] - 1);

      if (found->node == node && found->flags == flags)
        return graph->slots[slot] - 1;
    }

  if (graph->states->len >= graph->max_states)
    return G_MAXUINT;

  g_array_append_val (graph->states, state);
  graph->slots[slot] = graph->states->len;
  if (graph->states->len * 2 > graph->n_slots)
    grow_slots (graph);

  return graph->states->len - 1;
}

static gboolean
add_edge_to (FlagGraph *graph,
             guint      from,
             guint      node,
             guint64    flags)
{
  guint to = add_state (graph, node, flags);

  if (to == G_MAXUINT)
    return FALSE;

  g_array_append_val (graph->edge_from, from);
  g_array_append_val (graph->edge_to, to);

  return TRUE;
}

/*
 * Explores every state reachable from @start, breadth first: states are
 * explored in the order they were added; FALSE when past the bounds.
 */
static gboolean
explore (FlagGraph *graph,
         guint      start)
{
  grow_slots (graph);
  add_state (graph, start, 0);

  for (guint index = 0; index < graph->states->len; index++)
    {
      FlagState state = g_array_index (graph->states, FlagState, index);
      const UpstanderScene *scene;

      if (state.node >= graph->n_scenes)
        continue;  /* an ending */

      scene = g_ptr_array_index (graph->nodes, state.node);
      for (guint w = graph->first_way[state.node]; w < graph->first_way[state.node + 1]; w++)
        {
          const FlagWay *way = &g_array_index (graph->ways, FlagWay, w);

          if (!way->can_hold ||
              (state.flags & way->if_flags) != way->if_flags || (state.flags & way->unless_flags) != 0)
            continue;
          if (!add_edge_to (graph, index, way->target, state.flags | way->sets))
            return FALSE;
          /* Without a decision, the first <continue> that holds is taken. */
          if (scene->decision == NULL)
            break;
        }
    }

  return TRUE;
}

static char *
describe_flags (FlagGraph *graph,
                guint64    flags)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint bit = 0; bit < graph->flag_names->len; bit++)
    {
      if ((flags & (G_GUINT64_CONSTANT (1) << bit)) == 0)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append_printf (names, "“%s”", (const char *) g_ptr_array_index (graph->flag_names, bit));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Numbers for the scenario's scenes, endings, flags and ways on. */
static void
flag_graph_init (FlagGraph          *graph,
                 UpstanderLoadState *state,
                 UpstanderScenario  *scenario)
{
  *graph = (FlagGraph) { scenario };
  graph->flag_names = g_ptr_array_new ();
  graph->flag_bits = g_hash_table_new (g_str_hash, g_str_equal);
  graph->node_index = g_hash_table_new (g_str_hash, g_str_equal);
  graph->nodes = g_ptr_array_new ();
  graph->states = g_array_new (FALSE, FALSE, sizeof (FlagState));
  graph->edge_from = g_array_new (FALSE, FALSE, sizeof (guint));
  graph->edge_to = g_array_new (FALSE, FALSE, sizeof (guint));
  graph->max_states = MIN (MAX_FLAG_STATES, state->flag_states_left);

  for (guint i = 0; i < scenario->scenes->len; i++)
    {
      const UpstanderScene *scene = g_ptr_array_index (scenario->scenes, i);

      g_ptr_array_add (graph->nodes, (gpointer) scene);
      g_hash_table_insert (graph->node_index, scene->id, GUINT_TO_POINTER (graph->nodes->len));

      for (guint c = 0; scene->decision != NULL && c < scene->decision->choices->len; c++)
        {
          const UpstanderChoice *choice = g_ptr_array_index (scene->decision->choices, c);

          if (choice->sets != NULL && !g_hash_table_contains (graph->flag_bits, choice->sets))
            {
              g_ptr_array_add (graph->flag_names, choice->sets);
              g_hash_table_insert (graph->flag_bits, choice->sets,
                                   GUINT_TO_POINTER (graph->flag_names->len));
            }
        }
    }
  graph->n_scenes = graph->nodes->len;
  for (guint i = 0; i < scenario->endings->len; i++)
    {
      const UpstanderEnding *ending = g_ptr_array_index (scenario->endings, i);

      g_ptr_array_add (graph->nodes, (gpointer) ending);
      g_hash_table_insert (graph->node_index, ending->id, GUINT_TO_POINTER (graph->nodes->len));
    }

  resolve_ways (graph);
}

static void
flag_graph_clear (FlagGraph *graph)
{
  g_ptr_array_unref (graph->flag_names);
  g_hash_table_unref (graph->flag_bits);
  g_hash_table_unref (graph->node_index);
  g_ptr_array_unref (graph->nodes);
  g_array_unref (graph->states);
  g_free (graph->slots);
  g_array_unref (graph->ways);
  g_free (graph->first_way);
  g_array_unref (graph->edge_from);
  g_array_unref (graph->edge_to);
}

static guint
node_of (FlagGraph  *graph,
         const char *id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (graph->node_index, id)) - 1;
}

static void
check_flag_paths (UpstanderLoadState   *state,
                  FlagGraph            *graph,
                  guint                 start)
{
  UpstanderScenario *scenario = graph->scenario;
  g_autofree guint *first_edge = NULL;
  g_autofree guint *reverse = NULL;
  g_autofree gboolean *can_end = NULL;
  g_autofree guint *stuck_state = NULL;
  g_autofree guint *pending = NULL;  /* states that can end, their predecessors still to mark */
  guint n_pending = 0;
  guint n_states, n_edges;

  if (graph->flag_names->len > MAX_FLAGS)
    {
      error_at (state, scenario->line,
                "scenario “%s” sets %u different flags; the limit is %u",
                scenario->id, graph->flag_names->len, MAX_FLAGS);
      return;
    }

  if (!explore (graph, start))
    {
      if (graph->max_states == MAX_FLAG_STATES)
        error_at (state, scenario->line,
                  "scenario “%s” has more than %u combinations of scene and flags to check; "
                  "use fewer flags", scenario->id, MAX_FLAG_STATES);
      else
        error_at (state, scenario->line,
                  "with scenario “%s”, the bundle has more than %u combinations of scene and "
                  "flags to check; use fewer flags", scenario->id, MAX_FLAG_STATES_PER_BUNDLE);
      state->flag_states_left = 0;
      return;
    }
  state->flag_states_left -= graph->states->len;

  /* Backwards from every ending state, along the edges reversed (CSR). */
  n_states = graph->states->len;
  n_edges = graph->edge_from->len;
  first_edge = g_new0 (guint, n_states + 1);
  reverse = g_new (guint, MAX (n_edges, 1));
  can_end = g_new0 (gboolean, n_states);
  stuck_state = g_new0 (guint, graph->n_scenes);

  for (guint e = 0; e < n_edges; e++)
    first_edge[g_array_index (graph->edge_to, guint, e) + 1]++;
  for (guint i = 0; i < n_states; i++)
    first_edge[i + 1] += first_edge[i];
  {
    g_autofree guint *fill = g_memdup2 (first_edge, sizeof (guint) * n_states);

    for (guint e = 0; e < n_edges; e++)
      {
        guint to = g_array_index (graph->edge_to, guint, e);

        reverse[fill[to]++] = g_array_index (graph->edge_from, guint, e);
      }
  }

  /* Each state is marked once, so n_states is room enough. */
  pending = g_new (guint, MAX (n_states, 1));
  for (guint i = 0; i < n_states; i++)
    {
      if (g_array_index (graph->states, FlagState, i).node >= graph->n_scenes)
        {
          can_end[i] = TRUE;
          pending[n_pending++] = i;
        }
    }
  while (n_pending > 0)
    {
      guint i = pending[--n_pending];

      for (guint e = first_edge[i]; e < first_edge[i + 1]; e++)
        {
          if (!can_end[reverse[e]])
            {
              can_end[reverse[e]] = TRUE;
              pending[n_pending++] = reverse[e];
            }
        }
    }

  /* The first state found stuck in each scene, said in file order. */
  for (guint i = 0; i < n_states; i++)
    {
      guint node = g_array_index (graph->states, FlagState, i).node;

      if (!can_end[i] && stuck_state[node] == 0)
        stuck_state[node] = i + 1;
    }

  for (guint node = 0; node < graph->n_scenes; node++)
    {
      const UpstanderScene *scene = g_ptr_array_index (graph->nodes, node);
      g_autofree char *flags = NULL;

      if (stuck_state[node] == 0)
        continue;

      flags = describe_flags (graph, g_array_index (graph->states, FlagState, stuck_state[node] - 1).flags);
      if (graph->flag_names->len == 0)
        error_at (state, scene->line,
                  "no ending can be reached from scene “%s”: the story would never end", scene->id);
      else if (*flags == '\0')
        error_at (state, scene->line,
                  "no ending can be reached from scene “%s” when it is reached with no flag set, "
                  "and no flag that can still be set opens a way out: the story would never end",
                  scene->id);
      else
        error_at (state, scene->line,
                  "no ending can be reached from scene “%s” when it is reached with %s set, "
                  "and no flag that can still be set opens a way out: the story would never end",
                  scene->id, flags);
    }

}

/*
 * Without flags, for the warnings: a scene or ending that no path reaches
 * even with every condition taken as possibly true.
 */
static void
check_graph (UpstanderLoadState *state,
             FlagGraph          *graph,
             guint               start)
{
  g_autofree gboolean *reachable = g_new0 (gboolean, graph->nodes->len);
  g_autofree guint *pending = g_new (guint, graph->nodes->len);  /* reached, not yet followed */
  guint n_pending = 0;

  reachable[start] = TRUE;
  pending[n_pending++] = start;
  while (n_pending > 0)
    {
      guint node = pending[--n_pending];

      if (node >= graph->n_scenes)
        continue;  /* an ending */

      for (guint w = graph->first_way[node]; w < graph->first_way[node + 1]; w++)
        {
          guint target = g_array_index (graph->ways, FlagWay, w).target;

          if (!reachable[target])
            {
              reachable[target] = TRUE;
              pending[n_pending++] = target;
            }
        }
    }

  for (guint node = 0; node < graph->nodes->len; node++)
    {
      const UpstanderScene *scene = g_ptr_array_index (graph->nodes, node);
      const UpstanderEnding *ending = g_ptr_array_index (graph->nodes, node);

      if (reachable[node])
        continue;

      if (node < graph->n_scenes)
        warning_at (state, scene->line, "scene “%s” cannot be reached from the start", scene->id);
      else
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
    {
      FlagGraph graph;

      flag_graph_init (&graph, state, scenario);
      check_graph (state, &graph, node_of (&graph, start->id));
      check_flag_paths (state, &graph, node_of (&graph, start->id));
      flag_graph_clear (&graph);
    }
}

void
_upstander_check_bundle (UpstanderLoadState *state)
{
  UpstanderBundle *bundle = state->bundle;

  state->flag_states_left = MAX_FLAG_STATES_PER_BUNDLE;
  for (guint i = 0; i < bundle->scenarios->len && !_upstander_past_deadline (state); i++)
    check_scenario (state, g_ptr_array_index (bundle->scenarios, i));
}
