/* upstander-class-run.c: one classroom run of a story: the playthrough, the votes and the path
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-class-run"

#include "config.h"

#include <string.h>

#include "upstander-class-run.h"
#include "upstander-enums.h"

/*
 * The class votes by show of hands and the teacher types in the counts, so a
 * run holds numbers per choice and nothing about any pupil. Every rule of
 * play stays in UpstanderSession: the run only watches it and keeps one
 * record per decision met, so that the summary can show votes and path.
 * A run never touches the explore-mode progress store.
 */

struct _UpstanderClassRun
{
  GObject           parent_instance;

  UpstanderSession *session;
  GPtrArray        *decisions;  /* UpstanderClassDecision */
  UpstanderClassCheck *check;   /* nullable: the before-and-after check, if the class takes it */
  UpstanderClassVoice *voice;   /* "Our class says": what the class typed, for this run only */
  UpstanderClassStage  stage;
  UpstanderPanel       panel;
  gint64            started;    /* g_get_monotonic_time () */
};

enum {
  PROP_0,
  PROP_SESSION,
  PROP_CHECK,
  PROP_STAGE,
  PROP_VOICE,
  PROP_PANEL,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (UpstanderClassRun, upstander_class_run, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
decision_free (gpointer data)
{
  UpstanderClassDecision *decision = data;

  g_clear_pointer (&decision->choices, g_ptr_array_unref);
  g_clear_pointer (&decision->votes, g_free);
  g_free (decision);
}

static UpstanderClassDecision *
last_decision (UpstanderClassRun *self)
{
  if (self->decisions->len == 0)
    return NULL;

  return g_ptr_array_index (self->decisions, self->decisions->len - 1);
}

/* A new record each time the story reaches a decision, revisits included. */
static void
sync_with_session (UpstanderClassRun *self)
{
  const UpstanderScene *scene = upstander_session_get_scene (self->session);
  UpstanderClassDecision *last = last_decision (self);
  UpstanderClassDecision *decision;

  if (upstander_session_get_state (self->session) != UPSTANDER_SESSION_SCENE ||
      scene == NULL || scene->decision == NULL)
    return;

  if (last != NULL && last->taken == NULL && last->scene == scene)
    return;

  decision = g_new0 (UpstanderClassDecision, 1);
  decision->scene = scene;
  decision->choices = upstander_session_dup_choices (self->session);
  decision->votes = g_new0 (guint, MAX (decision->choices->len, 1));
  decision->picked = -1;
  g_ptr_array_add (self->decisions, decision);

  if (self->panel != UPSTANDER_PANEL_VOTES)
    {
      self->panel = UPSTANDER_PANEL_VOTES;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PANEL]);
    }
}

static void
session_changed_cb (UpstanderClassRun *self)
{
  sync_with_session (self);
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
upstander_class_run_constructed (GObject *object)
{
  UpstanderClassRun *self = (UpstanderClassRun *)object;

  G_OBJECT_CLASS (upstander_class_run_parent_class)->constructed (object);

  g_assert (self->session != NULL);

  g_signal_connect_object (self->session, "changed",
                           G_CALLBACK (session_changed_cb), self, G_CONNECT_SWAPPED);
  sync_with_session (self);
}

static void
upstander_class_run_dispose (GObject *object)
{
  UpstanderClassRun *self = (UpstanderClassRun *)object;

  g_clear_object (&self->session);
  g_clear_object (&self->check);
  g_clear_object (&self->voice);

  G_OBJECT_CLASS (upstander_class_run_parent_class)->dispose (object);
}

static void
upstander_class_run_finalize (GObject *object)
{
  UpstanderClassRun *self = (UpstanderClassRun *)object;

  g_clear_pointer (&self->decisions, g_ptr_array_unref);

  G_OBJECT_CLASS (upstander_class_run_parent_class)->finalize (object);
}

static void
upstander_class_run_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UpstanderClassRun *self = UPSTANDER_CLASS_RUN (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_CHECK:
      g_value_set_object (value, self->check);
      break;

    case PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;

    case PROP_VOICE:
      g_value_set_object (value, self->voice);
      break;

    case PROP_PANEL:
      g_value_set_enum (value, self->panel);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_class_run_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UpstanderClassRun *self = UPSTANDER_CLASS_RUN (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_CHECK:
      upstander_class_run_set_check (self, g_value_get_object (value));
      break;

    case PROP_STAGE:
      upstander_class_run_set_stage (self, g_value_get_enum (value));
      break;

    case PROP_PANEL:
      upstander_class_run_set_panel (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_class_run_class_init (UpstanderClassRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = upstander_class_run_constructed;
  object_class->dispose = upstander_class_run_dispose;
  object_class->finalize = upstander_class_run_finalize;
  object_class->get_property = upstander_class_run_get_property;
  object_class->set_property = upstander_class_run_set_property;

  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         UPSTANDER_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CHECK] =
    g_param_spec_object ("check", NULL, NULL,
                         UPSTANDER_TYPE_CLASS_CHECK,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL,
                       UPSTANDER_TYPE_CLASS_STAGE, UPSTANDER_CLASS_STAGE_CHECK_BEFORE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_VOICE] =
    g_param_spec_object ("voice", NULL, NULL,
                         UPSTANDER_TYPE_CLASS_VOICE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_PANEL] =
    g_param_spec_enum ("panel", NULL, NULL,
                       UPSTANDER_TYPE_PANEL, UPSTANDER_PANEL_VOTES,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UpstanderClassRun::changed:
   *
   * Emitted after every move of the story and every vote.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
upstander_class_run_init (UpstanderClassRun *self)
{
  self->decisions = g_ptr_array_new_with_free_func (decision_free);
  self->voice = upstander_class_voice_new ();
  self->started = g_get_monotonic_time ();
}

/**
 * upstander_class_run_new:
 * @scenario: a scenario from a loaded bundle
 *
 * Returns: (transfer full): a run at the start of @scenario, its clock started
 */
UpstanderClassRun *
upstander_class_run_new (UpstanderScenario *scenario)
{
  g_autoptr(UpstanderSession) session = NULL;

  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (scenario), NULL);

  session = upstander_session_new (scenario);

  return g_object_new (UPSTANDER_TYPE_CLASS_RUN, "session", session, NULL);
}

UpstanderScenario *
upstander_class_run_get_scenario (UpstanderClassRun *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASS_RUN (self), NULL);

  return upstander_session_get_scenario (self->session);
}

UpstanderSession *
upstander_class_run_get_session (UpstanderClassRun *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASS_RUN (self), NULL);

  return self->session;
}

/* The decision the class is voting on now, or NULL when there is none. */
const UpstanderClassDecision *
upstander_class_run_get_current (UpstanderClassRun *self)
{
  UpstanderClassDecision *last;

  g_return_val_if_fail (UPSTANDER_IS_CLASS_RUN (self), NULL);

  last = last_decision (self);
  if (last == NULL || last->taken != NULL ||
      upstander_session_get_state (self->session) != UPSTANDER_SESSION_SCENE)
    return NULL;

  return last;
}

guint
upstander_class_run_get_n_decisions (UpstanderClassRun *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASS_RUN (self), 0);

  return self->decisions->len;
}

const UpstanderClassDecision *
upstander_class_run_get_decision (UpstanderClassRun *self,
                                  guint              index)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASS_RUN (self), NULL);
  g_return_val_if_fail (index < self->decisions->len, NULL);

  return g_ptr_array_index (self->decisions, index);
}

/* Adds one vote to the @choice-th choice offered; FALSE when there is no such choice now. */
gboolean
upstander_class_run_add_vote (UpstanderClassRun *self,
                              guint              choice)
{
  UpstanderClassDecision *current;

  g_return_val_if_fail (UPSTANDER_IS_CLASS_RUN (self), FALSE);

  current = (UpstanderClassDecision *) upstander_class_run_get_current (self);
  if (current == NULL || choice >= current->choices->len || current->votes[choice] == G_MAXUINT)
    return FALSE;

  current->votes[choice]++;
  g_signal_emit (self, signals [CHANGED], 0);

  return TRUE;
}

/* Takes one vote away; FALSE when the count is already zero. */
gboolean
upstander_class_run_remove_vote (UpstanderClassRun *self,
                                 guint              choice)
{
  UpstanderClassDecision *current;

  g_return_val_if_fail (UPSTANDER_IS_CLASS_RUN (self), FALSE);

  current = (UpstanderClassDecision *) upstander_class_run_get_current (self);
  if (current == NULL || choice >= current->choices->len || current->votes[choice] == 0)
    return FALSE;

  current->votes[choice]--;
  g_signal_emit (self, signals [CHANGED], 0);

  return TRUE;
}

guint
upstander_class_run_get_votes (UpstanderClassRun *self,
                               guint              choice)
{
  const UpstanderClassDecision *current;

  g_return_val_if_fail (UPSTANDER_IS_CLASS_RUN (self), 0);

  current = upstander_class_run_get_current (self);
  if (current == NULL || choice >= current->choices->len)
    return 0;

  return current->votes[choice];
}

/**
 * upstander_class_run_get_leader:
 *
 * Returns: the index of the choice with most votes (the first of a tie),
 *   or -1 when nobody has voted yet
 */
int
upstander_class_run_get_leader (UpstanderClassRun *self)
{
  const UpstanderClassDecision *current;
  int leader = -1;
  guint most = 0;

  g_return_val_if_fail (UPSTANDER_IS_CLASS_RUN (self), -1);

  current = upstander_class_run_get_current (self);
  if (current == NULL)
    return -1;

  for (guint i = 0; i < current->choices->len; i++)
    if (current->votes[i] > most)
      {
        most = current->votes[i];
        leader = i;
      }

  return leader;
}

/*
 * Where the choice @choice_id stands among the cards of the current
 * decision (the order is shuffled per run, and the number keys follow it),
 * or -1.
 */
int
upstander_class_run_find_choice (UpstanderClassRun *self,
                                 const char        *choice_id)
{
  const UpstanderClassDecision *current;

  g_return_val_if_fail (UPSTANDER_IS_CLASS_RUN (self), -1);
  g_return_val_if_fail (choice_id != NULL, -1);

  current = upstander_class_run_get_current (self);
  for (guint i = 0; current != NULL && i < current->choices->len; i++)
    if (g_str_equal (((const UpstanderChoice *) g_ptr_array_index (current->choices, i))->id, choice_id))
      return i;

  return -1;
}

/* Takes the path the teacher picked, and remembers it next to the votes. */
gboolean
upstander_class_run_choose (UpstanderClassRun  *self,
                            const char         *choice_id,
                            GError            **error)
{
  UpstanderClassDecision *current;
  const UpstanderChoice *taken = NULL;

  g_return_val_if_fail (UPSTANDER_IS_CLASS_RUN (self), FALSE);
  g_return_val_if_fail (choice_id != NULL, FALSE);

  current = (UpstanderClassDecision *) upstander_class_run_get_current (self);
  for (guint i = 0; current != NULL && i < current->choices->len; i++)
    {
      const UpstanderChoice *choice = g_ptr_array_index (current->choices, i);

      if (g_strcmp0 (choice->id, choice_id) == 0)
        taken = choice;
    }

  /* Recorded first: the session's "changed" then sees a closed decision. */
  if (current != NULL)
    current->taken = taken;
  if (!upstander_session_choose (self->session, choice_id, error))
    {
      if (current != NULL)
        current->taken = NULL;
      return FALSE;
    }

  return TRUE;
}

gboolean
upstander_class_run_advance (UpstanderClassRun  *self,
                             GError            **error)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASS_RUN (self), FALSE);

  return upstander_session_advance (self->session, error);
}

/* Microseconds since the run began. */
gint64
upstander_class_run_get_elapsed (UpstanderClassRun *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASS_RUN (self), 0);

  return MAX (0, g_get_monotonic_time () - self->started);
}

/* For tests: when the clock started, in g_get_monotonic_time() terms. */
void
upstander_class_run_set_start_time (UpstanderClassRun *self,
                                    gint64             monotonic_us)
{
  g_return_if_fail (UPSTANDER_IS_CLASS_RUN (self));

  self->started = monotonic_us;
}

/*
 * RFC 4180 quoting; a cell a spreadsheet would run as a formula gets a
 * leading apostrophe, as bundle text may come from anyone.
 */
static void
append_cell (GString    *csv,
             const char *value,
             gboolean    last)
{
  if (value == NULL)
    value = "";

  g_string_append_c (csv, '"');
  if (strchr ("=+-@\t\r", value[0]) != NULL && value[0] != '\0')
    g_string_append_c (csv, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
  g_string_append (csv, last ? "\r\n" : ",");
}

static void
append_row (GString    *csv,
            guint       step,
            const char *kind,
            const char *id,
            const char *text,
            const char *votes,
            const char *taken)
{
  g_autofree char *step_str = g_strdup_printf ("%u", step);

  append_cell (csv, step_str, FALSE);
  append_cell (csv, kind, FALSE);
  append_cell (csv, id, FALSE);
  append_cell (csv, text, FALSE);
  append_cell (csv, votes, FALSE);
  append_cell (csv, taken, TRUE);
}

/* The check's statements have no id in the bundle when the app composed
 * them: they are numbered. A round the class did not take has no count. */
static void
append_check_rows (UpstanderClassRun   *self,
                   GString             *csv,
                   UpstanderCheckRound  round,
                   guint                step)
{
  for (guint i = 0; self->check != NULL && i < upstander_class_check_get_n_statements (self->check); i++)
    {
      g_autofree char *id = g_strdup_printf ("statement-%u", i + 1);
      g_autofree char *hands = NULL;

      if (upstander_class_check_get_taken (self->check, round))
        hands = g_strdup_printf ("%u", upstander_class_check_get_hands (self->check, round, i));
      append_row (csv, step, round == UPSTANDER_CHECK_BEFORE ? "check-before" : "check-after", id,
                  upstander_class_check_get_statement (self->check, i), hands, NULL);
    }
}

/**
 * upstander_class_run_dup_csv:
 *
 * The class summary as CSV: a header, then for each decision met one
 * "decision" row (its prompt) and one "choice" row per choice offered with
 * its votes and "yes" on the one taken, and at the end an "ending" row.
 * With a before-and-after check, its statements come first as
 * "check-before" rows (step 0) and again last as "check-after" rows, the
 * hands raised in the votes column.
 * Counts only: there is nothing about any pupil to write.
 *
 * Returns: (transfer full): UTF-8 text with CRLF line ends, starting with a
 *   byte-order mark: without it, spreadsheet programs read the file in the
 *   system's legacy encoding and garble Arabic, Chinese and Russian
 */
#define UTF8_BYTE_ORDER_MARK "\xEF\xBB\xBF"

char *
upstander_class_run_dup_csv (UpstanderClassRun *self)
{
  UpstanderScenario *scenario;
  const UpstanderEnding *ending;
  GString *csv;

  g_return_val_if_fail (UPSTANDER_IS_CLASS_RUN (self), NULL);

  scenario = upstander_session_get_scenario (self->session);
  csv = g_string_new (UTF8_BYTE_ORDER_MARK "\"step\",\"kind\",\"id\",\"text\",\"votes\",\"taken\"\r\n");
  append_check_rows (self, csv, UPSTANDER_CHECK_BEFORE, 0);

  for (guint i = 0; i < self->decisions->len; i++)
    {
      const UpstanderClassDecision *decision = g_ptr_array_index (self->decisions, i);

      append_row (csv, i + 1, "decision", decision->scene->id,
                  upstander_scenario_translate (scenario, decision->scene->decision->prompt),
                  NULL, NULL);
      for (guint c = 0; c < decision->choices->len; c++)
        {
          const UpstanderChoice *choice = g_ptr_array_index (decision->choices, c);
          g_autofree char *votes = g_strdup_printf ("%u", decision->votes[c]);

          append_row (csv, i + 1, "choice", choice->id,
                      upstander_scenario_translate (scenario, choice->label),
                      votes, choice == decision->taken ? "yes" : "no");
        }
    }

  ending = upstander_session_get_ending (self->session);
  if (ending != NULL)
    append_row (csv, self->decisions->len + 1, "ending", ending->id,
                upstander_scenario_translate (scenario, ending->title), NULL, "yes");

  append_check_rows (self, csv, UPSTANDER_CHECK_AFTER, self->decisions->len + 2);

  return g_string_free (csv, FALSE);
}

/* The before-and-after check the class takes in this run, or NULL. */
UpstanderClassCheck *
upstander_class_run_get_check (UpstanderClassRun *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASS_RUN (self), NULL);

  return self->check;
}

/**
 * upstander_class_run_set_check:
 * @check: (nullable): the check, kept only as long as this run
 *
 * Its counts go into the summary and the CSV next to the votes.
 */
void
upstander_class_run_set_check (UpstanderClassRun   *self,
                               UpstanderClassCheck *check)
{
  g_return_if_fail (UPSTANDER_IS_CLASS_RUN (self));
  g_return_if_fail (check == NULL || UPSTANDER_IS_CLASS_CHECK (check));

  if (!g_set_object (&self->check, check))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHECK]);
  g_signal_emit (self, signals [CHANGED], 0);
}

/* Where the class is in the lesson; the story's own place is the session's. */
UpstanderClassStage
upstander_class_run_get_stage (UpstanderClassRun *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASS_RUN (self), UPSTANDER_CLASS_STAGE_STORY);

  return self->stage;
}

/* Moves the class to @stage; the presentation decides when that is allowed. */
void
upstander_class_run_set_stage (UpstanderClassRun   *self,
                               UpstanderClassStage  stage)
{
  g_return_if_fail (UPSTANDER_IS_CLASS_RUN (self));
  g_return_if_fail (stage <= UPSTANDER_CLASS_STAGE_VOICE);

  if (self->stage == stage)
    return;

  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STAGE]);
  g_signal_emit (self, signals [CHANGED], 0);
}

/* What the class says should change: the lines and what is being typed, for as long as the run. */
UpstanderClassVoice *
upstander_class_run_get_voice (UpstanderClassRun *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASS_RUN (self), NULL);

  return self->voice;
}

/* Votes, reveal or discuss, beside the open vote. */
UpstanderPanel
upstander_class_run_get_panel (UpstanderClassRun *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASS_RUN (self), UPSTANDER_PANEL_VOTES);

  return self->panel;
}

void
upstander_class_run_set_panel (UpstanderClassRun *self,
                               UpstanderPanel     panel)
{
  g_return_if_fail (UPSTANDER_IS_CLASS_RUN (self));
  g_return_if_fail (panel <= UPSTANDER_PANEL_DISCUSS);

  if (self->panel == panel)
    return;

  self->panel = panel;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PANEL]);
}

/* The teacher takes the @choice-th card's path, whatever the votes say; FALSE when there is no such card now. */
gboolean
upstander_class_run_pick (UpstanderClassRun *self,
                          guint              choice)
{
  UpstanderClassDecision *current;

  g_return_val_if_fail (UPSTANDER_IS_CLASS_RUN (self), FALSE);

  current = (UpstanderClassDecision *) upstander_class_run_get_current (self);
  if (current == NULL || choice >= current->choices->len)
    return FALSE;

  if (current->picked != (int) choice)
    {
      current->picked = choice;
      g_signal_emit (self, signals [CHANGED], 0);
    }

  return TRUE;
}
