/* upstander-message-row.c: one chat message or comment, bound to a line item
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <adwaita.h>

#include "upstander-avatar.h"
#include "upstander-message-row.h"
#include "upstander-words.h"

struct _UpstanderMessageRow
{
  UpstanderLineRow  parent_instance;

  GtkWidget        *avatar;
};

G_DEFINE_FINAL_TYPE (UpstanderMessageRow, upstander_message_row, UPSTANDER_TYPE_LINE_ROW)

/* A comment's avatar is smaller than a message's, in the player and in the room. */
static int
message_avatar_size (gpointer           unused,
                     int                size,
                     UpstanderLineItem *item)
{
  if (item != NULL && upstander_line_item_get_kind (item) == UPSTANDER_LINE_COMMENT)
    return upstander_avatar_size_scaled (size, 2, 3);

  return size;
}

static void
item_changed (UpstanderLineRow *row)
{
  UpstanderMessageRow *self = UPSTANDER_MESSAGE_ROW (row);
  UpstanderLineItem *item = upstander_line_row_get_item (row);

  gboolean from_player = upstander_line_item_get_from_player (item);
  gboolean comment = upstander_line_item_get_kind (item) == UPSTANDER_LINE_COMMENT;
  g_autofree char *spoken = upstander_format_line (upstander_line_item_get_kind (item),
                                                   upstander_line_item_get_speaker (item),
                                                   upstander_line_item_get_text (item));

  /*
   * The reader's own messages sit on the end side, without an avatar, as
   * in a chat app, and bubbles keep off the far side; a screen reader
   * hears one sentence, "Leo: …".
   */
  gtk_widget_set_visible (self->avatar, !from_player);
  gtk_widget_set_halign (GTK_WIDGET (self), from_player ? GTK_ALIGN_END : comment ? GTK_ALIGN_FILL : GTK_ALIGN_START);
  gtk_widget_set_margin_start (GTK_WIDGET (self), from_player ? 48 : 0);
  gtk_widget_set_margin_end (GTK_WIDGET (self), from_player || comment ? 0 : 32);
  gtk_widget_add_css_class (GTK_WIDGET (self), comment ? "comment" : "message");
  if (from_player)
    gtk_widget_add_css_class (GTK_WIDGET (self), "from-you");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

static void
upstander_message_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), UPSTANDER_TYPE_MESSAGE_ROW);

  G_OBJECT_CLASS (upstander_message_row_parent_class)->dispose (object);
}

static void
upstander_message_row_class_init (UpstanderMessageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  UpstanderLineRowClass *row_class = UPSTANDER_LINE_ROW_CLASS (klass);

  object_class->dispose = upstander_message_row_dispose;
  row_class->item_changed = item_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-message-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UpstanderMessageRow, avatar);
  gtk_widget_class_bind_template_callback (widget_class, message_avatar_size);
}

static void
upstander_message_row_init (UpstanderMessageRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
upstander_message_row_new (UpstanderLineItem *item)
{
  return g_object_new (UPSTANDER_TYPE_MESSAGE_ROW, "item", item, NULL);
}
