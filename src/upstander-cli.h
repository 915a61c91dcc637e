/* upstander-cli.h: the commands that need no display (--validate, --list, --handout and the lesson kit)
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "upstander-lesson-kit.h"

G_BEGIN_DECLS

/* Exit statuses of --validate. */
#define UPSTANDER_VALIDATE_OK          0
#define UPSTANDER_VALIDATE_ERRORS      1
#define UPSTANDER_VALIDATE_UNREADABLE  2

int upstander_cli_validate (const char * const *files);
int upstander_cli_list     (void);
int upstander_cli_handout  (const char *scenario_id,
                            const char *output,
                            const char *language,
                            const char *region);
int upstander_cli_kit      (UpstanderKitDocument  kind,
                            const char           *scenario_id,
                            const char           *output,
                            const char           *language,
                            const char           *region);

G_END_DECLS
