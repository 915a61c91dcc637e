/* upstander-window.h: the main window: the catalogue of stories and the player */
#pragma once

#include <adwaita.h>

#include "upstander-application.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_WINDOW (upstander_window_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderWindow, upstander_window, UPSTANDER, WINDOW, AdwApplicationWindow)

UpstanderWindow *upstander_window_new (UpstanderApplication *application);

G_END_DECLS
