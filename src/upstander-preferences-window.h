/* upstander-preferences-window.h: text size, region for help, forgetting progress
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "upstander-application.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_PREFERENCES_WINDOW (upstander_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderPreferencesWindow, upstander_preferences_window, UPSTANDER, PREFERENCES_WINDOW, AdwPreferencesWindow)

UpstanderPreferencesWindow *upstander_preferences_window_new (UpstanderApplication *application);

G_END_DECLS
