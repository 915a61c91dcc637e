/* upstander-class-voice.h: what a class says should change, for platforms, the school and decision-makers
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  UPSTANDER_AUDIENCE_PLATFORMS,
  UPSTANDER_AUDIENCE_SCHOOL,
  UPSTANDER_AUDIENCE_DECISION_MAKERS,
  UPSTANDER_N_AUDIENCES,
} UpstanderAudience;

/* Room for a class's points, on one page. */
#define UPSTANDER_VOICE_MAX_LINES 5      /* per audience */
#define UPSTANDER_VOICE_MAX_CHARS 280    /* per line */

#define UPSTANDER_TYPE_CLASS_VOICE (upstander_class_voice_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderClassVoice, upstander_class_voice, UPSTANDER, CLASS_VOICE, GObject)

UpstanderClassVoice *upstander_class_voice_new         (void);
gboolean             upstander_class_voice_add_line    (UpstanderClassVoice  *self,
                                                        UpstanderAudience     audience,
                                                        const char           *text);
gboolean             upstander_class_voice_remove_line (UpstanderClassVoice  *self,
                                                        UpstanderAudience     audience,
                                                        guint                 index);
const char * const  *upstander_class_voice_get_lines   (UpstanderClassVoice  *self,
                                                        UpstanderAudience     audience);
guint                upstander_class_voice_get_n_lines (UpstanderClassVoice  *self);
const char          *upstander_class_voice_get_draft   (UpstanderClassVoice  *self,
                                                        UpstanderAudience     audience);
void                 upstander_class_voice_set_draft   (UpstanderClassVoice  *self,
                                                        UpstanderAudience     audience,
                                                        const char           *text);

G_END_DECLS
