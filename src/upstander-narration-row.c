/* upstander-narration-row.c: one line of narration, bound to a line item
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <adwaita.h>

#include "upstander-narration-row.h"
#include "upstander-words.h"

struct _UpstanderNarrationRow
{
  UpstanderLineRow  parent_instance;

  GtkWidget        *text;
};

G_DEFINE_FINAL_TYPE (UpstanderNarrationRow, upstander_narration_row, UPSTANDER_TYPE_LINE_ROW)

static void
item_changed (UpstanderLineRow *row)
{
  UpstanderNarrationRow *self = UPSTANDER_NARRATION_ROW (row);
  UpstanderLineItem *item = upstander_line_row_get_item (row);

  gboolean in_chat = upstander_place_is_chat (upstander_line_item_get_place (item));

  /* Inside a chat, narration is a quiet centred note between the bubbles. */
  gtk_widget_add_css_class (GTK_WIDGET (self), in_chat ? "chat-narration" : "narration");
  gtk_label_set_xalign (GTK_LABEL (self->text), in_chat ? 0.5 : 0);
  gtk_label_set_justify (GTK_LABEL (self->text), in_chat ? GTK_JUSTIFY_CENTER : GTK_JUSTIFY_LEFT);
  /* Arabic, Chinese…: no synthetic italics (style.css). */
  if (upstander_text_script_has_italics (upstander_line_item_get_text (item)))
    gtk_widget_remove_css_class (self->text, "upright");
  else
    gtk_widget_add_css_class (self->text, "upright");
}

static void
upstander_narration_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), UPSTANDER_TYPE_NARRATION_ROW);

  G_OBJECT_CLASS (upstander_narration_row_parent_class)->dispose (object);
}

static void
upstander_narration_row_class_init (UpstanderNarrationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  UpstanderLineRowClass *row_class = UPSTANDER_LINE_ROW_CLASS (klass);

  object_class->dispose = upstander_narration_row_dispose;
  row_class->item_changed = item_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-narration-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UpstanderNarrationRow, text);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
upstander_narration_row_init (UpstanderNarrationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
upstander_narration_row_new (UpstanderLineItem *item)
{
  return g_object_new (UPSTANDER_TYPE_NARRATION_ROW, "item", item, NULL);
}
