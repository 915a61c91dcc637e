/* upstander-progress.h: which stories were finished and which endings found, kept on disk
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The format written by this version; a file with a higher one is never overwritten. */
#define UPSTANDER_PROGRESS_FORMAT 1

typedef enum
{
  UPSTANDER_PROGRESS_NOTICE_NONE,
  UPSTANDER_PROGRESS_NOTICE_CORRUPT,     /* the file was unreadable: moved aside, fresh start */
  UPSTANDER_PROGRESS_NOTICE_UNWRITABLE,  /* progress cannot be saved here */
  UPSTANDER_PROGRESS_NOTICE_NEWER,       /* written by a newer version: kept, not overwritten */
} UpstanderProgressNotice;

#define UPSTANDER_TYPE_PROGRESS (upstander_progress_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderProgress, upstander_progress, UPSTANDER, PROGRESS, GObject)

UpstanderProgress       *upstander_progress_new                 (const char        *path);
const char              *upstander_progress_get_path            (UpstanderProgress *self);
void                     upstander_progress_load                (UpstanderProgress *self);
void                     upstander_progress_flush               (UpstanderProgress *self);
UpstanderProgressNotice  upstander_progress_take_notice         (UpstanderProgress *self);
gboolean                 upstander_progress_get_finished        (UpstanderProgress *self,
                                                                 const char        *bundle_id,
                                                                 const char        *scenario_id,
                                                                 guint              version);
GStrv                    upstander_progress_dup_endings         (UpstanderProgress *self,
                                                                 const char        *bundle_id,
                                                                 const char        *scenario_id,
                                                                 guint              version);
guint                    upstander_progress_get_n_endings       (UpstanderProgress *self,
                                                                 const char        *bundle_id,
                                                                 const char        *scenario_id,
                                                                 guint              version);
gboolean                 upstander_progress_add_ending          (UpstanderProgress *self,
                                                                 const char        *bundle_id,
                                                                 const char        *scenario_id,
                                                                 guint              version,
                                                                 const char        *ending_id);
void                     upstander_progress_forget              (UpstanderProgress *self);
GBytes                  *upstander_progress_remove_story        (UpstanderProgress *self,
                                                                 const char        *bundle_id,
                                                                 const char        *scenario_id);
void                     upstander_progress_restore_story       (UpstanderProgress *self,
                                                                 GBytes            *removed);

G_END_DECLS
