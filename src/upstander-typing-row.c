/* upstander-typing-row.c: "Kai is typing…", shown for a moment before Kai's message
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-language.h"
#include "upstander-typing-row.h"

/*
 * The item is the message about to appear: the row shows its sender's
 * avatar and three dots that CSS animates (.typing .dot in style.css), so
 * the dots stand still by themselves when the system asks for less motion.
 * The transcript decides when the row shows and when the message replaces it.
 */

struct _UpstanderTypingRow
{
  UpstanderLineRow  parent_instance;
};

G_DEFINE_FINAL_TYPE (UpstanderTypingRow, upstander_typing_row, UPSTANDER_TYPE_LINE_ROW)

static void
item_changed (UpstanderLineRow *row)
{
  UpstanderLineItem *item = upstander_line_row_get_item (row);
  g_autofree char *name = upstander_language_isolate (upstander_line_item_get_speaker (item));
  g_autofree char *spoken = NULL;

  /* Translators: shown for a moment before a chat message appears; %s is who writes it */
  spoken = g_strdup_printf (_("%s is typing…"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

static void
upstander_typing_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), UPSTANDER_TYPE_TYPING_ROW);

  G_OBJECT_CLASS (upstander_typing_row_parent_class)->dispose (object);
}

static void
upstander_typing_row_class_init (UpstanderTypingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  UpstanderLineRowClass *row_class = UPSTANDER_LINE_ROW_CLASS (klass);

  object_class->dispose = upstander_typing_row_dispose;
  row_class->item_changed = item_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-typing-row.ui");
}

static void
upstander_typing_row_init (UpstanderTypingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
upstander_typing_row_new (UpstanderLineItem *item)
{
  return g_object_new (UPSTANDER_TYPE_TYPING_ROW, "item", item, NULL);
}
