/* upstander-choice-item.c: one choice of a decision as it is offered, with its feedback
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-content"

#include "upstander-choice-item.h"
#include "upstander-line-item.h"

/*
 * The position is where the choice stands in the order the session shows
 * (shuffled per play): the number key that picks it is position + 1.
 * Texts are looked up in the reader's languages when asked for.
 */

struct _UpstanderChoiceItem
{
  GObject                parent_instance;

  UpstanderScenario     *scenario;
  const UpstanderChoice *choice;
  guint                  position;
  char                  *feedback;  /* the last feedback handed out */
};

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_EFFECT,
  PROP_FEEDBACK,
  PROP_POSITION,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (UpstanderChoiceItem, upstander_choice_item, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

static void
languages_changed_cb (UpstanderChoiceItem *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FEEDBACK]);
}

static void
upstander_choice_item_dispose (GObject *object)
{
  UpstanderChoiceItem *self = (UpstanderChoiceItem *)object;

  g_clear_object (&self->scenario);

  G_OBJECT_CLASS (upstander_choice_item_parent_class)->dispose (object);
}

static void
upstander_choice_item_finalize (GObject *object)
{
  UpstanderChoiceItem *self = (UpstanderChoiceItem *)object;

  g_clear_pointer (&self->feedback, g_free);

  G_OBJECT_CLASS (upstander_choice_item_parent_class)->finalize (object);
}

static void
upstander_choice_item_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  UpstanderChoiceItem *self = UPSTANDER_CHOICE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->choice->id);
      break;

    case PROP_LABEL:
      g_value_set_string (value, upstander_choice_item_get_label (self));
      break;

    case PROP_EFFECT:
      g_value_set_enum (value, self->choice->effect);
      break;

    case PROP_FEEDBACK:
      g_value_set_string (value, upstander_choice_item_get_feedback (self));
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_choice_item_class_init (UpstanderChoiceItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = upstander_choice_item_dispose;
  object_class->finalize = upstander_choice_item_finalize;
  object_class->get_property = upstander_choice_item_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         "",
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EFFECT] =
    g_param_spec_enum ("effect", NULL, NULL,
                       UPSTANDER_TYPE_EFFECT, UPSTANDER_EFFECT_HELPFUL,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FEEDBACK] =
    g_param_spec_string ("feedback", NULL, NULL,
                         "",
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upstander_choice_item_init (UpstanderChoiceItem *self)
{
}

/**
 * upstander_choice_item_new:
 * @choice: a choice of @scenario, which outlives the item
 * @position: where it stands in the order shown, from 0
 *
 * Returns: (transfer full): the choice as the views show it
 */
UpstanderChoiceItem *
upstander_choice_item_new (UpstanderScenario     *scenario,
                           const UpstanderChoice *choice,
                           guint                  position)
{
  UpstanderChoiceItem *self;

  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (choice != NULL, NULL);

  self = g_object_new (UPSTANDER_TYPE_CHOICE_ITEM, NULL);
  self->scenario = g_object_ref (scenario);
  self->choice = choice;
  self->position = position;
  g_signal_connect_object (scenario, "notify::title", G_CALLBACK (languages_changed_cb),
                           self, G_CONNECT_SWAPPED);

  return self;
}

const UpstanderChoice *
upstander_choice_item_get_choice (UpstanderChoiceItem *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CHOICE_ITEM (self), NULL);

  return self->choice;
}

const char *
upstander_choice_item_get_id (UpstanderChoiceItem *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CHOICE_ITEM (self), NULL);

  return self->choice->id;
}

const char *
upstander_choice_item_get_label (UpstanderChoiceItem *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CHOICE_ITEM (self), "");

  return upstander_scenario_translate (self->scenario, self->choice->label);
}

UpstanderEffect
upstander_choice_item_get_effect (UpstanderChoiceItem *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CHOICE_ITEM (self), UPSTANDER_EFFECT_MIXED);

  return self->choice->effect;
}

/* Why the choice helps or hurts, in the reader's language; valid until the next call. */
const char *
upstander_choice_item_get_feedback (UpstanderChoiceItem *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CHOICE_ITEM (self), "");

  g_free (self->feedback);
  self->feedback = upstander_join_texts (self->scenario, self->choice->feedback, " ");

  return self->feedback;
}

guint
upstander_choice_item_get_position (UpstanderChoiceItem *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CHOICE_ITEM (self), 0);

  return self->position;
}
