/* upstander-help-page.h: what to do now, and who can help, for the reader's region
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "upstander-library.h"
#include "upstander-settings.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_HELP_PAGE (upstander_help_page_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderHelpPage, upstander_help_page, UPSTANDER, HELP_PAGE, GtkWidget)

void     upstander_help_page_set_sources  (UpstanderHelpPage *self,
                                           UpstanderLibrary  *library,
                                           UpstanderSettings *settings);
void     upstander_help_page_refresh      (UpstanderHelpPage *self);
gboolean upstander_help_page_get_regional (UpstanderHelpPage *self);

G_END_DECLS
