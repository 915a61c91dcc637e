/* upstander-feedback-view.c: the card that says what a choice did and why
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-feedback-view.h"
#include "upstander-language.h"
#include "upstander-util.h"
#include "upstander-words.h"

/*
 * Bound to the session's feedback item: the template's labels and icon
 * follow it through <lookup>s, so a change of language redraws them in
 * place. What a binding cannot set is kept here: the effect's CSS class
 * (the card's colour) and the card's one accessible name, the verdict and
 * the reason as one sentence, read once ("Think again: …", never twice).
 */

struct _UpstanderFeedbackView
{
  GtkWidget            parent_instance;

  UpstanderChoiceItem *feedback;
  const char          *effect_class;  /* on the card now */

  GtkWidget           *card;
  GtkWidget           *actions;
  GtkWidget           *guide_button;
  GtkWidget           *continue_button;
};

enum {
  PROP_0,
  PROP_FEEDBACK,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (UpstanderFeedbackView, upstander_feedback_view, GTK_TYPE_WIDGET)

static GParamSpec *properties [N_PROPS];

static char *
you_chose_text (gpointer    unused,
                const char *label)
{
  g_autofree char *isolated = upstander_language_isolate (label != NULL ? label : "");
  g_autofree char *chose = NULL;

  /* Translators: above the feedback card; %s is the choice the reader made */
  chose = g_strdup_printf (_("You chose: %s"), isolated);

  /* Addresses and numbers stay whole inside Arabic. */
  return upstander_text_isolate_ltr_runs (chose);
}

static char *
effect_icon_name (gpointer        unused,
                  UpstanderEffect effect)
{
  return g_strdup (upstander_effect_icon (effect));
}

static char *
effect_word_text (gpointer        unused,
                  UpstanderEffect effect)
{
  return g_strdup (upstander_effect_word (effect));
}

static char *
reason_text (gpointer    unused,
             const char *reason)
{
  return upstander_text_isolate_ltr_runs (reason != NULL ? reason : "");
}

static void
update_card (UpstanderFeedbackView *self)
{
  UpstanderEffect effect;
  g_autofree char *spoken = NULL;

  if (self->effect_class != NULL)
    gtk_widget_remove_css_class (self->card, self->effect_class);
  self->effect_class = NULL;

  if (self->feedback == NULL)
    return;

  effect = upstander_choice_item_get_effect (self->feedback);
  self->effect_class = upstander_effect_to_string (effect);
  gtk_widget_add_css_class (self->card, self->effect_class);

  spoken = upstander_format_feedback (effect, upstander_choice_item_get_feedback (self->feedback));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
}

static void
feedback_notify_cb (UpstanderFeedbackView *self)
{
  update_card (self);
}

static void
upstander_feedback_view_dispose (GObject *object)
{
  UpstanderFeedbackView *self = (UpstanderFeedbackView *)object;
  GtkWidget *child;

  upstander_feedback_view_set_feedback (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPSTANDER_TYPE_FEEDBACK_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (upstander_feedback_view_parent_class)->dispose (object);
}

static void
upstander_feedback_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  UpstanderFeedbackView *self = UPSTANDER_FEEDBACK_VIEW (object);

  switch (prop_id)
    {
    case PROP_FEEDBACK:
      g_value_set_object (value, self->feedback);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_feedback_view_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  UpstanderFeedbackView *self = UPSTANDER_FEEDBACK_VIEW (object);

  switch (prop_id)
    {
    case PROP_FEEDBACK:
      upstander_feedback_view_set_feedback (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_feedback_view_class_init (UpstanderFeedbackViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upstander_feedback_view_dispose;
  object_class->get_property = upstander_feedback_view_get_property;
  object_class->set_property = upstander_feedback_view_set_property;

  properties [PROP_FEEDBACK] =
    g_param_spec_object ("feedback", NULL, NULL,
                         UPSTANDER_TYPE_CHOICE_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* Read by what it holds (the card is the named group), never by its type name. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-feedback-view.ui");
  gtk_widget_class_bind_template_child (widget_class, UpstanderFeedbackView, card);
  gtk_widget_class_bind_template_child (widget_class, UpstanderFeedbackView, actions);
  gtk_widget_class_bind_template_callback (widget_class, you_chose_text);
  gtk_widget_class_bind_template_callback (widget_class, effect_icon_name);
  gtk_widget_class_bind_template_callback (widget_class, effect_word_text);
  gtk_widget_class_bind_template_callback (widget_class, reason_text);
}

static void
upstander_feedback_view_init (UpstanderFeedbackView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->continue_button = upstander_text_button_new (_("Continue"), "player.advance", NULL);
  gtk_widget_add_css_class (self->continue_button, "suggested-action");
  gtk_widget_add_css_class (self->continue_button, "pill");
  gtk_widget_add_css_class (self->continue_button, "continue");
  gtk_widget_set_halign (self->continue_button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->actions), self->continue_button);
}

GtkWidget *
upstander_feedback_view_new (UpstanderChoiceItem *feedback)
{
  return g_object_new (UPSTANDER_TYPE_FEEDBACK_VIEW, "feedback", feedback, NULL);
}

UpstanderChoiceItem *
upstander_feedback_view_get_feedback (UpstanderFeedbackView *self)
{
  g_return_val_if_fail (UPSTANDER_IS_FEEDBACK_VIEW (self), NULL);

  return self->feedback;
}

void
upstander_feedback_view_set_feedback (UpstanderFeedbackView *self,
                                      UpstanderChoiceItem   *feedback)
{
  g_return_if_fail (UPSTANDER_IS_FEEDBACK_VIEW (self));
  g_return_if_fail (feedback == NULL || UPSTANDER_IS_CHOICE_ITEM (feedback));

  if (self->feedback == feedback)
    return;

  if (self->feedback != NULL)
    g_signal_handlers_disconnect_by_func (self->feedback, feedback_notify_cb, self);
  g_set_object (&self->feedback, feedback);
  /* The reason is notified again when the reader's languages change. */
  if (feedback != NULL)
    g_signal_connect_object (feedback, "notify::feedback", G_CALLBACK (feedback_notify_cb),
                             self, G_CONNECT_SWAPPED);

  update_card (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FEEDBACK]);
}

/* The card with the verdict and the reason: what read aloud reads. */
GtkWidget *
upstander_feedback_view_get_card (UpstanderFeedbackView *self)
{
  g_return_val_if_fail (UPSTANDER_IS_FEEDBACK_VIEW (self), NULL);

  return self->card;
}

/* The way on, where the keyboard belongs. */
GtkWidget *
upstander_feedback_view_get_continue (UpstanderFeedbackView *self)
{
  g_return_val_if_fail (UPSTANDER_IS_FEEDBACK_VIEW (self), NULL);

  return self->continue_button;
}

/* Shows @guide_button (a link to the guide of the choice) above Continue, or none. */
void
upstander_feedback_view_set_guide (UpstanderFeedbackView *self,
                                   GtkWidget             *guide_button)
{
  g_return_if_fail (UPSTANDER_IS_FEEDBACK_VIEW (self));
  g_return_if_fail (guide_button == NULL || GTK_IS_WIDGET (guide_button));

  upstander_box_replace_first (self->actions, &self->guide_button, guide_button);
}
