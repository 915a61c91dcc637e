/* upstander-ending-item.c: the ending a playthrough reached, as the views show it
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-content"

#include "upstander-ending-item.h"

/*
 * The views bind to this instead of reading the UpstanderEnding struct.
 * Texts are looked up in the reader's languages when asked for, and notified
 * again when the scenario's languages change, so a view bound to them
 * follows a switch of language without being rebuilt.
 */

struct _UpstanderEndingItem
{
  GObject                parent_instance;

  UpstanderScenario     *scenario;
  const UpstanderEnding *ending;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_OUTCOME,
  PROP_GUIDE,
  PROP_TEXTS,
  PROP_TAKEAWAYS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (UpstanderEndingItem, upstander_ending_item, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

static void
languages_changed_cb (UpstanderEndingItem *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEXTS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TAKEAWAYS]);
}

static char **
translate_all (UpstanderEndingItem *self,
               GPtrArray           *texts)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; texts != NULL && i < texts->len; i++)
    g_strv_builder_add (builder, upstander_scenario_translate (self->scenario, g_ptr_array_index (texts, i)));

  return g_strv_builder_end (builder);
}

static void
upstander_ending_item_dispose (GObject *object)
{
  UpstanderEndingItem *self = (UpstanderEndingItem *)object;

  g_clear_object (&self->scenario);

  G_OBJECT_CLASS (upstander_ending_item_parent_class)->dispose (object);
}

static void
upstander_ending_item_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  UpstanderEndingItem *self = UPSTANDER_ENDING_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->ending->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, upstander_ending_item_get_title (self));
      break;

    case PROP_OUTCOME:
      g_value_set_enum (value, self->ending->outcome);
      break;

    case PROP_GUIDE:
      g_value_set_string (value, self->ending->guide);
      break;

    case PROP_TEXTS:
      g_value_take_boxed (value, upstander_ending_item_dup_texts (self));
      break;

    case PROP_TAKEAWAYS:
      g_value_take_boxed (value, upstander_ending_item_dup_takeaways (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_ending_item_class_init (UpstanderEndingItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = upstander_ending_item_dispose;
  object_class->get_property = upstander_ending_item_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_OUTCOME] =
    g_param_spec_enum ("outcome", NULL, NULL,
                       UPSTANDER_TYPE_OUTCOME, UPSTANDER_OUTCOME_POSITIVE,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The id of the guide the ending points to, or NULL. */
  properties [PROP_GUIDE] =
    g_param_spec_string ("guide", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* What happened, a paragraph each. */
  properties [PROP_TEXTS] =
    g_param_spec_boxed ("texts", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* What to remember, one point each. */
  properties [PROP_TAKEAWAYS] =
    g_param_spec_boxed ("takeaways", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upstander_ending_item_init (UpstanderEndingItem *self)
{
}

/**
 * upstander_ending_item_new:
 * @ending: an ending of @scenario, which outlives the item
 *
 * Returns: (transfer full): the ending as the views show it
 */
UpstanderEndingItem *
upstander_ending_item_new (UpstanderScenario     *scenario,
                           const UpstanderEnding *ending)
{
  UpstanderEndingItem *self;

  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (ending != NULL, NULL);

  self = g_object_new (UPSTANDER_TYPE_ENDING_ITEM, NULL);
  self->scenario = g_object_ref (scenario);
  self->ending = ending;
  /* The scenario notifies its title when its languages change. */
  g_signal_connect_object (scenario, "notify::title", G_CALLBACK (languages_changed_cb),
                           self, G_CONNECT_SWAPPED);

  return self;
}

const UpstanderEnding *
upstander_ending_item_get_ending (UpstanderEndingItem *self)
{
  g_return_val_if_fail (UPSTANDER_IS_ENDING_ITEM (self), NULL);

  return self->ending;
}

const char *
upstander_ending_item_get_id (UpstanderEndingItem *self)
{
  g_return_val_if_fail (UPSTANDER_IS_ENDING_ITEM (self), NULL);

  return self->ending->id;
}

/* The title in the reader's language. */
const char *
upstander_ending_item_get_title (UpstanderEndingItem *self)
{
  g_return_val_if_fail (UPSTANDER_IS_ENDING_ITEM (self), "");

  return upstander_scenario_translate (self->scenario, self->ending->title);
}

UpstanderOutcome
upstander_ending_item_get_outcome (UpstanderEndingItem *self)
{
  g_return_val_if_fail (UPSTANDER_IS_ENDING_ITEM (self), UPSTANDER_OUTCOME_MIXED);

  return self->ending->outcome;
}

const char *
upstander_ending_item_get_guide (UpstanderEndingItem *self)
{
  g_return_val_if_fail (UPSTANDER_IS_ENDING_ITEM (self), NULL);

  return self->ending->guide;
}

/* Returns: (transfer full): the paragraphs of the ending, in the reader's language */
char **
upstander_ending_item_dup_texts (UpstanderEndingItem *self)
{
  g_return_val_if_fail (UPSTANDER_IS_ENDING_ITEM (self), NULL);

  return translate_all (self, self->ending->texts);
}

/* Returns: (transfer full): what to remember, in the reader's language */
char **
upstander_ending_item_dup_takeaways (UpstanderEndingItem *self)
{
  g_return_val_if_fail (UPSTANDER_IS_ENDING_ITEM (self), NULL);

  return translate_all (self, self->ending->takeaways);
}
