/* upstander-line-row.c: what every row of a transcript shares: the line item it shows
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include "upstander-avatar.h"
#include "upstander-line-row.h"
#include "upstander-transcript.h"

/*
 * The message, narration and post rows are templates whose labels bind to
 * this "item" property; the subclasses add only their template and what
 * depends on the item beyond a binding. Their avatars bind to
 * "avatar-size", which the transcript sets: larger on a projector.
 */

typedef struct
{
  UpstanderLineItem *item;
  int                avatar_size;
} UpstanderLineRowPrivate;

enum {
  PROP_0,
  PROP_ITEM,
  PROP_AVATAR_SIZE,
  N_PROPS
};

G_DEFINE_TYPE_WITH_PRIVATE (UpstanderLineRow, upstander_line_row, GTK_TYPE_WIDGET)

static GParamSpec *properties [N_PROPS];

static void
upstander_line_row_dispose (GObject *object)
{
  UpstanderLineRow *self = (UpstanderLineRow *)object;
  UpstanderLineRowPrivate *priv = upstander_line_row_get_instance_private (self);
  GtkWidget *child;

  /* The subclass disposed of its template first; what is left is parented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&priv->item);

  G_OBJECT_CLASS (upstander_line_row_parent_class)->dispose (object);
}

static void
upstander_line_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  UpstanderLineRow *self = UPSTANDER_LINE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, upstander_line_row_get_item (self));
      break;

    case PROP_AVATAR_SIZE:
      g_value_set_int (value, upstander_line_row_get_avatar_size (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_line_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  UpstanderLineRow *self = UPSTANDER_LINE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      upstander_line_row_set_item (self, g_value_get_object (value));
      break;

    case PROP_AVATAR_SIZE:
      upstander_line_row_set_avatar_size (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_line_row_class_init (UpstanderLineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = upstander_line_row_dispose;
  object_class->get_property = upstander_line_row_get_property;
  object_class->set_property = upstander_line_row_set_property;

  properties [PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         UPSTANDER_TYPE_LINE_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The size of a chat message's avatar; comments and posts derive theirs from it. */
  properties [PROP_AVATAR_SIZE] =
    g_param_spec_int ("avatar-size", NULL, NULL,
                      16, 256, UPSTANDER_AVATAR_SIZE_DEFAULT,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A row is read by its content, never by its type name. */
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GENERIC);

  /* The templates name these types. */
  g_type_ensure (UPSTANDER_TYPE_LINE_ITEM);
  g_type_ensure (UPSTANDER_TYPE_TRANSCRIPT);
  g_type_ensure (UPSTANDER_TYPE_AVATAR);
}

static void
upstander_line_row_init (UpstanderLineRow *self)
{
  UpstanderLineRowPrivate *priv = upstander_line_row_get_instance_private (self);

  priv->avatar_size = UPSTANDER_AVATAR_SIZE_DEFAULT;
}

UpstanderLineItem *
upstander_line_row_get_item (UpstanderLineRow *self)
{
  UpstanderLineRowPrivate *priv = upstander_line_row_get_instance_private (self);

  g_return_val_if_fail (UPSTANDER_IS_LINE_ROW (self), NULL);

  return priv->item;
}

void
upstander_line_row_set_item (UpstanderLineRow  *self,
                             UpstanderLineItem *item)
{
  UpstanderLineRowPrivate *priv = upstander_line_row_get_instance_private (self);

  g_return_if_fail (UPSTANDER_IS_LINE_ROW (self));
  g_return_if_fail (item == NULL || UPSTANDER_IS_LINE_ITEM (item));

  if (!g_set_object (&priv->item, item))
    return;

  if (item != NULL && UPSTANDER_LINE_ROW_GET_CLASS (self)->item_changed != NULL)
    UPSTANDER_LINE_ROW_GET_CLASS (self)->item_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ITEM]);
}

int
upstander_line_row_get_avatar_size (UpstanderLineRow *self)
{
  UpstanderLineRowPrivate *priv = upstander_line_row_get_instance_private (self);

  g_return_val_if_fail (UPSTANDER_IS_LINE_ROW (self), UPSTANDER_AVATAR_SIZE_DEFAULT);

  return priv->avatar_size;
}

void
upstander_line_row_set_avatar_size (UpstanderLineRow *self,
                                    int               size)
{
  UpstanderLineRowPrivate *priv = upstander_line_row_get_instance_private (self);

  g_return_if_fail (UPSTANDER_IS_LINE_ROW (self));
  g_return_if_fail (size >= 16 && size <= 256);

  if (priv->avatar_size == size)
    return;

  priv->avatar_size = size;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AVATAR_SIZE]);
}

/*
 * @size times @numerator / @denominator, to the nearest multiple of 4: a
 * comment's avatar is 2/3 of a message's, a post's 8/9, and avatars come in
 * a few fixed sizes (24, 32, 36, 48, 56 from 36 and 56).
 */
int
upstander_avatar_size_scaled (int size,
                              int numerator,
                              int denominator)
{
  g_return_val_if_fail (denominator > 0, size);

  return (size * numerator + denominator * 2) / (denominator * 4) * 4;
}
