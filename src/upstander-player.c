/* upstander-player.c: plays one session: scenes, choices, feedback, endings
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "upstander-bundle.h"
#include "upstander-ending-view.h"
#include "upstander-feedback-view.h"
#include "upstander-language.h"
#include "upstander-line-item.h"
#include "upstander-note-view.h"
#include "upstander-player.h"
#include "upstander-story-map-view.h"
#include "upstander-transcript.h"
#include "upstander-util.h"
#include "upstander-words.h"

/*
 * The view asks the session what to show and tells it what the reader did;
 * it holds no rules of play, and not even how far the scene was read: the
 * session's lines model has that, and the transcript follows it row by row.
 * The only state of its own is whether the content note was read.
 * Every text from a bundle goes through gtk_label_set_text(): never markup,
 * never a format string.
 */

struct _UpstanderPlayer
{
  GtkWidget             parent_instance;

  UpstanderSession     *session;
  UpstanderProgress    *progress;

  guint                 note_pending : 1;
  const char           *view;         /* "none", "note", "scene", "feedback", "ending" */
  guint                 scroll_tick;
  guint                 scroll_frames;
  GtkWidget            *reading_widget; /* what read aloud reads, to highlight it */
  GtkWidget            *transcript;     /* in a scene: a row per revealed line */

  GtkWidget            *scroller;
  GtkBox               *content;
  GtkWidget            *way_on;       /* in a scene: Continue, or the decision */
  GtkWidget            *prompt;       /* the decision's question, when shown */
  GtkWidget            *next_button;  /* Continue to the next line, while lines are left */
  GtkWidget            *focus_target; /* where the keyboard belongs in what is shown */
};

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

enum {
  SIGNAL_SHOWN,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (UpstanderPlayer, upstander_player, GTK_TYPE_WIDGET)

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static const char *
translate (UpstanderPlayer     *self,
           const UpstanderText *text)
{
  return upstander_scenario_translate (upstander_session_get_scenario (self->session), text);
}

static GtkWidget *
append_label (UpstanderPlayer *self,
              GtkWidget       *box,
              const char      *text,
              const char      *css_class)
{
  GtkWidget *label = upstander_text_label_new (text, css_class);

  gtk_box_append (GTK_BOX (box), label);

  return label;
}

static GtkWidget *
make_button (const char *label,
             const char *action_name,
             GVariant   *target,
             const char *css_class)
{
  GtkWidget *button = upstander_text_button_new (label, action_name, target);

  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);

  return button;
}

/*
 * Focus goes to the way on of what is shown, and is remembered: a window
 * rebuilt for another language puts it back there once the player shows.
 */
static void
give_focus (UpstanderPlayer *self,
            GtkWidget       *widget)
{
  self->focus_target = widget;
  gtk_widget_grab_focus (widget);
}

static void
clear_content (UpstanderPlayer *self)
{
  GtkWidget *child;

  self->way_on = NULL;
  self->prompt = NULL;
  self->next_button = NULL;
  self->focus_target = NULL;
  self->reading_widget = NULL;
  self->transcript = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
}

static void
build_note (UpstanderPlayer *self)
{
  GtkWidget *view = upstander_note_view_new (upstander_session_get_scenario (self->session));

  gtk_box_append (self->content, view);
  self->reading_widget = upstander_note_view_get_card (UPSTANDER_NOTE_VIEW (view));

  self->view = "note";
  give_focus (self, upstander_note_view_get_start (UPSTANDER_NOTE_VIEW (view)));
}

/*
 * A heading a screen reader announces, which can hold the focus: a label
 * cannot unless it is selectable, so its box takes it.
 */
static GtkWidget *
heading_new (const char *text,
             const char *css_class)
{
  GtkWidget *heading = g_object_new (GTK_TYPE_BOX,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                     "focusable", TRUE,
                                     NULL);

  gtk_widget_add_css_class (heading, css_class);
  gtk_box_append (GTK_BOX (heading), upstander_text_label_new (text, NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                  -1);

  return heading;
}

static void
clear_way_on (UpstanderPlayer *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->way_on)) != NULL)
    gtk_box_remove (GTK_BOX (self->way_on), child);
  self->prompt = NULL;
}

/*
 * Brings the way on into view: the question and every choice, or Continue.
 * It ends the view, so its end is shown, but its top never scrolls out of
 * sight. Runs on the next few frames: the rows just added get their size
 * in the layout after the one that follows their arrival.
 */
#define SCROLL_FRAMES 3

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       unused)
{
  UpstanderPlayer *self = UPSTANDER_PLAYER (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  graphene_rect_t bounds;

  if (self->way_on != NULL && gtk_widget_get_first_child (self->way_on) != NULL &&
      gtk_widget_compute_bounds (self->way_on, GTK_WIDGET (self->content), &bounds))
    {
      double page = gtk_adjustment_get_page_size (adjustment);
      double top = bounds.origin.y + gtk_widget_get_margin_top (GTK_WIDGET (self->content));
      double bottom = top + bounds.size.height + 24;
      double value = gtk_adjustment_get_value (adjustment);

      if (bottom > value + page)
        value = bottom - page;
      if (top < value)
        value = top;
      gtk_adjustment_set_value (adjustment, value);
    }

  if (++self->scroll_frames < SCROLL_FRAMES)
    return G_SOURCE_CONTINUE;

  self->scroll_tick = 0;

  return G_SOURCE_REMOVE;
}

static void
scroll_to_way_on (UpstanderPlayer *self)
{
  self->scroll_frames = 0;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
}

/* Whether the newest line shows as "… is typing" for now: it is not on screen yet. */
static gboolean
line_pending (UpstanderPlayer *self)
{
  return self->transcript != NULL &&
         upstander_transcript_get_line_pending (UPSTANDER_TRANSCRIPT (self->transcript));
}

/*
 * Below the transcript: Continue while lines are left, then the decision
 * (its question, a focusable heading, and the choices in the order of this
 * play) or the way on. Focus goes to Continue or to the question, never to
 * a choice, so the Enter that reveals lines cannot pick one.
 */
static void
update_way_on (UpstanderPlayer *self,
               gboolean         move_focus)
{
  const UpstanderScene *scene = upstander_session_get_scene (self->session);
  GtkWidget *focus = NULL;
  /* A line still to reveal, or the last one still being typed. */
  gboolean lines_left = !upstander_session_get_all_revealed (self->session) || line_pending (self);

  if (self->next_button != NULL && lines_left)
    {
      /* Continue stays, and so does the focus on it. */
      scroll_to_way_on (self);
      return;
    }

  clear_way_on (self);
  self->next_button = NULL;

  if (lines_left)
    {
      focus = self->next_button = make_button (_("Continue"), "player.next", NULL, "suggested-action");
      gtk_widget_add_css_class (focus, "pill");
      gtk_widget_add_css_class (focus, "continue");
      gtk_widget_set_halign (focus, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (self->way_on), focus);
    }
  else if (scene->decision != NULL)
    {
      GListModel *choices = upstander_session_get_choices (self->session);
      GtkWidget *decision = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);

      gtk_widget_add_css_class (decision, "decision");
      focus = self->prompt = heading_new (translate (self, scene->decision->prompt), "prompt");
      gtk_box_append (GTK_BOX (decision), self->prompt);
      for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
        {
          g_autoptr(UpstanderChoiceItem) choice = g_list_model_get_item (choices, i);
          GtkWidget *button = make_button (upstander_choice_item_get_label (choice), "player.choose",
                                           g_variant_new_string (upstander_choice_item_get_id (choice)), "choice");

          gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
          gtk_label_set_justify (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), GTK_JUSTIFY_LEFT);
          gtk_box_append (GTK_BOX (decision), button);
        }
      gtk_box_append (GTK_BOX (self->way_on), decision);
    }
  else
    {
      focus = make_button (_("Continue"), "player.advance", NULL, "suggested-action");
      gtk_widget_add_css_class (focus, "pill");
      gtk_widget_add_css_class (focus, "continue");
      gtk_widget_set_halign (focus, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (self->way_on), focus);
    }

  if (move_focus && focus != NULL)
    give_focus (self, focus);
  scroll_to_way_on (self);
}

/*
 * A chat place looks like a phone: the conversation in a rounded frame with
 * the group's name on its top bar, centred and no wider than a phone. The
 * clamp gives its child .small when it has the whole width (a narrow window):
 * then style.css drops the frame and the phone is the window.
 */
static GtkWidget *
phone_new (GtkWidget *top_bar,
           GtkWidget *transcript)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *phone = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 420);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 400);
  gtk_widget_add_css_class (phone, "phone");
  gtk_widget_add_css_class (top_bar, "phone-bar");
  gtk_box_append (GTK_BOX (phone), top_bar);
  gtk_box_append (GTK_BOX (phone), transcript);
  adw_clamp_set_child (ADW_CLAMP (clamp), phone);

  return clamp;
}

/*
 * A typed line appeared: it is what is new now (read aloud reads it only
 * now, never while its dots show), and after the last one the decision, or
 * the way on, shows.
 */
static void
line_pending_cb (UpstanderPlayer     *self,
                 GParamSpec          *pspec,
                 UpstanderTranscript *transcript)
{
  if (GTK_WIDGET (transcript) != self->transcript || upstander_transcript_get_line_pending (transcript))
    return;

  update_way_on (self, TRUE);
  self->reading_widget = gtk_widget_get_last_child (self->transcript);
  g_signal_emit (self, signals [SIGNAL_SHOWN], 0);
}

static void
build_scene (UpstanderPlayer *self)
{
  const UpstanderScene *scene = upstander_session_get_scene (self->session);
  GtkWidget *header, *icon, *titles, *transcript;
  const char *title;

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_widget_add_css_class (header, "scene-header");
  icon = gtk_image_new_from_icon_name (upstander_place_icon (scene->place));
  gtk_image_set_icon_size (GTK_IMAGE (icon), GTK_ICON_SIZE_LARGE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (header), icon);
  titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  title = scene->title != NULL ? translate (self, scene->title) : upstander_place_name (scene->place);
  append_label (self, titles, title, "heading");
  if (scene->title != NULL)
    append_label (self, titles, upstander_place_name (scene->place), "caption");
  gtk_box_append (GTK_BOX (header), titles);

  /* One row per revealed line: the session's lines model appends them. */
  transcript = upstander_transcript_new ();
  gtk_widget_add_css_class (transcript, "transcript");
  gtk_widget_add_css_class (transcript, upstander_place_style (scene->place));
  self->transcript = transcript;
  if (g_strcmp0 (upstander_place_style (scene->place), "chat") == 0)
    {
      /* Typing first, so the message that opens the scene is typed too. */
      upstander_transcript_set_typing (UPSTANDER_TRANSCRIPT (transcript), TRUE);
      g_signal_connect_object (transcript, "notify::line-pending", G_CALLBACK (line_pending_cb),
                               self, G_CONNECT_SWAPPED);
      upstander_transcript_set_model (UPSTANDER_TRANSCRIPT (transcript), upstander_session_get_lines (self->session));
      gtk_box_append (self->content, phone_new (header, transcript));
    }
  else
    {
      upstander_transcript_set_model (UPSTANDER_TRANSCRIPT (transcript), upstander_session_get_lines (self->session));
      gtk_box_append (self->content, header);
      gtk_box_append (self->content, transcript);
    }
  self->reading_widget = line_pending (self) ? NULL : gtk_widget_get_last_child (transcript);

  self->way_on = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  gtk_box_append (self->content, self->way_on);

  self->view = "scene";
  update_way_on (self, TRUE);
}

/* A button to the guide @guide_id of the story's bundle, or NULL. */
static GtkWidget *
guide_button_new (UpstanderPlayer *self,
                  const char      *guide_id)
{
  UpstanderScenario *scenario = upstander_session_get_scenario (self->session);
  UpstanderBundle *bundle = upstander_scenario_get_bundle (scenario);
  const UpstanderGuide *guide;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  GtkWidget *button;

  if (guide_id == NULL || bundle == NULL)
    return NULL;

  guide = upstander_bundle_lookup_guide (bundle, guide_id);
  if (guide == NULL)
    return NULL;

  title = upstander_language_isolate (upstander_bundle_translate (bundle, guide->title));
  /* Translators: a button that opens a guide; %s is the guide's title */
  label = g_strdup_printf (_("Read the guide: %s"), title);
  button = make_button (label, "win.show-guide", g_variant_new_string (guide_id), "pill");
  gtk_widget_add_css_class (button, "guide-link");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);

  return button;
}

static void
build_feedback (UpstanderPlayer *self)
{
  UpstanderChoiceItem *feedback = upstander_session_get_feedback (self->session);
  GtkWidget *view = upstander_feedback_view_new (feedback);

  upstander_feedback_view_set_guide (UPSTANDER_FEEDBACK_VIEW (view),
                                     guide_button_new (self, upstander_choice_item_get_choice (feedback)->guide));
  gtk_box_append (self->content, view);
  self->reading_widget = upstander_feedback_view_get_card (UPSTANDER_FEEDBACK_VIEW (view));

  self->view = "feedback";
  give_focus (self, upstander_feedback_view_get_continue (UPSTANDER_FEEDBACK_VIEW (view)));
}

static void
build_ending (UpstanderPlayer *self)
{
  const UpstanderEnding *ending = upstander_session_get_ending (self->session);
  UpstanderScenario *scenario = upstander_session_get_scenario (self->session);
  guint n_found = upstander_session_get_n_endings_found (self->session);
  guint n_endings = upstander_scenario_get_n_endings (scenario);
  g_autofree char *found = NULL;
  GtkWidget *view, *guide, *buttons, *button, *focus = NULL;

  view = upstander_ending_view_new (upstander_session_get_ending_item (self->session));
  gtk_box_append (self->content, view);
  self->reading_widget = upstander_ending_view_get_title (UPSTANDER_ENDING_VIEW (view));

  /* Translators: on the ending page, e.g. "Endings found: 2 of 3" */
  found = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Endings found: %u of %u",
                                        "Endings found: %u of %u",
                                        n_endings),
                           MIN (n_found, n_endings), n_endings);
  append_label (self, GTK_WIDGET (self->content), found, "endings-found");

  {
    g_autoptr(UpstanderStoryMap) map = upstander_story_map_new_for_session (self->session);

    gtk_box_append (self->content, upstander_story_map_view_new (map));
  }

  guide = guide_button_new (self, ending->guide);
  if (guide != NULL)
    gtk_box_append (self->content, guide);

  buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (buttons, "actions");
  if (upstander_session_can_rewind (self->session))
    {
      focus = make_button (_("Try another choice"), "player.rewind", NULL, "suggested-action");
      gtk_widget_add_css_class (focus, "pill");
      gtk_box_append (GTK_BOX (buttons), focus);
    }
  button = make_button (_("Choose another story"), "win.show-catalogue", NULL, "pill");
  gtk_box_append (GTK_BOX (buttons), button);
  if (focus == NULL)
    focus = button;
  gtk_box_append (GTK_BOX (buttons), make_button (_("Get help"), "win.show-help", NULL, "pill"));
  gtk_box_append (self->content, buttons);

  self->view = "ending";
  give_focus (self, focus);
}

static void build_view (UpstanderPlayer *self);

static void
rebuild (UpstanderPlayer *self)
{
  build_view (self);
  /* Read aloud reads what is new (upstander_player_dup_reading); a
   * message being typed is new once it appears (line_pending_cb). */
  if (!line_pending (self))
    g_signal_emit (self, signals [SIGNAL_SHOWN], 0);
}

static void
build_view (UpstanderPlayer *self)
{
  clear_content (self);

  if (self->session == NULL)
    {
      self->view = "none";
      return;
    }

  if (self->note_pending)
    {
      build_note (self);
      return;
    }

  switch (upstander_session_get_state (self->session))
    {
    case UPSTANDER_SESSION_SCENE:
      build_scene (self);
      break;

    case UPSTANDER_SESSION_FEEDBACK:
      build_feedback (self);
      break;

    case UPSTANDER_SESSION_ENDING:
      build_ending (self);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
session_changed_cb (UpstanderPlayer  *self,
                    UpstanderSession *session)
{
  UpstanderSessionState state = upstander_session_get_state (session);

  if (state == UPSTANDER_SESSION_ENDING && self->progress != NULL)
    {
      UpstanderScenario *scenario = upstander_session_get_scenario (session);

      upstander_progress_add_ending (self->progress,
                                     upstander_scenario_get_bundle_id (scenario),
                                     upstander_scenario_get_id (scenario),
                                     upstander_scenario_get_version (scenario),
                                     upstander_session_get_ending (session)->id);
    }

  rebuild (self);
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UpstanderPlayer *self = UPSTANDER_PLAYER (widget);

  if (self->session == NULL || g_strcmp0 (self->view, "scene") != 0)
    return;

  /* Asked for while "… is typing": that message now, the next one on the next ask. */
  if (upstander_transcript_finish_typing (UPSTANDER_TRANSCRIPT (self->transcript)))
    return;

  upstander_session_reveal_next (self->session);
  update_way_on (self, TRUE);
  /* A line being typed is new once it appears (line_pending_cb). */
  if (line_pending (self))
    return;
  /* Read aloud reads the line just added. */
  self->reading_widget = gtk_widget_get_last_child (self->transcript);
  g_signal_emit (self, signals [SIGNAL_SHOWN], 0);
}

static void
advance_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UpstanderPlayer *self = UPSTANDER_PLAYER (widget);
  g_autoptr(GError) error = NULL;

  if (self->session != NULL && !upstander_session_advance (self->session, &error))
    g_debug ("Cannot go on: %s", error->message);
}

static void
choose_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UpstanderPlayer *self = UPSTANDER_PLAYER (widget);
  g_autoptr(GError) error = NULL;

  if (self->session != NULL &&
      !upstander_session_choose (self->session, g_variant_get_string (parameter, NULL), &error))
    g_debug ("Cannot choose: %s", error->message);
}

static void
rewind_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UpstanderPlayer *self = UPSTANDER_PLAYER (widget);

  if (self->session == NULL || !upstander_session_can_rewind (self->session))
    return;

  upstander_session_rewind (self->session);
}

static void
start_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  UpstanderPlayer *self = UPSTANDER_PLAYER (widget);

  self->note_pending = FALSE;
  rebuild (self);
}

/*
 * Keys 1 to 4 pick the choice with that place on screen (the order of this
 * play), as they do in the classroom; only while a decision shows, so the
 * keys that read lines never pick one, and never while the focus is in a
 * text field, where a digit is typing. No Shift test: on a French keyboard
 * the digits are shifted.
 */
#define MAX_KEYED_CHOICES 4

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                UpstanderPlayer       *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autoptr(UpstanderChoiceItem) choice = NULL;
  guint digit;

  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
    digit = keyval - GDK_KEY_1;
  else if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
    digit = keyval - GDK_KEY_KP_1;
  else
    return GDK_EVENT_PROPAGATE;

  if (digit >= MAX_KEYED_CHOICES || self->prompt == NULL ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  if (focus != NULL && (GTK_IS_EDITABLE (focus) || gtk_widget_get_ancestor (focus, GTK_TYPE_EDITABLE) != NULL))
    return GDK_EVENT_PROPAGATE;

  choice = g_list_model_get_item (upstander_session_get_choices (self->session), digit);
  if (choice == NULL)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_activate_action (GTK_WIDGET (self), "player.choose", "s", upstander_choice_item_get_id (choice));

  return GDK_EVENT_STOP;
}

static void
upstander_player_dispose (GObject *object)
{
  UpstanderPlayer *self = (UpstanderPlayer *)object;
  GtkWidget *child;

  upstander_player_set_session (self, NULL);
  g_clear_object (&self->progress);
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), UPSTANDER_TYPE_PLAYER);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (upstander_player_parent_class)->dispose (object);
}

static void
upstander_player_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  UpstanderPlayer *self = UPSTANDER_PLAYER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_player_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  UpstanderPlayer *self = UPSTANDER_PLAYER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      upstander_player_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_player_class_init (UpstanderPlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upstander_player_dispose;
  object_class->get_property = upstander_player_get_property;
  object_class->set_property = upstander_player_set_property;

  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         UPSTANDER_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UpstanderPlayer::shown:
   *
   * The player shows something new: a page, or the next line of a scene.
   */
  signals [SIGNAL_SHOWN] =
    g_signal_new ("shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "player");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-player.ui");
  gtk_widget_class_bind_template_child (widget_class, UpstanderPlayer, scroller);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPlayer, content);

  gtk_widget_class_install_action (widget_class, "player.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "player.advance", NULL, advance_activated);
  gtk_widget_class_install_action (widget_class, "player.choose", "s", choose_activated);
  gtk_widget_class_install_action (widget_class, "player.rewind", NULL, rewind_activated);
  gtk_widget_class_install_action (widget_class, "player.start", NULL, start_activated);
}

static void
upstander_player_init (UpstanderPlayer *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->view = "none";
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

UpstanderSession *
upstander_player_get_session (UpstanderPlayer *self)
{
  g_return_val_if_fail (UPSTANDER_IS_PLAYER (self), NULL);

  return self->session;
}

void
upstander_player_set_session (UpstanderPlayer  *self,
                              UpstanderSession *session)
{
  g_return_if_fail (UPSTANDER_IS_PLAYER (self));
  g_return_if_fail (session == NULL || UPSTANDER_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, session_changed_cb, self);

  g_set_object (&self->session, session);
  self->note_pending = FALSE;

  if (session != NULL)
    {
      GPtrArray *notes = upstander_scenario_get_content_notes (upstander_session_get_scenario (session));

      self->note_pending = notes != NULL && notes->len > 0;
      g_signal_connect_object (session, "changed", G_CALLBACK (session_changed_cb), self, G_CONNECT_SWAPPED);
    }

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}

/* Where finished stories and found endings are recorded. */
void
upstander_player_set_progress (UpstanderPlayer   *self,
                               UpstanderProgress *progress)
{
  g_return_if_fail (UPSTANDER_IS_PLAYER (self));
  g_return_if_fail (progress == NULL || UPSTANDER_IS_PROGRESS (progress));

  g_set_object (&self->progress, progress);
}

/* What is shown: "none", "note", "scene", "feedback" or "ending". */
const char *
upstander_player_get_view (UpstanderPlayer *self)
{
  g_return_val_if_fail (UPSTANDER_IS_PLAYER (self), NULL);

  return self->view;
}

/* Gives the keyboard focus back to where it belongs in what the player shows. */
void
upstander_player_restore_focus (UpstanderPlayer *self)
{
  g_return_if_fail (UPSTANDER_IS_PLAYER (self));

  if (self->focus_target != NULL)
    gtk_widget_grab_focus (self->focus_target);
}

/* The box the current view is built in; for tests. */
GtkWidget *
upstander_player_get_content (UpstanderPlayer *self)
{
  g_return_val_if_fail (UPSTANDER_IS_PLAYER (self), NULL);

  return GTK_WIDGET (self->content);
}

/*
 * Shows what @other shows, at the same point: its session (which knows the
 * lines revealed so far and the order of the choices), and whether the
 * content note was read. For the window that replaces another one after a
 * change of language.
 */
void
upstander_player_take_place (UpstanderPlayer *self,
                             UpstanderPlayer *other)
{
  g_return_if_fail (UPSTANDER_IS_PLAYER (self));
  g_return_if_fail (UPSTANDER_IS_PLAYER (other));

  upstander_player_set_session (self, other->session);
  if (self->session == NULL)
    return;

  self->note_pending = other->note_pending;
  rebuild (self);
}

static void
append_reading (UpstanderPlayer     *self,
                GString             *reading,
                const char         **language,
                const UpstanderText *text)
{
  UpstanderScenario *scenario = upstander_session_get_scenario (self->session);

  if (text == NULL)
    return;

  if (reading->len > 0)
    g_string_append_c (reading, '\n');
  g_string_append (reading, translate (self, text));
  if (*language == NULL)
    *language = upstander_scenario_get_text_language (scenario, text);
}

/* A line as it is read: a message or post with who wrote it. */
static void
append_line_reading (UpstanderPlayer     *self,
                     GString             *reading,
                     const char         **language,
                     const UpstanderLine *line)
{
  g_autofree char *texts = upstander_join_texts (upstander_session_get_scenario (self->session), line->texts, " ");

  if (line->texts != NULL && line->texts->len > 0 && *language == NULL)
    *language = upstander_scenario_get_text_language (upstander_session_get_scenario (self->session),
                                                      g_ptr_array_index (line->texts, 0));
  if (reading->len > 0)
    g_string_append_c (reading, '\n');
  if (line->from != NULL && line->from->name != NULL)
    {
      /* Translators: a chat message or post read aloud: who wrote it, then what */
      g_string_append_printf (reading, C_("read aloud", "%s: %s"), translate (self, line->from->name), texts);
    }
  else
    {
      g_string_append (reading, texts);
    }
}

/**
 * upstander_player_dup_reading:
 * @item: (out) (optional): names what is read, e.g. "scene:start:2"
 * @language: (out) (optional): the language it is written in
 *
 * What "Read aloud" reads now: the content note, the newest line of the
 * scene (with the question and the choices once they are shown), the
 * feedback on a choice, or the ending.
 *
 * Returns: (nullable): plain text, or %NULL when nothing is shown
 */
char *
upstander_player_dup_reading (UpstanderPlayer  *self,
                              char            **item,
                              char            **language)
{
  g_autoptr(GString) reading = g_string_new (NULL);
  g_autofree char *item_name = NULL;
  const char *lang = NULL;
  UpstanderScenario *scenario;

  g_return_val_if_fail (UPSTANDER_IS_PLAYER (self), NULL);

  if (self->session == NULL || g_str_equal (self->view, "none"))
    return NULL;

  scenario = upstander_session_get_scenario (self->session);

  if (g_str_equal (self->view, "note"))
    {
      GPtrArray *notes = upstander_scenario_get_content_notes (scenario);

      for (guint i = 0; i < notes->len; i++)
        append_reading (self, reading, &lang, g_ptr_array_index (notes, i));
      item_name = g_strdup ("note");
    }
  else if (g_str_equal (self->view, "scene"))
    {
      const UpstanderScene *scene = upstander_session_get_scene (self->session);
      g_autoptr(GPtrArray) lines = upstander_session_dup_visible_lines (self->session);
      guint n_shown = MIN (g_list_model_get_n_items (upstander_session_get_lines (self->session)), lines->len);

      /* A message whose typing dots still show is not on screen yet. */
      if (n_shown > 0 && line_pending (self))
        n_shown--;

      if (n_shown > 0)
        append_line_reading (self, reading, &lang, g_ptr_array_index (lines, n_shown - 1));
      if (n_shown == lines->len && scene->decision != NULL)
        {
          g_autoptr(GPtrArray) choices = upstander_session_dup_choices (self->session);

          append_reading (self, reading, &lang, scene->decision->prompt);
          for (guint i = 0; i < choices->len; i++)
            append_reading (self, reading, &lang, ((const UpstanderChoice *) g_ptr_array_index (choices, i))->label);
        }
      item_name = g_strdup_printf ("scene:%s:%u", scene->id, n_shown);
    }
  else if (g_str_equal (self->view, "feedback"))
    {
      const UpstanderChoice *choice = upstander_session_get_last_choice (self->session);
      g_string_append (reading, upstander_effect_word (choice->effect));
      for (guint i = 0; i < choice->feedback->len; i++)
        append_reading (self, reading, &lang, g_ptr_array_index (choice->feedback, i));
      item_name = g_strdup_printf ("feedback:%s", choice->id);
    }
  else if (g_str_equal (self->view, "ending"))
    {
      const UpstanderEnding *ending = upstander_session_get_ending (self->session);

      append_reading (self, reading, &lang, ending->title);
      for (guint i = 0; i < ending->texts->len; i++)
        append_reading (self, reading, &lang, g_ptr_array_index (ending->texts, i));
      for (guint i = 0; i < ending->takeaways->len; i++)
        append_reading (self, reading, &lang, g_ptr_array_index (ending->takeaways, i));
      item_name = g_strdup_printf ("ending:%s", ending->id);
    }

  if (reading->len == 0)
    return NULL;

  if (item != NULL)
    *item = g_steal_pointer (&item_name);
  if (language != NULL)
    *language = g_strdup (lang != NULL ? lang : upstander_scenario_get_language (scenario));

  return g_string_free (g_steal_pointer (&reading), FALSE);
}

/* Marks what upstander_player_dup_reading() reads while it is being read. */
void
upstander_player_set_reading_highlight (UpstanderPlayer *self,
                                        gboolean         highlight)
{
  g_return_if_fail (UPSTANDER_IS_PLAYER (self));

  if (self->reading_widget == NULL)
    return;

  if (highlight)
    gtk_widget_add_css_class (self->reading_widget, "reading-aloud");
  else
    gtk_widget_remove_css_class (self->reading_widget, "reading-aloud");
}
