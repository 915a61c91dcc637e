/* upstander-workshop-story.h: a story being written in the workshop, with undo, checks and bundle XML
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "upstander-bundle.h"
#include "upstander-diagnostic.h"
#include "upstander-workshop-item.h"

G_BEGIN_DECLS

/* What a problem is about; the app words each one in the reader's language. */
typedef enum
{
  UPSTANDER_WORKSHOP_PROBLEM_NO_TITLE,
  UPSTANDER_WORKSHOP_PROBLEM_NO_SUMMARY,
  UPSTANDER_WORKSHOP_PROBLEM_NO_GOAL,
  UPSTANDER_WORKSHOP_PROBLEM_NO_TOPIC,
  UPSTANDER_WORKSHOP_PROBLEM_NO_SCENE,
  UPSTANDER_WORKSHOP_PROBLEM_NO_ENDING,
  UPSTANDER_WORKSHOP_PROBLEM_NO_NAME,           /* a person */
  UPSTANDER_WORKSHOP_PROBLEM_EMPTY_LINE,
  UPSTANDER_WORKSHOP_PROBLEM_UNKNOWN_SPEAKER,
  UPSTANDER_WORKSHOP_PROBLEM_NO_WAY_ON,         /* a scene without choices or next */
  UPSTANDER_WORKSHOP_PROBLEM_ONE_CHOICE,
  UPSTANDER_WORKSHOP_PROBLEM_NO_PROMPT,
  UPSTANDER_WORKSHOP_PROBLEM_NO_LABEL,          /* a choice */
  UPSTANDER_WORKSHOP_PROBLEM_NO_FEEDBACK,
  UPSTANDER_WORKSHOP_PROBLEM_NO_NEXT,           /* a choice, or a scene's way on */
  UPSTANDER_WORKSHOP_PROBLEM_ENDING_NO_TITLE,
  UPSTANDER_WORKSHOP_PROBLEM_ENDING_NO_TEXT,
  UPSTANDER_WORKSHOP_PROBLEM_ENDING_NO_TAKEAWAY,
  UPSTANDER_WORKSHOP_PROBLEM_TOO_LONG,
  UPSTANDER_WORKSHOP_PROBLEM_NO_ENDING_REACHABLE,
  UPSTANDER_WORKSHOP_PROBLEM_NO_QUESTION,       /* warning: a decision with nothing to discuss */
  UPSTANDER_WORKSHOP_PROBLEM_NO_NOTES,          /* warning: no notes for a teacher */
  UPSTANDER_WORKSHOP_PROBLEM_UNREACHABLE,       /* warning */
  UPSTANDER_WORKSHOP_PROBLEM_PHONE_NUMBER,      /* warning */
  UPSTANDER_WORKSHOP_PROBLEM_ADDRESS,           /* warning */
  UPSTANDER_WORKSHOP_PROBLEM_FULL_NAME,         /* warning */
  UPSTANDER_WORKSHOP_PROBLEM_ENGINE,            /* any other rule of the loader: see message */
} UpstanderWorkshopProblemKind;

/*
 * One problem with a story: which item it concerns (NULL for the story
 * itself), how bad it is, and what it is. @message is the loader's own
 * sentence for ENGINE problems, the text that looks private for the
 * content warnings, else NULL.
 */
typedef struct
{
  UpstanderWorkshopItem        *item;
  UpstanderSeverity             severity;
  UpstanderWorkshopProblemKind  kind;
  char                         *message;
} UpstanderWorkshopProblem;

void  upstander_workshop_problem_free  (UpstanderWorkshopProblem *self);
guint upstander_workshop_count_errors  (GPtrArray                *problems);

/* The limits of the bundle format, so the editor can say them before the checks. */
#define UPSTANDER_WORKSHOP_MAX_TEXT 4000
#define UPSTANDER_WORKSHOP_MAX_SHORT_TEXT 200
#define UPSTANDER_WORKSHOP_MAX_CHOICES 4
#define UPSTANDER_WORKSHOP_MAX_LINES 100
#define UPSTANDER_WORKSHOP_MAX_CAST 50
#define UPSTANDER_WORKSHOP_MAX_NODES 200

#define UPSTANDER_TYPE_WORKSHOP_STORY (upstander_workshop_story_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderWorkshopStory, upstander_workshop_story, UPSTANDER, WORKSHOP_STORY, GObject)

UpstanderWorkshopStory *upstander_workshop_story_new            (const char             *language,
                                                                 const char             *player_name);
UpstanderWorkshopStory *upstander_workshop_story_new_from_bytes (GBytes                 *bytes,
                                                                 const char             *display_name,
                                                                 GError                **error);
UpstanderWorkshopStory *upstander_workshop_story_import         (GBytes                 *bytes,
                                                                 const char             *display_name,
                                                                 GPtrArray              *diagnostics,
                                                                 GError                **error);

const char             *upstander_workshop_story_get_bundle_id  (UpstanderWorkshopStory *self);
const char             *upstander_workshop_story_get_scenario_id (UpstanderWorkshopStory *self);
const char             *upstander_workshop_story_get_language   (UpstanderWorkshopStory *self);
guint                   upstander_workshop_story_get_version    (UpstanderWorkshopStory *self);
void                    upstander_workshop_story_bump_version   (UpstanderWorkshopStory *self);
const char             *upstander_workshop_story_get            (UpstanderWorkshopStory *self,
                                                                 const char             *property);

GListModel             *upstander_workshop_story_get_topics     (UpstanderWorkshopStory *self);
GListModel             *upstander_workshop_story_get_cast       (UpstanderWorkshopStory *self);
GListModel             *upstander_workshop_story_get_scenes     (UpstanderWorkshopStory *self);
GListModel             *upstander_workshop_story_get_endings    (UpstanderWorkshopStory *self);
UpstanderWorkshopItem  *upstander_workshop_story_lookup         (UpstanderWorkshopStory *self,
                                                                 const char             *id);
UpstanderWorkshopItem  *upstander_workshop_story_find_parent    (UpstanderWorkshopStory *self,
                                                                 UpstanderWorkshopItem  *item);

/* Edits: each one can be undone. */
void                    upstander_workshop_story_set            (UpstanderWorkshopStory *self,
                                                                 gpointer                object,
                                                                 const char             *property,
                                                                 const char             *value);
UpstanderWorkshopItem  *upstander_workshop_story_add_person     (UpstanderWorkshopStory *self,
                                                                 const char             *name);
UpstanderWorkshopItem  *upstander_workshop_story_add_topic      (UpstanderWorkshopStory *self,
                                                                 const char             *id,
                                                                 const char             *name);
UpstanderWorkshopItem  *upstander_workshop_story_add_scene      (UpstanderWorkshopStory *self,
                                                                 const char             *place);
UpstanderWorkshopItem  *upstander_workshop_story_add_line       (UpstanderWorkshopStory *self,
                                                                 UpstanderWorkshopItem  *scene,
                                                                 const char             *speaker,
                                                                 const char             *text);
UpstanderWorkshopItem  *upstander_workshop_story_add_choice     (UpstanderWorkshopStory *self,
                                                                 UpstanderWorkshopItem  *scene);
UpstanderWorkshopItem  *upstander_workshop_story_add_ending     (UpstanderWorkshopStory *self,
                                                                 const char             *outcome);
gboolean                upstander_workshop_story_remove         (UpstanderWorkshopStory *self,
                                                                 UpstanderWorkshopItem  *item);
gboolean                upstander_workshop_story_move           (UpstanderWorkshopStory *self,
                                                                 UpstanderWorkshopItem  *item,
                                                                 int                     delta);

gboolean                upstander_workshop_story_can_undo       (UpstanderWorkshopStory *self);
gboolean                upstander_workshop_story_can_redo       (UpstanderWorkshopStory *self);
gboolean                upstander_workshop_story_undo           (UpstanderWorkshopStory *self);
gboolean                upstander_workshop_story_redo           (UpstanderWorkshopStory *self);
void                    upstander_workshop_story_break_merge    (UpstanderWorkshopStory *self);

GBytes                 *upstander_workshop_story_to_bytes       (UpstanderWorkshopStory *self);
GPtrArray              *upstander_workshop_story_check          (UpstanderWorkshopStory *self,
                                                                 UpstanderBundle       **bundle);

G_END_DECLS
