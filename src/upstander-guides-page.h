/* upstander-guides-page.h: the bundles' guides for children: a list and a reader
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "upstander-library.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_GUIDES_PAGE (upstander_guides_page_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderGuidesPage, upstander_guides_page, UPSTANDER, GUIDES_PAGE, GtkWidget)

void        upstander_guides_page_set_library (UpstanderGuidesPage *self,
                                               UpstanderLibrary    *library);
void        upstander_guides_page_refresh     (UpstanderGuidesPage *self);
void        upstander_guides_page_show_list   (UpstanderGuidesPage *self);
gboolean    upstander_guides_page_show_guide  (UpstanderGuidesPage *self,
                                               const char          *guide_id);
gboolean    upstander_guides_page_go_back     (UpstanderGuidesPage *self);
const char *upstander_guides_page_get_guide   (UpstanderGuidesPage *self);

G_END_DECLS
