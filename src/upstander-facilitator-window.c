/* upstander-facilitator-window.c: the teacher's second window: notes, goals, time, what to do on a disclosure */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-facilitator-window.h"
#include "upstander-handout.h"
#include "upstander-line-item.h"
#include "upstander-util.h"
#include "upstander-words.h"

/*
 * A window of its own, so it can sit on the laptop while the main window
 * is on the projector. It watches the application's class run, not the main
 * window: it follows the story through a window rebuilt for a new language,
 * and a new run as soon as it starts.
 */

struct _UpstanderFacilitatorWindow
{
  AdwWindow             parent_instance;

  UpstanderApplication *app;
  UpstanderClassRun    *run;
  guint                 tick_id;
  const char           *scene_id;  /* what the notes are about, for tests */

  AdwWindowTitle       *title;
  GtkLabel             *timer;
  GtkBox               *content;
};

G_DEFINE_FINAL_TYPE (UpstanderFacilitatorWindow, upstander_facilitator_window, ADW_TYPE_WINDOW)

static const char *
translate (UpstanderFacilitatorWindow *self,
           const UpstanderText        *text)
{
  return upstander_scenario_translate (upstander_class_run_get_scenario (self->run), text);
}

static GtkWidget *
section (UpstanderFacilitatorWindow *self,
         const char                 *heading)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "facilitator-section");
  gtk_box_append (GTK_BOX (box), upstander_text_label_new (heading, "heading"));
  gtk_box_append (self->content, box);

  return box;
}

static void
add_texts (UpstanderFacilitatorWindow *self,
           GtkWidget                  *box,
           GPtrArray                  *texts,
           gboolean                    bullets)
{
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

static void
rebuild (UpstanderFacilitatorWindow *self)
{
  UpstanderSession *session;
  UpstanderScenario *scenario;
  const UpstanderScene *scene;
  const UpstanderEnding *ending;
  const UpstanderClassDecision *current;
  GtkWidget *box;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
  self->scene_id = NULL;
  update_timer (self);

  if (self->run == NULL)
    {
      adw_window_title_set_subtitle (self->title, NULL);
      gtk_box_append (self->content,
                      upstander_text_label_new (_("No story is running. Switch on Classroom Mode in the main menu and open a story: its notes appear here."), "dim-label"));
      return;
    }

  session = upstander_class_run_get_session (self->run);
  scenario = upstander_class_run_get_scenario (self->run);
  scene = upstander_session_get_scene (session);
  ending = upstander_session_get_ending (session);
  current = upstander_class_run_get_current (self->run);
  adw_window_title_set_subtitle (self->title, upstander_scenario_get_title (scenario));

  if (ending != NULL)
    {
      g_autofree char *now = g_strdup_printf (_("Ending: %s"), translate (self, ending->title));

      self->scene_id = ending->id;
      box = section (self, _("Now"));
      gtk_box_append (GTK_BOX (box), upstander_text_label_new (now, "title-4"));
      add_texts (self, box, ending->takeaways, TRUE);
    }
  else if (scene != NULL)
    {
      self->scene_id = scene->id;
      box = section (self, _("Now"));
      if (scene->title != NULL)
        gtk_box_append (GTK_BOX (box), upstander_text_label_new (translate (self, scene->title), "title-4"));
      if (upstander_session_get_state (session) == UPSTANDER_SESSION_FEEDBACK)
        {
          const UpstanderChoice *choice = upstander_session_get_last_choice (session);
          g_autofree char *chose = g_strdup_printf (_("The class chose: %s"), translate (self, choice->label));

          gtk_box_append (GTK_BOX (box), upstander_text_label_new (chose, NULL));
        }
      else if (scene->decision != NULL)
        {
          gtk_box_append (GTK_BOX (box), upstander_text_label_new (translate (self, scene->decision->prompt), NULL));
        }

      box = section (self, _("Notes for this scene"));
      if (scene->facilitator != NULL && scene->facilitator->len > 0)
        add_texts (self, box, scene->facilitator, FALSE);
      else
        gtk_box_append (GTK_BOX (box), upstander_text_label_new (_("No notes for this scene."), "dim-label"));

      if (current != NULL)
        {
          const UpstanderDecision *decision = scene->decision;

          if (decision->questions != NULL && decision->questions->len > 0)
            {
              box = section (self, _("Discussion questions"));
              add_texts (self, box, decision->questions, TRUE);
            }

          box = section (self, _("Votes so far"));
          for (guint i = 0; i < current->choices->len; i++)
            {
              const UpstanderChoice *choice = g_ptr_array_index (current->choices, i);
              g_autofree char *votes = g_strdup_printf (ngettext ("%u vote", "%u votes", current->votes[i]), current->votes[i]);
              g_autofree char *row = g_strdup_printf (C_("votes", "%s — %s"), translate (self, choice->label), votes);
              g_autofree char *reason = upstander_join_texts (upstander_class_run_get_scenario (self->run),
                                                              choice->feedback, " ");
              g_autofree char *feedback = upstander_format_feedback (choice->effect, reason);

              gtk_box_append (GTK_BOX (box), upstander_text_label_new (row, "heading"));
              gtk_box_append (GTK_BOX (box), upstander_text_label_new (feedback, "dim-label"));
            }
        }
    }

  box = section (self, _("Learning goals"));
  add_texts (self, box, upstander_scenario_get_goals (scenario), TRUE);

  box = section (self, _("If a pupil discloses harm"));
  gtk_widget_add_css_class (box, "emergency");
  gtk_box_append (GTK_BOX (box), upstander_text_label_new (upstander_disclosure_advice (), NULL));
}

static void
set_run (UpstanderFacilitatorWindow *self,
         UpstanderClassRun          *run)
{
  if (self->run != run)
    {
      if (self->run != NULL)
        g_signal_handlers_disconnect_by_func (self->run, rebuild, self);
      g_set_object (&self->run, run);
      if (self->run != NULL)
        g_signal_connect_swapped (self->run, "changed", G_CALLBACK (rebuild), self);
    }

  rebuild (self);
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
    g_signal_handlers_disconnect_by_func (self->run, rebuild, self);
  g_clear_object (&self->run);
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

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
upstander_facilitator_window_init (UpstanderFacilitatorWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_window_set_title (GTK_WINDOW (self), _("Teacher’s Notes"));
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 720);
  gtk_widget_add_css_class (GTK_WIDGET (self), "upstander");
  gtk_widget_add_css_class (GTK_WIDGET (self), "facilitator");

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Teacher’s Notes"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (box), header);

  self->timer = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->timer), "class-timer");
  gtk_label_set_xalign (self->timer, 0);
  gtk_box_append (GTK_BOX (inner), GTK_WIDGET (self->timer));

  self->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  gtk_box_append (GTK_BOX (inner), GTK_WIDGET (self->content));
  gtk_widget_set_margin_top (inner, 12);
  gtk_widget_set_margin_bottom (inner, 24);
  gtk_widget_set_margin_start (inner, 12);
  gtk_widget_set_margin_end (inner, 12);

  adw_clamp_set_child (ADW_CLAMP (clamp), inner);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (self), box);

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
