/* upstander-player.c: plays one session: scenes, choices, feedback, endings */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "upstander-player.h"

/*
 * The view asks the session what to show and tells it what the reader did;
 * it holds no rules of play. Every text from a bundle goes through
 * gtk_label_set_text(): it is never markup.
 */

struct _UpstanderPlayer
{
  GtkWidget parent_instance;

  UpstanderSession *session;

  GtkWidget *scroller;
  GtkBox    *content;
};

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (UpstanderPlayer, upstander_player, GTK_TYPE_WIDGET)

static GParamSpec *properties [N_PROPS];

static const char *
translate (UpstanderPlayer     *self,
           const UpstanderText *text)
{
  return upstander_scenario_translate (upstander_session_get_scenario (self->session), text);
}

static GtkWidget *
add_label (UpstanderPlayer *self,
           const char      *text,
           const char      *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);
  gtk_box_append (self->content, label);

  return label;
}

static GtkWidget *
add_button (UpstanderPlayer *self,
            const char      *text,
            GCallback        callback,
            gpointer         data)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  g_object_set_data (G_OBJECT (button), "upstander-data", data);
  g_signal_connect_swapped (button, "clicked", callback, self);
  gtk_box_append (self->content, button);

  return button;
}

static void rebuild (UpstanderPlayer *self);

static void
choice_clicked_cb (UpstanderPlayer *self,
                   GtkButton       *button)
{
  const UpstanderChoice *choice = g_object_get_data (G_OBJECT (button), "upstander-data");

  upstander_session_choose (self->session, choice->id, NULL);
}

static void
continue_clicked_cb (UpstanderPlayer *self)
{
  upstander_session_advance (self->session, NULL);
}

static void
rewind_clicked_cb (UpstanderPlayer *self)
{
  upstander_session_rewind (self->session);
}

static void
add_lines (UpstanderPlayer *self)
{
  UpstanderScenario *scenario = upstander_session_get_scenario (self->session);
  g_autoptr(GPtrArray) lines = upstander_session_dup_visible_lines (self->session);

  for (guint i = 0; i < lines->len; i++)
    {
      const UpstanderLine *line = g_ptr_array_index (lines, i);

      for (guint t = 0; t < line->texts->len; t++)
        {
          const char *text = translate (self, g_ptr_array_index (line->texts, t));
          g_autofree char *said = NULL;

          if (line->from != NULL)
            said = g_strdup_printf (C_("chat line", "%s: %s"),
                                    upstander_scenario_translate (scenario, line->from->name), text);
          add_label (self, said != NULL ? said : text, NULL);
        }
    }
}

static void
rebuild (UpstanderPlayer *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);

  if (self->session == NULL)
    return;

  switch (upstander_session_get_state (self->session))
    {
    case UPSTANDER_SESSION_SCENE:
      {
        const UpstanderScene *scene = upstander_session_get_scene (self->session);
        g_autoptr(GPtrArray) choices = upstander_session_dup_choices (self->session);

        if (scene->title != NULL)
          add_label (self, translate (self, scene->title), "title-2");
        add_lines (self);

        if (scene->decision != NULL)
          {
            add_label (self, translate (self, scene->decision->prompt), "title-3");
            for (guint i = 0; i < choices->len; i++)
              {
                const UpstanderChoice *choice = g_ptr_array_index (choices, i);

                add_button (self, translate (self, choice->label),
                            G_CALLBACK (choice_clicked_cb), (gpointer) choice);
              }
          }
        else
          {
            add_button (self, _("Continue"), G_CALLBACK (continue_clicked_cb), NULL);
          }
      }
      break;

    case UPSTANDER_SESSION_FEEDBACK:
      {
        const UpstanderChoice *choice = upstander_session_get_last_choice (self->session);

        add_label (self, translate (self, choice->label), "title-3");
        for (guint i = 0; i < choice->feedback->len; i++)
          add_label (self, translate (self, g_ptr_array_index (choice->feedback, i)), NULL);
        add_button (self, _("Continue"), G_CALLBACK (continue_clicked_cb), NULL);
      }
      break;

    case UPSTANDER_SESSION_ENDING:
      {
        const UpstanderEnding *ending = upstander_session_get_ending (self->session);

        add_label (self, translate (self, ending->title), "title-1");
        for (guint i = 0; i < ending->texts->len; i++)
          add_label (self, translate (self, g_ptr_array_index (ending->texts, i)), NULL);
        for (guint i = 0; i < ending->takeaways->len; i++)
          add_label (self, translate (self, g_ptr_array_index (ending->takeaways, i)), NULL);
        if (upstander_session_can_rewind (self->session))
          add_button (self, _("Try another choice"), G_CALLBACK (rewind_clicked_cb), NULL);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
upstander_player_dispose (GObject *object)
{
  UpstanderPlayer *self = (UpstanderPlayer *)object;

  upstander_player_set_session (self, NULL);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);

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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "player");
}

static void
upstander_player_init (UpstanderPlayer *self)
{
  GtkWidget *clamp = adw_clamp_new ();

  self->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  gtk_widget_set_margin_top (GTK_WIDGET (self->content), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->content), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->content), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->content), 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->content));

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
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
    g_signal_handlers_disconnect_by_func (self->session, rebuild, self);

  g_set_object (&self->session, session);

  if (session != NULL)
    g_signal_connect_swapped (session, "changed", G_CALLBACK (rebuild), self);

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}
