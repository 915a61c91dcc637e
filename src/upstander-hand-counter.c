/* upstander-hand-counter.c: a count of raised hands with − and + buttons, room-sized: the vote cards' and the check's
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include "upstander-hand-counter.h"

/*
 * One widget for every show of hands on the projector, so that a vote and
 * the before-and-after check count alike. The buttons activate the owner's
 * actions with the owner's target; the owner says what the buttons and the
 * count are called, since only it knows what is being counted.
 */

struct _UpstanderHandCounter
{
  GtkWidget  parent_instance;

  guint      count;

  GtkWidget *minus;
  GtkWidget *label;
  GtkWidget *plus;
};

enum {
  PROP_0,
  PROP_COUNT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (UpstanderHandCounter, upstander_hand_counter, GTK_TYPE_WIDGET)

static GParamSpec *properties [N_PROPS];

static void
upstander_hand_counter_dispose (GObject *object)
{
  UpstanderHandCounter *self = (UpstanderHandCounter *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), UPSTANDER_TYPE_HAND_COUNTER);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (upstander_hand_counter_parent_class)->dispose (object);
}

static void
upstander_hand_counter_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  UpstanderHandCounter *self = UPSTANDER_HAND_COUNTER (object);

  switch (prop_id)
    {
    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_hand_counter_class_init (UpstanderHandCounterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upstander_hand_counter_dispose;
  object_class->get_property = upstander_hand_counter_get_property;

  properties [PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-hand-counter.ui");
  gtk_widget_class_bind_template_child (widget_class, UpstanderHandCounter, minus);
  gtk_widget_class_bind_template_child_full (widget_class, "count", FALSE, G_STRUCT_OFFSET (UpstanderHandCounter, label));
  gtk_widget_class_bind_template_child (widget_class, UpstanderHandCounter, plus);
}

static void
upstander_hand_counter_init (UpstanderHandCounter *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

guint
upstander_hand_counter_get_count (UpstanderHandCounter *self)
{
  g_return_val_if_fail (UPSTANDER_IS_HAND_COUNTER (self), 0);

  return self->count;
}

/**
 * upstander_hand_counter_set_count:
 * @spoken: what a screen reader says for the count ("3 votes"), as the digits alone say too little
 */
void
upstander_hand_counter_set_count (UpstanderHandCounter *self,
                                  guint                 count,
                                  const char           *spoken)
{
  g_autofree char *digits = NULL;

  g_return_if_fail (UPSTANDER_IS_HAND_COUNTER (self));
  g_return_if_fail (spoken != NULL);

  digits = g_strdup_printf ("%u", count);
  gtk_label_set_text (GTK_LABEL (self->label), digits);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->label), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);

  if (self->count == count)
    return;

  self->count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COUNT]);
}

/* The buttons activate @add_action and @remove_action with @target, as a "u". */
void
upstander_hand_counter_set_actions (UpstanderHandCounter *self,
                                    const char           *add_action,
                                    const char           *remove_action,
                                    guint                 target)
{
  g_return_if_fail (UPSTANDER_IS_HAND_COUNTER (self));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->plus), add_action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->plus), "u", target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->minus), remove_action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->minus), "u", target);
}

/* Icon buttons need names that say what they count for: as tooltip and accessible name. */
void
upstander_hand_counter_set_names (UpstanderHandCounter *self,
                                  const char           *add_name,
                                  const char           *remove_name)
{
  g_return_if_fail (UPSTANDER_IS_HAND_COUNTER (self));

  gtk_widget_set_tooltip_text (self->plus, add_name);
  gtk_widget_set_tooltip_text (self->minus, remove_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->plus), GTK_ACCESSIBLE_PROPERTY_LABEL, add_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->minus), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
}
