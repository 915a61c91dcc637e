/* upstander-class-voice-view.h: "Our class says": the teacher types what the class wants changed, and saves the poster
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "upstander-class-run.h"
#include "upstander-class-voice.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_CLASS_VOICE_VIEW (upstander_class_voice_view_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderClassVoiceView, upstander_class_voice_view, UPSTANDER, CLASS_VOICE_VIEW, AdwBin)

GtkWidget *upstander_class_voice_view_new         (UpstanderClassVoice     *voice,
                                                   UpstanderClassRun       *run);
gboolean   upstander_class_voice_view_save_poster (UpstanderClassVoiceView *self,
                                                   GFile                   *file,
                                                   GError                 **error);

G_END_DECLS
