/* upstander-classroom-page.c: the presentation view of a classroom run: story, votes, reveal, discuss, summary */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "upstander-application.h"
#include "upstander-classroom-page.h"
#include "upstander-facilitator-window.h"
#include "upstander-handout.h"
#include "upstander-util.h"

/*
 * The run (on the application, so it outlives a window rebuilt for a new
 * language) holds the story, the votes and the path; this page only shows
 * it, large, and turns the teacher's clicks and keys into moves. Its own
 * state is what a rebuild may lose: how many lines of the scene are shown,
 * which panel (votes, reveal, discuss) is open and which choice is picked.
 * Bundle text goes through gtk_label_set_text(), never markup.
 */

#define MAX_KEYED_CHOICES 4

struct _UpstanderClassroomPage
{
  GtkWidget                     parent_instance;

  UpstanderClassRun            *run;
  const UpstanderScene         *scene;       /* the scene n_shown counts lines of */
  guint                         n_shown;
  gboolean                      at_decision; /* all lines read: the vote is on */
  const UpstanderClassDecision *shown;       /* the decision the cards show */
  char                         *panel;       /* "votes", "reveal" or "discuss" */
  int                           picked;      /* the teacher's pick, or -1: the leader */
  gboolean                      summary;
  const char                   *view;

  GtkWidget                    *toolbar;
  GtkWidget                    *scroller;
  GtkBox                       *content;
  GtkBox                       *actions;
  GPtrArray                    *count_labels;  /* GtkLabel, one per choice shown */
  GPtrArray                    *pick_buttons;  /* GtkCheckButton, one per choice shown */
};

enum {
  PROP_0,
  PROP_PANEL,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (UpstanderClassroomPage, upstander_classroom_page, GTK_TYPE_WIDGET)

static GParamSpec *properties [N_PROPS];

static void rebuild (UpstanderClassroomPage *self);

static UpstanderScenario *
scenario_of (UpstanderClassroomPage *self)
{
  return upstander_class_run_get_scenario (self->run);
}

static const char *
translate (UpstanderClassroomPage *self,
           const UpstanderText    *text)
{
  return upstander_scenario_translate (scenario_of (self), text);
}

static char *
join_texts (UpstanderClassroomPage *self,
            GPtrArray              *texts)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; texts != NULL && i < texts->len; i++)
    {
      if (i > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, translate (self, g_ptr_array_index (texts, i)));
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static GtkWidget *
add_label (GtkBox     *box,
           const char *text,
           const char *css_class)
{
  GtkWidget *label = upstander_text_label_new (text, css_class);

  gtk_box_append (box, label);

  return label;
}

static GtkWidget *
add_button (GtkBox     *box,
            const char *label,
            const char *action_name,
            GVariant   *target,
            const char *css_class)
{
  GtkWidget *button = upstander_text_button_new (label, action_name, target);

  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  gtk_box_append (box, button);

  return button;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static guint
n_lines (UpstanderClassroomPage *self)
{
  g_autoptr(GPtrArray) lines = upstander_session_dup_visible_lines (upstander_class_run_get_session (self->run));

  return lines->len;
}

static void
add_line (UpstanderClassroomPage *self,
          GtkBox                 *box,
          const UpstanderLine    *line)
{
  UpstanderSession *session = upstander_class_run_get_session (self->run);
  g_autofree char *text = join_texts (self, line->texts);
  g_autofree char *shown = NULL;
  const char *name = line->from != NULL ? translate (self, line->from->name) : "";

  switch (line->kind)
    {
    case UPSTANDER_LINE_MESSAGE:
    case UPSTANDER_LINE_COMMENT:
      shown = g_strdup_printf (C_("chat line", "%s: %s"), name, text);
      add_label (box, shown, line->kind == UPSTANDER_LINE_COMMENT ? "class-comment" : "class-message");
      break;

    case UPSTANDER_LINE_POST:
      {
        g_autoptr(GPtrArray) comments = upstander_session_dup_visible_comments (session, line);

        shown = g_strdup_printf (C_("social post", "%s posted: %s"), name, text);
        add_label (box, shown, "class-message");
        for (guint i = 0; comments != NULL && i < comments->len; i++)
          add_line (self, box, g_ptr_array_index (comments, i));
      }
      break;

    case UPSTANDER_LINE_NARRATION:
    default:
      add_label (box, text, "class-narration");
      break;
    }
}

static void
build_scene (UpstanderClassroomPage *self)
{
  UpstanderSession *session = upstander_class_run_get_session (self->run);
  const UpstanderScene *scene = upstander_session_get_scene (session);
  g_autoptr(GPtrArray) lines = upstander_session_dup_visible_lines (session);

  self->view = "scene";
  if (scene->title != NULL)
    add_label (self->content, translate (self, scene->title), "class-scene-title");

  for (guint i = 0; i < MIN (self->n_shown, lines->len); i++)
    add_line (self, self->content, g_ptr_array_index (lines, i));

  add_button (self->actions, _("Continue"), "classroom.advance", NULL, "suggested-action");
}

static int
selected_choice (UpstanderClassroomPage *self)
{
  if (self->picked >= 0)
    return self->picked;

  return upstander_class_run_get_leader (self->run);
}

static void
pick_toggled_cb (GtkCheckButton         *button,
                 UpstanderClassroomPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "choice-index"));

  if (gtk_check_button_get_active (button) && (int) index != selected_choice (self))
    {
      self->picked = index;
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "classroom.choose", TRUE);
    }
}

static void
update_votes (UpstanderClassroomPage *self)
{
  int selected = selected_choice (self);

  for (guint i = 0; i < self->count_labels->len; i++)
    {
      guint votes = upstander_class_run_get_votes (self->run, i);
      g_autofree char *count = g_strdup_printf ("%u", votes);
      g_autofree char *spoken = g_strdup_printf (ngettext ("%u vote", "%u votes", votes), votes);
      GtkWidget *label = g_ptr_array_index (self->count_labels, i);

      gtk_label_set_text (GTK_LABEL (label), count);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
    }

  for (guint i = 0; i < self->pick_buttons->len; i++)
    {
      GtkCheckButton *button = g_ptr_array_index (self->pick_buttons, i);

      g_signal_handlers_block_by_func (button, pick_toggled_cb, self);
      gtk_check_button_set_active (button, (int) i == selected);
      g_signal_handlers_unblock_by_func (button, pick_toggled_cb, self);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "classroom.choose", selected >= 0);
}

static GtkWidget *
choice_card (UpstanderClassroomPage *self,
             const UpstanderChoice  *choice,
             guint                   index,
             GtkCheckButton         *group)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *votes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *number, *label, *count, *minus, *plus, *pick;
  const char *text = translate (self, choice->label);
  g_autofree char *digit = g_strdup_printf ("%u", index + 1);
  g_autofree char *add_name = NULL;
  g_autofree char *remove_name = NULL;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "class-choice");
  gtk_widget_set_hexpand (card, TRUE);

  number = gtk_label_new (index < MAX_KEYED_CHOICES ? digit : "");
  gtk_widget_add_css_class (number, "choice-number");
  gtk_widget_set_valign (number, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (head), number);
  label = upstander_text_label_new (text, "choice-label");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (head), label);
  gtk_box_append (GTK_BOX (card), head);

  /* Translators: the accessible name of the button that adds a vote; %s is a choice */
  add_name = g_strdup_printf (_("Add a vote for “%s”"), text);
  /* Translators: the accessible name of the button that removes a vote; %s is a choice */
  remove_name = g_strdup_printf (_("Remove a vote for “%s”"), text);

  minus = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (minus), "classroom.unvote");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (minus), "u", index);
  gtk_widget_set_tooltip_text (minus, remove_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (minus), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  gtk_widget_add_css_class (minus, "circular");
  gtk_widget_add_css_class (minus, "vote-remove");

  count = gtk_label_new ("0");
  gtk_widget_add_css_class (count, "vote-count");
  gtk_widget_set_hexpand (count, TRUE);
  g_ptr_array_add (self->count_labels, count);

  plus = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (plus), "classroom.vote");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (plus), "u", index);
  gtk_widget_set_tooltip_text (plus, add_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (plus), GTK_ACCESSIBLE_PROPERTY_LABEL, add_name, -1);
  gtk_widget_add_css_class (plus, "circular");
  gtk_widget_add_css_class (plus, "vote-add");

  gtk_box_append (GTK_BOX (votes), minus);
  gtk_box_append (GTK_BOX (votes), count);
  gtk_box_append (GTK_BOX (votes), plus);
  gtk_box_append (GTK_BOX (card), votes);

  if (g_strcmp0 (self->panel, "reveal") == 0)
    {
      g_autofree char *feedback = join_texts (self, choice->feedback);
      GtkWidget *word = upstander_text_label_new (upstander_effect_word (choice->effect), "verdict");
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      gtk_widget_add_css_class (box, "feedback");
      gtk_widget_add_css_class (box, upstander_effect_to_string (choice->effect));
      gtk_box_append (GTK_BOX (box), word);
      add_label (GTK_BOX (box), feedback, "reason");
      gtk_box_append (GTK_BOX (card), box);
    }

  pick = gtk_check_button_new_with_label (_("Take this path"));
  g_object_set_data (G_OBJECT (pick), "choice-index", GUINT_TO_POINTER (index));
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (pick), group);
  g_signal_connect (pick, "toggled", G_CALLBACK (pick_toggled_cb), self);
  gtk_widget_add_css_class (pick, "take-path");
  g_ptr_array_add (self->pick_buttons, pick);
  gtk_box_append (GTK_BOX (card), pick);

  return card;
}

static void
build_decision (UpstanderClassroomPage       *self,
                const UpstanderClassDecision *decision)
{
  const UpstanderDecision *model = decision->scene->decision;
  GtkWidget *cards;
  GtkWidget *panels;

  self->view = "decision";
  if (self->shown != decision)
    {
      self->picked = -1;
      self->shown = decision;
    }

  add_label (self->content, translate (self, model->prompt), "class-prompt");

  if (g_strcmp0 (self->panel, "discuss") == 0 && model->questions != NULL && model->questions->len > 0)
    {
      GtkWidget *questions = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);

      gtk_widget_add_css_class (questions, "card");
      gtk_widget_add_css_class (questions, "class-questions");
      add_label (GTK_BOX (questions), _("Discuss"), "heading");
      for (guint i = 0; i < model->questions->len; i++)
        add_label (GTK_BOX (questions), translate (self, g_ptr_array_index (model->questions, i)), "class-question");
      gtk_box_append (self->content, questions);
    }

  cards = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_box_set_homogeneous (GTK_BOX (cards), TRUE);
  gtk_widget_add_css_class (cards, "class-choices");
  for (guint i = 0; i < decision->choices->len; i++)
    gtk_box_append (GTK_BOX (cards),
                    choice_card (self, g_ptr_array_index (decision->choices, i), i,
                                 self->pick_buttons->len > 0 ? g_ptr_array_index (self->pick_buttons, 0) : NULL));
  gtk_box_append (self->content, cards);

  panels = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (panels, "linked");
  {
    static const struct { const char *panel; const char *label; } buttons[] = {
      { "votes", N_("Votes") },
      { "reveal", N_("Reveal") },
      { "discuss", N_("Discuss") },
    };

    for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
      {
        GtkWidget *toggle = gtk_toggle_button_new_with_label (_(buttons[i].label));

        gtk_actionable_set_action_name (GTK_ACTIONABLE (toggle), "classroom.panel");
        gtk_actionable_set_action_target (GTK_ACTIONABLE (toggle), "s", buttons[i].panel);
        gtk_box_append (GTK_BOX (panels), toggle);
      }
  }
  gtk_box_append (self->actions, panels);
  add_button (self->actions, _("Go This Way"), "classroom.choose", NULL, "suggested-action");

  update_votes (self);
}

static void
build_feedback (UpstanderClassroomPage *self)
{
  const UpstanderChoice *choice = upstander_session_get_last_choice (upstander_class_run_get_session (self->run));
  g_autofree char *feedback = join_texts (self, choice->feedback);
  g_autofree char *chose = g_strdup_printf (_("The class chose: %s"), translate (self, choice->label));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);

  self->view = "feedback";
  add_label (self->content, chose, "class-prompt");
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "feedback");
  gtk_widget_add_css_class (box, upstander_effect_to_string (choice->effect));
  add_label (GTK_BOX (box), upstander_effect_word (choice->effect), "verdict");
  add_label (GTK_BOX (box), feedback, "class-narration");
  gtk_box_append (self->content, box);

  add_button (self->actions, _("Continue"), "classroom.advance", NULL, "suggested-action");
}

static void
build_ending (UpstanderClassroomPage *self)
{
  const UpstanderEnding *ending = upstander_session_get_ending (upstander_class_run_get_session (self->run));
  GtkWidget *takeaways = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  self->view = "ending";
  add_label (self->content, translate (self, ending->title), "class-prompt");
  for (guint i = 0; i < ending->texts->len; i++)
    add_label (self->content, translate (self, g_ptr_array_index (ending->texts, i)), "class-narration");

  gtk_widget_add_css_class (takeaways, "card");
  gtk_widget_add_css_class (takeaways, "takeaways");
  add_label (GTK_BOX (takeaways), _("What to remember"), "heading");
  for (guint i = 0; i < ending->takeaways->len; i++)
    add_label (GTK_BOX (takeaways), translate (self, g_ptr_array_index (ending->takeaways, i)), "class-narration");
  gtk_box_append (self->content, takeaways);

  add_button (self->actions, _("Class Summary"), "classroom.summary", NULL, "suggested-action");
  /* Every ending leads to help, in class too. */
  add_button (self->actions, _("Get help"), "win.show-help", NULL, NULL);
}

static void
build_summary (UpstanderClassroomPage *self)
{
  const UpstanderEnding *ending = upstander_session_get_ending (upstander_class_run_get_session (self->run));
  guint n = upstander_class_run_get_n_decisions (self->run);

  self->view = "summary";
  add_label (self->content, _("What the class chose"), "class-prompt");
  if (n == 0)
    add_label (self->content, _("This story had no decisions to vote on."), "class-narration");

  for (guint i = 0; i < n; i++)
    {
      const UpstanderClassDecision *decision = upstander_class_run_get_decision (self->run, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      gtk_widget_add_css_class (box, "card");
      gtk_widget_add_css_class (box, "class-summary-decision");
      add_label (GTK_BOX (box), translate (self, decision->scene->decision->prompt), "heading");
      for (guint c = 0; c < decision->choices->len; c++)
        {
          const UpstanderChoice *choice = g_ptr_array_index (decision->choices, c);
          g_autofree char *votes = g_strdup_printf (ngettext ("%u vote", "%u votes", decision->votes[c]), decision->votes[c]);
          g_autofree char *row = NULL;

          if (choice == decision->taken)
            row = g_strdup_printf (_("✔ %s — %s (the class went this way)"), translate (self, choice->label), votes);
          else
            row = g_strdup_printf (C_("votes", "%s — %s"), translate (self, choice->label), votes);
          add_label (GTK_BOX (box), row, choice == decision->taken ? "summary-taken" : "summary-choice");
        }
      gtk_box_append (self->content, box);
    }

  if (ending != NULL)
    {
      g_autofree char *end = g_strdup_printf (_("Ending: %s"), translate (self, ending->title));

      add_label (self->content, end, "heading");
    }
  add_label (self->content, _("The summary holds counts only: nothing about any pupil is kept."), "dim-label");

  add_button (self->actions, _("Export CSV…"), "classroom.export-csv", NULL, NULL);
  add_button (self->actions, _("Export PDF…"), "classroom.export-pdf", NULL, NULL);
  add_button (self->actions, _("Finish"), "classroom.finish", NULL, "suggested-action");
}

static void
rebuild (UpstanderClassroomPage *self)
{
  UpstanderSession *session;
  const UpstanderClassDecision *current;

  clear_box (self->content);
  clear_box (self->actions);
  g_ptr_array_set_size (self->count_labels, 0);
  g_ptr_array_set_size (self->pick_buttons, 0);
  self->view = "none";

  if (self->run == NULL)
    return;

  session = upstander_class_run_get_session (self->run);
  current = upstander_class_run_get_current (self->run);

  switch (upstander_session_get_state (session))
    {
    case UPSTANDER_SESSION_SCENE:
      if (self->scene != upstander_session_get_scene (session))
        {
          self->scene = upstander_session_get_scene (session);
          self->n_shown = MIN (1, n_lines (self));
          self->at_decision = n_lines (self) == 0;
          g_free (self->panel);
          self->panel = g_strdup ("votes");
          g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PANEL]);
        }
      if (current != NULL && self->at_decision)
        build_decision (self, current);
      else
        build_scene (self);
      break;

    case UPSTANDER_SESSION_FEEDBACK:
      self->scene = NULL;
      build_feedback (self);
      break;

    case UPSTANDER_SESSION_ENDING:
    default:
      self->scene = NULL;
      if (self->summary)
        build_summary (self);
      else
        build_ending (self);
      break;
    }

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);

  /* The old focus went with the old widgets: give it to the way on. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->actions));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, "suggested-action") && gtk_widget_get_mapped (GTK_WIDGET (self)))
      gtk_widget_grab_focus (child);
}

static void
run_changed_cb (UpstanderClassroomPage *self)
{
  /* A vote only changes counts: keep the cards (and the focus) in place. */
  if (g_strcmp0 (self->view, "decision") == 0 &&
      self->shown != NULL && self->shown == upstander_class_run_get_current (self->run))
    update_votes (self);
  else
    rebuild (self);
}

static void
advance (UpstanderClassroomPage *self)
{
  UpstanderSession *session;

  if (self->run == NULL)
    return;

  session = upstander_class_run_get_session (self->run);
  if (g_strcmp0 (self->view, "scene") == 0)
    {
      if (self->n_shown < n_lines (self))
        {
          self->n_shown++;
          rebuild (self);
        }
      else if (upstander_session_get_scene (session)->decision == NULL)
        {
          upstander_class_run_advance (self->run, NULL);
        }
      else
        {
          self->at_decision = TRUE;
          rebuild (self);
        }
    }
  else if (g_strcmp0 (self->view, "feedback") == 0)
    {
      upstander_class_run_advance (self->run, NULL);
    }
  else if (g_strcmp0 (self->view, "ending") == 0)
    {
      self->summary = TRUE;
      rebuild (self);
    }
}

static void
step_back (UpstanderClassroomPage *self)
{
  if (g_strcmp0 (self->view, "decision") == 0 && n_lines (self) > 0)
    {
      self->at_decision = FALSE;
      rebuild (self);
    }
  else if (g_strcmp0 (self->view, "scene") == 0 && self->n_shown > 1)
    {
      self->n_shown--;
      rebuild (self);
    }
  else if (g_strcmp0 (self->view, "summary") == 0)
    {
      self->summary = FALSE;
      rebuild (self);
    }
}

static void
advance_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  advance (UPSTANDER_CLASSROOM_PAGE (widget));
}

static void
step_back_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  step_back (UPSTANDER_CLASSROOM_PAGE (widget));
}

static void
vote_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UpstanderClassroomPage *self = UPSTANDER_CLASSROOM_PAGE (widget);

  if (self->run != NULL)
    upstander_class_run_add_vote (self->run, g_variant_get_uint32 (parameter));
}

static void
unvote_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UpstanderClassroomPage *self = UPSTANDER_CLASSROOM_PAGE (widget);

  if (self->run != NULL)
    upstander_class_run_remove_vote (self->run, g_variant_get_uint32 (parameter));
}

static void
choose_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UpstanderClassroomPage *self = UPSTANDER_CLASSROOM_PAGE (widget);
  const UpstanderClassDecision *current;
  const UpstanderChoice *choice;
  int selected = selected_choice (self);

  if (self->run == NULL || (current = upstander_class_run_get_current (self->run)) == NULL ||
      selected < 0 || (guint) selected >= current->choices->len)
    return;

  choice = g_ptr_array_index (current->choices, selected);
  upstander_class_run_choose (self->run, choice->id, NULL);
}

static void
summary_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UpstanderClassroomPage *self = UPSTANDER_CLASSROOM_PAGE (widget);

  self->summary = TRUE;
  rebuild (self);
}

static void
fullscreen_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (widget));

  if (window == NULL)
    return;

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

static void
leave_fullscreen_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (widget));

  /* Escape leaves fullscreen first; only then does it go back. */
  if (window != NULL && gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_widget_activate_action (widget, "win.back", NULL);
}

static UpstanderApplication *
app_of (UpstanderClassroomPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  return UPSTANDER_IS_APPLICATION (app) ? UPSTANDER_APPLICATION (app) : NULL;
}

static void
notes_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  UpstanderApplication *app = app_of (UPSTANDER_CLASSROOM_PAGE (widget));

  if (app != NULL)
    upstander_facilitator_window_present (app);
}

static void
finish_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "win.show-catalogue", NULL);
}

static void
show_error (UpstanderClassroomPage *self,
            GError                 *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Could Not Save"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static UpstanderDocument *
handout_document (UpstanderClassroomPage *self)
{
  UpstanderApplication *app = app_of (self);
  g_autofree char *region = NULL;

  if (app != NULL)
    region = upstander_settings_dup_effective_region (upstander_application_get_settings (app));

  return upstander_handout_new (scenario_of (self),
                                app != NULL ? upstander_application_get_library (app) : NULL,
                                region);
}

typedef enum { SAVE_CSV, SAVE_SUMMARY_PDF, SAVE_HANDOUT_PDF } SaveKind;

static void
save_response_cb (GtkNativeDialog        *dialog,
                  int                     response,
                  UpstanderClassroomPage *self)
{
  SaveKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "save-kind"));

  if (response == GTK_RESPONSE_ACCEPT && self->run != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;
      gboolean ok;

      if (kind == SAVE_CSV)
        ok = upstander_classroom_page_export_csv (self, file, &error);
      else if (kind == SAVE_SUMMARY_PDF)
        ok = upstander_classroom_page_export_pdf (self, file, &error);
      else
        {
          g_autoptr(UpstanderDocument) doc = handout_document (self);
          g_autofree char *path = g_file_get_path (file);

          ok = path != NULL && upstander_document_write_pdf (doc, path, &error);
        }

      if (!ok && error != NULL)
        show_error (self, error);
    }

  g_object_unref (self);
  g_object_unref (dialog);
}

static void
ask_where (UpstanderClassroomPage *self,
           SaveKind                kind)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;
  const char *title;

  if (self->run == NULL)
    return;

  switch (kind)
    {
    case SAVE_CSV:
      title = _("Export Class Summary as CSV");
      name = g_strdup_printf ("%s-%s.csv", upstander_scenario_get_id (scenario_of (self)), "summary");
      break;
    case SAVE_SUMMARY_PDF:
      title = _("Export Class Summary as PDF");
      name = g_strdup_printf ("%s-%s.pdf", upstander_scenario_get_id (scenario_of (self)), "summary");
      break;
    case SAVE_HANDOUT_PDF:
    default:
      title = _("Export Lesson Handout as PDF");
      name = g_strdup_printf ("%s-%s.pdf", upstander_scenario_get_id (scenario_of (self)), "handout");
      break;
    }

  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data (G_OBJECT (dialog), "save-kind", GINT_TO_POINTER (kind));
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_csv_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ask_where (UPSTANDER_CLASSROOM_PAGE (widget), SAVE_CSV);
}

static void
export_pdf_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ask_where (UPSTANDER_CLASSROOM_PAGE (widget), SAVE_SUMMARY_PDF);
}

static void
export_handout_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ask_where (UPSTANDER_CLASSROOM_PAGE (widget), SAVE_HANDOUT_PDF);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                UpstanderDocument *doc)
{
  PangoContext *pango_context = gtk_print_context_create_pango_context (context);

  upstander_document_paginate (doc, pango_context,
                               gtk_print_context_get_width (context),
                               gtk_print_context_get_height (context));
  g_object_unref (pango_context);
  gtk_print_operation_set_n_pages (operation, upstander_document_get_n_pages (doc));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              UpstanderDocument *doc)
{
  upstander_document_draw_page (doc, gtk_print_context_get_cairo_context (context), page);
}

static void
print_handout_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  UpstanderClassroomPage *self = UPSTANDER_CLASSROOM_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  UpstanderDocument *doc;

  if (self->run == NULL)
    return;

  doc = handout_document (self);
  operation = gtk_print_operation_new ();
  /* The document draws its own margins and page numbers. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, upstander_scenario_get_title (scenario_of (self)));
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), doc);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), doc);
  g_object_set_data_full (G_OBJECT (operation), "document", doc, (GDestroyNotify) upstander_document_free);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (widget)), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, error);
}

static gboolean
focus_is_button (UpstanderClassroomPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (GTK_IS_BUTTON (focus) || GTK_IS_CHECK_BUTTON (focus) ||
                           gtk_widget_get_ancestor (focus, GTK_TYPE_BUTTON) != NULL);
}

/*
 * The digits 1–4 add a vote, Shift with them takes one away. Shift changes
 * the key's symbol ("!" on a US keyboard), so the key is read without its
 * modifiers too.
 */
static int
digit_of (GtkEventControllerKey *controller,
          guint                  keyval,
          guint                  keycode)
{
  GdkDisplay *display;
  guint plain = 0;

  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
    return keyval - GDK_KEY_1;
  if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
    return keyval - GDK_KEY_KP_1;

  display = gtk_widget_get_display (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  if (display != NULL &&
      gdk_display_translate_key (display, keycode, 0, 0, &plain, NULL, NULL, NULL) &&
      plain >= GDK_KEY_1 && plain <= GDK_KEY_9)
    return plain - GDK_KEY_1;

  return -1;
}

static gboolean
key_pressed_cb (GtkEventControllerKey  *controller,
                guint                   keyval,
                guint                   keycode,
                GdkModifierType         state,
                UpstanderClassroomPage *self)
{
  int digit;

  if (self->run == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      /* At a decision, a focused vote button or path takes Space itself;
       * elsewhere the only thing Space can mean is "on". */
      if (g_strcmp0 (self->view, "decision") == 0 && focus_is_button (self))
        return GDK_EVENT_PROPAGATE;
      G_GNUC_FALLTHROUGH;
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      advance (self);
      return GDK_EVENT_STOP;

    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      step_back (self);
      return GDK_EVENT_STOP;

    default:
      break;
    }

  digit = digit_of (controller, keyval, keycode);
  if (digit >= 0 && digit < MAX_KEYED_CHOICES && g_strcmp0 (self->view, "decision") == 0)
    {
      if (state & GDK_SHIFT_MASK)
        upstander_class_run_remove_vote (self->run, digit);
      else
        upstander_class_run_add_vote (self->run, digit);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

/* A click on the story itself (not on a button) moves on, as a slide does. */
static void
click_released_cb (GtkGestureClick        *gesture,
                   int                     n_press,
                   double                  x,
                   double                  y,
                   UpstanderClassroomPage *self)
{
  GtkWidget *target = gtk_widget_pick (self->scroller, x, y, GTK_PICK_DEFAULT);

  if (target != NULL && (GTK_IS_BUTTON (target) || gtk_widget_get_ancestor (target, GTK_TYPE_BUTTON) != NULL ||
                         gtk_widget_get_ancestor (target, GTK_TYPE_CHECK_BUTTON) != NULL ||
                         gtk_widget_get_ancestor (target, GTK_TYPE_SCROLLBAR) != NULL))
    return;

  if (g_strcmp0 (self->view, "scene") == 0 || g_strcmp0 (self->view, "feedback") == 0)
    advance (self);
}

static void
upstander_classroom_page_dispose (GObject *object)
{
  UpstanderClassroomPage *self = (UpstanderClassroomPage *)object;
  GtkWidget *child;

  upstander_classroom_page_set_run (self, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->count_labels, g_ptr_array_unref);
  g_clear_pointer (&self->pick_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->panel, g_free);

  G_OBJECT_CLASS (upstander_classroom_page_parent_class)->dispose (object);
}

static void
upstander_classroom_page_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  UpstanderClassroomPage *self = UPSTANDER_CLASSROOM_PAGE (object);

  switch (prop_id)
    {
    case PROP_PANEL:
      g_value_set_string (value, self->panel);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_classroom_page_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  UpstanderClassroomPage *self = UPSTANDER_CLASSROOM_PAGE (object);
  static const char * const panels[] = { "votes", "reveal", "discuss", NULL };

  switch (prop_id)
    {
    case PROP_PANEL:
      if (g_strv_contains (panels, g_value_get_string (value)) &&
          g_strcmp0 (self->panel, g_value_get_string (value)) != 0)
        {
          g_free (self->panel);
          self->panel = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
          if (g_strcmp0 (self->view, "decision") == 0)
            rebuild (self);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_classroom_page_class_init (UpstanderClassroomPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upstander_classroom_page_dispose;
  object_class->get_property = upstander_classroom_page_get_property;
  object_class->set_property = upstander_classroom_page_set_property;

  properties [PROP_PANEL] =
    g_param_spec_string ("panel", NULL, NULL, "votes",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "classroom");

  gtk_widget_class_install_action (widget_class, "classroom.advance", NULL, advance_activated);
  gtk_widget_class_install_action (widget_class, "classroom.step-back", NULL, step_back_activated);
  gtk_widget_class_install_action (widget_class, "classroom.vote", "u", vote_activated);
  gtk_widget_class_install_action (widget_class, "classroom.unvote", "u", unvote_activated);
  gtk_widget_class_install_action (widget_class, "classroom.choose", NULL, choose_activated);
  gtk_widget_class_install_property_action (widget_class, "classroom.panel", "panel");
  gtk_widget_class_install_action (widget_class, "classroom.summary", NULL, summary_activated);
  gtk_widget_class_install_action (widget_class, "classroom.finish", NULL, finish_activated);
  gtk_widget_class_install_action (widget_class, "classroom.fullscreen", NULL, fullscreen_activated);
  gtk_widget_class_install_action (widget_class, "classroom.leave-fullscreen", NULL, leave_fullscreen_activated);
  gtk_widget_class_install_action (widget_class, "classroom.notes", NULL, notes_activated);
  gtk_widget_class_install_action (widget_class, "classroom.export-csv", NULL, export_csv_activated);
  gtk_widget_class_install_action (widget_class, "classroom.export-pdf", NULL, export_pdf_activated);
  gtk_widget_class_install_action (widget_class, "classroom.export-handout", NULL, export_handout_activated);
  gtk_widget_class_install_action (widget_class, "classroom.print-handout", NULL, print_handout_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "classroom.fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "classroom.fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "classroom.leave-fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "classroom.notes", NULL);
}

static GtkWidget *
tool_button (const char *icon,
             const char *label,
             const char *action)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_add_css_class (button, "flat");
  upstander_button_set_label_a11y (button, label);

  return button;
}

static void
upstander_classroom_page_init (UpstanderClassroomPage *self)
{
  GtkWidget *clamp;
  GtkEventController *keys;
  GtkGesture *click;

  self->panel = g_strdup ("votes");
  self->picked = -1;
  self->view = "none";
  self->count_labels = g_ptr_array_new ();
  self->pick_buttons = g_ptr_array_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");

  self->toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->toolbar, "toolbar");
  gtk_widget_add_css_class (self->toolbar, "class-toolbar");
  gtk_box_append (GTK_BOX (self->toolbar), tool_button ("x-office-document-symbolic", _("Teacher’s Notes"), "classroom.notes"));
  gtk_box_append (GTK_BOX (self->toolbar), tool_button ("document-save-symbolic", _("Handout PDF…"), "classroom.export-handout"));
  gtk_box_append (GTK_BOX (self->toolbar), tool_button ("printer-symbolic", _("Print Handout…"), "classroom.print-handout"));
  gtk_box_append (GTK_BOX (self->toolbar), tool_button ("view-fullscreen-symbolic", _("Fullscreen"), "classroom.fullscreen"));
  gtk_widget_set_halign (self->toolbar, GTK_ALIGN_END);
  gtk_widget_set_parent (self->toolbar, GTK_WIDGET (self));

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1500);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 1000);
  self->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  gtk_widget_add_css_class (GTK_WIDGET (self->content), "class-content");
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->content));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  self->actions = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12));
  gtk_widget_set_halign (GTK_WIDGET (self->actions), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->actions), "class-actions");
  gtk_widget_set_parent (GTK_WIDGET (self->actions), GTK_WIDGET (self));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (self->scroller, GTK_EVENT_CONTROLLER (click));
}

UpstanderClassRun *
upstander_classroom_page_get_run (UpstanderClassroomPage *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASSROOM_PAGE (self), NULL);

  return self->run;
}

void
upstander_classroom_page_set_run (UpstanderClassroomPage *self,
                                  UpstanderClassRun      *run)
{
  g_return_if_fail (UPSTANDER_IS_CLASSROOM_PAGE (self));
  g_return_if_fail (run == NULL || UPSTANDER_IS_CLASS_RUN (run));

  if (self->run == run)
    return;

  if (self->run != NULL)
    g_signal_handlers_disconnect_by_func (self->run, run_changed_cb, self);
  g_set_object (&self->run, run);
  self->scene = NULL;
  self->shown = NULL;
  self->picked = -1;
  self->summary = FALSE;
  if (self->run != NULL)
    {
      UpstanderSession *session = upstander_class_run_get_session (run);

      g_signal_connect_swapped (self->run, "changed", G_CALLBACK (run_changed_cb), self);
      /* A run picked up mid-lesson (a window rebuilt for a new language)
       * shows its scene whole, and its vote if one is under way. */
      if (upstander_session_get_n_decisions_made (session) > 0 || upstander_class_run_get_leader (run) >= 0)
        {
          self->scene = upstander_session_get_scene (session);
          self->n_shown = self->scene != NULL ? n_lines (self) : 0;
          self->at_decision = upstander_class_run_get_current (run) != NULL;
        }
    }

  if (self->content != NULL)
    rebuild (self);
}

/* "none", "scene", "decision", "feedback", "ending" or "summary". */
const char *
upstander_classroom_page_get_view (UpstanderClassroomPage *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASSROOM_PAGE (self), NULL);

  return self->view;
}

const char *
upstander_classroom_page_get_panel (UpstanderClassroomPage *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASSROOM_PAGE (self), NULL);

  return self->panel;
}

/* The choice "Go this way" takes: the teacher's pick, else the most voted, else -1. */
int
upstander_classroom_page_get_selected (UpstanderClassroomPage *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASSROOM_PAGE (self), -1);

  return selected_choice (self);
}

gboolean
upstander_classroom_page_export_csv (UpstanderClassroomPage  *self,
                                     GFile                   *file,
                                     GError                 **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (UPSTANDER_IS_CLASSROOM_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->run != NULL, FALSE);

  csv = upstander_class_run_dup_csv (self->run);

  return upstander_save_file (file, csv, strlen (csv), error);
}

gboolean
upstander_classroom_page_export_pdf (UpstanderClassroomPage  *self,
                                     GFile                   *file,
                                     GError                 **error)
{
  g_autoptr(UpstanderDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *region = NULL;
  UpstanderApplication *app;

  g_return_val_if_fail (UPSTANDER_IS_CLASSROOM_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->run != NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("PDF files can only be saved on this computer’s disks"));
      return FALSE;
    }

  app = app_of (self);
  if (app != NULL)
    region = upstander_settings_dup_effective_region (upstander_application_get_settings (app));
  /* Help for the chosen region, printed as the handout prints it. */
  doc = upstander_class_summary_new (self->run,
                                     app != NULL ? upstander_application_get_library (app) : NULL,
                                     region);

  return upstander_document_write_pdf (doc, path, error);
}
