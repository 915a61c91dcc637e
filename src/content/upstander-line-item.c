/* upstander-line-item.c: one line of a scene as it is shown: who says what, and where
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-content"

#include "upstander-line-item.h"

/*
 * The views bind to these instead of reading UpstanderLine structs. The
 * speaker and the text are looked up in the reader's languages when asked
 * for, and notified again when the scenario's languages change, so a row
 * bound to them follows a switch of language without being rebuilt.
 */

struct _UpstanderLineItem
{
  GObject              parent_instance;

  UpstanderScenario   *scenario;
  const UpstanderLine *line;
  UpstanderPlace       place;
  GListStore          *comments;  /* UpstanderLineItem, the visible ones */
  char                *text;      /* the last text handed out */
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_PLACE,
  PROP_SPEAKER,
  PROP_AVATAR,
  PROP_TEXT,
  PROP_FROM_PLAYER,
  PROP_COMMENTS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (UpstanderLineItem, upstander_line_item, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

/**
 * upstander_join_texts:
 * @texts: (element-type UpstanderText): texts of @scenario
 *
 * Returns: (transfer full): the texts in the reader's language, one after
 *   the other with @separator between them; "" for none
 */
char *
upstander_join_texts (UpstanderScenario *scenario,
                      GPtrArray         *texts,
                      const char        *separator)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (scenario), g_strdup (""));

  for (guint i = 0; texts != NULL && i < texts->len; i++)
    {
      if (i > 0)
        g_string_append (joined, separator);
      g_string_append (joined, upstander_scenario_translate (scenario, g_ptr_array_index (texts, i)));
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static void
languages_changed_cb (UpstanderLineItem *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SPEAKER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEXT]);
}

static void
upstander_line_item_dispose (GObject *object)
{
  UpstanderLineItem *self = (UpstanderLineItem *)object;

  g_clear_object (&self->scenario);
  g_clear_object (&self->comments);

  G_OBJECT_CLASS (upstander_line_item_parent_class)->dispose (object);
}

static void
upstander_line_item_finalize (GObject *object)
{
  UpstanderLineItem *self = (UpstanderLineItem *)object;

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (upstander_line_item_parent_class)->finalize (object);
}

static void
upstander_line_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UpstanderLineItem *self = UPSTANDER_LINE_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, upstander_line_item_get_kind (self));
      break;

    case PROP_PLACE:
      g_value_set_enum (value, self->place);
      break;

    case PROP_SPEAKER:
      g_value_set_string (value, upstander_line_item_get_speaker (self));
      break;

    case PROP_AVATAR:
      g_value_set_string (value, upstander_line_item_get_avatar (self));
      break;

    case PROP_TEXT:
      g_value_set_string (value, upstander_line_item_get_text (self));
      break;

    case PROP_FROM_PLAYER:
      g_value_set_boolean (value, upstander_line_item_get_from_player (self));
      break;

    case PROP_COMMENTS:
      g_value_set_object (value, self->comments);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_line_item_class_init (UpstanderLineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = upstander_line_item_dispose;
  object_class->finalize = upstander_line_item_finalize;
  object_class->get_property = upstander_line_item_get_property;

  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       UPSTANDER_TYPE_LINE_KIND, UPSTANDER_LINE_MESSAGE,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PLACE] =
    g_param_spec_enum ("place", NULL, NULL,
                       UPSTANDER_TYPE_PLACE, UPSTANDER_PLACE_GROUP_CHAT,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SPEAKER] =
    g_param_spec_string ("speaker", NULL, NULL,
                         "",
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_AVATAR] =
    g_param_spec_string ("avatar", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         "",
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FROM_PLAYER] =
    g_param_spec_boolean ("from-player", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_COMMENTS] =
    g_param_spec_object ("comments", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upstander_line_item_init (UpstanderLineItem *self)
{
  self->comments = g_list_store_new (UPSTANDER_TYPE_LINE_ITEM);
}

/**
 * upstander_line_item_new:
 * @line: a line of @scenario, which outlives the item
 * @place: where the line's scene happens
 * @comments: (element-type UpstanderLine) (nullable): for a post, the
 *   comments that are shown, in order
 *
 * Returns: (transfer full): the line as the views show it
 */
UpstanderLineItem *
upstander_line_item_new (UpstanderScenario   *scenario,
                         const UpstanderLine *line,
                         UpstanderPlace       place,
                         GPtrArray           *comments)
{
  UpstanderLineItem *self;

  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (line != NULL, NULL);

  self = g_object_new (UPSTANDER_TYPE_LINE_ITEM, NULL);
  self->scenario = g_object_ref (scenario);
  self->line = line;
  self->place = place;
  g_signal_connect_object (scenario, "notify::title", G_CALLBACK (languages_changed_cb),
                           self, G_CONNECT_SWAPPED);

  for (guint i = 0; comments != NULL && i < comments->len; i++)
    {
      g_autoptr(UpstanderLineItem) comment = upstander_line_item_new (scenario, g_ptr_array_index (comments, i),
                                                                       place, NULL);

      g_list_store_append (self->comments, comment);
    }

  return self;
}

const UpstanderLine *
upstander_line_item_get_line (UpstanderLineItem *self)
{
  g_return_val_if_fail (UPSTANDER_IS_LINE_ITEM (self), NULL);

  return self->line;
}

UpstanderLineKind
upstander_line_item_get_kind (UpstanderLineItem *self)
{
  g_return_val_if_fail (UPSTANDER_IS_LINE_ITEM (self), UPSTANDER_LINE_NARRATION);

  return self->line->kind;
}

UpstanderPlace
upstander_line_item_get_place (UpstanderLineItem *self)
{
  g_return_val_if_fail (UPSTANDER_IS_LINE_ITEM (self), UPSTANDER_PLACE_SCHOOL);

  return self->place;
}

/* The speaker's name in the reader's language; "" for narration. */
const char *
upstander_line_item_get_speaker (UpstanderLineItem *self)
{
  g_return_val_if_fail (UPSTANDER_IS_LINE_ITEM (self), "");

  if (self->line->from == NULL)
    return "";

  return upstander_scenario_translate (self->scenario, self->line->from->name);
}

/* The speaker's illustrated avatar (one of UPSTANDER_AVATAR_NAMES), or NULL for initials. */
const char *
upstander_line_item_get_avatar (UpstanderLineItem *self)
{
  g_return_val_if_fail (UPSTANDER_IS_LINE_ITEM (self), NULL);

  return self->line->from != NULL ? self->line->from->avatar : NULL;
}

/*
 * What is said, in the reader's language. Narration keeps its paragraphs
 * apart; a message's texts run on. Valid until the next call.
 */
const char *
upstander_line_item_get_text (UpstanderLineItem *self)
{
  g_autofree char *joined = NULL;

  g_return_val_if_fail (UPSTANDER_IS_LINE_ITEM (self), "");

  joined = upstander_join_texts (self->scenario, self->line->texts,
                                 self->line->kind == UPSTANDER_LINE_NARRATION ? "\n\n" : " ");
  g_free (self->text);
  /* Addresses and numbers stay whole inside Arabic ("/https://…" otherwise). */
  self->text = upstander_text_isolate_ltr_runs (joined);

  return self->text;
}

/* Whether the reader's own character says it: drawn on the far side of a chat. */
gboolean
upstander_line_item_get_from_player (UpstanderLineItem *self)
{
  g_return_val_if_fail (UPSTANDER_IS_LINE_ITEM (self), FALSE);

  return self->line->from != NULL && self->line->from->role == UPSTANDER_ROLE_PLAYER;
}

/**
 * upstander_line_item_get_comments:
 *
 * Returns: (transfer none): the comments shown under a post, as
 *   UpstanderLineItems; empty for every other line
 */
GListModel *
upstander_line_item_get_comments (UpstanderLineItem *self)
{
  g_return_val_if_fail (UPSTANDER_IS_LINE_ITEM (self), NULL);

  return G_LIST_MODEL (self->comments);
}
