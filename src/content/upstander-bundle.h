/* upstander-bundle.h: a loaded, checked bundle of scenarios, help and guides
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "upstander-diagnostic.h"
#include "upstander-model.h"
#include "upstander-scenario.h"

G_BEGIN_DECLS

#define UPSTANDER_BUNDLE_ERROR (upstander_bundle_error_quark ())

typedef enum
{
  UPSTANDER_BUNDLE_ERROR_READ,      /* the file could not be read at all */
  UPSTANDER_BUNDLE_ERROR_TOO_LARGE, /* over UPSTANDER_BUNDLE_MAX_SIZE */
  UPSTANDER_BUNDLE_ERROR_INVALID,   /* read, but the diagnostics hold errors */
  UPSTANDER_BUNDLE_ERROR_TIMED_OUT, /* not loaded within its deadline */
} UpstanderBundleError;

/* Large enough for hundreds of stories in a dozen languages. */
#define UPSTANDER_BUNDLE_MAX_SIZE (16 * 1024 * 1024)

#define UPSTANDER_TYPE_BUNDLE (upstander_bundle_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderBundle, upstander_bundle, UPSTANDER, BUNDLE, GObject)

GQuark               upstander_bundle_error_quark    (void);

UpstanderBundle     *upstander_bundle_load_bytes     (GBytes            *bytes,
                                                      const char        *display_name,
                                                      GPtrArray         *diagnostics,
                                                      GError           **error);
UpstanderBundle     *upstander_bundle_load_file      (GFile             *file,
                                                      GCancellable      *cancellable,
                                                      GPtrArray         *diagnostics,
                                                      GError           **error);
UpstanderBundle     *upstander_bundle_load_resource  (const char        *resource_path,
                                                      GPtrArray         *diagnostics,
                                                      GError           **error);

const char          *upstander_bundle_get_id          (UpstanderBundle *self);
guint                upstander_bundle_get_version     (UpstanderBundle *self);
const char          *upstander_bundle_get_language    (UpstanderBundle *self);
const char          *upstander_bundle_get_source      (UpstanderBundle *self);
const char          *upstander_bundle_get_name        (UpstanderBundle *self);
const char          *upstander_bundle_get_author      (UpstanderBundle *self);
const char          *upstander_bundle_get_license     (UpstanderBundle *self);
GPtrArray           *upstander_bundle_get_scenarios   (UpstanderBundle *self);
GPtrArray           *upstander_bundle_get_topics      (UpstanderBundle *self);
GPtrArray           *upstander_bundle_get_help        (UpstanderBundle *self);
GPtrArray           *upstander_bundle_get_guides      (UpstanderBundle *self);
const UpstanderGuide *upstander_bundle_lookup_guide   (UpstanderBundle *self,
                                                       const char      *id);
UpstanderScenario   *upstander_bundle_lookup_scenario (UpstanderBundle *self,
                                                       const char      *id);
const char * const  *upstander_bundle_get_languages   (UpstanderBundle *self);
void                 upstander_bundle_set_languages   (UpstanderBundle    *self,
                                                       const char * const *languages);
const char          *upstander_bundle_translate       (UpstanderBundle     *self,
                                                       const UpstanderText *text);

G_END_DECLS
