/* upstander-read-aloud.c: what "Read aloud" reads in a window, and when
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-read-aloud"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-read-aloud.h"

/*
 * Ties a window's player to the speaker: reads the player's current line
 * (feedback, ending) on demand or, with the setting on, as each appears;
 * stops when the reader leaves the story. Says for the button whether it
 * can read, and if not, why.
 */

struct _UpstanderReadAloud
{
  GObject            parent_instance;

  UpstanderSpeaker  *speaker;
  UpstanderSettings *settings;
  UpstanderPlayer   *player;   /* weak: the window owns it and us */
  GtkStack          *stack;    /* weak, likewise */

  char              *last_item;  /* what was last read, so nothing is read twice by itself */
};

enum {
  PROP_0,
  PROP_CAN_READ,
  PROP_SPEAKING,
  PROP_TOOLTIP,
  PROP_ICON_NAME,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (UpstanderReadAloud, upstander_read_aloud, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

static gboolean
on_player_page (UpstanderReadAloud *self)
{
  return self->stack != NULL && self->player != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "player") == 0;
}

/* The player highlights its current line while the speaker reads that very line. */
static void
update_highlight (UpstanderReadAloud *self)
{
  const char *speaking;
  g_autofree char *item = NULL;
  g_autofree char *text = NULL;

  if (self->player == NULL)
    return;

  speaking = upstander_speaker_get_speaking_item (self->speaker);
  if (speaking != NULL)
    text = upstander_player_dup_reading (self->player, &item, NULL);
  upstander_player_set_reading_highlight (self->player, speaking != NULL && g_strcmp0 (item, speaking) == 0);
}

static void
notify_all (UpstanderReadAloud *self)
{
  update_highlight (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_READ]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SPEAKING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOOLTIP]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ICON_NAME]);
}

static gboolean
read_current (UpstanderReadAloud *self)
{
  g_autofree char *item = NULL;
  g_autofree char *language = NULL;
  g_autofree char *text = NULL;

  if (!on_player_page (self))
    return FALSE;

  text = upstander_player_dup_reading (self->player, &item, &language);
  if (text == NULL)
    return FALSE;

  g_free (self->last_item);
  self->last_item = g_strdup (item);

  return upstander_speaker_speak (self->speaker, item, text, language);
}

static void
player_shown_cb (UpstanderReadAloud *self)
{
  g_autofree char *item = NULL;
  g_autofree char *text = NULL;

  if (!upstander_settings_get_read_aloud_automatically (self->settings) ||
      !upstander_speaker_get_available (self->speaker) ||
      !on_player_page (self))
    {
      notify_all (self);
      return;
    }

  /* A language switch rebuilds the page: the same line is not new. */
  text = upstander_player_dup_reading (self->player, &item, NULL);
  if (text != NULL && g_strcmp0 (item, self->last_item) != 0)
    read_current (self);

  notify_all (self);
}

static void
stack_visible_child_cb (UpstanderReadAloud *self)
{
  if (!on_player_page (self))
    {
      upstander_speaker_stop (self->speaker);
      g_clear_pointer (&self->last_item, g_free);
    }

  notify_all (self);
}

static void
upstander_read_aloud_dispose (GObject *object)
{
  UpstanderReadAloud *self = UPSTANDER_READ_ALOUD (object);

  if (self->player != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->player), (gpointer *) &self->player);
  if (self->stack != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->stack), (gpointer *) &self->stack);
  self->player = NULL;
  self->stack = NULL;
  g_clear_object (&self->speaker);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (upstander_read_aloud_parent_class)->dispose (object);
}

static void
upstander_read_aloud_finalize (GObject *object)
{
  UpstanderReadAloud *self = UPSTANDER_READ_ALOUD (object);

  g_clear_pointer (&self->last_item, g_free);

  G_OBJECT_CLASS (upstander_read_aloud_parent_class)->finalize (object);
}

static void
upstander_read_aloud_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  UpstanderReadAloud *self = UPSTANDER_READ_ALOUD (object);

  switch (prop_id)
    {
    case PROP_CAN_READ:
      g_value_set_boolean (value, upstander_read_aloud_get_can_read (self));
      break;

    case PROP_SPEAKING:
      g_value_set_boolean (value, upstander_read_aloud_get_speaking (self));
      break;

    case PROP_TOOLTIP:
      g_value_set_string (value, upstander_read_aloud_get_tooltip (self));
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, upstander_read_aloud_get_speaking (self)
                                 ? "media-playback-stop-symbolic" : "audio-volume-high-symbolic");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_read_aloud_class_init (UpstanderReadAloudClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = upstander_read_aloud_dispose;
  object_class->finalize = upstander_read_aloud_finalize;
  object_class->get_property = upstander_read_aloud_get_property;

  properties [PROP_CAN_READ] =
    g_param_spec_boolean ("can-read", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties [PROP_SPEAKING] =
    g_param_spec_boolean ("speaking", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties [PROP_TOOLTIP] =
    g_param_spec_string ("tooltip", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties [PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upstander_read_aloud_init (UpstanderReadAloud *self)
{
}

UpstanderReadAloud *
upstander_read_aloud_new (UpstanderSpeaker  *speaker,
                          UpstanderSettings *settings,
                          UpstanderPlayer   *player,
                          GtkStack          *stack)
{
  UpstanderReadAloud *self;

  g_return_val_if_fail (UPSTANDER_IS_SPEAKER (speaker), NULL);
  g_return_val_if_fail (UPSTANDER_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (UPSTANDER_IS_PLAYER (player), NULL);
  g_return_val_if_fail (GTK_IS_STACK (stack), NULL);

  self = g_object_new (UPSTANDER_TYPE_READ_ALOUD, NULL);
  self->speaker = g_object_ref (speaker);
  self->settings = g_object_ref (settings);
  self->player = player;
  g_object_add_weak_pointer (G_OBJECT (player), (gpointer *) &self->player);
  self->stack = stack;
  g_object_add_weak_pointer (G_OBJECT (stack), (gpointer *) &self->stack);

  g_signal_connect_object (speaker, "notify::available", G_CALLBACK (notify_all), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (speaker, "notify::unavailable-reason", G_CALLBACK (notify_all), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (speaker, "notify::speaking-item", G_CALLBACK (notify_all), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (player, "shown", G_CALLBACK (player_shown_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (stack, "notify::visible-child", G_CALLBACK (stack_visible_child_cb), self, G_CONNECT_SWAPPED);

  return self;
}

/* Whether there is something to read and a speech service to read it. */
gboolean
upstander_read_aloud_get_can_read (UpstanderReadAloud *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (UPSTANDER_IS_READ_ALOUD (self), FALSE);

  if (!upstander_speaker_get_available (self->speaker) || !on_player_page (self))
    return FALSE;

  text = upstander_player_dup_reading (self->player, NULL, NULL);

  return text != NULL;
}

/* Whether the speaker is reading something now (the button then stops it). */
gboolean
upstander_read_aloud_get_speaking (UpstanderReadAloud *self)
{
  g_return_val_if_fail (UPSTANDER_IS_READ_ALOUD (self), FALSE);

  return upstander_speaker_get_speaking_item (self->speaker) != NULL;
}

/* The button's tooltip: what it does, or why it cannot. */
const char *
upstander_read_aloud_get_tooltip (UpstanderReadAloud *self)
{
  g_return_val_if_fail (UPSTANDER_IS_READ_ALOUD (self), NULL);

  if (!upstander_speaker_get_available (self->speaker))
    return upstander_speaker_get_unavailable_reason (self->speaker);
  if (upstander_read_aloud_get_speaking (self))
    return _("Stop reading (F8)");
  if (!upstander_read_aloud_get_can_read (self))
    return _("Nothing to read aloud on this page");

  return _("Read aloud (F8)");
}

/* Reads the current line, or stops if something is being read. */
void
upstander_read_aloud_toggle (UpstanderReadAloud *self)
{
  g_return_if_fail (UPSTANDER_IS_READ_ALOUD (self));

  if (upstander_read_aloud_get_speaking (self))
    upstander_speaker_stop (self->speaker);
  else
    read_current (self);

  notify_all (self);
}
