/* upstander-transcript.c: the rows of a list of line items, kept in step with it */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include "upstander-message-row.h"
#include "upstander-narration-row.h"
#include "upstander-post-row.h"
#include "upstander-transcript.h"

/*
 * The one place a line becomes a widget, for the player, the classroom and
 * the comments under a post. It follows items-changed: a revealed line adds
 * one row and leaves the others (and the focus, and the scroll position)
 * alone. A GtkListView would recycle rows out of sight and give every line
 * a focus stop; a story scene has a handful of lines, read in order.
 */

struct _UpstanderTranscript
{
  GtkBox      parent_instance;

  GListModel *model;
};

enum {
  PROP_0,
  PROP_MODEL,
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
    case UPSTANDER_LINE_COMMENT:
      return upstander_message_row_new (item);

    case UPSTANDER_LINE_POST:
      return upstander_post_row_new (item);

    case UPSTANDER_LINE_NARRATION:
    default:
      return upstander_narration_row_new (item);
    }
}

static GtkWidget *
nth_child (UpstanderTranscript *self,
           guint                position)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));

  for (guint i = 0; child != NULL && i < position; i++)
    child = gtk_widget_get_next_sibling (child);

  return child;
}

static void
items_changed_cb (UpstanderTranscript *self,
                  guint                position,
                  guint                removed,
                  guint                added,
                  GListModel          *model)
{
  GtkWidget *before = position > 0 ? nth_child (self, position - 1) : NULL;

  for (guint i = 0; i < removed; i++)
    {
      GtkWidget *gone = before != NULL ? gtk_widget_get_next_sibling (before)
                                       : gtk_widget_get_first_child (GTK_WIDGET (self));

      if (gone != NULL)
        gtk_box_remove (GTK_BOX (self), gone);
    }

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(UpstanderLineItem) item = g_list_model_get_item (model, position + i);
      GtkWidget *row = row_new (item);

      gtk_box_insert_child_after (GTK_BOX (self), row, before);
      before = row;
    }
}

static void
upstander_transcript_dispose (GObject *object)
{
  UpstanderTranscript *self = (UpstanderTranscript *)object;

  upstander_transcript_set_model (self, NULL);

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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upstander_transcript_init (UpstanderTranscript *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 10);
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

/* Shows a row for each UpstanderLineItem of @model, and follows its changes. */
void
upstander_transcript_set_model (UpstanderTranscript *self,
                                GListModel          *model)
{
  guint removed = 0;

  g_return_if_fail (UPSTANDER_IS_TRANSCRIPT (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

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
    items_changed_cb (self, 0, 0, g_list_model_get_n_items (model), model);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODEL]);
}
