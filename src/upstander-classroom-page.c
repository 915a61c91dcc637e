/* upstander-classroom-page.c: the presentation view of a classroom run: story, votes, reveal, discuss, summary
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-class-check-view.h"
#include "upstander-class-summary-view.h"
#include "upstander-class-voice-view.h"
#include "upstander-classroom-page-private.h"
#include "upstander-enums.h"
#include "upstander-handout.h"
#include "upstander-language.h"
#include "upstander-lesson-kit.h"
#include "upstander-line-item.h"
#include "upstander-transcript.h"
#include "upstander-util.h"
#include "upstander-vote-card.h"
#include "upstander-words.h"

/*
 * The run (on the application, so it outlives a window rebuilt for a new
 * language) holds the story, the votes, the teacher's pick and panel, the
 * path, the check's hands, where the lesson is and what the class typed:
 * a page built again shows the same. The presentation model works out from
 * it what the room sees (which view, which choice is selected).
 * This page draws it, large, with the same rows as the player: a revealed
 * line appends a row to the transcript; the vote keeps the scene's lines
 * beside the cards. The teacher's keys and buttons are in
 * upstander-classroom-page-actions.c. Bundle text is never markup.
 *
 * The before-and-after check and "Our class says" are views of their own
 * (UpstanderClassCheckView, UpstanderClassVoiceView) in a stack beside the
 * story; the way on stays in the same bar below all three.
 */

enum {
  PROP_0,
  PROP_PANEL,
  PROP_LIBRARY,
  PROP_SETTINGS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (UpstanderClassroomPage, upstander_classroom_page, GTK_TYPE_WIDGET)

static GParamSpec *properties [N_PROPS];

static UpstanderScenario *
scenario_of (UpstanderClassroomPage *self)
{
  return upstander_class_run_get_scenario (self->run);
}

static UpstanderSession *
session_of (UpstanderClassroomPage *self)
{
  return upstander_class_run_get_session (self->run);
}

static const char *
translate (UpstanderClassroomPage *self,
           const UpstanderText    *text)
{
  return upstander_scenario_translate (scenario_of (self), text);
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

static const char *
enum_nick (GType type,
           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  return found != NULL ? found->value_nick : NULL;
}

/*
 * Avatars beside room-sized type: 56 px for a chat message (36 in the
 * player), which makes comments 36 px and posts 48 px. A size property
 * only, as avatars come in fixed sizes.
 */
#define ROOM_AVATAR_SIZE 56

/* The scene's revealed lines, drawn by the player's rows, room-sized by CSS. */
static GtkWidget *
transcript_new (UpstanderClassroomPage *self)
{
  const UpstanderScene *scene = upstander_session_get_scene (session_of (self));
  GtkWidget *transcript = upstander_transcript_new ();

  upstander_transcript_set_avatar_size (UPSTANDER_TRANSCRIPT (transcript), ROOM_AVATAR_SIZE);

  gtk_widget_add_css_class (transcript, "transcript");
  gtk_widget_add_css_class (transcript, upstander_place_style (scene->place));
  upstander_transcript_set_model (UPSTANDER_TRANSCRIPT (transcript), upstander_session_get_lines (session_of (self)));

  return transcript;
}

static void
build_scene (UpstanderClassroomPage *self)
{
  const UpstanderScene *scene = upstander_session_get_scene (session_of (self));

  if (scene->title != NULL)
    upstander_box_add_text_label (self->content, translate (self, scene->title), "class-scene-title");
  gtk_box_append (self->content, transcript_new (self));

  add_button (self->actions, _("Continue"), "classroom.advance", NULL, "suggested-action");
}

static gboolean
scroll_to_end_cb (GtkWidget     *aside,
                  GdkFrameClock *frame_clock,
                  gpointer       data)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (aside));

  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));

  return G_SOURCE_REMOVE;
}

/*
 * Keeps the newest lines of the scene in sight beside the cards, whatever
 * their size turns out to be (the room's type scale comes after the first
 * allocation). The bounds change while the viewport is being allocated: a
 * value set then moves the adjustment but not the lines, whose allocation
 * is already done, and the last line ends up cut. So the value is set at
 * the start of the next frame, before its layout.
 */
static void
stick_to_end_cb (GtkAdjustment *adjustment,
                 GParamSpec    *pspec,
                 GtkWidget     *aside)
{
  gtk_widget_add_tick_callback (aside, scroll_to_end_cb, NULL, NULL);
}

static void
card_picked_cb (UpstanderVoteCard      *card,
                GParamSpec             *pspec,
                UpstanderClassroomPage *self)
{
  if (upstander_vote_card_get_picked (card))
    upstander_presentation_pick (self->presentation,
                                 upstander_choice_item_get_position (upstander_vote_card_get_choice (card)));
}

static void focus_way_on (UpstanderClassroomPage *self);

/* The counts and the pick follow the run; the cards stay, and so does the focus. */
static void
update_votes (UpstanderClassroomPage *self)
{
  int selected = upstander_presentation_get_selected (self->presentation);

  for (guint i = 0; self->cards != NULL && i < self->cards->len; i++)
    {
      UpstanderVoteCard *card = g_ptr_array_index (self->cards, i);

      upstander_vote_card_set_votes (card, upstander_class_run_get_votes (self->run, i));
      g_signal_handlers_block_by_func (card, card_picked_cb, self);
      upstander_vote_card_set_picked (card, (int) i == selected);
      g_signal_handlers_unblock_by_func (card, card_picked_cb, self);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "classroom.choose", selected >= 0);

  /* "Go This Way" could not take the focus while no choice had a vote: with
   * the first one, it does, so that Enter goes on, as everywhere else in the
   * lesson. A teacher working on a card keeps the focus there. */
  if (selected >= 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (focus == NULL || gtk_widget_get_ancestor (focus, UPSTANDER_TYPE_VOTE_CARD) == NULL)
        focus_way_on (self);
    }
}

static void
build_decision (UpstanderClassroomPage *self)
{
  const UpstanderDecision *decision = upstander_session_get_scene (session_of (self))->decision;
  GListModel *choices = upstander_session_get_choices (session_of (self));
  UpstanderPanel panel = upstander_presentation_get_panel (self->presentation);
  GtkWidget *row, *aside, *main, *cards, *prompt, *panels;

  /* The scene stays in view, beside the question and the cards. */
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 36);
  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  gtk_widget_add_css_class (row, "class-decision");

  /*
   * While the class discusses, the questions take the scene's place beside
   * the cards: above the cards they pushed the votes off a 1080 px screen,
   * and the teacher lost sight of the pick that "Go This Way" takes.
   */
  if (panel == UPSTANDER_PANEL_DISCUSS && decision->questions != NULL && decision->questions->len > 0)
    {
      aside = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
      gtk_widget_set_valign (aside, GTK_ALIGN_START);
      gtk_widget_add_css_class (aside, "card");
      gtk_widget_add_css_class (aside, "class-questions");
      upstander_box_add_text_label (GTK_BOX (aside), _("Discuss"), "heading");
      for (guint i = 0; i < decision->questions->len; i++)
        upstander_box_add_text_label (GTK_BOX (aside), translate (self, g_ptr_array_index (decision->questions, i)), "class-question");
    }
  else
    {
      GtkAdjustment *adjustment;

      aside = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (aside), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (aside), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (aside), 720);
      gtk_widget_set_valign (aside, GTK_ALIGN_START);
      gtk_widget_add_css_class (aside, "class-scene-aside");
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (aside), transcript_new (self));
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (aside));
      g_signal_connect_object (adjustment, "notify::upper", G_CALLBACK (stick_to_end_cb), aside, 0);
      g_signal_connect_object (adjustment, "notify::page-size", G_CALLBACK (stick_to_end_cb), aside, 0);
    }
  gtk_box_append (GTK_BOX (row), aside);

  main = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  prompt = upstander_box_add_text_label (GTK_BOX (main), translate (self, decision->prompt), "class-prompt");
  g_object_set (prompt, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);

  cards = gtk_box_new (GTK_ORIENTATION_VERTICAL, 14);
  gtk_widget_add_css_class (cards, "class-choices");
  self->cards = g_ptr_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(UpstanderChoiceItem) choice = g_list_model_get_item (choices, i);
      GtkWidget *card = upstander_vote_card_new (choice, self->cards->len > 0 ? g_ptr_array_index (self->cards, 0) : NULL);

      upstander_vote_card_set_revealed (UPSTANDER_VOTE_CARD (card), panel == UPSTANDER_PANEL_REVEAL);
      g_signal_connect (card, "notify::picked", G_CALLBACK (card_picked_cb), self);
      g_ptr_array_add (self->cards, card);
      gtk_box_append (GTK_BOX (cards), card);
    }
  gtk_box_append (GTK_BOX (main), cards);
  gtk_box_append (GTK_BOX (row), main);
  gtk_box_append (self->content, row);

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

/* A choice's verdict, with an icon and a word, and why: as the player shows it. */
static GtkWidget *
verdict_card_new (UpstanderClassroomPage *self,
                  const UpstanderChoice  *choice)
{
  g_autofree char *reason = upstander_join_texts (scenario_of (self), choice->feedback, " ");
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (upstander_effect_icon (choice->effect));
  g_autofree char *spoken = upstander_format_feedback (choice->effect, reason);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "feedback");
  gtk_widget_add_css_class (card, upstander_effect_to_string (choice->effect));
  gtk_widget_add_css_class (icon, "verdict-icon");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (header), icon);
  upstander_box_add_text_label (GTK_BOX (header), upstander_effect_word (choice->effect), "verdict");
  gtk_box_append (GTK_BOX (card), header);
  upstander_box_add_text_label (GTK_BOX (card), reason, "class-reason");
  g_object_set (card, "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);

  return card;
}

static void
build_feedback (UpstanderClassroomPage *self)
{
  const UpstanderChoice *choice = upstander_session_get_last_choice (session_of (self));
  g_autofree char *label = upstander_language_isolate (translate (self, choice->label));
  /* Translators: in the classroom, after the vote; %s is the choice taken */
  g_autofree char *chose = g_strdup_printf (_("The class chose: %s"), label);

  upstander_box_add_text_label (self->content, chose, "class-prompt");
  gtk_box_append (self->content, verdict_card_new (self, choice));

  add_button (self->actions, _("Continue"), "classroom.advance", NULL, "suggested-action");
}

static void
build_ending (UpstanderClassroomPage *self)
{
  const UpstanderEnding *ending = upstander_session_get_ending (session_of (self));
  GtkWidget *outcome = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (upstander_outcome_icon (ending->outcome));
  GtkWidget *takeaways = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  gtk_widget_add_css_class (outcome, "outcome");
  gtk_widget_add_css_class (outcome, upstander_outcome_to_string (ending->outcome));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (outcome), icon);
  upstander_box_add_text_label (GTK_BOX (outcome), upstander_outcome_word (ending->outcome), "heading");
  gtk_box_append (self->content, outcome);

  upstander_box_add_text_label (self->content, translate (self, ending->title), "class-prompt");
  for (guint i = 0; i < ending->texts->len; i++)
    upstander_box_add_text_label (self->content, translate (self, g_ptr_array_index (ending->texts, i)), "class-reason");

  gtk_widget_add_css_class (takeaways, "card");
  gtk_widget_add_css_class (takeaways, "takeaways");
  upstander_box_add_text_label (GTK_BOX (takeaways), _("What to remember"), "heading");
  for (guint i = 0; i < ending->takeaways->len; i++)
    upstander_box_add_text_label (GTK_BOX (takeaways), translate (self, g_ptr_array_index (ending->takeaways, i)), "class-reason");
  gtk_box_append (self->content, takeaways);

  /* With a check, the class answers it again before the summary. */
  if (upstander_class_run_get_check (self->run) != NULL)
    add_button (self->actions, _("Continue"), "classroom.advance", NULL, "suggested-action");
  else
    add_button (self->actions, _("Class Summary"), "classroom.summary", NULL, "suggested-action");
  /* Every ending leads to help, in class too. */
  add_button (self->actions, _("Get help"), "win.show-help", NULL, NULL);
}

/* The check takes the stage; the way on is counted, or skipped ("not asked"). */
static void
build_check (UpstanderClassroomPage *self)
{
  UpstanderClassCheck *check = upstander_class_run_get_check (self->run);
  GtkWidget *view = adw_bin_get_child (self->check_bin);

  /* Made once it has a check to show: an empty one would have nothing to say to a screen reader. */
  if (view == NULL)
    adw_bin_set_child (self->check_bin, upstander_class_check_view_new (check));
  else
    upstander_class_check_view_set_check (UPSTANDER_CLASS_CHECK_VIEW (view), check);
  gtk_stack_set_visible_child (self->views, GTK_WIDGET (self->check_bin));

  /* Translators: a button under the before-and-after check (a show of hands on a few sentences); the summary then says "not asked" */
  add_button (self->actions, _("Skip the Check"), "classroom.skip-check", NULL, NULL);
  /* Translators: a button under the before-and-after check: the hands are counted, on to what follows */
  add_button (self->actions, _("Counted"), "classroom.advance", NULL, "suggested-action");
}

/* "Our class says": made when the class reaches it, on the run's own lines. */
static void
build_voice (UpstanderClassroomPage *self)
{
  adw_bin_set_child (self->voice_bin, upstander_class_voice_view_new (upstander_class_run_get_voice (self->run), self->run));
  gtk_stack_set_visible_child (self->views, GTK_WIDGET (self->voice_bin));

  add_button (self->actions, _("Finish"), "classroom.finish", NULL, "suggested-action");
}

/* What the class chose, as the teacher's notes show it too, and the ways on. */
static void
build_summary (UpstanderClassroomPage *self)
{
  upstander_class_summary_view_set_run (self->summary, self->run);
  gtk_stack_set_visible_child (self->views, self->summary_scroller);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->summary_scroller)), 0);

  add_button (self->actions, _("Export CSV…"), "classroom.export-csv", NULL, NULL);
  add_button (self->actions, _("Export PDF…"), "classroom.export-pdf", NULL, NULL);
  /* Translators: a button on the class summary: opens the screen where the class says what should change */
  add_button (self->actions, _("Our Class Says"), "classroom.voice", NULL, NULL);
  add_button (self->actions, _("Finish"), "classroom.finish", NULL, "suggested-action");
}

/*
 * The way on (Continue, Counted, Go This Way…) has the keyboard focus, so
 * that Enter and a presenter's remote move the lesson on, never the first
 * button of the bar above (Teacher's Notes).
 */
static void
focus_way_on (UpstanderClassroomPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->actions));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, "suggested-action"))
      {
        gtk_widget_grab_focus (child);
        return;
      }
}

static void
rebuild (UpstanderClassroomPage *self)
{
  clear_box (self->content);
  clear_box (self->actions);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  adw_bin_set_child (self->voice_bin, NULL);
  upstander_class_summary_view_set_run (self->summary, NULL);
  gtk_stack_set_visible_child (self->views, self->scroller);

  if (self->presentation == NULL)
    return;

  switch (upstander_presentation_get_view (self->presentation))
    {
    case UPSTANDER_PRESENTATION_CHECK:
      build_check (self);
      break;

    case UPSTANDER_PRESENTATION_VOICE:
      build_voice (self);
      break;

    case UPSTANDER_PRESENTATION_SCENE:
      build_scene (self);
      break;

    case UPSTANDER_PRESENTATION_DECISION:
      build_decision (self);
      break;

    case UPSTANDER_PRESENTATION_FEEDBACK:
      build_feedback (self);
      break;

    case UPSTANDER_PRESENTATION_ENDING:
      build_ending (self);
      break;

    case UPSTANDER_PRESENTATION_SUMMARY:
    default:
      build_summary (self);
      break;
    }

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);

  /* The old focus went with the old widgets: give it to the way on. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    focus_way_on (self);
}

static void
panel_changed_cb (UpstanderClassroomPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PANEL]);
  if (upstander_presentation_get_view (self->presentation) == UPSTANDER_PRESENTATION_DECISION)
    rebuild (self);
}

static void
run_changed_cb (UpstanderClassroomPage *self)
{
  /* A vote only changes counts: keep the cards (and the focus) in place. */
  if (self->cards != NULL)
    update_votes (self);
}

/*
 * Text for a room: the type scale grows with the page, so that body text is
 * at least 32 px on a 1920 px projector and still fits a laptop. The class
 * changes after this allocation, not during it.
 */
static gboolean
update_scale_cb (gpointer data)
{
  UpstanderClassroomPage *self = data;

  self->scale_idle = 0;
  if (gtk_widget_get_width (GTK_WIDGET (self)) >= 1600)
    gtk_widget_add_css_class (GTK_WIDGET (self), "room-large");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "room-large");

  return G_SOURCE_REMOVE;
}

static void
upstander_classroom_page_measure (GtkWidget      *widget,
                                  GtkOrientation  orientation,
                                  int             for_size,
                                  int            *minimum,
                                  int            *natural,
                                  int            *minimum_baseline,
                                  int            *natural_baseline)
{
  gtk_widget_measure (UPSTANDER_CLASSROOM_PAGE (widget)->layout, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
upstander_classroom_page_size_allocate (GtkWidget *widget,
                                        int        width,
                                        int        height,
                                        int        baseline)
{
  UpstanderClassroomPage *self = UPSTANDER_CLASSROOM_PAGE (widget);

  gtk_widget_allocate (self->layout, width, height, baseline, NULL);

  if ((width >= 1600) != gtk_widget_has_css_class (widget, "room-large") && self->scale_idle == 0)
    self->scale_idle = g_idle_add (update_scale_cb, self);
}

/* A story opened from the catalogue is built before it is shown: the focus follows once it is. */
static void
upstander_classroom_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (upstander_classroom_page_parent_class)->map (widget);

  focus_way_on (UPSTANDER_CLASSROOM_PAGE (widget));
}

static void
upstander_classroom_page_dispose (GObject *object)
{
  UpstanderClassroomPage *self = (UpstanderClassroomPage *)object;
  GtkWidget *child;

  upstander_classroom_page_set_run (self, NULL);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_handle_id (&self->scale_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPSTANDER_TYPE_CLASSROOM_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);

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
      g_value_set_string (value, upstander_classroom_page_get_panel (self));
      break;

    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
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

  switch (prop_id)
    {
    case PROP_PANEL:
      if (self->presentation != NULL && g_value_get_string (value) != NULL)
        {
          g_autoptr(GEnumClass) panels = g_type_class_ref (UPSTANDER_TYPE_PANEL);
          GEnumValue *panel = g_enum_get_value_by_nick (panels, g_value_get_string (value));

          if (panel != NULL)
            upstander_presentation_set_panel (self->presentation, panel->value);
        }
      break;

    case PROP_LIBRARY:
      g_set_object (&self->library, g_value_get_object (value));
      break;

    case PROP_SETTINGS:
      g_set_object (&self->settings, g_value_get_object (value));
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
  widget_class->measure = upstander_classroom_page_measure;
  widget_class->size_allocate = upstander_classroom_page_size_allocate;
  widget_class->map = upstander_classroom_page_map;

  properties [PROP_PANEL] =
    g_param_spec_string ("panel", NULL, NULL, "votes",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         UPSTANDER_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         UPSTANDER_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "classroom");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-classroom-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UpstanderClassroomPage, layout);
  gtk_widget_class_bind_template_child (widget_class, UpstanderClassroomPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, UpstanderClassroomPage, views);
  gtk_widget_class_bind_template_child (widget_class, UpstanderClassroomPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, UpstanderClassroomPage, check_bin);
  gtk_widget_class_bind_template_child (widget_class, UpstanderClassroomPage, voice_bin);
  gtk_widget_class_bind_template_child (widget_class, UpstanderClassroomPage, summary_scroller);
  gtk_widget_class_bind_template_child (widget_class, UpstanderClassroomPage, summary);
  gtk_widget_class_bind_template_child (widget_class, UpstanderClassroomPage, content);
  gtk_widget_class_bind_template_child (widget_class, UpstanderClassroomPage, actions);

  _upstander_classroom_page_class_actions_init (klass);
}

static void
upstander_classroom_page_init (UpstanderClassroomPage *self)
{
  g_type_ensure (UPSTANDER_TYPE_CLASS_SUMMARY_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  _upstander_classroom_page_actions_init (self);
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
  if (self->presentation != NULL)
    g_signal_handlers_disconnect_by_data (self->presentation, self);
  g_clear_object (&self->presentation);
  g_set_object (&self->run, run);

  /* A run that has not begun takes the before-and-after check; the
   * teacher may skip it. A run picked up mid-lesson keeps what it has. */
  if (run != NULL && upstander_class_run_get_check (run) == NULL &&
      upstander_session_get_n_decisions_made (upstander_class_run_get_session (run)) == 0 &&
      upstander_class_run_get_leader (run) < 0 &&
      upstander_session_get_state (upstander_class_run_get_session (run)) == UPSTANDER_SESSION_SCENE)
    {
      g_autoptr(UpstanderClassCheck) check = upstander_class_check_new_for_scenario (upstander_class_run_get_scenario (run));

      upstander_class_run_set_check (run, check);
    }
  else if (run != NULL && upstander_class_run_get_check (run) != NULL)
    {
      /* A page built again for a new language: the same sentences, in it. */
      g_auto(GStrv) statements = upstander_check_statements (upstander_class_run_get_scenario (run));

      upstander_class_check_set_statements (upstander_class_run_get_check (run), (const char * const *) statements);
    }

  if (run != NULL)
    {
      /* Picked up mid-lesson, the presentation carries on where the run is. */
      self->presentation = upstander_presentation_new (run);
      g_signal_connect_object (self->presentation, "notify::view", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->presentation, "notify::panel", G_CALLBACK (panel_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->presentation, "notify::selected", G_CALLBACK (update_votes), self, G_CONNECT_SWAPPED);
      g_signal_connect_swapped (run, "changed", G_CALLBACK (run_changed_cb), self);
    }

  if (self->content != NULL)
    rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PANEL]);
}

UpstanderPresentation *
upstander_classroom_page_get_presentation (UpstanderClassroomPage *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASSROOM_PAGE (self), NULL);

  return self->presentation;
}

/* "none", "check", "scene", "decision", "feedback", "ending", "summary" or "voice". */
const char *
upstander_classroom_page_get_view (UpstanderClassroomPage *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASSROOM_PAGE (self), NULL);

  if (self->presentation == NULL)
    return "none";

  return enum_nick (UPSTANDER_TYPE_PRESENTATION_VIEW, upstander_presentation_get_view (self->presentation));
}

/* "votes", "reveal" or "discuss". */
const char *
upstander_classroom_page_get_panel (UpstanderClassroomPage *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASSROOM_PAGE (self), NULL);

  if (self->presentation == NULL)
    return "votes";

  return enum_nick (UPSTANDER_TYPE_PANEL, upstander_presentation_get_panel (self->presentation));
}

/* The choice "Go this way" takes: the teacher's pick, else the most voted, else -1. */
int
upstander_classroom_page_get_selected (UpstanderClassroomPage *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASSROOM_PAGE (self), -1);

  return self->presentation != NULL ? upstander_presentation_get_selected (self->presentation) : -1;
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

  g_return_val_if_fail (UPSTANDER_IS_CLASSROOM_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->run != NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("PDF files can only be saved on this computer’s disks"));
      return FALSE;
    }

  if (self->settings != NULL)
    region = upstander_settings_dup_effective_region (self->settings);
  /* Help for the chosen region, printed as the handout prints it. */
  doc = upstander_class_summary_new (self->run, self->library, region);

  return upstander_document_write_pdf (doc, path, error);
}
