/* upstander-settings.h: the app's settings, from GSettings when its schema is installed
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "upstander-region.h"

G_BEGIN_DECLS

typedef struct
{
  const char *id;      /* the value of the "reader" key */
  const char *label;   /* untranslated: translate it where it is shown */
  guint       age_min; /* the ages the band stands for; "adult": all */
  guint       age_max;
} UpstanderReaderBand;

const UpstanderReaderBand *upstander_reader_bands_get_all (guint *n_bands);

#define UPSTANDER_TYPE_SETTINGS (upstander_settings_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderSettings, upstander_settings, UPSTANDER, SETTINGS, GObject)

UpstanderSettings *upstander_settings_new               (void);
UpstanderSettings *upstander_settings_new_for_backend   (GSettingsBackend  *backend);
gboolean           upstander_settings_get_persistent    (UpstanderSettings *self);
const char * const *upstander_settings_get_text_sizes   (void);
const char        *upstander_settings_get_text_size     (UpstanderSettings *self);
void               upstander_settings_set_text_size     (UpstanderSettings *self,
                                                         const char        *text_size);
const char        *upstander_settings_get_region        (UpstanderSettings *self);
void               upstander_settings_set_region        (UpstanderSettings *self,
                                                         const char        *region);
gboolean           upstander_settings_get_classroom_mode (UpstanderSettings *self);
void               upstander_settings_set_classroom_mode (UpstanderSettings *self,
                                                         gboolean           classroom_mode);
gboolean           upstander_settings_get_read_aloud_automatically (UpstanderSettings *self);
void               upstander_settings_set_read_aloud_automatically (UpstanderSettings *self,
                                                                    gboolean           read_aloud_automatically);
const char        *upstander_settings_get_language     (UpstanderSettings *self);
void               upstander_settings_set_language     (UpstanderSettings *self,
                                                         const char        *language);
gboolean           upstander_settings_get_language_chosen (UpstanderSettings *self);
const char        *upstander_settings_get_reader       (UpstanderSettings *self);
void               upstander_settings_set_reader       (UpstanderSettings *self,
                                                         const char        *reader);
void               upstander_settings_choose_reader    (UpstanderSettings *self,
                                                         const char        *reader);
GPtrArray         *upstander_settings_dup_offered_readers (UpstanderSettings *self);
gboolean           upstander_settings_get_reader_offered (UpstanderSettings *self,
                                                          const char        *reader);
gboolean           upstander_settings_get_ages_offered  (UpstanderSettings *self,
                                                         guint              age_min,
                                                         guint              age_max);
gboolean           upstander_settings_get_locked        (UpstanderSettings *self,
                                                         const char        *key);
gboolean           upstander_settings_get_set_by_administrator (UpstanderSettings *self,
                                                                const char        *key);
gboolean           upstander_settings_get_user_bundles  (UpstanderSettings *self);
gboolean           upstander_settings_get_classroom_available (UpstanderSettings *self);
gboolean           upstander_settings_get_reader_unasked (UpstanderSettings *self);
char              *upstander_settings_dup_effective_region (UpstanderSettings *self);
void               upstander_settings_bind_window       (UpstanderSettings *self,
                                                         GObject           *window);
void               upstander_settings_bind_lock         (UpstanderSettings *self,
                                                         const char        *key,
                                                         GObject           *widget);

G_END_DECLS
