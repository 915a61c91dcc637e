/* upstander-player.c: plays one session: scenes, choices, feedback, endings */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "upstander-bundle.h"
#include "upstander-language.h"
#include "upstander-player.h"
#include "upstander-story-map-view.h"
#include "upstander-util.h"

/*
 * The view asks the session what to show and tells it what the reader did;
 * it holds no rules of play. The only state of its own is how many lines of
 * the current scene were revealed, and whether the content note was read.
 * Every text from a bundle goes through gtk_label_set_text(): never markup,
 * never a format string.
 */

struct _UpstanderPlayer
{
  GtkWidget             parent_instance;

  UpstanderSession     *session;
  UpstanderProgress    *progress;

  const UpstanderScene *scene;        /* the scene n_shown counts lines of */
  guint                 n_shown;
  guint                 note_pending : 1;
  guint                 show_all : 1; /* after a rewind: straight to the decision */
  const char           *view;         /* "none", "note", "scene", "feedback", "ending" */
  GtkWidget            *reading_widget; /* what read aloud reads, to highlight it */

  GtkWidget            *scroller;
  GtkBox               *content;
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

static const char *
place_icon (UpstanderPlace place)
{
  switch (place)
    {
    case UPSTANDER_PLACE_GROUP_CHAT:     return "system-users-symbolic";
    case UPSTANDER_PLACE_DIRECT_MESSAGE: return "chat-message-new-symbolic";
    case UPSTANDER_PLACE_SOCIAL_FEED:    return "emoji-people-symbolic";
    case UPSTANDER_PLACE_GAME_LOBBY:     return "applications-games-symbolic";
    case UPSTANDER_PLACE_VIDEO:          return "camera-video-symbolic";
    case UPSTANDER_PLACE_HOME:           return "user-home-symbolic";
    case UPSTANDER_PLACE_SCHOOL:
    case UPSTANDER_PLACE_OUTDOORS:
    default:                             return "emoji-body-symbolic";
    }
}

static const char *
place_name (UpstanderPlace place)
{
  switch (place)
    {
    case UPSTANDER_PLACE_GROUP_CHAT:     return _("Group chat");
    case UPSTANDER_PLACE_DIRECT_MESSAGE: return _("Direct message");
    case UPSTANDER_PLACE_SOCIAL_FEED:    return _("Social feed");
    case UPSTANDER_PLACE_GAME_LOBBY:     return _("Game lobby");
    case UPSTANDER_PLACE_VIDEO:          return _("Video");
    case UPSTANDER_PLACE_SCHOOL:         return _("At school");
    case UPSTANDER_PLACE_HOME:           return _("At home");
    case UPSTANDER_PLACE_OUTDOORS:       return _("Outdoors");
    default:                             return "";
    }
}

static const char *
place_class (UpstanderPlace place)
{
  switch (place)
    {
    case UPSTANDER_PLACE_GROUP_CHAT:
    case UPSTANDER_PLACE_DIRECT_MESSAGE: return "chat";
    case UPSTANDER_PLACE_GAME_LOBBY:     return "lobby";
    case UPSTANDER_PLACE_SOCIAL_FEED:    return "feed";
    default:                             return "offline";
    }
}

static char *
join_texts (UpstanderPlayer *self,
            GPtrArray       *texts)
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

static void
set_label_a11y (GtkWidget  *widget,
                const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* A message: avatar, name and bubble; the player's own on the end side. */
static GtkWidget *
message_new (UpstanderPlayer     *self,
             const UpstanderLine *line)
{
  const UpstanderPerson *person = line->from;
  const char *name = person != NULL ? translate (self, person->name) : "";
  gboolean is_you = person != NULL && person->role == UPSTANDER_ROLE_PLAYER;
  g_autofree char *text = join_texts (self, line->texts);
  g_autofree char *spoken = NULL;
  g_autofree char *iname = NULL;
  g_autofree char *itext = NULL;
  GtkWidget *row, *bubble;

  row = g_object_new (GTK_TYPE_BOX,
                      "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                      "spacing", 8,
                      "halign", is_you ? GTK_ALIGN_END : GTK_ALIGN_START,
                      NULL);
  gtk_widget_add_css_class (row, "message");
  if (is_you)
    gtk_widget_add_css_class (row, "from-you");

  if (!is_you)
    {
      GtkWidget *avatar = adw_avatar_new (36, name, TRUE);

      gtk_widget_set_valign (avatar, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (row), avatar);
    }

  bubble = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_add_css_class (bubble, "bubble");
  gtk_box_append (GTK_BOX (row), bubble);

  append_label (self, bubble, name, "sender");
  gtk_label_set_wrap_mode (GTK_LABEL (append_label (self, bubble, text, "message-text")), PANGO_WRAP_WORD);

  /* Keep bubbles off the far side, as chat apps do. */
  if (is_you)
    gtk_widget_set_margin_start (row, 48);
  else
    gtk_widget_set_margin_end (row, 32);

  iname = upstander_language_isolate (name);
  itext = upstander_language_isolate (text);
  /* Translators: how a chat message is read aloud: "Leo: look at this" */
  spoken = g_strdup_printf (C_("chat line", "%s: %s"), iname, itext);
  set_label_a11y (row, spoken);

  return row;
}

static GtkWidget *
comment_new (UpstanderPlayer     *self,
             const UpstanderLine *comment)
{
  const char *name = comment->from != NULL ? translate (self, comment->from->name) : "";
  g_autofree char *text = join_texts (self, comment->texts);
  g_autofree char *spoken = NULL;
  g_autofree char *iname = NULL;
  g_autofree char *itext = NULL;
  GtkWidget *row, *avatar, *box;

  row = g_object_new (GTK_TYPE_BOX,
                      "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                      "spacing", 8,
                      NULL);
  gtk_widget_add_css_class (row, "comment");
  avatar = adw_avatar_new (24, name, TRUE);
  gtk_widget_set_valign (avatar, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (row), avatar);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (row), box);
  append_label (self, box, name, "sender");
  append_label (self, box, text, NULL);

  iname = upstander_language_isolate (name);
  itext = upstander_language_isolate (text);
  spoken = g_strdup_printf (C_("chat line", "%s: %s"), iname, itext);
  set_label_a11y (row, spoken);

  return row;
}

/* A post on a social feed, with the comments the session lets us see. */
static GtkWidget *
post_new (UpstanderPlayer     *self,
          const UpstanderLine *line)
{
  const char *name = line->from != NULL ? translate (self, line->from->name) : "";
  g_autofree char *text = join_texts (self, line->texts);
  g_autofree char *spoken = NULL;
  g_autofree char *iname = NULL;
  g_autofree char *itext = NULL;
  g_autoptr(GPtrArray) comments = upstander_session_dup_visible_comments (self->session, line);
  GtkWidget *card, *header, *avatar, *post;

  card = g_object_new (GTK_TYPE_BOX,
                       "orientation", GTK_ORIENTATION_VERTICAL,
                       "spacing", 8,
                       NULL);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "post");

  post = g_object_new (GTK_TYPE_BOX,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                       "orientation", GTK_ORIENTATION_VERTICAL,
                       "spacing", 8,
                       NULL);
  gtk_box_append (GTK_BOX (card), post);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  avatar = adw_avatar_new (32, name, TRUE);
  gtk_box_append (GTK_BOX (header), avatar);
  append_label (self, header, name, "heading");
  gtk_box_append (GTK_BOX (post), header);
  append_label (self, post, text, "post-text");

  iname = upstander_language_isolate (name);
  itext = upstander_language_isolate (text);
  /* Translators: how a post on a social feed is read aloud: "Leo posted: look at this" */
  spoken = g_strdup_printf (C_("social post", "%s posted: %s"), iname, itext);
  set_label_a11y (post, spoken);

  if (comments != NULL && comments->len > 0)
    {
      GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

      gtk_widget_add_css_class (list, "comments");
      for (guint i = 0; i < comments->len; i++)
        gtk_box_append (GTK_BOX (list), comment_new (self, g_ptr_array_index (comments, i)));
      gtk_box_append (GTK_BOX (card), list);
    }

  return card;
}

static GtkWidget *
narration_new (UpstanderPlayer     *self,
               const UpstanderLine *line,
               UpstanderPlace       place)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gboolean in_chat = upstander_place_is_chat (place);

  gtk_widget_add_css_class (box, in_chat ? "chat-narration" : "narration");
  for (guint i = 0; i < line->texts->len; i++)
    {
      GtkWidget *label = append_label (self, box, translate (self, g_ptr_array_index (line->texts, i)), NULL);

      if (in_chat)
        {
          gtk_label_set_xalign (GTK_LABEL (label), 0.5);
          gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
        }
    }

  return box;
}

static GtkWidget *
line_new (UpstanderPlayer     *self,
          const UpstanderLine *line,
          UpstanderPlace       place)
{
  switch (line->kind)
    {
    case UPSTANDER_LINE_MESSAGE:
      return message_new (self, line);

    case UPSTANDER_LINE_POST:
      return post_new (self, line);

    case UPSTANDER_LINE_COMMENT:
      return comment_new (self, line);

    case UPSTANDER_LINE_NARRATION:
    default:
      return narration_new (self, line, place);
    }
}

static gboolean
reveal_cb (gpointer data)
{
  gtk_revealer_set_reveal_child (GTK_REVEALER (data), TRUE);

  return G_SOURCE_REMOVE;
}

static void
clear_content (UpstanderPlayer *self)
{
  GtkWidget *child;

  self->reading_widget = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
}

static void
build_note (UpstanderPlayer *self)
{
  UpstanderScenario *scenario = upstander_session_get_scenario (self->session);
  GPtrArray *notes = upstander_scenario_get_content_notes (scenario);
  GtkWidget *card, *header, *icon, *buttons, *start;

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "content-note");
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (header), icon);
  append_label (self, header, _("Before you start"), "title-2");
  gtk_box_append (GTK_BOX (card), header);

  for (guint i = 0; i < notes->len; i++)
    append_label (self, card, translate (self, g_ptr_array_index (notes, i)), NULL);
  append_label (self, card,
                _("You can stop whenever you like: press Back, or Exit to close Upstander at once."),
                "dim-label");
  gtk_box_append (self->content, card);
  self->reading_widget = card;

  buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (buttons, "actions");
  start = make_button (_("Start the story"), "player.start", NULL, "suggested-action");
  gtk_widget_add_css_class (start, "pill");
  gtk_box_append (GTK_BOX (buttons), start);
  gtk_box_append (GTK_BOX (buttons),
                  make_button (_("Choose another story"), "win.show-catalogue", NULL, "pill"));
  gtk_box_append (self->content, buttons);

  self->view = "note";
  gtk_widget_grab_focus (start);
}

static void
build_scene (UpstanderPlayer *self)
{
  const UpstanderScene *scene = upstander_session_get_scene (self->session);
  g_autoptr(GPtrArray) lines = upstander_session_dup_visible_lines (self->session);
  GtkWidget *header, *icon, *titles, *transcript, *focus = NULL;
  const char *title;
  guint n_shown;

  if (self->show_all)
    self->n_shown = lines->len;
  self->show_all = FALSE;
  n_shown = MIN (self->n_shown, lines->len);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_widget_add_css_class (header, "scene-header");
  icon = gtk_image_new_from_icon_name (place_icon (scene->place));
  gtk_image_set_icon_size (GTK_IMAGE (icon), GTK_ICON_SIZE_LARGE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (header), icon);
  titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  title = scene->title != NULL ? translate (self, scene->title) : place_name (scene->place);
  append_label (self, titles, title, "heading");
  if (scene->title != NULL)
    append_label (self, titles, place_name (scene->place), "caption");
  gtk_box_append (GTK_BOX (header), titles);
  gtk_box_append (self->content, header);

  transcript = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  gtk_widget_add_css_class (transcript, "transcript");
  gtk_widget_add_css_class (transcript, place_class (scene->place));
  gtk_box_append (self->content, transcript);

  for (guint i = 0; i < n_shown; i++)
    {
      GtkWidget *widget = line_new (self, g_ptr_array_index (lines, i), scene->place);

      if (i + 1 == n_shown)
        self->reading_widget = widget;

      if (i + 1 == n_shown && n_shown > 1 && n_shown <= lines->len)
        {
          /* The newest line slides in; GtkRevealer skips this when animations are off. */
          GtkWidget *revealer = gtk_revealer_new ();

          gtk_revealer_set_transition_type (GTK_REVEALER (revealer), GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
          gtk_revealer_set_transition_duration (GTK_REVEALER (revealer), 200);
          gtk_revealer_set_child (GTK_REVEALER (revealer), widget);
          gtk_box_append (GTK_BOX (transcript), revealer);
          g_idle_add_full (G_PRIORITY_DEFAULT, reveal_cb, g_object_ref (revealer), g_object_unref);
        }
      else
        {
          gtk_box_append (GTK_BOX (transcript), widget);
        }
    }

  if (n_shown < lines->len)
    {
      focus = make_button (_("Continue"), "player.next", NULL, "suggested-action");
      gtk_widget_add_css_class (focus, "pill");
      gtk_widget_add_css_class (focus, "continue");
      gtk_widget_set_halign (focus, GTK_ALIGN_CENTER);
      gtk_box_append (self->content, focus);
    }
  else if (scene->decision != NULL)
    {
      g_autoptr(GPtrArray) choices = upstander_session_dup_choices (self->session);
      GtkWidget *decision = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);

      gtk_widget_add_css_class (decision, "decision");
      append_label (self, decision, translate (self, scene->decision->prompt), "prompt");
      for (guint i = 0; i < choices->len; i++)
        {
          const UpstanderChoice *choice = g_ptr_array_index (choices, i);
          GtkWidget *button = make_button (translate (self, choice->label), "player.choose",
                                           g_variant_new_string (choice->id), "choice");

          gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
          gtk_label_set_justify (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), GTK_JUSTIFY_LEFT);
          gtk_box_append (GTK_BOX (decision), button);
          if (focus == NULL)
            focus = button;
        }
      gtk_box_append (self->content, decision);
    }
  else
    {
      focus = make_button (_("Continue"), "player.advance", NULL, "suggested-action");
      gtk_widget_add_css_class (focus, "pill");
      gtk_widget_add_css_class (focus, "continue");
      gtk_widget_set_halign (focus, GTK_ALIGN_CENTER);
      gtk_box_append (self->content, focus);
    }

  self->view = "scene";
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

static void
verdict_for (UpstanderEffect  effect,
             const char     **word,
             const char     **icon,
             const char     **css_class)
{
  switch (effect)
    {
    case UPSTANDER_EFFECT_HELPFUL:
      *word = _("This helps");
      *icon = "object-select-symbolic";
      *css_class = "helpful";
      break;

    case UPSTANDER_EFFECT_MIXED:
      *word = _("Part of the way");
      *icon = "dialog-information-symbolic";
      *css_class = "mixed";
      break;

    case UPSTANDER_EFFECT_HARMFUL:
    default:
      *word = _("Think again");
      *icon = "dialog-warning-symbolic";
      *css_class = "harmful";
      break;
    }
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
  const UpstanderChoice *choice = upstander_session_get_last_choice (self->session);
  const char *word, *icon_name, *css_class;
  g_autofree char *reason = join_texts (self, choice->feedback);
  g_autofree char *chose = NULL;
  g_autofree char *spoken = NULL;
  g_autofree char *label = NULL;
  g_autofree char *ireason = NULL;
  GtkWidget *card, *header, *icon, *guide, *button;

  verdict_for (choice->effect, &word, &icon_name, &css_class);

  label = upstander_language_isolate (translate (self, choice->label));
  /* Translators: above the feedback card; %s is the choice the reader made */
  chose = g_strdup_printf (_("You chose: %s"), label);
  append_label (self, GTK_WIDGET (self->content), chose, "you-chose");

  card = g_object_new (GTK_TYPE_BOX,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                       "orientation", GTK_ORIENTATION_VERTICAL,
                       "spacing", 10,
                       NULL);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "feedback");
  gtk_widget_add_css_class (card, css_class);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  icon = gtk_image_new_from_icon_name (icon_name);
  gtk_image_set_icon_size (GTK_IMAGE (icon), GTK_ICON_SIZE_LARGE);
  gtk_widget_add_css_class (icon, "verdict-icon");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (header), icon);
  append_label (self, header, word, "verdict");
  gtk_box_append (GTK_BOX (card), header);

  for (guint i = 0; i < choice->feedback->len; i++)
    append_label (self, card, translate (self, g_ptr_array_index (choice->feedback, i)), "reason");

  ireason = upstander_language_isolate (reason);
  /* Translators: how the feedback card is read aloud: its verdict, then why */
  spoken = g_strdup_printf (C_("feedback card", "%s: %s"), word, ireason);
  set_label_a11y (card, spoken);
  gtk_box_append (self->content, card);
  self->reading_widget = card;

  guide = guide_button_new (self, choice->guide);
  if (guide != NULL)
    gtk_box_append (self->content, guide);

  button = make_button (_("Continue"), "player.advance", NULL, "suggested-action");
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "continue");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_box_append (self->content, button);

  self->view = "feedback";
  gtk_widget_grab_focus (button);
}

static void
build_ending (UpstanderPlayer *self)
{
  const UpstanderEnding *ending = upstander_session_get_ending (self->session);
  UpstanderScenario *scenario = upstander_session_get_scenario (self->session);
  guint n_found = upstander_session_get_n_endings_found (self->session);
  guint n_endings = upstander_scenario_get_n_endings (scenario);
  const char *word, *icon_name;
  g_autofree char *found = NULL;
  GtkWidget *header, *icon, *takeaways, *guide, *buttons, *button, *focus = NULL;

  switch (ending->outcome)
    {
    case UPSTANDER_OUTCOME_POSITIVE:
      word = _("A good ending");
      icon_name = "starred-symbolic";
      break;

    case UPSTANDER_OUTCOME_MIXED:
      word = _("A mixed ending");
      icon_name = "dialog-information-symbolic";
      break;

    case UPSTANDER_OUTCOME_NEGATIVE:
    default:
      word = _("A hard ending");
      icon_name = "dialog-warning-symbolic";
      break;
    }

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (header, "outcome");
  gtk_widget_add_css_class (header, upstander_outcome_to_string (ending->outcome));
  icon = gtk_image_new_from_icon_name (icon_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (header), icon);
  append_label (self, header, word, "caption-heading");
  gtk_box_append (self->content, header);

  self->reading_widget = append_label (self, GTK_WIDGET (self->content), translate (self, ending->title), "title-1");
  for (guint i = 0; i < ending->texts->len; i++)
    append_label (self, GTK_WIDGET (self->content),
                  translate (self, g_ptr_array_index (ending->texts, i)), "ending-text");

  takeaways = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (takeaways, "card");
  gtk_widget_add_css_class (takeaways, "takeaways");
  append_label (self, takeaways, _("What to remember"), "heading");
  for (guint i = 0; i < ending->takeaways->len; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *bullet = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_widget_set_valign (bullet, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bullet), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      gtk_box_append (GTK_BOX (row), bullet);
      gtk_widget_set_hexpand (append_label (self, row, translate (self, g_ptr_array_index (ending->takeaways, i)), NULL), TRUE);
      gtk_box_append (GTK_BOX (takeaways), row);
    }
  gtk_box_append (self->content, takeaways);

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
  gtk_widget_grab_focus (focus);
}

static void build_view (UpstanderPlayer *self);

static void
rebuild (UpstanderPlayer *self)
{
  build_view (self);
  /* Read aloud reads what is new (upstander_player_dup_reading). */
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
  const UpstanderScene *scene = upstander_session_get_scene (session);
  UpstanderSessionState state = upstander_session_get_state (session);

  if (state == UPSTANDER_SESSION_SCENE && scene != self->scene)
    {
      self->scene = scene;
      self->n_shown = 1;
    }

  if (state == UPSTANDER_SESSION_ENDING && self->progress != NULL)
    {
      UpstanderScenario *scenario = upstander_session_get_scenario (session);

      upstander_progress_add_ending (self->progress,
                                     upstander_scenario_get_bundle_id (scenario),
                                     upstander_scenario_get_id (scenario),
                                     upstander_scenario_get_version (scenario),
                                     upstander_session_get_ending (session)->id);
    }

  if (state != UPSTANDER_SESSION_SCENE)
    self->scene = NULL;

  rebuild (self);
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UpstanderPlayer *self = UPSTANDER_PLAYER (widget);

  if (self->session == NULL)
    return;

  self->n_shown++;
  rebuild (self);
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

  /* Back at the last decision, its lines were read already. */
  self->show_all = TRUE;
  self->scene = NULL;
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

static void
upstander_player_dispose (GObject *object)
{
  UpstanderPlayer *self = (UpstanderPlayer *)object;
  GtkWidget *child;

  upstander_player_set_session (self, NULL);
  g_clear_object (&self->progress);
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
  self->view = "none";
  gtk_widget_init_template (GTK_WIDGET (self));
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
  self->scene = NULL;
  self->n_shown = 1;
  self->show_all = FALSE;
  self->note_pending = FALSE;

  if (session != NULL)
    {
      GPtrArray *notes = upstander_scenario_get_content_notes (upstander_session_get_scenario (session));

      self->note_pending = notes != NULL && notes->len > 0;
      self->scene = upstander_session_get_scene (session);
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

/* The box the current view is built in; for tests. */
GtkWidget *
upstander_player_get_content (UpstanderPlayer *self)
{
  g_return_val_if_fail (UPSTANDER_IS_PLAYER (self), NULL);

  return GTK_WIDGET (self->content);
}

/*
 * Shows what @other shows, at the same point: its session, the lines of the
 * scene revealed so far, and whether the content note was read. For the
 * window that replaces another one after a change of language.
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

  self->scene = other->scene;
  self->n_shown = other->n_shown;
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
  g_autofree char *texts = join_texts (self, line->texts);

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
      guint n_shown = MIN (self->n_shown, lines->len);

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
      const char *word, *icon_name, *css_class;

      verdict_for (choice->effect, &word, &icon_name, &css_class);
      g_string_append (reading, word);
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
