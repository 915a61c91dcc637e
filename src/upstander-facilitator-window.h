/* upstander-facilitator-window.h: the teacher's second window: notes, goals, time, what to do on a disclosure
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "upstander-application.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_FACILITATOR_WINDOW (upstander_facilitator_window_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderFacilitatorWindow, upstander_facilitator_window, UPSTANDER, FACILITATOR_WINDOW, AdwWindow)

UpstanderFacilitatorWindow *upstander_facilitator_window_present   (UpstanderApplication       *app);
UpstanderFacilitatorWindow *upstander_facilitator_window_find      (UpstanderApplication       *app);
const char                 *upstander_facilitator_window_get_scene (UpstanderFacilitatorWindow *self);

G_END_DECLS
