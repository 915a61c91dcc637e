/* upstander-facilitator-window.c: the teacher's second window: notes, goals, time, what to do on a disclosure
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-class-summary-view.h"
#include "upstander-facilitator-window.h"
#include "upstander-handout.h"
#include "upstander-line-item.h"
#include "upstander-transcript.h"
#include "upstander-util.h"
#include "upstander-words.h"

/*
 * A window of its own, so it can sit on the laptop while the main window
 * is on the projector. It watches the application's class run, not the main
 * window: it follows the story through a window rebuilt for a new language,
 * and a new run as soon as it starts.
 *
 * Its sections are in the template and stay: the lines the class has seen
 * are the run's session's lines model, drawn by the same transcript rows as
 * the player and the classroom (a revealed line appends one row); what
 * depends on the scene is filled again when the scene changes, and the
 * rest (now, votes) is set in place on each change of the run. During the
 * before-and-after check it shows the run's check, its counts set in place
 * as hands are counted; on the summary, the same summary as the projector.
 */

struct _UpstanderFacilitatorWindow
{
  AdwWindow             parent_instance;

  UpstanderApplication *app;
  UpstanderClassRun    *run;
  UpstanderClassCheck  *check;     /* the run's check, watched for its hands and its language */
  guint                 tick_id;
  const char           *scene_id;  /* what the notes are about, for tests */
  gconstpointer         filled_for; /* the scene or ending the scene's sections show */

  AdwWindowTitle       *title;
  GtkLabel             *timer;
  GtkWidget            *no_run;
  GtkWidget            *run_box;
  GtkWidget            *now_section;
  GtkLabel             *now_title;
  GtkLabel             *now_detail;
  GtkLabel             *now_feedback;
  GtkWidget            *now_list;
  GtkWidget            *lines_section;
  GtkWidget            *transcript;
  GtkWidget            *check_section;
  GtkLabel             *check_heading;
  GtkWidget            *check_rows;
  GtkWidget            *summary_section;
  UpstanderClassSummaryView *summary;
  GtkWidget            *notes_section;
  GtkWidget            *notes;
  GtkWidget            *questions_section;
  GtkWidget            *questions;
  GtkWidget            *votes_section;
  GtkWidget            *votes;
  GtkWidget            *goals;
  GtkLabel             *disclosure;
};

G_DEFINE_FINAL_TYPE (UpstanderFacilitatorWindow, upstander_facilitator_window, ADW_TYPE_WINDOW)

static const char *
translate (UpstanderFacilitatorWindow *self,
           const UpstanderText        *text)
{
  return upstander_scenario_translate (upstander_class_run_get_scenario (self->run), text);
}

/* Plain text, with addresses and numbers kept whole inside Arabic. */
static void
set_text (GtkLabel   *label,
          const char *text)
{
  g_autofree char *shown = upstander_text_isolate_ltr_runs (text != NULL ? text : "");

  gtk_label_set_text (label, shown);
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

static void
remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static void
fill_texts (UpstanderFacilitatorWindow *self,
            GtkWidget                  *box,
            GPtrArray                  *texts,
            gboolean                    bullets)
{
  remove_children (box);
  for (guint i = 0; texts != NULL && i < texts->len; i++)
    {
      const char *text = translate (self, g_ptr_array_index (texts, i));
      g_autofree char *shown = bullets ? g_strdup_printf ("• %s", text) : g_strdup (text);

      gtk_box_append (GTK_BOX (box), upstander_text_label_new (shown, NULL));
    }
}

static void
update_timer (UpstanderFacilitatorWindow *self)
{
  g_autofree char *elapsed = NULL;
  g_autofree char *text = NULL;

  if (self->run == NULL)
    {
      gtk_label_set_text (self->timer, "");
      return;
    }

  elapsed = upstander_format_elapsed (upstander_class_run_get_elapsed (self->run));
  /* Translators: the time since the class started the story, such as 12:05 */
  text = g_strdup_printf (_("Time so far: %s"), elapsed);
  gtk_label_set_text (self->timer, text);
}

static gboolean
tick_cb (gpointer data)
{
  update_timer (data);

  return G_SOURCE_CONTINUE;
}

/* The sections about the scene (or ending): only when it changes. */
static void
fill_for_scene (UpstanderFacilitatorWindow *self,
                const UpstanderScene       *scene,
                const UpstanderEnding      *ending)
{
  const UpstanderDecision *decision = scene != NULL ? scene->decision : NULL;
  gboolean has_notes = scene != NULL && scene->facilitator != NULL && scene->facilitator->len > 0;

  self->filled_for = ending != NULL ? (gconstpointer) ending : (gconstpointer) scene;

  fill_texts (self, self->now_list, ending != NULL ? ending->takeaways : NULL, TRUE);
  gtk_widget_set_visible (self->lines_section, scene != NULL);
  gtk_widget_set_visible (self->notes_section, scene != NULL);
  if (has_notes)
    fill_texts (self, self->notes, scene->facilitator, FALSE);
  else
    {
      remove_children (self->notes);
      gtk_box_append (GTK_BOX (self->notes), upstander_text_label_new (_("No notes for this scene."), "dim-label"));
    }

  gtk_widget_set_visible (self->questions_section,
                          decision != NULL && decision->questions != NULL && decision->questions->len > 0);
  fill_texts (self, self->questions, decision != NULL ? decision->questions : NULL, TRUE);
  remove_children (self->votes);
}

/* A heading and the feedback under it, per choice; counts set in place as hands go up. */
static void
update_votes (UpstanderFacilitatorWindow   *self,
              const UpstanderClassDecision *current)
{
  GtkWidget *row;

  gtk_widget_set_visible (self->votes_section, current != NULL);
  if (current == NULL)
    return;

  if (gtk_widget_get_first_child (self->votes) == NULL)
    for (guint i = 0; i < current->choices->len; i++)
      {
        const UpstanderChoice *choice = g_ptr_array_index (current->choices, i);
        g_autofree char *reason = upstander_join_texts (upstander_class_run_get_scenario (self->run),
                                                        choice->feedback, " ");
        g_autofree char *feedback = upstander_format_feedback (choice->effect, reason);

        gtk_box_append (GTK_BOX (self->votes), upstander_text_label_new ("", "heading"));
        gtk_box_append (GTK_BOX (self->votes), upstander_text_label_new (feedback, "dim-label"));
      }

  row = gtk_widget_get_first_child (self->votes);
  for (guint i = 0; i < current->choices->len && row != NULL; i++)
    {
      const UpstanderChoice *choice = g_ptr_array_index (current->choices, i);
      g_autofree char *votes = g_strdup_printf (ngettext ("%u vote", "%u votes", current->votes[i]), current->votes[i]);
      g_autofree char *text = g_strdup_printf (C_("votes", "%s — %s"), translate (self, choice->label), votes);

      set_text (GTK_LABEL (row), text);
      row = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (row));
    }
}

static void
update_now (UpstanderFacilitatorWindow *self,
            UpstanderSession           *session,
            const UpstanderScene       *scene,
            const UpstanderEnding      *ending)
{
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *feedback = NULL;

  if (ending != NULL)
    {
      title = g_strdup_printf (_("Ending: %s"), translate (self, ending->title));
    }
  else if (scene != NULL)
    {
      if (scene->title != NULL)
        title = g_strdup (translate (self, scene->title));

      if (upstander_session_get_state (session) == UPSTANDER_SESSION_FEEDBACK)
        {
          UpstanderChoiceItem *chosen = upstander_session_get_feedback (session);

          detail = g_strdup_printf (_("The class chose: %s"), upstander_choice_item_get_label (chosen));
          feedback = upstander_format_feedback (upstander_choice_item_get_effect (chosen),
                                                upstander_choice_item_get_feedback (chosen));
        }
      else if (scene->decision != NULL)
        {
          detail = g_strdup (translate (self, scene->decision->prompt));
        }
    }

  set_text (self->now_title, title);
  set_text (self->now_detail, detail);
  set_text (self->now_feedback, feedback);
}

/* The hands counted so far in the check's round, set in place: the rows stay. */
static void
update_check (UpstanderFacilitatorWindow *self)
{
  UpstanderCheckRound round;
  GtkWidget *row;

  if (self->check == NULL)
    return;

  round = upstander_class_check_get_round (self->check);
  gtk_label_set_text (self->check_heading, upstander_check_round_name (round));
  row = gtk_widget_get_first_child (self->check_rows);
  for (guint i = 0; i < upstander_class_check_get_n_statements (self->check) && row != NULL; i++)
    {
      guint hands = upstander_class_check_get_hands (self->check, round, i);
      g_autofree char *counted = upstander_format_hands (hands);

      row = gtk_widget_get_next_sibling (row);
      gtk_label_set_text (GTK_LABEL (row), counted);
      row = gtk_widget_get_next_sibling (row);
    }
}

/* A statement, then its count, for each statement: again only when the statements change. */
static void
fill_check (UpstanderFacilitatorWindow *self)
{
  remove_children (self->check_rows);
  for (guint i = 0; self->check != NULL && i < upstander_class_check_get_n_statements (self->check); i++)
    {
      GtkWidget *statement = upstander_text_label_new (upstander_class_check_get_statement (self->check, i), "check-statement");

      if (i > 0)
        gtk_widget_set_margin_top (statement, 8);
      gtk_box_append (GTK_BOX (self->check_rows), statement);
      gtk_box_append (GTK_BOX (self->check_rows), upstander_text_label_new ("", "check-counts"));
    }
  update_check (self);
}

static void
set_check (UpstanderFacilitatorWindow *self,
           UpstanderClassCheck        *check)
{
  if (self->check == check)
    return;

  if (self->check != NULL)
    g_signal_handlers_disconnect_by_data (self->check, self);
  g_set_object (&self->check, check);
  if (self->check != NULL)
    {
      g_signal_connect_swapped (self->check, "changed", G_CALLBACK (update_check), self);
      g_signal_connect_swapped (self->check, "notify::statements", G_CALLBACK (fill_check), self);
    }
  fill_check (self);
}

/* The check while the class answers it, the summary while the room sees it. */
static void
update_stage (UpstanderFacilitatorWindow *self)
{
  UpstanderClassStage stage = self->run != NULL ? upstander_class_run_get_stage (self->run) : UPSTANDER_CLASS_STAGE_STORY;
  gboolean summary = stage == UPSTANDER_CLASS_STAGE_SUMMARY;
  gboolean checking;

  set_check (self, self->run != NULL ? upstander_class_run_get_check (self->run) : NULL);
  checking = self->check != NULL &&
             (stage == UPSTANDER_CLASS_STAGE_CHECK_BEFORE || stage == UPSTANDER_CLASS_STAGE_CHECK_AFTER);
  /* The check is what happens now: the scene's question would mislead. */
  gtk_widget_set_visible (self->now_section, !checking);
  gtk_widget_set_visible (self->check_section, checking);

  /* Filled as the class reaches it: the counts of the check after the story are in by then. */
  if (summary != gtk_widget_get_visible (self->summary_section))
    upstander_class_summary_view_set_run (self->summary, summary ? self->run : NULL);
  gtk_widget_set_visible (self->summary_section, summary);
}

static void
run_changed_cb (UpstanderFacilitatorWindow *self)
{
  UpstanderSession *session;
  const UpstanderScene *scene;
  const UpstanderEnding *ending;

  update_timer (self);
  gtk_widget_set_visible (self->no_run, self->run == NULL);
  gtk_widget_set_visible (self->run_box, self->run != NULL);
  update_stage (self);

  if (self->run == NULL)
    {
      self->scene_id = NULL;
      self->filled_for = NULL;
      return;
    }

  session = upstander_class_run_get_session (self->run);
  ending = upstander_session_get_ending (session);
  scene = ending == NULL ? upstander_session_get_scene (session) : NULL;
  self->scene_id = ending != NULL ? ending->id : scene != NULL ? scene->id : NULL;

  if (self->filled_for != (ending != NULL ? (gconstpointer) ending : (gconstpointer) scene))
    fill_for_scene (self, scene, ending);
  update_now (self, session, scene, ending);
  update_votes (self, upstander_class_run_get_current (self->run));
}

static void
set_run (UpstanderFacilitatorWindow *self,
         UpstanderClassRun          *run)
{
  UpstanderSession *session = run != NULL ? upstander_class_run_get_session (run) : NULL;

  if (self->run != run)
    {
      if (self->run != NULL)
        g_signal_handlers_disconnect_by_func (self->run, run_changed_cb, self);
      g_set_object (&self->run, run);
      if (self->run != NULL)
        g_signal_connect_swapped (self->run, "changed", G_CALLBACK (run_changed_cb), self);
      self->filled_for = NULL;
    }

  /* Set here, not bound: a binding whose lookup meets no run keeps its old value. */
  adw_window_title_set_subtitle (self->title, run != NULL ? upstander_scenario_get_title (upstander_class_run_get_scenario (run)) : NULL);
  upstander_transcript_set_model (UPSTANDER_TRANSCRIPT (self->transcript),
                                  session != NULL ? upstander_session_get_lines (session) : NULL);
  if (run != NULL)
    fill_texts (self, self->goals, upstander_scenario_get_goals (upstander_class_run_get_scenario (run)), TRUE);

  run_changed_cb (self);
}

static void
app_run_changed_cb (UpstanderFacilitatorWindow *self)
{
  set_run (self, upstander_application_get_class_run (self->app));
}

static void
upstander_facilitator_window_dispose (GObject *object)
{
  UpstanderFacilitatorWindow *self = (UpstanderFacilitatorWindow *)object;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->run != NULL)
    g_signal_handlers_disconnect_by_func (self->run, run_changed_cb, self);
  g_clear_object (&self->run);
  if (self->check != NULL)
    g_signal_handlers_disconnect_by_data (self->check, self);
  g_clear_object (&self->check);
  if (self->app != NULL)
    g_signal_handlers_disconnect_by_func (self->app, app_run_changed_cb, self);
  g_clear_object (&self->app);

  G_OBJECT_CLASS (upstander_facilitator_window_parent_class)->dispose (object);
}

static void
upstander_facilitator_window_class_init (UpstanderFacilitatorWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upstander_facilitator_window_dispose;

  g_type_ensure (UPSTANDER_TYPE_TRANSCRIPT);
  g_type_ensure (UPSTANDER_TYPE_CLASS_SUMMARY_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-facilitator-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UpstanderFacilitatorWindow, title);
  gtk_widget_class_bind_template_child (widget_class, UpstanderFacilitatorWindow, timer);
  gtk_widget_class_bind_template_child (widget_class, UpstanderFacilitatorWindow, no_run);
  gtk_widget_class_bind_template_child (widget_class, UpstanderFacilitatorWindow, run_box);
  gtk_widget_class_bind_template_child (widget_class, UpstanderFacilitatorWindow, now_section);
  gtk_widget_class_bind_template_child (widget_class, UpstanderFacilitatorWindow, now_title);
  gtk_widget_class_bind_template_child (widget_class, UpstanderFacilitatorWindow, now_detail);
  gtk_widget_class_bind_template_child (widget_class, UpstanderFacilitatorWindow, now_feedback);
  gtk_widget_class_bind_template_child (widget_class, UpstanderFacilitatorWindow, now_list);
  gtk_widget_class_bind_template_child (widget_class, UpstanderFacilitatorWindow, lines_section);
  gtk_widget_class_bind_template_child (widget_class, UpstanderFacilitatorWindow, transcript);
  gtk_widget_class_bind_template_child (widget_class, UpstanderFacilitatorWindow, check_section);
  gtk_widget_class_bind_template_child (widget_class, UpstanderFacilitatorWindow, check_heading);
  gtk_widget_class_bind_template_child (widget_class, UpstanderFacilitatorWindow, check_rows);
  gtk_widget_class_bind_template_child (widget_class, UpstanderFacilitatorWindow, summary_section);
  gtk_widget_class_bind_template_child (widget_class, UpstanderFacilitatorWindow, summary);
  gtk_widget_class_bind_template_child (widget_class, UpstanderFacilitatorWindow, notes_section);
  gtk_widget_class_bind_template_child (widget_class, UpstanderFacilitatorWindow, notes);
  gtk_widget_class_bind_template_child (widget_class, UpstanderFacilitatorWindow, questions_section);
  gtk_widget_class_bind_template_child (widget_class, UpstanderFacilitatorWindow, questions);
  gtk_widget_class_bind_template_child (widget_class, UpstanderFacilitatorWindow, votes_section);
  gtk_widget_class_bind_template_child (widget_class, UpstanderFacilitatorWindow, votes);
  gtk_widget_class_bind_template_child (widget_class, UpstanderFacilitatorWindow, goals);
  gtk_widget_class_bind_template_child (widget_class, UpstanderFacilitatorWindow, disclosure);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
upstander_facilitator_window_init (UpstanderFacilitatorWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  set_text (self->disclosure, upstander_disclosure_advice ());
  self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
}

/* The facilitator window of @app, or NULL when it is not open. */
UpstanderFacilitatorWindow *
upstander_facilitator_window_find (UpstanderApplication *app)
{
  g_return_val_if_fail (UPSTANDER_IS_APPLICATION (app), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (UPSTANDER_IS_FACILITATOR_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* Shows the facilitator window, opening it the first time. */
UpstanderFacilitatorWindow *
upstander_facilitator_window_present (UpstanderApplication *app)
{
  UpstanderFacilitatorWindow *self;

  g_return_val_if_fail (UPSTANDER_IS_APPLICATION (app), NULL);

  self = upstander_facilitator_window_find (app);
  if (self == NULL)
    {
      self = g_object_new (UPSTANDER_TYPE_FACILITATOR_WINDOW, "application", app, NULL);
      self->app = g_object_ref (app);
      g_signal_connect_swapped (app, "notify::class-run", G_CALLBACK (app_run_changed_cb), self);
      app_run_changed_cb (self);
    }

  gtk_window_present (GTK_WINDOW (self));

  return self;
}

/* The id of the scene or ending the notes are about, or NULL. */
const char *
upstander_facilitator_window_get_scene (UpstanderFacilitatorWindow *self)
{
  g_return_val_if_fail (UPSTANDER_IS_FACILITATOR_WINDOW (self), NULL);

  return self->scene_id;
}
