/* upstander-help-sheet.h: the help for a region, as lines that the help page and the documents both show
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "upstander-library.h"

G_BEGIN_DECLS

typedef enum
{
  UPSTANDER_HELP_LINE_NAME,         /* the service's name: its own, else the translated one */
  UPSTANDER_HELP_LINE_TRANSLATION,  /* the name in the reader's language, beside its own */
  UPSTANDER_HELP_LINE_DESCRIPTION,
  UPSTANDER_HELP_LINE_CALL,         /* target: the number */
  UPSTANDER_HELP_LINE_TEXT,         /* target: the number to text */
  UPSTANDER_HELP_LINE_LINK,         /* target: an https:// address */
  UPSTANDER_HELP_LINE_DETAIL,       /* free, opening hours */
  UPSTANDER_HELP_LINE_ADDED_BY,     /* not built in: who added it */
} UpstanderHelpLineKind;

typedef struct
{
  UpstanderHelpLineKind  kind;
  char                  *text;    /* plain text, never markup */
  char                  *target;  /* nullable: the number or address alone */
} UpstanderHelpLine;

typedef struct
{
  char      *name;    /* for the card's accessible name */
  GPtrArray *lines;   /* UpstanderHelpLine */
} UpstanderHelpCard;

typedef struct
{
  UpstanderContactKind  kind;
  char                 *heading;
  GPtrArray            *cards;   /* UpstanderHelpCard */
} UpstanderHelpSection;

typedef struct
{
  char      *region;       /* nullable: the ISO 3166-1 code shown */
  char      *region_line;  /* whose help this is, in words */
  char      *notice;       /* nullable: why only help for everywhere is shown */
  gboolean   national;     /* some contact is the region's own */
  GPtrArray *advice;       /* char*: the region's own and shared advice */
  GPtrArray *general_advice; /* char*: the advice for every region */
  GPtrArray *sections;     /* UpstanderHelpSection, in a fixed order, none empty */
} UpstanderHelpSheet;

UpstanderHelpSheet *upstander_help_sheet_new  (UpstanderLibrary   *library,
                                               const char         *region);
void                upstander_help_sheet_free (UpstanderHelpSheet *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UpstanderHelpSheet, upstander_help_sheet_free)

G_END_DECLS
