/* upstander-class-check-view.h: the before-and-after check on the projector: statements and the hands counted
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "upstander-class-check.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_CLASS_CHECK_VIEW (upstander_class_check_view_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderClassCheckView, upstander_class_check_view, UPSTANDER, CLASS_CHECK_VIEW, AdwBin)

GtkWidget           *upstander_class_check_view_new       (UpstanderClassCheck     *check);
UpstanderClassCheck *upstander_class_check_view_get_check (UpstanderClassCheckView *self);
void                 upstander_class_check_view_set_check (UpstanderClassCheckView *self,
                                                           UpstanderClassCheck     *check);

G_END_DECLS
