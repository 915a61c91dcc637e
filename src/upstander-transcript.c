/* upstander-transcript.c: the rows of a list of line items, kept in step with it
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include "upstander-lobby-row.h"
#include "upstander-message-row.h"
#include "upstander-narration-row.h"
#include "upstander-post-row.h"
#include "upstander-transcript.h"
#include "upstander-typing-row.h"
#include "upstander-words.h"

/*
 * The one place a line becomes a widget, for the player, the classroom and
 * the comments under a post. It follows items-changed: a revealed line adds
 * one row and leaves the others (and the focus, and the scroll position)
 * alone. A GtkListView would recycle rows out of sight and give every line
 * a focus stop; a story scene has a handful of lines, read in order.
 *
 * With "typing" on (the player), an incoming message in a chat place that is
 * revealed on its own first shows a typing row for TYPING_MS, as a phone
 * would: also the message that opens a scene, which arrives as the only
 * line of the model. Its message row is made at once, hidden, right after the typing
 * row: the rows stay one per line, so a line is never lost nor shown twice,
 * and upstander_transcript_finish_typing() (the reader asking for the next
 * line) shows it at once. No typing row when animations are off.
 *
 * Only lines that arrive are typed. The lines a model already holds when it
 * is given were revealed before: a window rebuilt in another language shows
 * them at once, as they were. The one exception, the message that opens a
 * story (revealed as the session is made, before any view has it), is the
 * player's to ask for: upstander_transcript_type_last_line().
 */

#define TYPING_MS 800

struct _UpstanderTranscript
{
  GtkBox      parent_instance;

  GListModel *model;
  gboolean    typing;
  GtkWidget  *typing_row;     /* shown instead of the hidden row after it */
  int         avatar_size;    /* given to every row */
  guint       typing_source;
};

enum {
  PROP_0,
  PROP_MODEL,
  PROP_TYPING,
  PROP_LINE_PENDING,
  PROP_AVATAR_SIZE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (UpstanderTranscript, upstander_transcript, GTK_TYPE_BOX)

static GParamSpec *properties [N_PROPS];

static GtkWidget *
row_new (UpstanderLineItem *item)
{
  switch (upstander_line_item_get_kind (item))
    {
    case UPSTANDER_LINE_MESSAGE:
      if (upstander_line_item_get_place (item) == UPSTANDER_PLACE_GAME_LOBBY)
        return upstander_lobby_row_new (item);
      return upstander_message_row_new (item);

    case UPSTANDER_LINE_COMMENT:
      return upstander_message_row_new (item);

    case UPSTANDER_LINE_POST:
      return upstander_post_row_new (item);

    case UPSTANDER_LINE_NARRATION:
    default:
      return upstander_narration_row_new (item);
    }
}

/* The row of line @position; a typing row belongs to no line and is skipped. */
static GtkWidget *
nth_child (UpstanderTranscript *self,
           guint                position)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));

  for (guint i = 0; child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (child == self->typing_row)
        continue;
      if (i++ == position)
        break;
    }

  return child;
}

static void
show_typed_row (UpstanderTranscript *self)
{
  GtkWidget *row = gtk_widget_get_next_sibling (self->typing_row);

  g_clear_handle_id (&self->typing_source, g_source_remove);
  gtk_box_remove (GTK_BOX (self), g_steal_pointer (&self->typing_row));
  gtk_widget_set_visible (row, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LINE_PENDING]);
}

static gboolean
typing_done_cb (gpointer data)
{
  UpstanderTranscript *self = data;

  self->typing_source = 0;
  show_typed_row (self);

  return G_SOURCE_REMOVE;
}

static gboolean
animations_enabled (UpstanderTranscript *self)
{
  gboolean enabled = FALSE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled, NULL);

  return enabled;
}

/* Whether @item, revealed on its own as the last line, first shows a typing row. */
static gboolean
types_first (UpstanderTranscript *self,
             UpstanderLineItem   *item)
{
  return self->typing &&
         upstander_line_item_get_kind (item) == UPSTANDER_LINE_MESSAGE &&
         g_str_equal (upstander_place_style (upstander_line_item_get_place (item)), "chat") &&
         !upstander_line_item_get_from_player (item) &&
         animations_enabled (self);
}

/* Adds rows for @added lines of @model from @position, none typed. */
static void
add_rows (UpstanderTranscript *self,
          GListModel          *model,
          guint                position,
          guint                added,
          GtkWidget           *before)
{
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(UpstanderLineItem) item = g_list_model_get_item (model, position + i);
      GtkWidget *row = row_new (item);

      upstander_line_row_set_avatar_size (UPSTANDER_LINE_ROW (row), self->avatar_size);
      gtk_box_insert_child_after (GTK_BOX (self), row, before);
      before = row;
    }
}

static void
items_changed_cb (UpstanderTranscript *self,
                  guint                position,
                  guint                removed,
                  guint                added,
                  GListModel          *model)
{
  GtkWidget *before;

  /* Whatever changes, the line being typed is shown first, as it is. */
  upstander_transcript_finish_typing (self);
  before = position > 0 ? nth_child (self, position - 1) : NULL;

  for (guint i = 0; i < removed; i++)
    {
      GtkWidget *gone = before != NULL ? gtk_widget_get_next_sibling (before)
                                       : gtk_widget_get_first_child (GTK_WIDGET (self));

      if (gone != NULL)
        gtk_box_remove (GTK_BOX (self), gone);
    }

  add_rows (self, model, position, added, before);

  /* A line revealed on its own, at the end, arrives as on a phone. */
  if (added == 1 && removed == 0 && position + 1 == g_list_model_get_n_items (model))
    upstander_transcript_type_last_line (self);
}

static void
upstander_transcript_dispose (GObject *object)
{
  UpstanderTranscript *self = (UpstanderTranscript *)object;

  upstander_transcript_set_model (self, NULL);
  g_clear_handle_id (&self->typing_source, g_source_remove);

  G_OBJECT_CLASS (upstander_transcript_parent_class)->dispose (object);
}

static void
upstander_transcript_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  UpstanderTranscript *self = UPSTANDER_TRANSCRIPT (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_TYPING:
      g_value_set_boolean (value, self->typing);
      break;

    case PROP_LINE_PENDING:
      g_value_set_boolean (value, upstander_transcript_get_line_pending (self));
      break;

    case PROP_AVATAR_SIZE:
      g_value_set_int (value, self->avatar_size);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_transcript_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  UpstanderTranscript *self = UPSTANDER_TRANSCRIPT (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      upstander_transcript_set_model (self, g_value_get_object (value));
      break;

    case PROP_TYPING:
      upstander_transcript_set_typing (self, g_value_get_boolean (value));
      break;

    case PROP_AVATAR_SIZE:
      upstander_transcript_set_avatar_size (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_transcript_class_init (UpstanderTranscriptClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = upstander_transcript_dispose;
  object_class->get_property = upstander_transcript_get_property;
  object_class->set_property = upstander_transcript_set_property;

  properties [PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TYPING] =
    g_param_spec_boolean ("typing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Whether a line is shown as "… is typing" for now: what comes after it waits. */
  properties [PROP_LINE_PENDING] =
    g_param_spec_boolean ("line-pending", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The speakers' avatars beside chat messages: larger when the type is room-sized. */
  properties [PROP_AVATAR_SIZE] =
    g_param_spec_int ("avatar-size", NULL, NULL,
                      16, 256, UPSTANDER_AVATAR_SIZE_DEFAULT,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upstander_transcript_init (UpstanderTranscript *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 10);
  self->avatar_size = UPSTANDER_AVATAR_SIZE_DEFAULT;
}

GtkWidget *
upstander_transcript_new (void)
{
  return g_object_new (UPSTANDER_TYPE_TRANSCRIPT, NULL);
}

GListModel *
upstander_transcript_get_model (UpstanderTranscript *self)
{
  g_return_val_if_fail (UPSTANDER_IS_TRANSCRIPT (self), NULL);

  return self->model;
}

/**
 * upstander_transcript_set_model:
 * @model: (nullable): a list of UpstanderLineItem
 *
 * Shows a row for each line of @model, and follows its changes. The lines
 * it holds now show at once, none typed: they were revealed before (see
 * upstander_transcript_type_last_line() for the message that opens a story).
 */
void
upstander_transcript_set_model (UpstanderTranscript *self,
                                GListModel          *model)
{
  guint removed = 0;

  g_return_if_fail (UPSTANDER_IS_TRANSCRIPT (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  upstander_transcript_finish_typing (self);
  if (self->model != NULL)
    {
      removed = g_list_model_get_n_items (self->model);
      g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
    }

  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);

  /* Rows of the old model go, rows of the new one come, in one step. */
  while (removed-- > 0 && gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    gtk_box_remove (GTK_BOX (self), gtk_widget_get_first_child (GTK_WIDGET (self)));
  if (model != NULL)
    add_rows (self, model, 0, g_list_model_get_n_items (model), NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODEL]);
}

/**
 * upstander_transcript_type_last_line:
 *
 * The model's last line arrives now, as a line revealed on its own does:
 * typed first if it is an incoming chat message (and typing is on). For the
 * message that opens a story, which the session revealed before the
 * transcript had its model.
 */
void
upstander_transcript_type_last_line (UpstanderTranscript *self)
{
  g_autoptr(UpstanderLineItem) last = NULL;
  GtkWidget *row;
  guint n_items;

  g_return_if_fail (UPSTANDER_IS_TRANSCRIPT (self));

  n_items = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  if (n_items == 0 || self->typing_row != NULL)
    return;

  last = g_list_model_get_item (self->model, n_items - 1);
  if (!types_first (self, last))
    return;

  /* Its row stays, hidden, right after the typing row that shows instead. */
  row = gtk_widget_get_last_child (GTK_WIDGET (self));
  self->typing_row = upstander_typing_row_new (last);
  upstander_line_row_set_avatar_size (UPSTANDER_LINE_ROW (self->typing_row), self->avatar_size);
  gtk_widget_insert_before (self->typing_row, GTK_WIDGET (self), row);
  gtk_widget_set_visible (row, FALSE);
  self->typing_source = g_timeout_add (TYPING_MS, typing_done_cb, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LINE_PENDING]);
}

gboolean
upstander_transcript_get_typing (UpstanderTranscript *self)
{
  g_return_val_if_fail (UPSTANDER_IS_TRANSCRIPT (self), FALSE);

  return self->typing;
}

/* Whether incoming chat messages show "… is typing" before they appear. */
void
upstander_transcript_set_typing (UpstanderTranscript *self,
                                 gboolean             typing)
{
  g_return_if_fail (UPSTANDER_IS_TRANSCRIPT (self));

  typing = !!typing;
  if (self->typing == typing)
    return;

  self->typing = typing;
  if (!typing)
    upstander_transcript_finish_typing (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TYPING]);
}

gboolean
upstander_transcript_get_line_pending (UpstanderTranscript *self)
{
  g_return_val_if_fail (UPSTANDER_IS_TRANSCRIPT (self), FALSE);

  return self->typing_row != NULL;
}

/**
 * upstander_transcript_finish_typing:
 *
 * Shows the message being typed at once, in place of its typing row.
 *
 * Returns: whether a message was being typed
 */
gboolean
upstander_transcript_finish_typing (UpstanderTranscript *self)
{
  g_return_val_if_fail (UPSTANDER_IS_TRANSCRIPT (self), FALSE);

  if (self->typing_row == NULL)
    return FALSE;

  show_typed_row (self);

  return TRUE;
}

int
upstander_transcript_get_avatar_size (UpstanderTranscript *self)
{
  g_return_val_if_fail (UPSTANDER_IS_TRANSCRIPT (self), UPSTANDER_AVATAR_SIZE_DEFAULT);

  return self->avatar_size;
}

/* The avatars of the rows shown, and of those to come, follow at once. */
void
upstander_transcript_set_avatar_size (UpstanderTranscript *self,
                                      int                  size)
{
  g_return_if_fail (UPSTANDER_IS_TRANSCRIPT (self));
  g_return_if_fail (size >= 16 && size <= 256);

  if (self->avatar_size == size)
    return;

  self->avatar_size = size;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self)); row != NULL; row = gtk_widget_get_next_sibling (row))
    upstander_line_row_set_avatar_size (UPSTANDER_LINE_ROW (row), size);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AVATAR_SIZE]);
}
