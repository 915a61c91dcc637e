/* upstander-window.h: the main window: catalogue, player, help and guides
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "upstander-application.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_WINDOW (upstander_window_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderWindow, upstander_window, UPSTANDER, WINDOW, AdwApplicationWindow)

UpstanderWindow *upstander_window_new             (UpstanderApplication *application);
const char      *upstander_window_get_page        (UpstanderWindow      *self);
gboolean         upstander_window_open_scenario   (UpstanderWindow      *self,
                                                   const char           *bundle_id,
                                                   const char           *scenario_id);
GListModel      *upstander_window_get_stories     (UpstanderWindow      *self);
void             upstander_window_set_search      (UpstanderWindow      *self,
                                                   const char           *text);
void             upstander_window_take_place      (UpstanderWindow      *self,
                                                   UpstanderWindow      *other);
void             upstander_window_restore_focus   (UpstanderWindow      *self);

G_END_DECLS
