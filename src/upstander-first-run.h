/* upstander-first-run.h: on the first start, asks which language to use
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "upstander-settings.h"

G_BEGIN_DECLS

GtkWindow *upstander_first_run_present (GtkWindow         *parent,
                                        UpstanderSettings *settings);

G_END_DECLS
