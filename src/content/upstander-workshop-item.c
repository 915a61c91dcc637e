/* upstander-workshop-item.c: one piece of a story being written in the workshop
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-content"

#include "upstander-model.h"
#include "upstander-workshop-item.h"

#include <string.h>

/*
 * One type for every piece (person, scene, line, choice, ending, topic)
 * keeps the workshop's undo stack simple: every edit of a text is "set
 * property P of object O from A to B", whatever O is. Each kind uses only
 * the properties its header comment lists.
 */

struct _UpstanderWorkshopItem
{
  GObject parent_instance;

  UpstanderWorkshopKind  kind;
  char                  *texts[17];  /* indexed by PROP_ID .. PROP_AVATAR */
  GListStore            *lines;      /* scenes only */
  GListStore            *choices;    /* scenes only */
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_NAME,
  PROP_ROLE,
  PROP_TITLE,
  PROP_PLACE,
  PROP_PROMPT,
  PROP_QUESTION,
  PROP_NOTES,
  PROP_NEXT,
  PROP_SPEAKER,
  PROP_TEXT,
  PROP_LABEL,
  PROP_EFFECT,
  PROP_FEEDBACK,
  PROP_OUTCOME,
  PROP_TAKEAWAY,
  PROP_AVATAR,
  N_PROPS
};

#define FIRST_TEXT PROP_ID

G_STATIC_ASSERT (N_PROPS - FIRST_TEXT <= 17);

G_DEFINE_ENUM_TYPE (UpstanderWorkshopKind, upstander_workshop_kind,
  G_DEFINE_ENUM_VALUE (UPSTANDER_WORKSHOP_PERSON, "person"),
  G_DEFINE_ENUM_VALUE (UPSTANDER_WORKSHOP_TOPIC, "topic"),
  G_DEFINE_ENUM_VALUE (UPSTANDER_WORKSHOP_SCENE, "scene"),
  G_DEFINE_ENUM_VALUE (UPSTANDER_WORKSHOP_LINE, "line"),
  G_DEFINE_ENUM_VALUE (UPSTANDER_WORKSHOP_CHOICE, "choice"),
  G_DEFINE_ENUM_VALUE (UPSTANDER_WORKSHOP_ENDING, "ending"))

G_DEFINE_FINAL_TYPE (UpstanderWorkshopItem, upstander_workshop_item, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

static void
upstander_workshop_item_finalize (GObject *object)
{
  UpstanderWorkshopItem *self = (UpstanderWorkshopItem *)object;

  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    g_clear_pointer (&self->texts[i], g_free);
  g_clear_object (&self->lines);
  g_clear_object (&self->choices);

  G_OBJECT_CLASS (upstander_workshop_item_parent_class)->finalize (object);
}

static void
upstander_workshop_item_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  UpstanderWorkshopItem *self = UPSTANDER_WORKSHOP_ITEM (object);

  if (prop_id == PROP_KIND)
    g_value_set_enum (value, self->kind);
  else if (prop_id >= FIRST_TEXT && prop_id < N_PROPS)
    g_value_set_string (value, self->texts[prop_id - FIRST_TEXT]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
upstander_workshop_item_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  UpstanderWorkshopItem *self = UPSTANDER_WORKSHOP_ITEM (object);

  if (prop_id == PROP_KIND)
    {
      self->kind = g_value_get_enum (value);
    }
  else if (prop_id >= FIRST_TEXT && prop_id < N_PROPS)
    {
      g_autofree char *text = upstander_workshop_clean_text (g_value_get_string (value));
      char **slot = &self->texts[prop_id - FIRST_TEXT];

      if (g_strcmp0 (*slot, text) == 0)
        return;
      g_free (*slot);
      *slot = g_steal_pointer (&text);
      g_object_notify_by_pspec (object, pspec);
    }
  else
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_workshop_item_constructed (GObject *object)
{
  UpstanderWorkshopItem *self = UPSTANDER_WORKSHOP_ITEM (object);

  G_OBJECT_CLASS (upstander_workshop_item_parent_class)->constructed (object);

  if (self->kind == UPSTANDER_WORKSHOP_SCENE)
    {
      self->lines = g_list_store_new (UPSTANDER_TYPE_WORKSHOP_ITEM);
      self->choices = g_list_store_new (UPSTANDER_TYPE_WORKSHOP_ITEM);
    }
}

static void
upstander_workshop_item_class_init (UpstanderWorkshopItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const names[] = {
    "id", "name", "role", "title", "place", "prompt", "question", "notes", "next",
    "speaker", "text", "label", "effect", "feedback", "outcome", "takeaway", "avatar",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == N_PROPS - FIRST_TEXT);

  object_class->finalize = upstander_workshop_item_finalize;
  object_class->get_property = upstander_workshop_item_get_property;
  object_class->set_property = upstander_workshop_item_set_property;
  object_class->constructed = upstander_workshop_item_constructed;

  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       UPSTANDER_TYPE_WORKSHOP_KIND, UPSTANDER_WORKSHOP_PERSON,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    properties [FIRST_TEXT + i] =
      g_param_spec_string (names[i], NULL, NULL, "",
                           (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upstander_workshop_item_init (UpstanderWorkshopItem *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    self->texts[i] = g_strdup ("");
}

/**
 * upstander_workshop_clean_text:
 * @text: (nullable): text as typed, pasted or read
 *
 * @text as valid UTF-8 without the control characters a bundle may not
 * hold (all but tab and newline), so that a pasted character can never
 * make a story's file unreadable. Never %NULL.
 */
char *
upstander_workshop_clean_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *clean = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c < 0xa0))
        continue;
      g_string_append_unichar (clean, c);
    }

  return g_string_free (clean, FALSE);
}

/* Whether @name is one of the drawings a person's avatar= may name. */
gboolean
upstander_workshop_is_avatar_name (const char *name)
{
  g_auto(GStrv) names = g_strsplit (UPSTANDER_AVATAR_NAMES, " ", -1);

  return name != NULL && name[0] != '\0' && g_strv_contains ((const char * const *) names, name);
}

UpstanderWorkshopItem *
upstander_workshop_item_new (UpstanderWorkshopKind  kind,
                             const char            *id)
{
  return g_object_new (UPSTANDER_TYPE_WORKSHOP_ITEM, "kind", kind, "id", id, NULL);
}

UpstanderWorkshopKind
upstander_workshop_item_get_kind (UpstanderWorkshopItem *self)
{
  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_ITEM (self), UPSTANDER_WORKSHOP_PERSON);

  return self->kind;
}

const char *
upstander_workshop_item_get_id (UpstanderWorkshopItem *self)
{
  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_ITEM (self), NULL);

  return self->texts[PROP_ID - FIRST_TEXT];
}

gboolean
upstander_workshop_item_has_property (UpstanderWorkshopItem *self,
                                      const char            *property)
{
  GParamSpec *pspec;

  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_ITEM (self), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), property);

  return pspec != NULL && pspec->value_type == G_TYPE_STRING;
}

/* The text property @property; never NULL. */
const char *
upstander_workshop_item_get (UpstanderWorkshopItem *self,
                             const char            *property)
{
  GParamSpec *pspec;

  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_ITEM (self), "");
  g_return_val_if_fail (property != NULL, "");

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), property);
  g_return_val_if_fail (pspec != NULL && pspec->value_type == G_TYPE_STRING, "");

  return self->texts[pspec->param_id - FIRST_TEXT];
}

/* A scene's lines, in order; NULL for other kinds. */
GListModel *
upstander_workshop_item_get_lines (UpstanderWorkshopItem *self)
{
  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_ITEM (self), NULL);

  return G_LIST_MODEL (self->lines);
}

/* A scene's choices, in order; NULL for other kinds. */
GListModel *
upstander_workshop_item_get_choices (UpstanderWorkshopItem *self)
{
  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_ITEM (self), NULL);

  return G_LIST_MODEL (self->choices);
}
