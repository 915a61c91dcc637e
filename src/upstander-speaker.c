/* upstander-speaker.c: reads text aloud through speech-dispatcher
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-speaker"

#include "config.h"

#include <glib/gi18n.h>
#include <speech-dispatcher/libspeechd.h>

#include "upstander-speaker.h"

/*
 * speech-dispatcher is the service Orca uses; with espeak-ng it has voices
 * for all six of the app's languages. The app connects in a worker thread,
 * so a slow or missing server never delays the first frame, and works on
 * without it: the speaker is then "unavailable" and says why.
 *
 * libspeechd reports when a message starts and ends from a thread of its
 * own, through callbacks that carry only the message and client ids. They
 * find the speaker by its client id in a table under a lock, and hand the
 * event to the main context; everything else happens on the main thread.
 */

struct _UpstanderSpeaker
{
  GObject        parent_instance;

  SPDConnection *connection;      /* NULL until connected, or without a server */
  guint          client_id;
  GMainContext  *context;
  GCancellable  *cancellable;

  char          *unavailable_reason;
  char          *speaking_item;   /* what is being read now, for highlighting */
  guint          speaking_message;
  GHashTable    *items_by_message; /* message id → item, for what was sent */

  guint          autospawn : 1;
  guint          connecting : 1;
};

enum {
  PROP_0,
  PROP_AUTOSPAWN,
  PROP_AVAILABLE,
  PROP_CONNECTING,
  PROP_UNAVAILABLE_REASON,
  PROP_SPEAKING_ITEM,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (UpstanderSpeaker, upstander_speaker, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

/* client id → UpstanderSpeaker, for libspeechd's callbacks; under speakers_lock. */
static GMutex speakers_lock;
static GHashTable *speakers_by_client;

typedef struct
{
  guint               client_id;
  guint               message_id;
  SPDNotificationType state;
} Event;

static void
set_speaking (UpstanderSpeaker *self,
              guint             message_id,
              const char       *item)
{
  self->speaking_message = message_id;
  if (g_strcmp0 (self->speaking_item, item) == 0)
    return;

  g_free (self->speaking_item);
  self->speaking_item = g_strdup (item);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SPEAKING_ITEM]);
}

/* On the main thread: the speaker, if it still exists, learns what the server did. */
static gboolean
dispatch_event_cb (gpointer data)
{
  Event *event = data;
  UpstanderSpeaker *self;

  g_mutex_lock (&speakers_lock);
  self = speakers_by_client != NULL
         ? g_hash_table_lookup (speakers_by_client, GUINT_TO_POINTER (event->client_id))
         : NULL;
  g_mutex_unlock (&speakers_lock);

  /* Only the main thread removes a speaker from the table, so it cannot
   * go away between the lookup and here. */
  if (self == NULL)
    return G_SOURCE_REMOVE;

  switch (event->state)
    {
    case SPD_EVENT_BEGIN:
      {
        const char *item = g_hash_table_lookup (self->items_by_message,
                                                GUINT_TO_POINTER (event->message_id));

        if (item != NULL)
          set_speaking (self, event->message_id, item);
      }
      break;

    case SPD_EVENT_END:
    case SPD_EVENT_CANCEL:
      g_hash_table_remove (self->items_by_message, GUINT_TO_POINTER (event->message_id));
      if (self->speaking_message == event->message_id)
        set_speaking (self, 0, NULL);
      break;

    default:
      break;
    }

  return G_SOURCE_REMOVE;
}

/* On libspeechd's thread. */
static void
speech_event_cb (size_t              message_id,
                 size_t              client_id,
                 SPDNotificationType state)
{
  UpstanderSpeaker *self = NULL;
  Event *event;
  GMainContext *context = NULL;

  g_mutex_lock (&speakers_lock);
  if (speakers_by_client != NULL)
    self = g_hash_table_lookup (speakers_by_client, GUINT_TO_POINTER (client_id));
  if (self != NULL)
    context = g_main_context_ref (self->context);
  g_mutex_unlock (&speakers_lock);

  if (context == NULL)
    return;

  event = g_new0 (Event, 1);
  event->client_id = client_id;
  event->message_id = message_id;
  event->state = state;
  g_main_context_invoke_full (context, G_PRIORITY_DEFAULT, dispatch_event_cb, event, g_free);
  g_main_context_unref (context);
}

static void
connect_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  gboolean autospawn = GPOINTER_TO_INT (task_data);
  SPDConnection *connection;
  char *error_message = NULL;

  /* NULL: the address speech-dispatcher's own clients use (SPEECHD_ADDRESS,
   * else the user's socket), so Orca and the app share one server. */
  connection = spd_open2 ("upstander", "main", NULL, SPD_MODE_THREADED, NULL, autospawn, &error_message);
  if (connection == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED, "%s",
                               error_message != NULL ? error_message : "no speech-dispatcher");
      free (error_message);
      return;
    }

  free (error_message);
  g_task_return_pointer (task, connection, (GDestroyNotify) spd_close);
}

static void
set_reason (UpstanderSpeaker *self,
            const char       *reason)
{
  if (g_strcmp0 (self->unavailable_reason, reason) == 0)
    return;

  g_free (self->unavailable_reason);
  self->unavailable_reason = g_strdup (reason);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UNAVAILABLE_REASON]);
}

static void
connected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  UpstanderSpeaker *self = UPSTANDER_SPEAKER (object);
  g_autoptr(GError) error = NULL;
  SPDConnection *connection;

  connection = g_task_propagate_pointer (G_TASK (result), &error);
  self->connecting = FALSE;

  if (connection == NULL)
    {
      g_debug ("No speech: %s", error->message);
      set_reason (self, _("Reading aloud needs the speech service (speech-dispatcher), which is not running on this computer."));
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONNECTING]);
      return;
    }

  self->connection = connection;
  self->client_id = spd_get_client_id (connection);
  connection->callback_begin = speech_event_cb;
  connection->callback_end = speech_event_cb;
  connection->callback_cancel = speech_event_cb;
  spd_set_notification_on (connection, SPD_BEGIN);
  spd_set_notification_on (connection, SPD_END);
  spd_set_notification_on (connection, SPD_CANCEL);

  g_mutex_lock (&speakers_lock);
  if (speakers_by_client == NULL)
    speakers_by_client = g_hash_table_new (NULL, NULL);
  g_hash_table_insert (speakers_by_client, GUINT_TO_POINTER (self->client_id), self);
  g_mutex_unlock (&speakers_lock);

  set_reason (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONNECTING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AVAILABLE]);
}

static void
upstander_speaker_constructed (GObject *object)
{
  UpstanderSpeaker *self = UPSTANDER_SPEAKER (object);
  g_autoptr(GTask) task = NULL;

  G_OBJECT_CLASS (upstander_speaker_parent_class)->constructed (object);

  self->connecting = TRUE;
  task = g_task_new (self, self->cancellable, connected_cb, NULL);
  g_task_set_source_tag (task, upstander_speaker_constructed);
  g_task_set_task_data (task, GINT_TO_POINTER (self->autospawn), NULL);
  g_task_run_in_thread (task, connect_in_thread);
}

static void
upstander_speaker_dispose (GObject *object)
{
  UpstanderSpeaker *self = UPSTANDER_SPEAKER (object);

  g_cancellable_cancel (self->cancellable);

  if (self->connection != NULL)
    {
      g_mutex_lock (&speakers_lock);
      g_hash_table_remove (speakers_by_client, GUINT_TO_POINTER (self->client_id));
      g_mutex_unlock (&speakers_lock);

      spd_cancel (self->connection);
      /* Joins libspeechd's thread: no callback runs for us after this. */
      g_clear_pointer (&self->connection, spd_close);
    }

  G_OBJECT_CLASS (upstander_speaker_parent_class)->dispose (object);
}

static void
upstander_speaker_finalize (GObject *object)
{
  UpstanderSpeaker *self = UPSTANDER_SPEAKER (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->unavailable_reason, g_free);
  g_clear_pointer (&self->speaking_item, g_free);
  g_clear_pointer (&self->items_by_message, g_hash_table_unref);

  G_OBJECT_CLASS (upstander_speaker_parent_class)->finalize (object);
}

static void
upstander_speaker_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  UpstanderSpeaker *self = UPSTANDER_SPEAKER (object);

  switch (prop_id)
    {
    case PROP_AUTOSPAWN:
      g_value_set_boolean (value, self->autospawn);
      break;

    case PROP_AVAILABLE:
      g_value_set_boolean (value, upstander_speaker_get_available (self));
      break;

    case PROP_CONNECTING:
      g_value_set_boolean (value, self->connecting);
      break;

    case PROP_UNAVAILABLE_REASON:
      g_value_set_string (value, upstander_speaker_get_unavailable_reason (self));
      break;

    case PROP_SPEAKING_ITEM:
      g_value_set_string (value, self->speaking_item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_speaker_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  UpstanderSpeaker *self = UPSTANDER_SPEAKER (object);

  switch (prop_id)
    {
    case PROP_AUTOSPAWN:
      self->autospawn = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_speaker_class_init (UpstanderSpeakerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = upstander_speaker_constructed;
  object_class->dispose = upstander_speaker_dispose;
  object_class->finalize = upstander_speaker_finalize;
  object_class->get_property = upstander_speaker_get_property;
  object_class->set_property = upstander_speaker_set_property;

  /**
   * UpstanderSpeaker:autospawn:
   *
   * Whether to start the user's speech-dispatcher when none is running, as
   * Orca does.
   */
  properties [PROP_AUTOSPAWN] =
    g_param_spec_boolean ("autospawn", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties [PROP_CONNECTING] =
    g_param_spec_boolean ("connecting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * UpstanderSpeaker:unavailable-reason:
   *
   * A sentence for a tooltip saying why nothing can be read aloud, or %NULL
   * when something can.
   */
  properties [PROP_UNAVAILABLE_REASON] =
    g_param_spec_string ("unavailable-reason", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * UpstanderSpeaker:speaking-item:
   *
   * The item (as given to upstander_speaker_speak()) the server is reading
   * now, or %NULL: a view highlights it.
   */
  properties [PROP_SPEAKING_ITEM] =
    g_param_spec_string ("speaking-item", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upstander_speaker_init (UpstanderSpeaker *self)
{
  self->autospawn = TRUE;
  self->context = g_main_context_ref_thread_default ();
  self->cancellable = g_cancellable_new ();
  self->items_by_message = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->unavailable_reason = g_strdup (_("Starting the speech service…"));
}

/**
 * upstander_speaker_new:
 * @autospawn: whether to start the user's speech-dispatcher if none runs
 *
 * Starts connecting in the background; #UpstanderSpeaker:available turns
 * %TRUE once connected.
 */
UpstanderSpeaker *
upstander_speaker_new (gboolean autospawn)
{
  return g_object_new (UPSTANDER_TYPE_SPEAKER, "autospawn", autospawn, NULL);
}

gboolean
upstander_speaker_get_available (UpstanderSpeaker *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SPEAKER (self), FALSE);

  return self->connection != NULL;
}

/* Whether the first connection attempt is still under way. */
gboolean
upstander_speaker_get_connecting (UpstanderSpeaker *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SPEAKER (self), FALSE);

  return self->connecting;
}

const char *
upstander_speaker_get_unavailable_reason (UpstanderSpeaker *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SPEAKER (self), NULL);

  return self->connection != NULL ? NULL : self->unavailable_reason;
}

const char *
upstander_speaker_get_speaking_item (UpstanderSpeaker *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SPEAKER (self), NULL);

  return self->speaking_item;
}

/* speech-dispatcher takes RFC 5646 tags ("zh-CN"); gettext names say "zh_CN". */
static char *
speech_language (const char *language)
{
  g_autofree char *tag = g_strdup (language);
  char *at = strchr (tag, '@');

  if (at != NULL)
    *at = '\0';
  at = strchr (tag, '.');
  if (at != NULL)
    *at = '\0';
  g_strdelimit (tag, "_", '-');

  return g_steal_pointer (&tag);
}

/**
 * upstander_speaker_speak:
 * @item: names what is read, for #UpstanderSpeaker:speaking-item
 * @text: plain text
 * @language: (nullable): the text's language, such as "ar" or "zh_CN"
 *
 * Stops whatever is being read and reads @text in @language.
 *
 * Returns: %FALSE when there is no speech server to read it
 */
gboolean
upstander_speaker_speak (UpstanderSpeaker *self,
                         const char       *item,
                         const char       *text,
                         const char       *language)
{
  int message_id;

  g_return_val_if_fail (UPSTANDER_IS_SPEAKER (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (self->connection == NULL)
    return FALSE;

  upstander_speaker_stop (self);

  if (language != NULL && language[0] != '\0')
    {
      g_autofree char *tag = speech_language (language);

      /* Per message: a story may fall back to another language line by line. */
      if (spd_set_language (self->connection, tag) != 0)
        g_debug ("speech-dispatcher refused language %s", tag);
    }

  /* libspeechd escapes the protocol's end-of-message line itself: story
   * text goes through as it is, never as a format. */
  message_id = spd_say (self->connection, SPD_TEXT, text);
  if (message_id < 0)
    return FALSE;

  g_hash_table_insert (self->items_by_message, GUINT_TO_POINTER ((guint) message_id), g_strdup (item));

  return TRUE;
}

/* Stops reading at once: for a new text, Stop, and quick exit. */
void
upstander_speaker_stop (UpstanderSpeaker *self)
{
  g_return_if_fail (UPSTANDER_IS_SPEAKER (self));

  if (self->connection != NULL)
    spd_cancel (self->connection);

  g_hash_table_remove_all (self->items_by_message);
  set_speaking (self, 0, NULL);
}
