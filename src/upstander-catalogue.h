/* upstander-catalogue.h: the stories to choose from, with search and filters
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "upstander-library.h"
#include "upstander-progress.h"
#include "upstander-settings.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_CATALOGUE (upstander_catalogue_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderCatalogue, upstander_catalogue, UPSTANDER, CATALOGUE, GtkWidget)

UpstanderCatalogue *upstander_catalogue_new            (UpstanderLibrary   *library,
                                                        UpstanderProgress  *progress,
                                                        UpstanderSettings  *settings);
GListModel         *upstander_catalogue_get_stories    (UpstanderCatalogue *self);
const char         *upstander_catalogue_get_search     (UpstanderCatalogue *self);
void                upstander_catalogue_set_search     (UpstanderCatalogue *self,
                                                        const char         *text);
void                upstander_catalogue_clear_filters  (UpstanderCatalogue *self);
void                upstander_catalogue_take_filters   (UpstanderCatalogue *self,
                                                        UpstanderCatalogue *other);
void                upstander_catalogue_focus_search   (UpstanderCatalogue *self);
void                upstander_catalogue_focus_story    (UpstanderCatalogue *self,
                                                        const char         *key);
char               *upstander_catalogue_story_key      (UpstanderScenario  *scenario);

G_END_DECLS
