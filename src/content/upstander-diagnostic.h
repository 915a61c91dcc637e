/* upstander-diagnostic.h: one problem found in a bundle, kept as data
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  UPSTANDER_SEVERITY_WARNING,
  UPSTANDER_SEVERITY_ERROR,
} UpstanderSeverity;

typedef struct
{
  char              *file;     /* as given to the loader: a path, or a resource path */
  guint              line;     /* 0 when unknown */
  guint              column;   /* 0 when unknown */
  UpstanderSeverity  severity;
  char              *message;  /* one sentence for the bundle's author */
} UpstanderDiagnostic;

UpstanderDiagnostic *upstander_diagnostic_new    (const char          *file,
                                                  guint                line,
                                                  guint                column,
                                                  UpstanderSeverity    severity,
                                                  const char          *message);
void                 upstander_diagnostic_free   (UpstanderDiagnostic *self);
char                *upstander_diagnostic_format (const UpstanderDiagnostic *self);
char                *upstander_diagnostic_escape_name (const char     *name);
GPtrArray           *upstander_diagnostics_new   (void);
guint                upstander_diagnostics_count (GPtrArray           *diagnostics,
                                                  UpstanderSeverity    severity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UpstanderDiagnostic, upstander_diagnostic_free)

G_END_DECLS
