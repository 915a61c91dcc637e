/* upstander-lobby-row.c: one line of a game lobby's chat, bound to a line item
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <adwaita.h>

#include "upstander-lobby-row.h"
#include "upstander-words.h"

/*
 * A lobby line reads like a game's chat, not a phone's: compact, a name tag
 * in the speaker's team colour, then the text on the same line. The colours
 * live in style.css (.team-1 … .team-3, .team-you). The story's author puts
 * people in teams (<person team="…">): the player's team has the player's
 * colour, the others one each in the order the cast names them. A person
 * without a team keeps one colour for the whole story, from their id.
 */

#define N_TEAMS 3
#define MAX_TAG_CHARS 12

struct _UpstanderLobbyRow
{
  UpstanderLineRow  parent_instance;

  GtkWidget        *tag;
};

G_DEFINE_FINAL_TYPE (UpstanderLobbyRow, upstander_lobby_row, UPSTANDER_TYPE_LINE_ROW)

static void
item_changed (UpstanderLineRow *row)
{
  UpstanderLobbyRow *self = UPSTANDER_LOBBY_ROW (row);
  UpstanderLineItem *item = upstander_line_row_get_item (row);
  const UpstanderLine *line = upstander_line_item_get_line (item);
  g_autofree char *spoken = upstander_format_line (upstander_line_item_get_kind (item),
                                                   upstander_line_item_get_speaker (item),
                                                   upstander_line_item_get_text (item));
  g_autofree char *team = NULL;

  if (upstander_line_item_get_from_player (item) ||
      (line->from != NULL && line->from->team_number == UPSTANDER_TEAM_PLAYER))
    team = g_strdup ("team-you");
  else if (line->from != NULL && line->from->team_number > 0)
    team = g_strdup_printf ("team-%d", 1 + (line->from->team_number - 1) % N_TEAMS);
  else
    team = g_strdup_printf ("team-%u", 1 + (line->from != NULL ? g_str_hash (line->from->id) % N_TEAMS : 0));
  gtk_widget_add_css_class (self->tag, team);
  /* A gamer tag stays on one line beside the text up to MAX_TAG_CHARS; only a longer one wraps. */
  gtk_label_set_width_chars (GTK_LABEL (self->tag),
                             MIN (g_utf8_strlen (upstander_line_item_get_speaker (item), -1), MAX_TAG_CHARS));

  /* A screen reader hears one sentence, "Leo: …", as for a chat message. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

static void
upstander_lobby_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), UPSTANDER_TYPE_LOBBY_ROW);

  G_OBJECT_CLASS (upstander_lobby_row_parent_class)->dispose (object);
}

static void
upstander_lobby_row_class_init (UpstanderLobbyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  UpstanderLineRowClass *row_class = UPSTANDER_LINE_ROW_CLASS (klass);

  object_class->dispose = upstander_lobby_row_dispose;
  row_class->item_changed = item_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-lobby-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UpstanderLobbyRow, tag);
}

static void
upstander_lobby_row_init (UpstanderLobbyRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
upstander_lobby_row_new (UpstanderLineItem *item)
{
  return g_object_new (UPSTANDER_TYPE_LOBBY_ROW, "item", item, NULL);
}
