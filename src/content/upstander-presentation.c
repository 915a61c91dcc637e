/* upstander-presentation.c: what a classroom shows of a run: lines, decision, panel, pick, summary
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-content"

#include "upstander-enums.h"
#include "upstander-presentation.h"

/*
 * The teacher's moves through a run, without a display: Next reveals the
 * scene's next line (in the session's lines model, which the views follow),
 * then opens the vote; Back hides a line or closes the vote; the panel
 * switches between votes, reveal and discuss; the pick is the teacher's
 * choice of path, else the class's favourite. The run keeps the votes, the
 * pick, the panel, the path and where the lesson is (check, story, summary,
 * voice), so that a window rebuilt for a new language shows the same; this
 * works out the view from them.
 *
 * With a before-and-after check on the run, the check comes before the
 * first scene and again after the ending, then the summary, then "Our
 * class says". The teacher may skip either round of the check: a round
 * skipped is "not asked" in the summary.
 */

struct _UpstanderPresentation
{
  GObject                    parent_instance;

  UpstanderClassRun         *run;
  const UpstanderScene      *scene;        /* the scene the state below is about */
  gboolean                   at_decision;  /* every line read: the vote is open */
  UpstanderPresentationView  view;
  int                        selected;
};

enum {
  PROP_0,
  PROP_RUN,
  PROP_VIEW,
  PROP_PANEL,
  PROP_SELECTED,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (UpstanderPresentation, upstander_presentation, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

static UpstanderSession *
session_of (UpstanderPresentation *self)
{
  return upstander_class_run_get_session (self->run);
}

/* Works out the view and the selection from the run, and says what changed. */
static void
update (UpstanderPresentation *self)
{
  UpstanderSession *session = session_of (self);
  const UpstanderClassDecision *current;
  UpstanderPresentationView view;
  int selected;

  switch (upstander_session_get_state (session))
    {
    case UPSTANDER_SESSION_SCENE:
      if (self->scene != upstander_session_get_scene (session))
        {
          /* A new scene: its first line; the run opens its decision on the votes, with no pick. */
          self->scene = upstander_session_get_scene (session);
          self->at_decision = g_list_model_get_n_items (upstander_session_get_lines (session)) == 0;
        }
      if (upstander_class_run_get_check (self->run) != NULL &&
          upstander_class_run_get_stage (self->run) == UPSTANDER_CLASS_STAGE_CHECK_BEFORE)
        view = UPSTANDER_PRESENTATION_CHECK;
      else if (self->at_decision && upstander_class_run_get_current (self->run) != NULL)
        view = UPSTANDER_PRESENTATION_DECISION;
      else
        view = UPSTANDER_PRESENTATION_SCENE;
      break;

    case UPSTANDER_SESSION_FEEDBACK:
      self->scene = NULL;
      view = UPSTANDER_PRESENTATION_FEEDBACK;
      break;

    case UPSTANDER_SESSION_ENDING:
    default:
      self->scene = NULL;
      switch (upstander_class_run_get_stage (self->run))
        {
        case UPSTANDER_CLASS_STAGE_VOICE:
          view = UPSTANDER_PRESENTATION_VOICE;
          break;

        case UPSTANDER_CLASS_STAGE_SUMMARY:
          view = UPSTANDER_PRESENTATION_SUMMARY;
          break;

        case UPSTANDER_CLASS_STAGE_CHECK_AFTER:
          view = upstander_class_run_get_check (self->run) != NULL ? UPSTANDER_PRESENTATION_CHECK
                                                                   : UPSTANDER_PRESENTATION_ENDING;
          break;

        case UPSTANDER_CLASS_STAGE_CHECK_BEFORE:
        case UPSTANDER_CLASS_STAGE_STORY:
        default:
          view = UPSTANDER_PRESENTATION_ENDING;
          break;
        }
      break;
    }

  current = upstander_class_run_get_current (self->run);
  selected = current != NULL && current->picked >= 0 ? current->picked : upstander_class_run_get_leader (self->run);
  if (view != UPSTANDER_PRESENTATION_DECISION)
    selected = -1;

  if (self->view != view)
    {
      self->view = view;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VIEW]);
    }
  if (self->selected != selected)
    {
      self->selected = selected;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED]);
    }
}

static void
panel_changed_cb (UpstanderPresentation *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PANEL]);
}

static void
upstander_presentation_dispose (GObject *object)
{
  UpstanderPresentation *self = (UpstanderPresentation *)object;

  g_clear_object (&self->run);

  G_OBJECT_CLASS (upstander_presentation_parent_class)->dispose (object);
}

static void
upstander_presentation_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  UpstanderPresentation *self = UPSTANDER_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_RUN:
      g_value_set_object (value, self->run);
      break;

    case PROP_VIEW:
      g_value_set_enum (value, self->view);
      break;

    case PROP_PANEL:
      g_value_set_enum (value, upstander_class_run_get_panel (self->run));
      break;

    case PROP_SELECTED:
      g_value_set_int (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_presentation_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  UpstanderPresentation *self = UPSTANDER_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_RUN:
      self->run = g_value_dup_object (value);
      break;

    case PROP_PANEL:
      upstander_presentation_set_panel (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_presentation_constructed (GObject *object)
{
  UpstanderPresentation *self = (UpstanderPresentation *)object;
  UpstanderSession *session;

  G_OBJECT_CLASS (upstander_presentation_parent_class)->constructed (object);

  g_assert (self->run != NULL);
  session = session_of (self);

  /* A run picked up mid-lesson (a window rebuilt for a new language) shows
   * its scene whole, and its vote open if one is under way. The check
   * before the story is behind a class that has begun the story. */
  if (upstander_class_run_get_stage (self->run) == UPSTANDER_CLASS_STAGE_CHECK_BEFORE &&
      (upstander_session_get_n_decisions_made (session) > 0 ||
       upstander_class_run_get_leader (self->run) >= 0 ||
       upstander_session_get_state (session) != UPSTANDER_SESSION_SCENE))
    upstander_class_run_set_stage (self->run, UPSTANDER_CLASS_STAGE_STORY);
  update (self);
  if (upstander_session_get_n_decisions_made (session) > 0 || upstander_class_run_get_leader (self->run) >= 0)
    {
      upstander_session_set_n_revealed (session, G_MAXUINT);
      self->at_decision = upstander_class_run_get_current (self->run) != NULL;
      update (self);
    }

  g_signal_connect_object (self->run, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->run, "notify::panel", G_CALLBACK (panel_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
upstander_presentation_class_init (UpstanderPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = upstander_presentation_dispose;
  object_class->get_property = upstander_presentation_get_property;
  object_class->set_property = upstander_presentation_set_property;
  object_class->constructed = upstander_presentation_constructed;

  properties [PROP_RUN] =
    g_param_spec_object ("run", NULL, NULL,
                         UPSTANDER_TYPE_CLASS_RUN,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_VIEW] =
    g_param_spec_enum ("view", NULL, NULL,
                       UPSTANDER_TYPE_PRESENTATION_VIEW, UPSTANDER_PRESENTATION_SCENE,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PANEL] =
    g_param_spec_enum ("panel", NULL, NULL,
                       UPSTANDER_TYPE_PANEL, UPSTANDER_PANEL_VOTES,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upstander_presentation_init (UpstanderPresentation *self)
{
  self->selected = -1;
}

UpstanderPresentation *
upstander_presentation_new (UpstanderClassRun *run)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASS_RUN (run), NULL);

  return g_object_new (UPSTANDER_TYPE_PRESENTATION, "run", run, NULL);
}

UpstanderClassRun *
upstander_presentation_get_run (UpstanderPresentation *self)
{
  g_return_val_if_fail (UPSTANDER_IS_PRESENTATION (self), NULL);

  return self->run;
}

UpstanderPresentationView
upstander_presentation_get_view (UpstanderPresentation *self)
{
  g_return_val_if_fail (UPSTANDER_IS_PRESENTATION (self), UPSTANDER_PRESENTATION_SCENE);

  return self->view;
}

UpstanderPanel
upstander_presentation_get_panel (UpstanderPresentation *self)
{
  g_return_val_if_fail (UPSTANDER_IS_PRESENTATION (self), UPSTANDER_PANEL_VOTES);

  return upstander_class_run_get_panel (self->run);
}

void
upstander_presentation_set_panel (UpstanderPresentation *self,
                                  UpstanderPanel         panel)
{
  g_return_if_fail (UPSTANDER_IS_PRESENTATION (self));
  g_return_if_fail (panel <= UPSTANDER_PANEL_DISCUSS);

  /* The run keeps it, and says so (panel_changed_cb). */
  upstander_class_run_set_panel (self->run, panel);
}

/* The choice "Go this way" takes: the teacher's pick, else the most voted; -1 for none. */
int
upstander_presentation_get_selected (UpstanderPresentation *self)
{
  g_return_val_if_fail (UPSTANDER_IS_PRESENTATION (self), -1);

  return self->selected;
}

/* The teacher takes the @choice-th card's path, whatever the votes say. */
void
upstander_presentation_pick (UpstanderPresentation *self,
                             guint                  choice)
{
  g_return_if_fail (UPSTANDER_IS_PRESENTATION (self));

  /* Kept with the decision in the run, so a rebuilt window keeps it too. */
  if (self->view == UPSTANDER_PRESENTATION_DECISION)
    upstander_class_run_pick (self->run, choice);
}

/* Goes the selected way; FALSE when there is no decision open or nothing is selected. */
gboolean
upstander_presentation_choose (UpstanderPresentation *self)
{
  const UpstanderClassDecision *current;
  const UpstanderChoice *choice;

  g_return_val_if_fail (UPSTANDER_IS_PRESENTATION (self), FALSE);

  current = upstander_class_run_get_current (self->run);
  if (self->view != UPSTANDER_PRESENTATION_DECISION || current == NULL ||
      self->selected < 0 || (guint) self->selected >= current->choices->len)
    return FALSE;

  choice = g_ptr_array_index (current->choices, self->selected);

  return upstander_class_run_choose (self->run, choice->id, NULL);
}

/* The teacher's "next": a line, the vote, the way on, or the summary. */
void
upstander_presentation_advance (UpstanderPresentation *self)
{
  UpstanderSession *session;

  g_return_if_fail (UPSTANDER_IS_PRESENTATION (self));

  session = session_of (self);
  switch (self->view)
    {
    case UPSTANDER_PRESENTATION_SCENE:
      if (upstander_session_reveal_next (session))
        return;
      if (upstander_session_get_scene (session)->decision == NULL)
        {
          upstander_class_run_advance (self->run, NULL);
          return;
        }
      self->at_decision = TRUE;
      update (self);
      break;

    case UPSTANDER_PRESENTATION_FEEDBACK:
      upstander_class_run_advance (self->run, NULL);
      break;

    case UPSTANDER_PRESENTATION_ENDING:
      if (upstander_class_run_get_check (self->run) != NULL)
        {
          upstander_class_check_set_round (upstander_class_run_get_check (self->run), UPSTANDER_CHECK_AFTER);
          upstander_class_run_set_stage (self->run, UPSTANDER_CLASS_STAGE_CHECK_AFTER);
        }
      else
        upstander_presentation_show_summary (self);
      break;

    case UPSTANDER_PRESENTATION_CHECK:
      /* "Counted": asked, even if no hand went up. */
      upstander_class_check_mark_taken (upstander_class_run_get_check (self->run));
      upstander_presentation_skip_check (self);
      break;

    case UPSTANDER_PRESENTATION_DECISION:
    case UPSTANDER_PRESENTATION_SUMMARY:
    case UPSTANDER_PRESENTATION_VOICE:
    default:
      break;
    }
}

/* Leaves the check on screen for what follows it, its round counted or not. */
void
upstander_presentation_skip_check (UpstanderPresentation *self)
{
  g_return_if_fail (UPSTANDER_IS_PRESENTATION (self));

  if (self->view != UPSTANDER_PRESENTATION_CHECK)
    return;

  upstander_class_run_set_stage (self->run,
                                 upstander_session_get_state (session_of (self)) == UPSTANDER_SESSION_SCENE
                                 ? UPSTANDER_CLASS_STAGE_STORY : UPSTANDER_CLASS_STAGE_SUMMARY);
}

/* From the summary to "Our class says". */
void
upstander_presentation_show_voice (UpstanderPresentation *self)
{
  g_return_if_fail (UPSTANDER_IS_PRESENTATION (self));

  if (self->view != UPSTANDER_PRESENTATION_SUMMARY)
    return;

  upstander_class_run_set_stage (self->run, UPSTANDER_CLASS_STAGE_VOICE);
}

/* The teacher's "back": closes the vote, hides the last line, or leaves the summary. */
void
upstander_presentation_step_back (UpstanderPresentation *self)
{
  UpstanderSession *session;
  guint n_lines;

  g_return_if_fail (UPSTANDER_IS_PRESENTATION (self));

  session = session_of (self);
  n_lines = g_list_model_get_n_items (upstander_session_get_lines (session));
  switch (self->view)
    {
    case UPSTANDER_PRESENTATION_DECISION:
      if (n_lines > 0)
        {
          self->at_decision = FALSE;
          update (self);
        }
      break;

    case UPSTANDER_PRESENTATION_SCENE:
      if (n_lines > 1)
        upstander_session_set_n_revealed (session, n_lines - 1);
      break;

    case UPSTANDER_PRESENTATION_SUMMARY:
      /* Back to the check after the ending, if the class has one, else to the ending. */
      upstander_class_run_set_stage (self->run,
                                     upstander_class_run_get_check (self->run) != NULL
                                     ? UPSTANDER_CLASS_STAGE_CHECK_AFTER : UPSTANDER_CLASS_STAGE_STORY);
      break;

    case UPSTANDER_PRESENTATION_VOICE:
      upstander_class_run_set_stage (self->run, UPSTANDER_CLASS_STAGE_SUMMARY);
      break;

    case UPSTANDER_PRESENTATION_CHECK:
      /* The check after the ending goes back to the ending; the one before the story has nothing before it. */
      if (upstander_class_run_get_stage (self->run) == UPSTANDER_CLASS_STAGE_CHECK_AFTER)
        upstander_class_run_set_stage (self->run, UPSTANDER_CLASS_STAGE_STORY);
      break;

    case UPSTANDER_PRESENTATION_FEEDBACK:
    case UPSTANDER_PRESENTATION_ENDING:
    default:
      break;
    }
}

/* From the ending to what the class chose at every decision. */
void
upstander_presentation_show_summary (UpstanderPresentation *self)
{
  g_return_if_fail (UPSTANDER_IS_PRESENTATION (self));

  if (upstander_session_get_state (session_of (self)) != UPSTANDER_SESSION_ENDING)
    return;

  upstander_class_run_set_stage (self->run, UPSTANDER_CLASS_STAGE_SUMMARY);
}
