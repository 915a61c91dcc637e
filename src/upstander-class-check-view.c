/* upstander-class-check-view.c: the before-and-after check on the projector: statements and the hands counted
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-class-check-view.h"
#include "upstander-hand-counter.h"
#include "upstander-util.h"
#include "upstander-words.h"

/*
 * A view of an UpstanderClassCheck and nothing else, so that the classroom
 * page can show it before the story's first scene and after its ending: the
 * rows are built again only when the statements come in a new language; a
 * count changes only its label.
 */

struct _UpstanderClassCheckView
{
  AdwBin               parent_instance;

  UpstanderClassCheck *check;
  GPtrArray           *counters;  /* UpstanderHandCounter, one per statement */

  GtkLabel            *heading;
  GtkListBox          *statements;
};

G_DEFINE_FINAL_TYPE (UpstanderClassCheckView, upstander_class_check_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CHECK,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
update (UpstanderClassCheckView *self)
{
  UpstanderCheckRound round;

  if (self->check == NULL)
    return;

  round = upstander_class_check_get_round (self->check);
  gtk_label_set_text (self->heading, upstander_check_round_name (round));
  /* The list is the round's: a screen reader names it as the heading does. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->statements), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (self->heading), -1);

  for (guint i = 0; i < self->counters->len; i++)
    {
      guint hands = upstander_class_check_get_hands (self->check, round, i);
      g_autofree char *spoken = upstander_format_hands (hands);

      upstander_hand_counter_set_count (g_ptr_array_index (self->counters, i), hands, spoken);
    }
}

static void
build_rows (UpstanderClassCheckView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->statements))) != NULL)
    gtk_list_box_remove (self->statements, child);
  g_ptr_array_set_size (self->counters, 0);

  for (guint i = 0; self->check != NULL && i < upstander_class_check_get_n_statements (self->check); i++)
    {
      const char *statement = upstander_class_check_get_statement (self->check, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = upstander_text_label_new (statement, "check-statement");
      GtkWidget *counter = g_object_new (UPSTANDER_TYPE_HAND_COUNTER, NULL);
      g_autofree char *digit = g_strdup_printf ("%u", i + 1);
      /* The number key that counts a hand for the statement, as on the vote cards. */
      GtkWidget *number = gtk_label_new (digit);
      /* Translators: the accessible name of the button that counts one more raised hand; %s is a statement */
      g_autofree char *add_name = g_strdup_printf (_("One more hand for “%s”"), statement);
      /* Translators: the accessible name of the button that takes back a raised hand counted by mistake; %s is a statement */
      g_autofree char *remove_name = g_strdup_printf (_("One hand fewer for “%s”"), statement);

      /* Tight rows: five sentences at room scale fit a 1080 px projector. */
      gtk_widget_set_margin_top (row, 8);
      gtk_widget_set_margin_bottom (row, 8);
      gtk_widget_set_margin_start (row, 12);
      gtk_widget_set_margin_end (row, 12);
      gtk_widget_set_hexpand (label, TRUE);
      upstander_hand_counter_set_actions (UPSTANDER_HAND_COUNTER (counter), "check.add-hand", "check.remove-hand", i);
      upstander_hand_counter_set_names (UPSTANDER_HAND_COUNTER (counter), add_name, remove_name);
      g_ptr_array_add (self->counters, counter);

      gtk_widget_add_css_class (number, "choice-number");
      /* Beside its sentence, whether that takes one line or two. */
      gtk_widget_set_valign (number, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (row), number);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (row), counter);
      gtk_list_box_append (self->statements, row);
    }

  update (self);
}

static void
add_hand_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  UpstanderClassCheckView *self = UPSTANDER_CLASS_CHECK_VIEW (widget);

  if (self->check != NULL)
    upstander_class_check_add_hand (self->check, g_variant_get_uint32 (parameter));
}

static void
remove_hand_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  UpstanderClassCheckView *self = UPSTANDER_CLASS_CHECK_VIEW (widget);

  if (self->check != NULL)
    upstander_class_check_remove_hand (self->check, g_variant_get_uint32 (parameter));
}

/* "Counted": the round was asked, even if no hand went up. */
static void
counted_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UpstanderClassCheckView *self = UPSTANDER_CLASS_CHECK_VIEW (widget);

  if (self->check != NULL)
    upstander_class_check_mark_taken (self->check);
}

static void
upstander_class_check_view_dispose (GObject *object)
{
  UpstanderClassCheckView *self = (UpstanderClassCheckView *)object;

  upstander_class_check_view_set_check (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPSTANDER_TYPE_CLASS_CHECK_VIEW);
  g_clear_pointer (&self->counters, g_ptr_array_unref);

  G_OBJECT_CLASS (upstander_class_check_view_parent_class)->dispose (object);
}

static void
upstander_class_check_view_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  UpstanderClassCheckView *self = UPSTANDER_CLASS_CHECK_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHECK:
      g_value_set_object (value, self->check);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_class_check_view_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  UpstanderClassCheckView *self = UPSTANDER_CLASS_CHECK_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHECK:
      upstander_class_check_view_set_check (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_class_check_view_class_init (UpstanderClassCheckViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upstander_class_check_view_dispose;
  object_class->get_property = upstander_class_check_view_get_property;
  object_class->set_property = upstander_class_check_view_set_property;

  properties [PROP_CHECK] =
    g_param_spec_object ("check", NULL, NULL,
                         UPSTANDER_TYPE_CLASS_CHECK,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-class-check-view.ui");
  gtk_widget_class_bind_template_child (widget_class, UpstanderClassCheckView, heading);
  gtk_widget_class_bind_template_child (widget_class, UpstanderClassCheckView, statements);

  gtk_widget_class_install_action (widget_class, "check.add-hand", "u", add_hand_activated);
  gtk_widget_class_install_action (widget_class, "check.remove-hand", "u", remove_hand_activated);
  gtk_widget_class_install_action (widget_class, "check.counted", NULL, counted_activated);
}

static void
upstander_class_check_view_init (UpstanderClassCheckView *self)
{
  self->counters = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
upstander_class_check_view_new (UpstanderClassCheck *check)
{
  g_return_val_if_fail (check == NULL || UPSTANDER_IS_CLASS_CHECK (check), NULL);

  return g_object_new (UPSTANDER_TYPE_CLASS_CHECK_VIEW, "check", check, NULL);
}

UpstanderClassCheck *
upstander_class_check_view_get_check (UpstanderClassCheckView *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASS_CHECK_VIEW (self), NULL);

  return self->check;
}

void
upstander_class_check_view_set_check (UpstanderClassCheckView *self,
                                      UpstanderClassCheck     *check)
{
  g_return_if_fail (UPSTANDER_IS_CLASS_CHECK_VIEW (self));
  g_return_if_fail (check == NULL || UPSTANDER_IS_CLASS_CHECK (check));

  if (self->check == check)
    return;

  if (self->check != NULL)
    g_signal_handlers_disconnect_by_data (self->check, self);
  g_set_object (&self->check, check);
  if (self->check != NULL)
    {
      g_signal_connect_swapped (self->check, "changed", G_CALLBACK (update), self);
      g_signal_connect_swapped (self->check, "notify::statements", G_CALLBACK (build_rows), self);
    }

  build_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHECK]);
}
