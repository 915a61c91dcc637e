/* upstander-session.c: one playthrough of a scenario, as a pure state machine
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-content"

#include "upstander-session.h"
#include "upstander-bundle.h"
#include "upstander-choice-item.h"
#include "upstander-ending-item.h"
#include "upstander-enums.h"
#include "upstander-line-item.h"

/*
 * Every rule of play lives here, so it is tested without a display: which
 * lines and choices show given the flags, what a choice does, where the story
 * goes on, and how to go back. The views only ask and tell.
 *
 * What is on screen is bindable: the lines of the scene revealed so far and
 * the choices open now are list models of items, the feedback is the item
 * of the choice made. Lines are revealed one at a time, so that a view
 * appends one row per line. Choices come in an order shuffled per play: the
 * seed is kept with the session, so everything that shows this play (after
 * a change of language too) shows the same order. The ending reached is an
 * item too, NULL until there is one.
 */

typedef struct
{
  const UpstanderScene *scene;    /* the decision's scene */
  char                 *choice;   /* the choice made there */
  GHashTable           *flags;    /* the flags before it was made */
} Step;

struct _UpstanderSession
{
  GObject parent_instance;

  UpstanderScenario     *scenario;
  UpstanderBundle       *bundle;   /* kept alive: the scenario's texts live in it */

  UpstanderSessionState  state;
  const UpstanderScene  *scene;
  const UpstanderEnding *ending;
  const UpstanderChoice *last_choice;
  GHashTable            *flags;
  GArray                *steps;           /* Step, one per decision made */
  GHashTable            *endings_found;   /* ids; kept across restarts and rewinds */

  guint32                seed;            /* the order of the choices, for this play */
  GPtrArray             *scene_lines;     /* const UpstanderLine*, visible in this scene */
  GListStore            *lines;           /* UpstanderLineItem, the revealed ones */
  GListStore            *choices;         /* UpstanderChoiceItem, in the order shown */
  UpstanderChoiceItem   *feedback;        /* the choice made, while its feedback shows */
  UpstanderEndingItem   *ending_item;     /* the ending reached, while it shows */
};

enum {
  PROP_0,
  PROP_SCENARIO,
  PROP_STATE,
  PROP_SEED,
  PROP_LINES,
  PROP_ALL_REVEALED,
  PROP_CHOICES,
  PROP_FEEDBACK,
  PROP_ENDING,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (UpstanderSession, upstander_session, G_TYPE_OBJECT)

G_DEFINE_QUARK (upstander-session-error-quark, upstander_session_error)

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static GHashTable *
flags_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static GHashTable *
flags_copy (GHashTable *flags)
{
  GHashTable *copy = flags_new ();
  GHashTableIter iter;
  gpointer flag;

  g_hash_table_iter_init (&iter, flags);
  while (g_hash_table_iter_next (&iter, &flag, NULL))
    g_hash_table_add (copy, g_strdup (flag));

  return copy;
}

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_clear_pointer (&step->choice, g_free);
  g_clear_pointer (&step->flags, g_hash_table_unref);
}

static guint64
factorial (guint n)
{
  guint64 result = 1;

  for (guint i = 2; i <= n; i++)
    result *= i;

  return result;
}

/*
 * The order a decision's open choices (@open, taken) are shown in: the
 * k-th permutation of them, k from the seed and the scene. Seeds one apart give a different
 * order at every decision with two choices or more, so a second play never
 * repeats the first.
 */
static GPtrArray *
shuffle (UpstanderSession     *self,
         const UpstanderScene *scene,
         GPtrArray            *open)
{
  g_autoptr(GPtrArray) pool = open;
  GPtrArray *order = g_ptr_array_new ();
  guint n = pool->len;

  if (n <= 20)
    {
      guint64 k = ((guint64) self->seed + g_str_hash (scene->id)) % factorial (n);

      for (guint left = n; left > 0; left--)
        {
          guint64 block = factorial (left - 1);
          guint pick = k / block;

          k %= block;
          g_ptr_array_add (order, g_ptr_array_steal_index (pool, pick));
        }
    }
  else
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (self->seed ^ g_str_hash (scene->id));

      while (pool->len > 0)
        g_ptr_array_add (order, g_ptr_array_steal_index (pool, g_rand_int_range (rand, 0, pool->len)));
    }

  return order;
}

static void
append_revealed_line (UpstanderSession *self)
{
  const UpstanderLine *line = g_ptr_array_index (self->scene_lines,
                                                 g_list_model_get_n_items (G_LIST_MODEL (self->lines)));
  g_autoptr(GPtrArray) comments = upstander_session_dup_visible_comments (self, line);
  g_autoptr(UpstanderLineItem) item = upstander_line_item_new (self->scenario, line, self->scene->place, comments);

  g_list_store_append (self->lines, item);
}

/* The lines and choices of the scene just entered; the first line, or all, revealed. */
static void
enter_scene (UpstanderSession *self,
             gboolean          reveal_all)
{
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_revealed;

  self->state = UPSTANDER_SESSION_SCENE;
  choices = upstander_session_dup_choices (self);

  g_clear_pointer (&self->scene_lines, g_ptr_array_unref);
  self->scene_lines = upstander_session_dup_visible_lines (self);

  g_list_store_remove_all (self->lines);
  n_revealed = reveal_all ? self->scene_lines->len : MIN (1, self->scene_lines->len);
  for (guint i = 0; i < n_revealed; i++)
    append_revealed_line (self);

  for (guint i = 0; i < choices->len; i++)
    g_ptr_array_add (items, upstander_choice_item_new (self->scenario, g_ptr_array_index (choices, i), i));
  g_list_store_splice (self->choices, 0, g_list_model_get_n_items (G_LIST_MODEL (self->choices)),
                       items->pdata, items->len);
}

static void
set_state (UpstanderSession      *self,
           UpstanderSessionState  state)
{
  g_autoptr(UpstanderChoiceItem) feedback = NULL;
  g_autoptr(UpstanderEndingItem) ending = NULL;

  self->state = state;

  if (state == UPSTANDER_SESSION_FEEDBACK)
    feedback = upstander_choice_item_new (self->scenario, self->last_choice, 0);
  if (state == UPSTANDER_SESSION_ENDING)
    ending = upstander_ending_item_new (self->scenario, self->ending);
  if (state != UPSTANDER_SESSION_SCENE)
    g_list_store_remove_all (self->choices);
  if (state == UPSTANDER_SESSION_ENDING)
    {
      g_list_store_remove_all (self->lines);
      g_clear_pointer (&self->scene_lines, g_ptr_array_unref);
    }

  if (g_set_object (&self->feedback, feedback))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FEEDBACK]);
  if (g_set_object (&self->ending_item, ending))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ENDING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ALL_REVEALED]);
  g_signal_emit (self, signals [CHANGED], 0);
}

/* Moves to a scene or an ending; returns FALSE for an id the checks let through (never). */
static gboolean
go_to (UpstanderSession *self,
       const char       *id)
{
  const UpstanderScene *scene = upstander_scenario_lookup_scene (self->scenario, id);
  const UpstanderEnding *ending = NULL;

  if (scene == NULL)
    ending = upstander_scenario_lookup_ending (self->scenario, id);

  g_return_val_if_fail (scene != NULL || ending != NULL, FALSE);

  self->last_choice = NULL;
  self->scene = scene;
  self->ending = ending;

  if (ending != NULL)
    {
      g_hash_table_add (self->endings_found, g_strdup (ending->id));
      set_state (self, UPSTANDER_SESSION_ENDING);
    }
  else
    {
      enter_scene (self, FALSE);
      set_state (self, UPSTANDER_SESSION_SCENE);
    }

  return TRUE;
}

static void
upstander_session_dispose (GObject *object)
{
  UpstanderSession *self = (UpstanderSession *)object;

  g_clear_object (&self->scenario);
  g_clear_object (&self->bundle);
  g_clear_object (&self->lines);
  g_clear_object (&self->choices);
  g_clear_object (&self->feedback);
  g_clear_object (&self->ending_item);

  G_OBJECT_CLASS (upstander_session_parent_class)->dispose (object);
}

static void
upstander_session_finalize (GObject *object)
{
  UpstanderSession *self = (UpstanderSession *)object;

  g_clear_pointer (&self->flags, g_hash_table_unref);
  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->endings_found, g_hash_table_unref);
  g_clear_pointer (&self->scene_lines, g_ptr_array_unref);

  G_OBJECT_CLASS (upstander_session_parent_class)->finalize (object);
}

static void
upstander_session_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  UpstanderSession *self = UPSTANDER_SESSION (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_SEED:
      g_value_set_uint (value, self->seed);
      break;

    case PROP_LINES:
      g_value_set_object (value, self->lines);
      break;

    case PROP_ALL_REVEALED:
      g_value_set_boolean (value, upstander_session_get_all_revealed (self));
      break;

    case PROP_CHOICES:
      g_value_set_object (value, self->choices);
      break;

    case PROP_FEEDBACK:
      g_value_set_object (value, self->feedback);
      break;

    case PROP_ENDING:
      g_value_set_object (value, self->ending_item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_session_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  UpstanderSession *self = UPSTANDER_SESSION (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      self->scenario = g_value_dup_object (value);
      break;

    case PROP_SEED:
      self->seed = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_session_constructed (GObject *object)
{
  UpstanderSession *self = (UpstanderSession *)object;
  UpstanderBundle *bundle;

  G_OBJECT_CLASS (upstander_session_parent_class)->constructed (object);

  g_assert (self->scenario != NULL);

  bundle = upstander_scenario_get_bundle (self->scenario);
  if (bundle != NULL)
    self->bundle = g_object_ref (bundle);

  self->scene = upstander_scenario_get_start (self->scenario);
  enter_scene (self, FALSE);
}

static void
upstander_session_class_init (UpstanderSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = upstander_session_dispose;
  object_class->finalize = upstander_session_finalize;
  object_class->get_property = upstander_session_get_property;
  object_class->set_property = upstander_session_set_property;
  object_class->constructed = upstander_session_constructed;

  properties [PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL,
                         UPSTANDER_TYPE_SCENARIO,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       UPSTANDER_TYPE_SESSION_STATE, UPSTANDER_SESSION_SCENE,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SEED] =
    g_param_spec_uint ("seed", NULL, NULL,
                       0, G_MAXUINT32, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LINES] =
    g_param_spec_object ("lines", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ALL_REVEALED] =
    g_param_spec_boolean ("all-revealed", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CHOICES] =
    g_param_spec_object ("choices", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FEEDBACK] =
    g_param_spec_object ("feedback", NULL, NULL,
                         UPSTANDER_TYPE_CHOICE_ITEM,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The ending reached, while it shows; NULL before. */
  properties [PROP_ENDING] =
    g_param_spec_object ("ending", NULL, NULL,
                         UPSTANDER_TYPE_ENDING_ITEM,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UpstanderSession::changed:
   *
   * Emitted after every move: the scene, ending, feedback or flags may differ.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
upstander_session_init (UpstanderSession *self)
{
  self->flags = flags_new ();
  self->steps = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (self->steps, step_clear);
  self->endings_found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->lines = g_list_store_new (UPSTANDER_TYPE_LINE_ITEM);
  self->choices = g_list_store_new (UPSTANDER_TYPE_CHOICE_ITEM);
}

/**
 * upstander_session_new:
 * @scenario: a scenario from a loaded bundle (it has a start scene)
 *
 * Returns: (transfer full): a playthrough at the start scene, its choices
 *   in an order of its own
 */
UpstanderSession *
upstander_session_new (UpstanderScenario *scenario)
{
  return upstander_session_new_with_seed (scenario, g_random_int ());
}

/**
 * upstander_session_new_with_seed:
 * @seed: picks the order of the choices: the same seed, the same order;
 *   seeds one apart, another order at every decision
 *
 * Returns: (transfer full): a playthrough at the start scene
 */
UpstanderSession *
upstander_session_new_with_seed (UpstanderScenario *scenario,
                                 guint32            seed)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (upstander_scenario_get_start (scenario) != NULL, NULL);

  return g_object_new (UPSTANDER_TYPE_SESSION,
                       "scenario", scenario,
                       "seed", seed,
                       NULL);
}

guint32
upstander_session_get_seed (UpstanderSession *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SESSION (self), 0);

  return self->seed;
}

/**
 * upstander_session_get_lines:
 *
 * Returns: (transfer none): the lines of the current scene revealed so far,
 *   as UpstanderLineItems; empty at an ending
 */
GListModel *
upstander_session_get_lines (UpstanderSession *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->lines);
}

/**
 * upstander_session_get_choices:
 *
 * Returns: (transfer none): the choices open now as UpstanderChoiceItems,
 *   in the order they are shown; empty unless a decision is open
 */
GListModel *
upstander_session_get_choices (UpstanderSession *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->choices);
}

/* The choice whose feedback is shown, as an item; NULL outside FEEDBACK. */
UpstanderChoiceItem *
upstander_session_get_feedback (UpstanderSession *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SESSION (self), NULL);

  return self->feedback;
}

/**
 * upstander_session_get_ending_item:
 *
 * The "ending" property: the ending reached, for views to bind to.
 *
 * Returns: (transfer none) (nullable): the ending, or %NULL before one is reached
 */
UpstanderEndingItem *
upstander_session_get_ending_item (UpstanderSession *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SESSION (self), NULL);

  return self->ending_item;
}

/* Whether every line of the scene is revealed, so its decision or way on comes next. */
gboolean
upstander_session_get_all_revealed (UpstanderSession *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SESSION (self), FALSE);

  if (self->state != UPSTANDER_SESSION_SCENE || self->scene_lines == NULL)
    return TRUE;

  return g_list_model_get_n_items (G_LIST_MODEL (self->lines)) >= self->scene_lines->len;
}

/**
 * upstander_session_reveal_next:
 *
 * Appends the next line of the scene to the lines model.
 *
 * Returns: %FALSE when every line was revealed already
 */
gboolean
upstander_session_reveal_next (UpstanderSession *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SESSION (self), FALSE);

  if (upstander_session_get_all_revealed (self))
    return FALSE;

  append_revealed_line (self);
  if (upstander_session_get_all_revealed (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ALL_REVEALED]);

  return TRUE;
}

/*
 * Shows the first @n_lines lines of the scene (at least one, at most all):
 * hides the last ones again, or reveals up to there. For a teacher who
 * steps back a line, and a view that follows another.
 */
void
upstander_session_set_n_revealed (UpstanderSession *self,
                                  guint             n_lines)
{
  gboolean was_all;
  guint n_items;

  g_return_if_fail (UPSTANDER_IS_SESSION (self));

  if (self->state != UPSTANDER_SESSION_SCENE || self->scene_lines == NULL)
    return;

  was_all = upstander_session_get_all_revealed (self);
  n_lines = CLAMP (n_lines, MIN (1, self->scene_lines->len), self->scene_lines->len);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->lines));
  if (n_lines < n_items)
    g_list_store_splice (self->lines, n_lines, n_items - n_lines, NULL, 0);
  while (g_list_model_get_n_items (G_LIST_MODEL (self->lines)) < n_lines)
    append_revealed_line (self);

  if (was_all != upstander_session_get_all_revealed (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ALL_REVEALED]);
}

UpstanderScenario *
upstander_session_get_scenario (UpstanderSession *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SESSION (self), NULL);

  return self->scenario;
}

UpstanderSessionState
upstander_session_get_state (UpstanderSession *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SESSION (self), UPSTANDER_SESSION_SCENE);

  return self->state;
}

/* The current scene; during feedback, the scene of the decision. NULL at an ending. */
const UpstanderScene *
upstander_session_get_scene (UpstanderSession *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SESSION (self), NULL);

  return self->scene;
}

const UpstanderEnding *
upstander_session_get_ending (UpstanderSession *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SESSION (self), NULL);

  return self->ending;
}

/* The choice whose feedback is shown, in the FEEDBACK state; else NULL. */
const UpstanderChoice *
upstander_session_get_last_choice (UpstanderSession *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SESSION (self), NULL);

  return self->last_choice;
}

gboolean
upstander_session_has_flag (UpstanderSession *self,
                            const char       *flag)
{
  g_return_val_if_fail (UPSTANDER_IS_SESSION (self), FALSE);
  g_return_val_if_fail (flag != NULL, FALSE);

  return g_hash_table_contains (self->flags, flag);
}

gboolean
upstander_session_holds (UpstanderSession         *self,
                         const UpstanderCondition *condition)
{
  g_return_val_if_fail (UPSTANDER_IS_SESSION (self), FALSE);
  g_return_val_if_fail (condition != NULL, FALSE);

  if (condition->if_flag != NULL && !g_hash_table_contains (self->flags, condition->if_flag))
    return FALSE;
  if (condition->unless_flag != NULL && g_hash_table_contains (self->flags, condition->unless_flag))
    return FALSE;

  return TRUE;
}

/**
 * upstander_session_dup_visible_lines:
 *
 * Returns: (transfer container) (element-type UpstanderLine): the current
 *   scene's lines whose conditions hold, in order; empty at an ending
 */
GPtrArray *
upstander_session_dup_visible_lines (UpstanderSession *self)
{
  GPtrArray *lines = g_ptr_array_new ();

  g_return_val_if_fail (UPSTANDER_IS_SESSION (self), lines);

  for (guint i = 0; self->scene != NULL && i < self->scene->lines->len; i++)
    {
      const UpstanderLine *line = g_ptr_array_index (self->scene->lines, i);

      if (upstander_session_holds (self, &line->condition))
        g_ptr_array_add (lines, (gpointer) line);
    }

  return lines;
}

GPtrArray *
upstander_session_dup_visible_comments (UpstanderSession    *self,
                                        const UpstanderLine *post)
{
  GPtrArray *comments = g_ptr_array_new ();

  g_return_val_if_fail (UPSTANDER_IS_SESSION (self), comments);
  g_return_val_if_fail (post != NULL, comments);

  for (guint i = 0; post->comments != NULL && i < post->comments->len; i++)
    {
      const UpstanderLine *comment = g_ptr_array_index (post->comments, i);

      if (upstander_session_holds (self, &comment->condition))
        g_ptr_array_add (comments, (gpointer) comment);
    }

  return comments;
}

/**
 * upstander_session_dup_choices:
 *
 * Returns: (transfer container) (element-type UpstanderChoice): the choices
 *   open now, in the order this play shows them; empty unless the current
 *   scene ends in a decision
 */
GPtrArray *
upstander_session_dup_choices (UpstanderSession *self)
{
  GPtrArray *choices = g_ptr_array_new ();

  g_return_val_if_fail (UPSTANDER_IS_SESSION (self), choices);


  if (self->state != UPSTANDER_SESSION_SCENE || self->scene == NULL || self->scene->decision == NULL)
    return choices;

  for (guint i = 0; i < self->scene->decision->choices->len; i++)
    {
      const UpstanderChoice *choice = g_ptr_array_index (self->scene->decision->choices, i);

      if (upstander_session_holds (self, &choice->condition))
        g_ptr_array_add (choices, (gpointer) choice);
    }

  return shuffle (self, self->scene, choices);
}

/**
 * upstander_session_choose:
 * @choice_id: one of the choices upstander_session_dup_choices() returns
 *
 * Takes a choice: sets its flag and shows its feedback (state FEEDBACK).
 * upstander_session_advance() then goes on to its next scene or ending.
 */
gboolean
upstander_session_choose (UpstanderSession  *self,
                          const char        *choice_id,
                          GError           **error)
{
  g_autoptr(GPtrArray) choices = NULL;
  const UpstanderChoice *chosen = NULL;
  Step step;

  g_return_val_if_fail (UPSTANDER_IS_SESSION (self), FALSE);
  g_return_val_if_fail (choice_id != NULL, FALSE);

  if (self->state != UPSTANDER_SESSION_SCENE || self->scene->decision == NULL)
    {
      g_set_error_literal (error, UPSTANDER_SESSION_ERROR, UPSTANDER_SESSION_ERROR_NOT_NOW,
                           "there is no decision to make now");
      return FALSE;
    }

  choices = upstander_session_dup_choices (self);
  for (guint i = 0; i < choices->len; i++)
    {
      const UpstanderChoice *choice = g_ptr_array_index (choices, i);

      if (g_str_equal (choice->id, choice_id))
        chosen = choice;
    }

  if (chosen == NULL)
    {
      g_set_error (error, UPSTANDER_SESSION_ERROR, UPSTANDER_SESSION_ERROR_NO_SUCH_CHOICE,
                   "“%s” is not a choice open now", choice_id);
      return FALSE;
    }

  step.scene = self->scene;
  step.choice = g_strdup (chosen->id);
  step.flags = flags_copy (self->flags);
  g_array_append_val (self->steps, step);

  if (chosen->sets != NULL)
    g_hash_table_add (self->flags, g_strdup (chosen->sets));

  self->last_choice = chosen;
  set_state (self, UPSTANDER_SESSION_FEEDBACK);

  return TRUE;
}

/**
 * upstander_session_advance:
 *
 * Goes on: after feedback, to the choice's next; in a scene without a
 * decision, along the first <continue> whose condition holds. Fails at a
 * decision (choose first) and at an ending.
 */
gboolean
upstander_session_advance (UpstanderSession  *self,
                           GError           **error)
{
  g_return_val_if_fail (UPSTANDER_IS_SESSION (self), FALSE);

  if (self->state == UPSTANDER_SESSION_FEEDBACK)
    return go_to (self, self->last_choice->next);

  if (self->state == UPSTANDER_SESSION_SCENE && self->scene->decision == NULL)
    {
      for (guint i = 0; i < self->scene->continues->len; i++)
        {
          const UpstanderContinue *cont = g_ptr_array_index (self->scene->continues, i);

          if (upstander_session_holds (self, &cont->condition))
            return go_to (self, cont->next);
        }
    }

  g_set_error_literal (error, UPSTANDER_SESSION_ERROR, UPSTANDER_SESSION_ERROR_NOT_NOW,
                       self->state == UPSTANDER_SESSION_ENDING ? "the story has ended"
                                                               : "a choice must be made first");
  return FALSE;
}

gboolean
upstander_session_can_rewind (UpstanderSession *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SESSION (self), FALSE);

  return self->steps->len > 0;
}

/**
 * upstander_session_rewind:
 *
 * Goes back to the last decision made, with the flags as they were before
 * it, so another choice can be tried. Endings found are kept.
 *
 * Returns: %FALSE when no decision has been made yet
 */
gboolean
upstander_session_rewind (UpstanderSession *self)
{
  Step *step;

  g_return_val_if_fail (UPSTANDER_IS_SESSION (self), FALSE);

  if (self->steps->len == 0)
    return FALSE;

  step = &g_array_index (self->steps, Step, self->steps->len - 1);
  g_hash_table_unref (self->flags);
  self->flags = g_steal_pointer (&step->flags);
  self->scene = step->scene;
  self->ending = NULL;
  self->last_choice = NULL;
  g_array_set_size (self->steps, self->steps->len - 1);

  /* Back at the decision, whose lines were read already. */
  enter_scene (self, TRUE);
  set_state (self, UPSTANDER_SESSION_SCENE);

  return TRUE;
}

/* Back to the start with no flags; endings found are kept. */
void
upstander_session_restart (UpstanderSession *self)
{
  g_return_if_fail (UPSTANDER_IS_SESSION (self));

  g_hash_table_remove_all (self->flags);
  g_array_set_size (self->steps, 0);
  self->scene = upstander_scenario_get_start (self->scenario);
  self->ending = NULL;
  self->last_choice = NULL;

  enter_scene (self, FALSE);
  set_state (self, UPSTANDER_SESSION_SCENE);
}

guint
upstander_session_get_n_decisions_made (UpstanderSession *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SESSION (self), 0);

  return self->steps->len;
}

/* The id of the @index-th choice made on the current path. */
const char *
upstander_session_get_choice_at (UpstanderSession *self,
                                 guint             index)
{
  g_return_val_if_fail (UPSTANDER_IS_SESSION (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);

  return g_array_index (self->steps, Step, index).choice;
}

/* Seeds the endings found from stored progress; unknown ids are ignored. */
void
upstander_session_add_found_ending (UpstanderSession *self,
                                    const char       *ending_id)
{
  g_return_if_fail (UPSTANDER_IS_SESSION (self));
  g_return_if_fail (ending_id != NULL);

  if (upstander_scenario_lookup_ending (self->scenario, ending_id) != NULL)
    g_hash_table_add (self->endings_found, g_strdup (ending_id));
}

gboolean
upstander_session_has_found_ending (UpstanderSession *self,
                                    const char       *ending_id)
{
  g_return_val_if_fail (UPSTANDER_IS_SESSION (self), FALSE);
  g_return_val_if_fail (ending_id != NULL, FALSE);

  return g_hash_table_contains (self->endings_found, ending_id);
}

guint
upstander_session_get_n_endings_found (UpstanderSession *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SESSION (self), 0);

  return g_hash_table_size (self->endings_found);
}
