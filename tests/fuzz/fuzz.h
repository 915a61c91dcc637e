/* fuzz.h: what every fuzz target shares */
#pragma once

#include <glib.h>
#include <libxml/parser.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

/* Warnings and criticals are bugs here: make them crash, so the fuzzer keeps them. */
static inline void
fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  xmlInitParser ();
}
