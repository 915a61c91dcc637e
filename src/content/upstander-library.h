/* upstander-library.h: every scenario of every bundle found, as a GListModel
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "upstander-bundle.h"

G_BEGIN_DECLS

#define UPSTANDER_BUNDLES_RESOURCE "/io/github/upstander/Upstander/bundles"

#define UPSTANDER_TYPE_LIBRARY (upstander_library_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderLibrary, upstander_library, UPSTANDER, LIBRARY, GObject)

UpstanderLibrary  *upstander_library_new               (void);
UpstanderLibrary  *upstander_library_new_full          (gboolean            user_bundles);
UpstanderLibrary  *upstander_library_new_for_sources   (const char          *resource_dir,
                                                        const char * const  *dirs);
void               upstander_library_load_async        (UpstanderLibrary    *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean           upstander_library_load_finish       (UpstanderLibrary    *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
void               upstander_library_load              (UpstanderLibrary    *self);
void               upstander_library_reload            (UpstanderLibrary    *self);
void               upstander_library_set_user_bundles  (UpstanderLibrary    *self,
                                                        gboolean             user_bundles);
gboolean           upstander_library_get_loaded        (UpstanderLibrary    *self);
gboolean           upstander_library_get_complete      (UpstanderLibrary    *self);
void               upstander_library_set_bundle_timeout (UpstanderLibrary   *self,
                                                        gint64               timeout_usec);
GPtrArray         *upstander_library_get_bundles       (UpstanderLibrary    *self);
GPtrArray         *upstander_library_get_diagnostics   (UpstanderLibrary    *self);
guint              upstander_library_get_n_failed      (UpstanderLibrary    *self);
void               upstander_library_set_languages     (UpstanderLibrary    *self,
                                                        const char * const  *languages);
UpstanderScenario *upstander_library_lookup_scenario   (UpstanderLibrary    *self,
                                                        const char          *bundle_id,
                                                        const char          *scenario_id);
GPtrArray         *upstander_library_dup_help          (UpstanderLibrary    *self,
                                                        const char          *region,
                                                        gboolean            *has_regional);
gboolean           upstander_library_bundle_is_builtin (UpstanderLibrary   *self,
                                                        UpstanderBundle    *bundle);
UpstanderBundle   *upstander_library_lookup_help_bundle (UpstanderLibrary    *self,
                                                         const UpstanderHelp *help);
GPtrArray         *upstander_library_dup_topics        (UpstanderLibrary    *self);
const UpstanderGuide *upstander_library_lookup_guide   (UpstanderLibrary    *self,
                                                        const char          *guide_id,
                                                        UpstanderBundle    **bundle);

G_END_DECLS
