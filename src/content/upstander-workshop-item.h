/* upstander-workshop-item.h: one piece of a story being written in the workshop
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * What an item is decides which of its properties mean something:
 *
 * - PERSON: id, name, role ("player", "target", "friend", "adult" or "")
 * - TOPIC: id, name
 * - SCENE: id, title (the chat's or place's name), place, prompt, question
 *   (for class discussion), notes (for the teacher), next (where the scene
 *   goes on when it has no choices); its lines and choices are lists
 * - LINE: speaker (a person's id; "" for narration), text
 * - CHOICE: id, label, effect ("helpful", "mixed", "harmful"), feedback, next
 * - ENDING: id, title, outcome ("positive", "mixed", "negative"), text, takeaway
 *
 * Every text property is a plain string, never NULL ("" when unset). Change
 * them through UpstanderWorkshopStory, so that every edit can be undone.
 */
typedef enum
{
  UPSTANDER_WORKSHOP_PERSON,
  UPSTANDER_WORKSHOP_TOPIC,
  UPSTANDER_WORKSHOP_SCENE,
  UPSTANDER_WORKSHOP_LINE,
  UPSTANDER_WORKSHOP_CHOICE,
  UPSTANDER_WORKSHOP_ENDING,
} UpstanderWorkshopKind;

#define UPSTANDER_TYPE_WORKSHOP_KIND (upstander_workshop_kind_get_type ())
#define UPSTANDER_TYPE_WORKSHOP_ITEM (upstander_workshop_item_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderWorkshopItem, upstander_workshop_item, UPSTANDER, WORKSHOP_ITEM, GObject)

GType                  upstander_workshop_kind_get_type     (void) G_GNUC_CONST;

UpstanderWorkshopItem *upstander_workshop_item_new          (UpstanderWorkshopKind  kind,
                                                             const char            *id);
UpstanderWorkshopKind  upstander_workshop_item_get_kind     (UpstanderWorkshopItem *self);
const char            *upstander_workshop_item_get_id       (UpstanderWorkshopItem *self);
const char            *upstander_workshop_item_get          (UpstanderWorkshopItem *self,
                                                             const char            *property);
GListModel            *upstander_workshop_item_get_lines    (UpstanderWorkshopItem *self);
GListModel            *upstander_workshop_item_get_choices  (UpstanderWorkshopItem *self);
gboolean               upstander_workshop_item_has_property (UpstanderWorkshopItem *self,
                                                             const char            *property);

char                  *upstander_workshop_clean_text        (const char            *text);
gboolean               upstander_workshop_is_avatar_name    (const char            *name);

G_END_DECLS
