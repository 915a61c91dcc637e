/* upstander-class-check.c: the class's before-and-after check: statements and a show of hands for each, twice
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-class-check"

#include "config.h"

#include "upstander-class-check.h"

/*
 * Like the votes, the check holds numbers and nothing about any pupil: the
 * teacher reads each statement out, counts the raised hands and types the
 * count in. It is asked once before the story and once after it; the
 * statements are given already in the class's language (the bundle's, or
 * composed by the app from the goals), so this stays free of gettext and GTK.
 * It lives only as long as the class run that holds it.
 */

#define MAX_STATEMENTS 5
#define MAX_HANDS      999  /* more than any class; keeps a held-down button from wrapping */

struct _UpstanderClassCheck
{
  GObject              parent_instance;

  GStrv                statements;
  guint                n_statements;
  guint                hands[2][MAX_STATEMENTS];
  gboolean             taken[2];
  UpstanderCheckRound  round;
};

enum {
  PROP_0,
  PROP_ROUND,
  PROP_N_STATEMENTS,
  PROP_STATEMENTS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (UpstanderClassCheck, upstander_class_check, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
upstander_class_check_finalize (GObject *object)
{
  UpstanderClassCheck *self = (UpstanderClassCheck *)object;

  g_clear_pointer (&self->statements, g_strfreev);

  G_OBJECT_CLASS (upstander_class_check_parent_class)->finalize (object);
}

static void
upstander_class_check_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  UpstanderClassCheck *self = UPSTANDER_CLASS_CHECK (object);

  switch (prop_id)
    {
    case PROP_ROUND:
      g_value_set_uint (value, self->round);
      break;

    case PROP_N_STATEMENTS:
      g_value_set_uint (value, self->n_statements);
      break;

    case PROP_STATEMENTS:
      g_value_set_boxed (value, self->statements);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_class_check_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  UpstanderClassCheck *self = UPSTANDER_CLASS_CHECK (object);

  switch (prop_id)
    {
    case PROP_ROUND:
      upstander_class_check_set_round (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_class_check_class_init (UpstanderClassCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = upstander_class_check_finalize;
  object_class->get_property = upstander_class_check_get_property;
  object_class->set_property = upstander_class_check_set_property;

  /* A plain number (0 before, 1 after), so .ui files can bind to it without a registered enum. */
  properties [PROP_ROUND] =
    g_param_spec_uint ("round", NULL, NULL,
                       UPSTANDER_CHECK_BEFORE, UPSTANDER_CHECK_AFTER, UPSTANDER_CHECK_BEFORE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_STATEMENTS] =
    g_param_spec_uint ("n-statements", NULL, NULL,
                       0, MAX_STATEMENTS, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* Notified when the same statements come in another language. */
  properties [PROP_STATEMENTS] =
    g_param_spec_boxed ("statements", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UpstanderClassCheck::changed:
   *
   * Emitted after every count that changes.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
upstander_class_check_init (UpstanderClassCheck *self)
{
}

/* Empty statements are skipped, and only the first five are kept. */
static GStrv
keep_statements (const char * const *statements)
{
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; statements[i] != NULL && n < MAX_STATEMENTS; i++)
    {
      if (statements[i][0] == '\0')
        continue;
      g_strv_builder_add (kept, statements[i]);
      n++;
    }

  return g_strv_builder_end (kept);
}

/**
 * upstander_class_check_new:
 * @statements: the statements, in the class's language; empty ones are
 *   skipped, and only the first five are kept
 *
 * Returns: (transfer full): a check with no hands counted, in its first round
 */
UpstanderClassCheck *
upstander_class_check_new (const char * const *statements)
{
  UpstanderClassCheck *self;

  g_return_val_if_fail (statements != NULL, NULL);

  self = g_object_new (UPSTANDER_TYPE_CLASS_CHECK, NULL);
  self->statements = keep_statements (statements);
  self->n_statements = g_strv_length (self->statements);

  return self;
}

/**
 * upstander_class_check_set_statements:
 * @statements: the same statements in another language, kept as
 *   upstander_class_check_new() keeps them
 *
 * For a language switch in the middle of a run: the hands counted stay
 * with the statement they were counted for, so the statements must be as
 * many as before.
 *
 * Returns: whether the statements were taken; FALSE, and nothing changed,
 *   when they are not as many
 */
gboolean
upstander_class_check_set_statements (UpstanderClassCheck *self,
                                      const char * const  *statements)
{
  g_auto(GStrv) kept = NULL;

  g_return_val_if_fail (UPSTANDER_IS_CLASS_CHECK (self), FALSE);
  g_return_val_if_fail (statements != NULL, FALSE);

  kept = keep_statements (statements);
  if (g_strv_length (kept) != self->n_statements)
    return FALSE;
  if (g_strv_equal ((const char * const *) kept, (const char * const *) self->statements))
    return TRUE;

  g_strfreev (self->statements);
  self->statements = g_steal_pointer (&kept);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATEMENTS]);
  g_signal_emit (self, signals [CHANGED], 0);

  return TRUE;
}

guint
upstander_class_check_get_n_statements (UpstanderClassCheck *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASS_CHECK (self), 0);

  return self->n_statements;
}

const char *
upstander_class_check_get_statement (UpstanderClassCheck *self,
                                     guint                index)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASS_CHECK (self), NULL);
  g_return_val_if_fail (index < self->n_statements, NULL);

  return self->statements[index];
}

/* Whether the hands counted now are those before the story or after it. */
UpstanderCheckRound
upstander_class_check_get_round (UpstanderClassCheck *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASS_CHECK (self), UPSTANDER_CHECK_BEFORE);

  return self->round;
}

void
upstander_class_check_set_round (UpstanderClassCheck *self,
                                 UpstanderCheckRound  round)
{
  g_return_if_fail (UPSTANDER_IS_CLASS_CHECK (self));
  g_return_if_fail (round == UPSTANDER_CHECK_BEFORE || round == UPSTANDER_CHECK_AFTER);

  if (self->round == round)
    return;

  self->round = round;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ROUND]);
  g_signal_emit (self, signals [CHANGED], 0);
}

static gboolean
change_hands (UpstanderClassCheck *self,
              guint                index,
              int                  delta)
{
  guint *hands;

  if (index >= self->n_statements)
    return FALSE;

  hands = &self->hands[self->round][index];
  if ((delta < 0 && *hands == 0) || (delta > 0 && *hands >= MAX_HANDS))
    return FALSE;

  *hands += delta;
  self->taken[self->round] = TRUE;
  g_signal_emit (self, signals [CHANGED], 0);

  return TRUE;
}

/* One more hand for statement @index in the current round; FALSE when there is no such statement. */
gboolean
upstander_class_check_add_hand (UpstanderClassCheck *self,
                                guint                index)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASS_CHECK (self), FALSE);

  return change_hands (self, index, +1);
}

/* One hand fewer, for a count typed in wrong; FALSE at zero. */
gboolean
upstander_class_check_remove_hand (UpstanderClassCheck *self,
                                   guint                index)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASS_CHECK (self), FALSE);

  return change_hands (self, index, -1);
}

guint
upstander_class_check_get_hands (UpstanderClassCheck *self,
                                 UpstanderCheckRound  round,
                                 guint                index)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASS_CHECK (self), 0);
  g_return_val_if_fail (round == UPSTANDER_CHECK_BEFORE || round == UPSTANDER_CHECK_AFTER, 0);

  return index < self->n_statements ? self->hands[round][index] : 0;
}

/* Whether the class answered in @round: a hand was counted, or the teacher
 * confirmed that no hand went up (upstander_class_check_mark_taken()). */
gboolean
upstander_class_check_get_taken (UpstanderClassCheck *self,
                                 UpstanderCheckRound  round)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASS_CHECK (self), FALSE);
  g_return_val_if_fail (round == UPSTANDER_CHECK_BEFORE || round == UPSTANDER_CHECK_AFTER, FALSE);

  return self->taken[round];
}

/* The current round was asked, even if every count is zero. */
void
upstander_class_check_mark_taken (UpstanderClassCheck *self)
{
  g_return_if_fail (UPSTANDER_IS_CLASS_CHECK (self));

  if (self->taken[self->round])
    return;

  self->taken[self->round] = TRUE;
  g_signal_emit (self, signals [CHANGED], 0);
}
