/* upstander-avatar.h: a story character's illustrated avatar, or their initials
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define UPSTANDER_TYPE_AVATAR (upstander_avatar_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderAvatar, upstander_avatar, UPSTANDER, AVATAR, AdwBin)

GtkWidget  *upstander_avatar_new             (const char      *avatar_name,
                                              const char      *person_name,
                                              int              size);
const char *upstander_avatar_get_avatar_name (UpstanderAvatar *self);
void        upstander_avatar_set_avatar_name (UpstanderAvatar *self,
                                              const char      *avatar_name);
const char *upstander_avatar_get_person_name (UpstanderAvatar *self);
void        upstander_avatar_set_person_name (UpstanderAvatar *self,
                                              const char      *person_name);
int         upstander_avatar_get_size        (UpstanderAvatar *self);
void        upstander_avatar_set_size        (UpstanderAvatar *self,
                                              int              size);
gboolean    upstander_avatar_get_illustrated (UpstanderAvatar *self);
const char *upstander_avatar_get_resource    (UpstanderAvatar *self);

const char *upstander_avatar_describe        (const char      *avatar_name);

G_END_DECLS
