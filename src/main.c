/* main.c: starts Upstander
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include "upstander-application.h"

int
main (int   argc,
      char *argv[])
{
  return upstander_application_main (argc, argv);
}
