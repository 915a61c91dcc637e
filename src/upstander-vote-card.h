/* upstander-vote-card.h: one choice of a class decision, large, with its hand count
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "upstander-choice-item.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_VOTE_CARD (upstander_vote_card_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderVoteCard, upstander_vote_card, UPSTANDER, VOTE_CARD, GtkWidget)

GtkWidget           *upstander_vote_card_new         (UpstanderChoiceItem *choice,
                                                      UpstanderVoteCard   *group);
UpstanderChoiceItem *upstander_vote_card_get_choice  (UpstanderVoteCard   *self);
guint                upstander_vote_card_get_votes   (UpstanderVoteCard   *self);
void                 upstander_vote_card_set_votes   (UpstanderVoteCard   *self,
                                                      guint                votes);
gboolean             upstander_vote_card_get_picked  (UpstanderVoteCard   *self);
void                 upstander_vote_card_set_picked  (UpstanderVoteCard   *self,
                                                      gboolean             picked);
void                 upstander_vote_card_set_revealed (UpstanderVoteCard  *self,
                                                      gboolean             revealed);

G_END_DECLS
