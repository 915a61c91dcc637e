/* upstander-diagnostic.c: one problem found in a bundle, kept as data
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-content"

#include "upstander-diagnostic.h"

#include <string.h>

UpstanderDiagnostic *
upstander_diagnostic_new (const char        *file,
                          guint              line,
                          guint              column,
                          UpstanderSeverity  severity,
                          const char        *message)
{
  UpstanderDiagnostic *self;

  g_return_val_if_fail (message != NULL, NULL);

  self = g_new0 (UpstanderDiagnostic, 1);
  self->file = g_strdup (file != NULL ? file : "(bundle)");
  self->line = line;
  self->column = column;
  self->severity = severity;
  self->message = g_strdup (message);

  return self;
}

void
upstander_diagnostic_free (UpstanderDiagnostic *self)
{
  if (self == NULL)
    return;

  g_free (self->file);
  g_free (self->message);
  g_free (self);
}

/**
 * upstander_diagnostic_escape_name:
 * @name: a file name as the file system gave it
 *
 * A file name is chosen by whoever wrote the file: it may hold invalid
 * UTF-8, terminal escapes, line breaks that forge a diagnostic of their own,
 * or bidirectional overrides. What is shown keeps it on one line, printable:
 * each such character becomes "?", as in the quoted values of messages.
 *
 * Returns: (transfer full): @name, safe to print
 */
char *
upstander_diagnostic_escape_name (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name != NULL ? name : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        g_string_append_c (out, '?');
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* "FILE:LINE:COL: error: message", leaving out what is unknown. */
char *
upstander_diagnostic_format (const UpstanderDiagnostic *self)
{
  g_autofree char *file = NULL;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  file = upstander_diagnostic_escape_name (self->file);
  out = g_string_new (file);
  if (self->line > 0)
    g_string_append_printf (out, ":%u", self->line);
  if (self->line > 0 && self->column > 0)
    g_string_append_printf (out, ":%u", self->column);
  g_string_append (out, self->severity == UPSTANDER_SEVERITY_ERROR ? ": error: " : ": warning: ");
  g_string_append (out, self->message);

  return g_string_free (out, FALSE);
}

GPtrArray *
upstander_diagnostics_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) upstander_diagnostic_free);
}

guint
upstander_diagnostics_count (GPtrArray         *diagnostics,
                             UpstanderSeverity  severity)
{
  guint count = 0;

  g_return_val_if_fail (diagnostics != NULL, 0);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const UpstanderDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      if (diagnostic->severity == severity)
        count++;
    }

  return count;
}
