/* upstander-bundle-private.h: the parts of a bundle the loader and checks fill in
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/tree.h>

#include "upstander-bundle.h"
#include "upstander-scenario-private.h"

G_BEGIN_DECLS

struct _UpstanderBundle
{
  GObject parent_instance;

  char          *id;
  guint          version;
  char          *lang;
  char          *source;
  UpstanderText *name;
  UpstanderText *description;
  char          *author;
  char          *license;

  GPtrArray  *topics;      /* UpstanderTopic */
  GHashTable *topics_by_id; /* id → UpstanderTopic in topics */
  GPtrArray  *scenarios;   /* UpstanderScenario */
  GPtrArray  *help;        /* UpstanderHelp */
  GPtrArray  *guides;      /* UpstanderGuide */

  GStrv       languages;   /* the reader's, best first; NULL: the system's */
};

/* Limits shared by the streaming pass and the loader (docs/bundle-format.md). */
#define UPSTANDER_MAX_SCENARIOS 200
#define UPSTANDER_MAX_TOPIC_REFS 20
#define UPSTANDER_MAX_REGIONS 300

/* The loader's state for one document; the checks report through it too. */
typedef struct
{
  const char      *file;
  GPtrArray       *diagnostics;
  guint            n_reported;          /* errors shown */
  guint            n_warnings_reported; /* warnings shown */
  gboolean         said_too_many;
  guint            n_errors;
  UpstanderBundle *bundle;
  guint            flag_states_left; /* for the flag reachability of every scenario */
  gint64           deadline;   /* monotonic time; 0: none */
  guint            n_elements; /* parsed so far */
  gboolean         timed_out;
} UpstanderLoadState;

void _upstander_report (UpstanderLoadState *state,
                        guint               line,
                        guint               column,
                        UpstanderSeverity   severity,
                        const char         *format,
                        ...) G_GNUC_PRINTF (5, 6);

char *_upstander_quote (const char *value);


void _upstander_check_bundle (UpstanderLoadState *state);

gboolean _upstander_past_deadline (UpstanderLoadState *state);

UpstanderBundle *_upstander_bundle_load_file_until (GFile       *file,
                                                    gint64       deadline,
                                                    GPtrArray   *diagnostics,
                                                    GError     **error);

gboolean _upstander_prescan (UpstanderLoadState *state,
                             const char         *data,
                             gsize               size);

UpstanderBundle *_upstander_bundle_new (void);

G_END_DECLS
