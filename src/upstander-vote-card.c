/* upstander-vote-card.c: one choice of a class decision, large, with its hand count
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-hand-counter.h"
#include "upstander-vote-card.h"
#include "upstander-words.h"

/*
 * The label and the feedback are bound to the choice item in the template;
 * what needs a sentence (the buttons' names, the count read aloud) or the
 * choice's place on screen (its number key, the vote actions' target) is
 * set here. Picking the card is a property the page binds to.
 */

#define MAX_KEYED_CHOICES 4

struct _UpstanderVoteCard
{
  GtkWidget            parent_instance;

  UpstanderChoiceItem *choice;
  guint                votes;
  gboolean             picked;
  gboolean             revealed;

  GtkWidget           *number;
  GtkWidget           *counter;
  GtkWidget           *verdict_icon;
  GtkWidget           *verdict;
  GtkWidget           *feedback;
  GtkWidget           *pick;
};

enum {
  PROP_0,
  PROP_CHOICE,
  PROP_VOTES,
  PROP_PICKED,
  PROP_REVEALED,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (UpstanderVoteCard, upstander_vote_card, GTK_TYPE_WIDGET)

static GParamSpec *properties [N_PROPS];

static void
set_choice (UpstanderVoteCard   *self,
            UpstanderChoiceItem *choice)
{
  guint position = upstander_choice_item_get_position (choice);
  UpstanderEffect effect = upstander_choice_item_get_effect (choice);
  g_autofree char *digit = g_strdup_printf ("%u", position + 1);
  g_autofree char *label = g_strdup (upstander_choice_item_get_label (choice));
  g_autofree char *add_name = NULL;
  g_autofree char *remove_name = NULL;

  g_set_object (&self->choice, choice);

  /* Keys 1–4 vote for the cards as they stand on screen. */
  gtk_label_set_text (GTK_LABEL (self->number), position < MAX_KEYED_CHOICES ? digit : "");
  upstander_hand_counter_set_actions (UPSTANDER_HAND_COUNTER (self->counter), "classroom.vote", "classroom.unvote", position);

  /* Translators: the accessible name of the button that adds a vote; %s is a choice */
  add_name = g_strdup_printf (_("Add a vote for “%s”"), label);
  /* Translators: the accessible name of the button that removes a vote; %s is a choice */
  remove_name = g_strdup_printf (_("Remove a vote for “%s”"), label);
  upstander_hand_counter_set_names (UPSTANDER_HAND_COUNTER (self->counter), add_name, remove_name);

  gtk_image_set_from_icon_name (GTK_IMAGE (self->verdict_icon), upstander_effect_icon (effect));
  gtk_label_set_text (GTK_LABEL (self->verdict), upstander_effect_word (effect));
  gtk_widget_add_css_class (self->feedback, upstander_effect_to_string (effect));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHOICE]);
}

static void
upstander_vote_card_dispose (GObject *object)
{
  UpstanderVoteCard *self = (UpstanderVoteCard *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), UPSTANDER_TYPE_VOTE_CARD);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->choice);

  G_OBJECT_CLASS (upstander_vote_card_parent_class)->dispose (object);
}

static void
upstander_vote_card_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UpstanderVoteCard *self = UPSTANDER_VOTE_CARD (object);

  switch (prop_id)
    {
    case PROP_CHOICE:
      g_value_set_object (value, self->choice);
      break;

    case PROP_VOTES:
      g_value_set_uint (value, self->votes);
      break;

    case PROP_PICKED:
      g_value_set_boolean (value, self->picked);
      break;

    case PROP_REVEALED:
      g_value_set_boolean (value, self->revealed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_vote_card_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UpstanderVoteCard *self = UPSTANDER_VOTE_CARD (object);

  switch (prop_id)
    {
    case PROP_CHOICE:
      set_choice (self, g_value_get_object (value));
      break;

    case PROP_VOTES:
      upstander_vote_card_set_votes (self, g_value_get_uint (value));
      break;

    case PROP_PICKED:
      upstander_vote_card_set_picked (self, g_value_get_boolean (value));
      break;

    case PROP_REVEALED:
      upstander_vote_card_set_revealed (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_vote_card_class_init (UpstanderVoteCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upstander_vote_card_dispose;
  object_class->get_property = upstander_vote_card_get_property;
  object_class->set_property = upstander_vote_card_set_property;

  properties [PROP_CHOICE] =
    g_param_spec_object ("choice", NULL, NULL,
                         UPSTANDER_TYPE_CHOICE_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_VOTES] =
    g_param_spec_uint ("votes", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PICKED] =
    g_param_spec_boolean ("picked", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REVEALED] =
    g_param_spec_boolean ("revealed", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UPSTANDER_TYPE_CHOICE_ITEM);
  g_type_ensure (UPSTANDER_TYPE_HAND_COUNTER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-vote-card.ui");
  gtk_widget_class_bind_template_child (widget_class, UpstanderVoteCard, number);
  gtk_widget_class_bind_template_child (widget_class, UpstanderVoteCard, counter);
  gtk_widget_class_bind_template_child (widget_class, UpstanderVoteCard, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, UpstanderVoteCard, verdict);
  gtk_widget_class_bind_template_child (widget_class, UpstanderVoteCard, feedback);
  gtk_widget_class_bind_template_child (widget_class, UpstanderVoteCard, pick);
}

static void
upstander_vote_card_init (UpstanderVoteCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  upstander_vote_card_set_votes (self, 0);
}

/**
 * upstander_vote_card_new:
 * @group: (nullable): the first card of the decision: picking one unpicks the others
 */
GtkWidget *
upstander_vote_card_new (UpstanderChoiceItem *choice,
                         UpstanderVoteCard   *group)
{
  UpstanderVoteCard *self;

  g_return_val_if_fail (UPSTANDER_IS_CHOICE_ITEM (choice), NULL);

  self = g_object_new (UPSTANDER_TYPE_VOTE_CARD, "choice", choice, NULL);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (self->pick), GTK_CHECK_BUTTON (group->pick));

  return GTK_WIDGET (self);
}

UpstanderChoiceItem *
upstander_vote_card_get_choice (UpstanderVoteCard *self)
{
  g_return_val_if_fail (UPSTANDER_IS_VOTE_CARD (self), NULL);

  return self->choice;
}

guint
upstander_vote_card_get_votes (UpstanderVoteCard *self)
{
  g_return_val_if_fail (UPSTANDER_IS_VOTE_CARD (self), 0);

  return self->votes;
}

void
upstander_vote_card_set_votes (UpstanderVoteCard *self,
                               guint              votes)
{
  g_autofree char *spoken = NULL;

  g_return_if_fail (UPSTANDER_IS_VOTE_CARD (self));

  spoken = g_strdup_printf (ngettext ("%u vote", "%u votes", votes), votes);
  upstander_hand_counter_set_count (UPSTANDER_HAND_COUNTER (self->counter), votes, spoken);

  if (self->votes == votes)
    return;

  self->votes = votes;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VOTES]);
}

gboolean
upstander_vote_card_get_picked (UpstanderVoteCard *self)
{
  g_return_val_if_fail (UPSTANDER_IS_VOTE_CARD (self), FALSE);

  return self->picked;
}

void
upstander_vote_card_set_picked (UpstanderVoteCard *self,
                                gboolean           picked)
{
  g_return_if_fail (UPSTANDER_IS_VOTE_CARD (self));

  picked = !!picked;
  if (self->picked == picked)
    return;

  self->picked = picked;
  if (picked)
    gtk_widget_add_css_class (GTK_WIDGET (self), "picked");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "picked");
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PICKED]);
}

/* Shows the choice's verdict and feedback (the Reveal panel). */
void
upstander_vote_card_set_revealed (UpstanderVoteCard *self,
                                  gboolean           revealed)
{
  g_return_if_fail (UPSTANDER_IS_VOTE_CARD (self));

  revealed = !!revealed;
  if (self->revealed == revealed)
    return;

  self->revealed = revealed;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REVEALED]);
}
