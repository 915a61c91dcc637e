/* upstander-model.h: the plain, read-only parts of a loaded bundle
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "upstander-text.h"

G_BEGIN_DECLS

/*
 * Everything below is built by the loader, owned by its UpstanderBundle or
 * UpstanderScenario and never changed after loading: consumers read the
 * fields directly and never free them. Arrays hold pointers to the structs
 * named in their comment; `line` is the line in the bundle file, for
 * diagnostics and for authors.
 */

typedef enum
{
  UPSTANDER_PLACE_GROUP_CHAT,
  UPSTANDER_PLACE_DIRECT_MESSAGE,
  UPSTANDER_PLACE_SOCIAL_FEED,
  UPSTANDER_PLACE_GAME_LOBBY,
  UPSTANDER_PLACE_VIDEO,
  UPSTANDER_PLACE_SCHOOL,
  UPSTANDER_PLACE_HOME,
  UPSTANDER_PLACE_OUTDOORS,
} UpstanderPlace;

typedef enum
{
  UPSTANDER_ROLE_NONE,
  UPSTANDER_ROLE_PLAYER,
  UPSTANDER_ROLE_TARGET,
  UPSTANDER_ROLE_FRIEND,
  UPSTANDER_ROLE_ADULT,
} UpstanderRole;

typedef enum
{
  UPSTANDER_LINE_MESSAGE,
  UPSTANDER_LINE_NARRATION,
  UPSTANDER_LINE_POST,
  UPSTANDER_LINE_COMMENT,
} UpstanderLineKind;

typedef enum
{
  UPSTANDER_EFFECT_HELPFUL,
  UPSTANDER_EFFECT_MIXED,
  UPSTANDER_EFFECT_HARMFUL,
} UpstanderEffect;

typedef enum
{
  UPSTANDER_OUTCOME_POSITIVE,
  UPSTANDER_OUTCOME_MIXED,
  UPSTANDER_OUTCOME_NEGATIVE,
} UpstanderOutcome;

typedef enum
{
  UPSTANDER_CONTACT_HELPLINE,
  UPSTANDER_CONTACT_REPORT,
  UPSTANDER_CONTACT_DIRECTORY,
  UPSTANDER_CONTACT_EMERGENCY,
  UPSTANDER_CONTACT_IMAGES,     /* reporting or removing images, apart from "talk to someone" */
} UpstanderContactKind;

/* How a child can reach a contact, in the order the bundle lists them. */
typedef enum
{
  UPSTANDER_WAY_CALL,  /* value: a phone number */
  UPSTANDER_WAY_TEXT,  /* value: a number for SMS; keyword: what to send, if any */
  UPSTANDER_WAY_CHAT,  /* value: an https:// address of a chat */
  UPSTANDER_WAY_FORM,  /* value: an https:// address of a form to report at */
  UPSTANDER_WAY_WEB,   /* value: an https:// address to read more at */
} UpstanderWayKind;

typedef struct
{
  UpstanderWayKind  kind;
  char             *value;
  char             *keyword;  /* nullable */
} UpstanderContactWay;

typedef struct
{
  char *if_flag;      /* nullable: shown only when set */
  char *unless_flag;  /* nullable: shown only when not set */
} UpstanderCondition;

typedef struct
{
  char          *id;
  UpstanderText *name;
} UpstanderTopic;

/*
 * The illustrated avatars a <person avatar="…"> may name, space-separated, as
 * in the schema and docs/bundle-format.md. Each has a drawing, data/avatars/NAME.svg
 * and NAME-dark.svg (build-aux/draw-avatars.py), rendered to PNG in the app's
 * resources at build time (resources/avatars/meson.build lists the names too).
 */
#define UPSTANDER_AVATAR_NAMES \
  "braids hijab curls glasses ponytail bob spiky wheelchair hearing-aid puffs " \
  "patka beanie waves buzz fringe headphones grandma grandpa adult-beard " \
  "adult-hijab adult-glasses adult-curly adult-long adult-short adult-braids " \
  "anonymous page you"

typedef struct
{
  char          *id;
  UpstanderRole  role;
  UpstanderText *name;
  char          *avatar;  /* nullable: one of UPSTANDER_AVATAR_NAMES, else initials */
  char          *team;    /* nullable: an id; the same team, the same colour in a game lobby */
  int            team_number; /* UPSTANDER_TEAM_*, or 1, 2… in the order the cast first names the team */
  guint          line;
} UpstanderPerson;

/* A person's team_number when the cast gives them no team, or the player's own. */
#define UPSTANDER_TEAM_NONE   (-1)
#define UPSTANDER_TEAM_PLAYER 0

typedef struct _UpstanderLine UpstanderLine;

struct _UpstanderLine
{
  UpstanderLineKind      kind;
  UpstanderCondition     condition;
  const UpstanderPerson *from;      /* NULL for narration */
  GPtrArray             *texts;     /* UpstanderText: one, or paragraphs of narration */
  GPtrArray             *comments;  /* UpstanderLine (COMMENT), posts only, else NULL */
  guint                  line;
};

typedef struct
{
  char               *id;
  char               *next;
  UpstanderEffect     effect;
  char               *sets;       /* nullable */
  char               *guide;      /* nullable: a guide id in the same bundle */
  UpstanderCondition  condition;
  UpstanderText      *label;
  GPtrArray          *feedback;   /* UpstanderText */
  guint               line;
} UpstanderChoice;

typedef struct
{
  UpstanderText *prompt;
  GPtrArray     *questions;  /* UpstanderText */
  GPtrArray     *choices;    /* UpstanderChoice */
  guint          line;
} UpstanderDecision;

typedef struct
{
  char               *next;
  UpstanderCondition  condition;
  guint               line;
} UpstanderContinue;

typedef struct
{
  char              *id;
  UpstanderPlace     place;
  gboolean           is_start;
  UpstanderText     *title;        /* nullable */
  GPtrArray         *lines;        /* UpstanderLine */
  UpstanderDecision *decision;     /* nullable: then continues has at least one */
  GPtrArray         *continues;    /* UpstanderContinue */
  GPtrArray         *facilitator;  /* UpstanderText */
  guint              line;
} UpstanderScene;

typedef struct
{
  char             *id;
  UpstanderOutcome  outcome;
  char             *guide;      /* nullable */
  UpstanderText    *title;
  GPtrArray        *texts;      /* UpstanderText */
  GPtrArray        *takeaways;  /* UpstanderText */
  guint             line;
} UpstanderEnding;

/* A step of a lesson plan that the author wrote (<lesson-plan><step>). */
#define UPSTANDER_MAX_PLAN_STEPS        12
#define UPSTANDER_MAX_PLAN_MINUTES      120
#define UPSTANDER_MIN_CHECK_STATEMENTS  3
#define UPSTANDER_MAX_CHECK_STATEMENTS  5

typedef struct
{
  guint          minutes;
  UpstanderText *title;
  GPtrArray     *texts;   /* UpstanderText */
  guint          line;
} UpstanderPlanStep;

typedef struct
{
  UpstanderContactKind  kind;
  UpstanderText        *name;
  UpstanderText        *description;  /* nullable */
  char                 *phone;        /* nullable */
  char                 *url;          /* nullable */
  UpstanderText        *hours;        /* nullable */
  char                 *source;
  guint                 line;
  char                 *local_name;   /* nullable: the service's own name, untranslated */
  gboolean              free;         /* the source says it is free */
  char                 *checked;      /* nullable: YYYY-MM-DD the source was last read */
  GPtrArray            *ways;         /* UpstanderContactWay; phone and url are the first call and web */
} UpstanderContact;

typedef struct
{
  GStrv      regions;   /* ISO 3166-1 alpha-2 codes, or the single entry "all" */
  GPtrArray *advice;    /* UpstanderText */
  GPtrArray *contacts;  /* UpstanderContact */
  guint      line;
} UpstanderHelp;

typedef enum
{
  UPSTANDER_GUIDE_PARAGRAPH,
  UPSTANDER_GUIDE_LIST,
} UpstanderGuideBlockKind;

typedef struct
{
  UpstanderGuideBlockKind  kind;
  UpstanderText           *text;   /* paragraphs */
  GPtrArray               *items;  /* UpstanderText, lists */
} UpstanderGuideBlock;

typedef struct
{
  char          *id;
  UpstanderText *title;
  UpstanderText *summary;
  GPtrArray     *blocks;   /* UpstanderGuideBlock */
  GStrv          sources;
  guint          line;
} UpstanderGuide;

gboolean    upstander_id_is_valid       (const char      *id);
const char *upstander_enum_to_nick      (GType            type,
                                         int              value);
gboolean    upstander_enum_from_nick    (GType            type,
                                         const char      *nick,
                                         int             *value);
const char *upstander_place_to_string   (UpstanderPlace   place);
gboolean    upstander_place_is_chat     (UpstanderPlace   place);
const char *upstander_effect_to_string  (UpstanderEffect  effect);
const char *upstander_outcome_to_string (UpstanderOutcome outcome);

/* Used by the loader to build and free the structs above. */
void upstander_topic_free   (gpointer topic);
void upstander_person_free  (gpointer person);
void upstander_line_free    (gpointer line);
void upstander_choice_free  (gpointer choice);
void upstander_decision_free (gpointer decision);
void upstander_continue_free (gpointer cont);
void upstander_scene_free   (gpointer scene);
void upstander_ending_free  (gpointer ending);
void upstander_plan_step_free (gpointer step);
void upstander_contact_way_free (gpointer way);
void upstander_contact_free (gpointer contact);
void upstander_help_free    (gpointer help);
void upstander_guide_block_free (gpointer block);
void upstander_guide_free   (gpointer guide);
GPtrArray *upstander_text_array_new (void);

G_END_DECLS
