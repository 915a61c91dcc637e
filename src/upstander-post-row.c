/* upstander-post-row.c: a post on a social feed with its comments, bound to a line item
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <adwaita.h>

#include "upstander-post-row.h"
#include "upstander-words.h"

struct _UpstanderPostRow
{
  UpstanderLineRow  parent_instance;

  GtkWidget        *post;
};

G_DEFINE_FINAL_TYPE (UpstanderPostRow, upstander_post_row, UPSTANDER_TYPE_LINE_ROW)

static gboolean
has_comments (gpointer           unused,
              UpstanderLineItem *item)
{
  return item != NULL && g_list_model_get_n_items (upstander_line_item_get_comments (item)) > 0;
}

/* A post's author is a little smaller than a chat message's, as in a feed. */
static int
post_avatar_size (gpointer unused,
                  int      size)
{
  return upstander_avatar_size_scaled (size, 8, 9);
}

static void
item_changed (UpstanderLineRow *row)
{
  UpstanderPostRow *self = UPSTANDER_POST_ROW (row);
  UpstanderLineItem *item = upstander_line_row_get_item (row);

  g_autofree char *spoken = upstander_format_line (UPSTANDER_LINE_POST,
                                                   upstander_line_item_get_speaker (item),
                                                   upstander_line_item_get_text (item));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->post), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

static void
upstander_post_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), UPSTANDER_TYPE_POST_ROW);

  G_OBJECT_CLASS (upstander_post_row_parent_class)->dispose (object);
}

static void
upstander_post_row_class_init (UpstanderPostRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  UpstanderLineRowClass *row_class = UPSTANDER_LINE_ROW_CLASS (klass);

  object_class->dispose = upstander_post_row_dispose;
  row_class->item_changed = item_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-post-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UpstanderPostRow, post);
  gtk_widget_class_bind_template_callback (widget_class, has_comments);
  gtk_widget_class_bind_template_callback (widget_class, post_avatar_size);
}

static void
upstander_post_row_init (UpstanderPostRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
upstander_post_row_new (UpstanderLineItem *item)
{
  return g_object_new (UPSTANDER_TYPE_POST_ROW, "item", item, NULL);
}
