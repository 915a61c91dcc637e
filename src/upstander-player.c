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
 *
 * Its pages (the note, the scene, the feedback, the ending) are built once,
 * from the template, and bound to the session's objects there; the page
 * shown follows the session's state (update_page(), on notify::state: a
 * template binding of the pages' visibility to it trips a GTK 4.8 warning
 * when the player is disposed). What a 4.8 template cannot bind (the scene
 * is a plain struct) is set here when the session changes. The choices are
 * the session's choices model, bound to a list while the decision shows
 * (choice_row_new() makes each button), so no button is there to press
 * while lines are read.
 * Every text from a bundle goes through gtk_label_set_text(): never markup,
 * never a format string.
 */

typedef enum
{
  WAY_ON_NONE,
  WAY_ON_NEXT,      /* Continue: the next line */
  WAY_ON_DECISION,  /* the question and the choices */
  WAY_ON_ADVANCE,   /* Continue: the next scene or the ending */
} WayOn;

struct _UpstanderPlayer
{
  GtkWidget             parent_instance;

  UpstanderSession     *session;
  UpstanderProgress    *progress;

  gboolean              note_pending;
  WayOn                 way_on_shown;
  const char           *place_class;  /* the place's style on the transcript now */
  guint                 scroll_tick;
  guint                 scroll_frames;
  GtkWidget            *reading_widget; /* weak: what read aloud reads, to highlight it */
  GtkWidget            *focus_target;   /* weak: where the keyboard belongs in what is shown */
  GtkWidget            *continue_button;

  GtkWidget            *scroller;
  GtkWidget            *pages;
  GtkWidget            *note_view;
  GtkWidget            *scene_view;
  GtkWidget            *frame_clamp;
  GtkWidget            *frame;
  GtkWidget            *scene_header;
  GtkWidget            *place_icon;
  GtkWidget            *scene_title;
  GtkWidget            *place_caption;
  GtkWidget            *transcript;
  GtkWidget            *way_on;
  GtkWidget            *decision;
  GtkWidget            *prompt;
  GtkWidget            *prompt_label;
  GtkWidget            *choices;
  GtkWidget            *feedback_view;
  GtkWidget            *ending_view;
};

enum {
  PROP_0,
  PROP_SESSION,
  PROP_NOTE_PENDING,
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

/*
 * Shows the page for the session's state, named as its nick ("scene",
 * "feedback", "ending"), or "note" before a story with a content note. The
 * other pages are hidden, not only covered: a screen reader finds only the
 * page shown, and nothing measures the others.
 */
static void
update_page (UpstanderPlayer *self)
{
  const char *name = NULL;

  if (self->session != NULL)
    name = self->note_pending ? "note" : upstander_enum_to_nick (UPSTANDER_TYPE_SESSION_STATE,
                                                                  upstander_session_get_state (self->session));

  for (GtkWidget *page = gtk_widget_get_first_child (self->pages); page != NULL; page = gtk_widget_get_next_sibling (page))
    gtk_widget_set_visible (page, g_strcmp0 (gtk_widget_get_name (page), name) == 0);
}

static gboolean
showing (UpstanderPlayer *self,
         const char      *page)
{
  return g_strcmp0 (upstander_player_get_view (self), page) == 0;
}

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/*
 * Focus goes to the way on of what is shown, and is remembered: a window
 * rebuilt for another language puts it back there once the player shows.
 */
static void
give_focus (UpstanderPlayer *self,
            GtkWidget       *widget)
{
  g_set_weak_pointer (&self->focus_target, widget);
  gtk_widget_grab_focus (widget);
}

/* What read aloud reads now; a highlight on what it read before goes. */
static void
set_reading_widget (UpstanderPlayer *self,
                    GtkWidget       *widget)
{
  if (self->reading_widget == widget)
    return;

  if (self->reading_widget != NULL)
    gtk_widget_remove_css_class (self->reading_widget, "reading-aloud");
  g_set_weak_pointer (&self->reading_widget, widget);
}

/* Whether the newest line shows as "… is typing" for now: it is not on screen yet. */
static gboolean
line_pending (UpstanderPlayer *self)
{
  return upstander_transcript_get_line_pending (UPSTANDER_TRANSCRIPT (self->transcript));
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

  if (self->way_on_shown != WAY_ON_NONE &&
      gtk_widget_compute_bounds (self->way_on, self->pages, &bounds))
    {
      double page = gtk_adjustment_get_page_size (adjustment);
      double top = bounds.origin.y + gtk_widget_get_margin_top (self->pages);
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

/*
 * The widget of one choice, the only one the player makes for a choice: a
 * button that picks it, its words as its label and its accessible name. In
 * a row that takes no focus of its own, so that Tab goes from button to button.
 */
static GtkWidget *
choice_row_new (gpointer item,
                gpointer unused)
{
  UpstanderChoiceItem *choice = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *button = upstander_text_button_new (upstander_choice_item_get_label (choice), "player.choose",
                                                 g_variant_new_string (upstander_choice_item_get_id (choice)));
  GtkLabel *label = GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button)));

  gtk_widget_add_css_class (button, "choice");
  gtk_label_set_xalign (label, 0);
  gtk_label_set_justify (label, GTK_JUSTIFY_LEFT);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), button);

  return row;
}

/* The choice buttons go with the decision they belong to: none while lines are read. */
static void
hide_decision (UpstanderPlayer *self)
{
  gtk_widget_set_visible (self->decision, FALSE);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->choices), NULL, NULL, NULL, NULL);
}

/* The question, and a button per choice of the session's choices model, in the order of this play. */
static void
show_decision (UpstanderPlayer      *self,
               const UpstanderScene *scene)
{
  const char *prompt = translate (self, scene->decision->prompt);

  upstander_text_label_set_text (self->prompt_label, prompt);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->prompt),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, prompt,
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                  -1);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->choices), upstander_session_get_choices (self->session),
                           choice_row_new, NULL, NULL);
  gtk_widget_set_visible (self->decision, TRUE);
}

/*
 * Below the transcript: Continue while lines are left (or the last one is
 * still being typed), then the decision (its question, a focusable heading,
 * and the choices) or Continue to the way on. Focus goes to Continue or to
 * the question, never to a choice, so the Enter that reveals lines cannot
 * pick one; it stays on Continue while it reveals line after line.
 */
static void
update_way_on (UpstanderPlayer *self,
               gboolean         move_focus)
{
  const UpstanderScene *scene = upstander_session_get_scene (self->session);
  WayOn way_on;
  GtkWidget *focus;

  if (!upstander_session_get_all_revealed (self->session) || line_pending (self))
    way_on = WAY_ON_NEXT;
  else if (scene->decision != NULL)
    way_on = WAY_ON_DECISION;
  else
    way_on = WAY_ON_ADVANCE;

  scroll_to_way_on (self);
  if (way_on == self->way_on_shown)
    return;
  self->way_on_shown = way_on;

  if (way_on == WAY_ON_DECISION)
    {
      gtk_widget_set_visible (self->continue_button, FALSE);
      show_decision (self, scene);
      focus = self->prompt;
    }
  else
    {
      hide_decision (self);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->continue_button),
                                      way_on == WAY_ON_NEXT ? "player.next" : "player.advance");
      gtk_widget_set_visible (self->continue_button, TRUE);
      focus = self->continue_button;
    }

  if (move_focus)
    give_focus (self, focus);
}

/* The scene's place and title on its header; a chat place becomes a phone. */
static void
show_place (UpstanderPlayer      *self,
            const UpstanderScene *scene)
{
  const char *style = upstander_place_style (scene->place);
  gboolean phone = g_str_equal (style, "chat");

  /* No wider than a phone for a chat; any other place has the page's width. */
  adw_clamp_set_maximum_size (ADW_CLAMP (self->frame_clamp), phone ? 420 : 720);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (self->frame_clamp), phone ? 400 : 720);
  gtk_box_set_spacing (GTK_BOX (self->frame), phone ? 0 : 12);
  set_css_class (self->frame, "phone", phone);
  set_css_class (self->scene_header, "phone-bar", phone);

  if (self->place_class != NULL)
    gtk_widget_remove_css_class (self->transcript, self->place_class);
  self->place_class = style;
  gtk_widget_add_css_class (self->transcript, style);

  gtk_image_set_from_icon_name (GTK_IMAGE (self->place_icon), upstander_place_icon (scene->place));
  if (scene->title != NULL)
    {
      upstander_text_label_set_text (self->scene_title, translate (self, scene->title));
      upstander_text_label_set_text (self->place_caption, upstander_place_name (scene->place));
    }
  else
    {
      upstander_text_label_set_text (self->scene_title, upstander_place_name (scene->place));
    }
  gtk_widget_set_visible (self->place_caption, scene->title != NULL);
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
  button = upstander_text_button_new (label, "win.show-guide", g_variant_new_string (guide_id));
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "guide-link");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);

  return button;
}

/*
 * A binding whose lookup meets a NULL session keeps its last value (GTK
 * 4.8): without a session the pages let go of what they showed here.
 */
static void
unbind_pages (UpstanderPlayer *self)
{
  upstander_note_view_set_scenario (UPSTANDER_NOTE_VIEW (self->note_view), NULL);
  upstander_feedback_view_set_feedback (UPSTANDER_FEEDBACK_VIEW (self->feedback_view), NULL);
  upstander_feedback_view_set_guide (UPSTANDER_FEEDBACK_VIEW (self->feedback_view), NULL);
  upstander_ending_view_set_ending (UPSTANDER_ENDING_VIEW (self->ending_view), NULL);
  upstander_ending_view_set_story_map (UPSTANDER_ENDING_VIEW (self->ending_view), NULL);
  upstander_ending_view_set_guide (UPSTANDER_ENDING_VIEW (self->ending_view), NULL);
}

/*
 * The session moved (or the note was read): the template's bindings have
 * shown the page for it; here the page gets what they cannot give, read
 * aloud learns what it reads, and the keyboard goes to the way on.
 */
static void
show_session (UpstanderPlayer *self)
{
  GtkWidget *focus = NULL;

  self->way_on_shown = WAY_ON_NONE;
  hide_decision (self);
  set_reading_widget (self, NULL);
  g_clear_weak_pointer (&self->focus_target);

  if (self->session == NULL)
    {
      unbind_pages (self);
      /* Read aloud learns that there is nothing to read. */
      g_signal_emit (self, signals [SIGNAL_SHOWN], 0);
      return;
    }

  if (self->note_pending)
    {
      set_reading_widget (self, upstander_note_view_get_card (UPSTANDER_NOTE_VIEW (self->note_view)));
      focus = upstander_note_view_get_start (UPSTANDER_NOTE_VIEW (self->note_view));
    }
  else if (upstander_session_get_state (self->session) == UPSTANDER_SESSION_SCENE)
    {
      show_place (self, upstander_session_get_scene (self->session));
      update_way_on (self, TRUE);
      if (!line_pending (self))
        set_reading_widget (self, gtk_widget_get_last_child (self->transcript));
    }
  else if (upstander_session_get_state (self->session) == UPSTANDER_SESSION_FEEDBACK)
    {
      UpstanderFeedbackView *view = UPSTANDER_FEEDBACK_VIEW (self->feedback_view);
      UpstanderChoiceItem *feedback = upstander_session_get_feedback (self->session);

      upstander_feedback_view_set_guide (view, guide_button_new (self, upstander_choice_item_get_choice (feedback)->guide));
      set_reading_widget (self, upstander_feedback_view_get_card (view));
      focus = upstander_feedback_view_get_continue (view);
    }
  else
    {
      UpstanderEndingView *view = UPSTANDER_ENDING_VIEW (self->ending_view);
      g_autoptr(UpstanderStoryMap) map = upstander_story_map_new_for_session (self->session);

      upstander_ending_view_set_story_map (view, map);
      upstander_ending_view_set_guide (view, guide_button_new (self, upstander_session_get_ending (self->session)->guide));
      upstander_ending_view_set_can_rewind (view, upstander_session_can_rewind (self->session));
      set_reading_widget (self, upstander_ending_view_get_title (view));
      focus = upstander_ending_view_get_way_on (view);
    }

  if (focus != NULL)
    give_focus (self, focus);

  /* Read aloud reads what is new (upstander_player_dup_reading); a
   * message being typed is new once it appears (line_pending_cb). */
  if (!line_pending (self))
    g_signal_emit (self, signals [SIGNAL_SHOWN], 0);
}

static void
set_note_pending (UpstanderPlayer *self,
                  gboolean         note_pending)
{
  note_pending = !!note_pending;
  if (self->note_pending == note_pending)
    return;

  self->note_pending = note_pending;
  update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTE_PENDING]);
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
  if (upstander_transcript_get_line_pending (transcript) || !showing (self, "scene") ||
      upstander_session_get_state (self->session) != UPSTANDER_SESSION_SCENE)
    return;

  update_way_on (self, TRUE);
  set_reading_widget (self, gtk_widget_get_last_child (self->transcript));
  g_signal_emit (self, signals [SIGNAL_SHOWN], 0);
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

  show_session (self);
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UpstanderPlayer *self = UPSTANDER_PLAYER (widget);

  if (!showing (self, "scene"))
    return;

  /* Asked for while "… is typing": that message now, the next one on the next ask. */
  if (upstander_transcript_finish_typing (UPSTANDER_TRANSCRIPT (self->transcript)))
    return;

  if (!upstander_session_reveal_next (self->session))
    return;
  update_way_on (self, TRUE);
  /* A line being typed is new once it appears (line_pending_cb). */
  if (line_pending (self))
    return;
  /* Read aloud reads the line just added. */
  set_reading_widget (self, gtk_widget_get_last_child (self->transcript));
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

  if (!self->note_pending)
    return;

  set_note_pending (self, FALSE);
  /* The scene is seen only now: its opening message arrives now. */
  upstander_transcript_type_last_line (UPSTANDER_TRANSCRIPT (self->transcript));
  show_session (self);
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

  if (digit >= MAX_KEYED_CHOICES || !showing (self, "scene") || self->way_on_shown != WAY_ON_DECISION ||
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

  /* The pages and their bindings go first, then the session they looked at. */
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->session, session_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->session, update_page, self);
    }
  g_clear_object (&self->progress);
  g_clear_weak_pointer (&self->reading_widget);
  g_clear_weak_pointer (&self->focus_target);
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), UPSTANDER_TYPE_PLAYER);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);

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

    case PROP_NOTE_PENDING:
      g_value_set_boolean (value, self->note_pending);
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

  /* Whether the story's content note shows before its first scene. */
  properties [PROP_NOTE_PENDING] =
    g_param_spec_boolean ("note-pending", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UpstanderPlayer::shown:
   *
   * The player shows something new: a page, or the next line of a scene.
   */
  signals [SIGNAL_SHOWN] =
    g_signal_new ("shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (UPSTANDER_TYPE_SESSION);
  g_type_ensure (UPSTANDER_TYPE_NOTE_VIEW);
  g_type_ensure (UPSTANDER_TYPE_TRANSCRIPT);
  g_type_ensure (UPSTANDER_TYPE_FEEDBACK_VIEW);
  g_type_ensure (UPSTANDER_TYPE_ENDING_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "player");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-player.ui");
  gtk_widget_class_bind_template_child (widget_class, UpstanderPlayer, scroller);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPlayer, pages);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPlayer, note_view);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPlayer, scene_view);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPlayer, frame_clamp);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPlayer, frame);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPlayer, scene_header);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPlayer, place_icon);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPlayer, scene_title);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPlayer, place_caption);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPlayer, transcript);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPlayer, way_on);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPlayer, decision);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPlayer, prompt);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPlayer, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPlayer, choices);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPlayer, feedback_view);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPlayer, ending_view);

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

  gtk_widget_init_template (GTK_WIDGET (self));

  /* One Continue for the next line and for the way on: made as every text button is. */
  self->continue_button = upstander_text_button_new (_("Continue"), "player.next", NULL);
  gtk_widget_add_css_class (self->continue_button, "suggested-action");
  gtk_widget_add_css_class (self->continue_button, "pill");
  gtk_widget_add_css_class (self->continue_button, "continue");
  gtk_widget_set_halign (self->continue_button, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->continue_button, FALSE);
  gtk_box_prepend (GTK_BOX (self->way_on), self->continue_button);

  g_signal_connect_object (self->transcript, "notify::line-pending", G_CALLBACK (line_pending_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

UpstanderSession *
upstander_player_get_session (UpstanderPlayer *self)
{
  g_return_val_if_fail (UPSTANDER_IS_PLAYER (self), NULL);

  return self->session;
}

/*
 * @opening: whether the story opens now, its first line never seen: that
 * line arrives (typed, in a chat) once the scene shows. Otherwise the
 * reader saw the lines revealed so far (in a window this one replaces), and
 * they show at once, as they were.
 */
static void
set_session (UpstanderPlayer  *self,
             UpstanderSession *session,
             gboolean          note_pending,
             gboolean          opening)
{
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->session, session_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->session, update_page, self);
    }

  g_set_object (&self->session, session);
  set_note_pending (self, note_pending);
  update_page (self);
  /* The page follows the state at once, before what the session says next. */
  if (session != NULL)
    g_signal_connect_object (session, "notify::state", G_CALLBACK (update_page), self, G_CONNECT_SWAPPED);
  upstander_transcript_set_model (UPSTANDER_TRANSCRIPT (self->transcript),
                                  session != NULL ? upstander_session_get_lines (session) : NULL);
  /* Behind a content note the scene is not seen yet: start_activated() types it. */
  if (opening && !note_pending)
    upstander_transcript_type_last_line (UPSTANDER_TRANSCRIPT (self->transcript));
  if (session != NULL)
    g_signal_connect_object (session, "changed", G_CALLBACK (session_changed_cb), self, G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
  show_session (self);
}

void
upstander_player_set_session (UpstanderPlayer  *self,
                              UpstanderSession *session)
{
  GPtrArray *notes;

  g_return_if_fail (UPSTANDER_IS_PLAYER (self));
  g_return_if_fail (session == NULL || UPSTANDER_IS_SESSION (session));

  if (self->session == session)
    return;

  notes = session != NULL ? upstander_scenario_get_content_notes (upstander_session_get_scenario (session)) : NULL;
  set_session (self, session, notes != NULL && notes->len > 0, TRUE);
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

  if (self->session != NULL)
    for (GtkWidget *page = gtk_widget_get_first_child (self->pages); page != NULL; page = gtk_widget_get_next_sibling (page))
      if (gtk_widget_get_visible (page))
        return gtk_widget_get_name (page);

  return "none";
}

/* Gives the keyboard focus back to where it belongs in what the player shows. */
void
upstander_player_restore_focus (UpstanderPlayer *self)
{
  g_return_if_fail (UPSTANDER_IS_PLAYER (self));

  if (self->focus_target != NULL)
    gtk_widget_grab_focus (self->focus_target);
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

  if (self->session == other->session)
    {
      set_note_pending (self, other->note_pending);
      show_session (self);
      return;
    }

  set_session (self, other->session, other->note_pending, FALSE);
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
  const char *view;
  UpstanderScenario *scenario;

  g_return_val_if_fail (UPSTANDER_IS_PLAYER (self), NULL);

  view = upstander_player_get_view (self);
  if (g_str_equal (view, "none"))
    return NULL;

  scenario = upstander_session_get_scenario (self->session);

  if (g_str_equal (view, "note"))
    {
      GPtrArray *notes = upstander_scenario_get_content_notes (scenario);

      for (guint i = 0; i < notes->len; i++)
        append_reading (self, reading, &lang, g_ptr_array_index (notes, i));
      item_name = g_strdup ("note");
    }
  else if (g_str_equal (view, "scene"))
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
  else if (g_str_equal (view, "feedback"))
    {
      const UpstanderChoice *choice = upstander_session_get_last_choice (self->session);
      g_string_append (reading, upstander_effect_word (choice->effect));
      for (guint i = 0; i < choice->feedback->len; i++)
        append_reading (self, reading, &lang, g_ptr_array_index (choice->feedback, i));
      item_name = g_strdup_printf ("feedback:%s", choice->id);
    }
  else if (g_str_equal (view, "ending"))
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
