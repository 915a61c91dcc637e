/* upstander-application.h: the application: actions, command line, windows
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "upstander-class-run.h"
#include "upstander-library.h"
#include "upstander-progress.h"
#include "upstander-settings.h"
#include "upstander-speaker.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_APPLICATION (upstander_application_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderApplication, upstander_application, UPSTANDER, APPLICATION, AdwApplication)

int                   upstander_application_main        (int                   argc,
                                                         char                **argv);
UpstanderApplication *upstander_application_new         (void);
UpstanderLibrary     *upstander_application_get_library (UpstanderApplication *self);
void                  upstander_application_set_library (UpstanderApplication *self,
                                                         UpstanderLibrary     *library);
void                  upstander_application_set_settings (UpstanderApplication *self,
                                                          UpstanderSettings    *settings);
UpstanderProgress    *upstander_application_get_progress (UpstanderApplication *self);
UpstanderSettings    *upstander_application_get_settings (UpstanderApplication *self);
UpstanderSpeaker     *upstander_application_get_speaker  (UpstanderApplication *self);
UpstanderClassRun    *upstander_application_get_class_run (UpstanderApplication *self);
void                  upstander_application_set_class_run (UpstanderApplication *self,
                                                           UpstanderClassRun    *run);
void                  upstander_application_quick_exit  (UpstanderApplication *self);

G_END_DECLS
