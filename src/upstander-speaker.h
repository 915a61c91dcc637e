/* upstander-speaker.h: reads text aloud through speech-dispatcher
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UPSTANDER_TYPE_SPEAKER (upstander_speaker_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderSpeaker, upstander_speaker, UPSTANDER, SPEAKER, GObject)

UpstanderSpeaker *upstander_speaker_new                    (gboolean          autospawn);
gboolean          upstander_speaker_get_available          (UpstanderSpeaker *self);
gboolean          upstander_speaker_get_connecting         (UpstanderSpeaker *self);
const char       *upstander_speaker_get_unavailable_reason (UpstanderSpeaker *self);
const char       *upstander_speaker_get_speaking_item      (UpstanderSpeaker *self);
gboolean          upstander_speaker_speak                  (UpstanderSpeaker *self,
                                                            const char       *item,
                                                            const char       *text,
                                                            const char       *language);
void              upstander_speaker_stop                   (UpstanderSpeaker *self);

G_END_DECLS
