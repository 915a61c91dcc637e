/* upstander-session.h: one playthrough of a scenario, as a pure state machine
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include <gio/gio.h>

#include "upstander-choice-item.h"
#include "upstander-ending-item.h"
#include "upstander-scenario.h"

G_BEGIN_DECLS

typedef enum
{
  UPSTANDER_SESSION_SCENE,     /* a scene: its lines, then its decision or a way on */
  UPSTANDER_SESSION_FEEDBACK,  /* a choice was made: its feedback, then its next */
  UPSTANDER_SESSION_ENDING,    /* an ending was reached */
} UpstanderSessionState;

#define UPSTANDER_SESSION_ERROR (upstander_session_error_quark ())

typedef enum
{
  UPSTANDER_SESSION_ERROR_NOT_NOW,      /* the move does not fit the current state */
  UPSTANDER_SESSION_ERROR_NO_SUCH_CHOICE,
} UpstanderSessionError;

#define UPSTANDER_TYPE_SESSION (upstander_session_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderSession, upstander_session, UPSTANDER, SESSION, GObject)

GQuark                  upstander_session_error_quark        (void);

UpstanderSession       *upstander_session_new                (UpstanderScenario *scenario);
UpstanderSession       *upstander_session_new_with_seed      (UpstanderScenario *scenario,
                                                              guint32            seed);
guint32                 upstander_session_get_seed           (UpstanderSession  *self);
GListModel             *upstander_session_get_lines          (UpstanderSession  *self);
GListModel             *upstander_session_get_choices        (UpstanderSession  *self);
UpstanderChoiceItem    *upstander_session_get_feedback       (UpstanderSession  *self);
UpstanderEndingItem    *upstander_session_get_ending_item    (UpstanderSession  *self);
gboolean                upstander_session_get_all_revealed   (UpstanderSession  *self);
gboolean                upstander_session_reveal_next        (UpstanderSession  *self);
void                    upstander_session_set_n_revealed     (UpstanderSession  *self,
                                                              guint              n_lines);
UpstanderScenario      *upstander_session_get_scenario       (UpstanderSession  *self);
UpstanderSessionState   upstander_session_get_state          (UpstanderSession  *self);
const UpstanderScene   *upstander_session_get_scene          (UpstanderSession  *self);
const UpstanderEnding  *upstander_session_get_ending         (UpstanderSession  *self);
const UpstanderChoice  *upstander_session_get_last_choice    (UpstanderSession  *self);
GPtrArray              *upstander_session_dup_visible_lines  (UpstanderSession  *self);
GPtrArray              *upstander_session_dup_visible_comments (UpstanderSession    *self,
                                                               const UpstanderLine *post);
GPtrArray              *upstander_session_dup_choices        (UpstanderSession  *self);
gboolean                upstander_session_holds              (UpstanderSession         *self,
                                                              const UpstanderCondition *condition);
gboolean                upstander_session_has_flag           (UpstanderSession  *self,
                                                              const char        *flag);
gboolean                upstander_session_choose             (UpstanderSession  *self,
                                                              const char        *choice_id,
                                                              GError           **error);
gboolean                upstander_session_advance            (UpstanderSession  *self,
                                                              GError           **error);
gboolean                upstander_session_can_rewind         (UpstanderSession  *self);
gboolean                upstander_session_rewind             (UpstanderSession  *self);
void                    upstander_session_restart            (UpstanderSession  *self);
guint                   upstander_session_get_n_decisions_made (UpstanderSession *self);
const char             *upstander_session_get_choice_at      (UpstanderSession  *self,
                                                              guint              index);
void                    upstander_session_add_found_ending   (UpstanderSession  *self,
                                                              const char        *ending_id);
gboolean                upstander_session_has_found_ending   (UpstanderSession  *self,
                                                              const char        *ending_id);
guint                   upstander_session_get_n_endings_found (UpstanderSession *self);

G_END_DECLS
