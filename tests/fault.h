/* fault.h: faults a test injects: a full disk, a file size limit, a child process to hold them
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sys/types.h>

G_BEGIN_DECLS

pid_t    fault_fork             (void);
void     fault_in_child         (void          (*func) (gconstpointer),
                                 gconstpointer   data);
gboolean fault_mount_tiny_tmpfs (const char     *dir);
void     fault_fill_up          (const char     *dir);
void     fault_limit_file_size  (void);

G_END_DECLS
