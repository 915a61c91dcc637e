/* upstander-workshop-page.h: the story workshop: write, check, play, share a story without XML
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "upstander-library.h"
#include "upstander-progress.h"
#include "upstander-workshop-story.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_WORKSHOP_PAGE (upstander_workshop_page_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderWorkshopPage, upstander_workshop_page, UPSTANDER, WORKSHOP_PAGE, GtkWidget)

void                    upstander_workshop_page_set_library   (UpstanderWorkshopPage  *self,
                                                               UpstanderLibrary       *library);
void                    upstander_workshop_page_set_progress  (UpstanderWorkshopPage  *self,
                                                               UpstanderProgress      *progress);
void                    upstander_workshop_page_set_data_dir  (UpstanderWorkshopPage  *self,
                                                               const char             *data_dir);
UpstanderWorkshopStory *upstander_workshop_page_get_story     (UpstanderWorkshopPage  *self);
void                    upstander_workshop_page_set_story     (UpstanderWorkshopPage  *self,
                                                               UpstanderWorkshopStory *story);
void                    upstander_workshop_page_check_now     (UpstanderWorkshopPage  *self);
GPtrArray              *upstander_workshop_page_get_problems  (UpstanderWorkshopPage  *self);
gboolean                upstander_workshop_page_get_passes    (UpstanderWorkshopPage  *self);
char                   *upstander_workshop_page_dup_draft_path (UpstanderWorkshopPage *self);
gboolean                upstander_workshop_page_publish       (UpstanderWorkshopPage  *self,
                                                               GError                **error);
gboolean                upstander_workshop_page_export        (UpstanderWorkshopPage  *self,
                                                               GFile                  *file,
                                                               GError                **error);
gboolean                upstander_workshop_page_import        (UpstanderWorkshopPage  *self,
                                                               GFile                  *file,
                                                               GPtrArray              *diagnostics,
                                                               GError                **error);
void                    upstander_workshop_page_refresh_drafts (UpstanderWorkshopPage *self);
void                    upstander_workshop_page_set_user_bundles (UpstanderWorkshopPage *self,
                                                                 gboolean               user_bundles);

gboolean                upstander_workshop_is_made_here       (UpstanderScenario      *scenario);

G_END_DECLS
