/* upstander-classroom-page-private.h: what the classroom page's files share
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "upstander-class-summary-view.h"
#include "upstander-classroom-page.h"
#include "upstander-presentation.h"
#include "upstander-settings.h"

G_BEGIN_DECLS

struct _UpstanderClassroomPage
{
  GtkWidget              parent_instance;

  UpstanderClassRun     *run;
  UpstanderPresentation *presentation;
  UpstanderLibrary      *library;    /* for the handout's help contacts */
  UpstanderSettings     *settings;   /* for the handout's region */

  GtkWidget             *layout;     /* the bar, the story, the way on */
  GtkWidget             *toolbar;
  guint                  scale_idle;
  GtkStack              *views;      /* the story, the check, or the class's voice */
  GtkWidget             *scroller;
  AdwBin                *check_bin;
  AdwBin                *voice_bin;
  GtkWidget             *summary_scroller;
  UpstanderClassSummaryView *summary;
  GtkBox                *content;
  GtkBox                *actions;
  GPtrArray             *cards;      /* UpstanderVoteCard, while a decision shows */
};

void _upstander_classroom_page_class_actions_init (UpstanderClassroomPageClass *klass);
void _upstander_classroom_page_actions_init       (UpstanderClassroomPage      *self);

G_END_DECLS
