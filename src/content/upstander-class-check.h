/* upstander-class-check.h: the class's before-and-after check: statements and a show of hands for each, twice
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  UPSTANDER_CHECK_BEFORE,
  UPSTANDER_CHECK_AFTER,
} UpstanderCheckRound;

#define UPSTANDER_TYPE_CLASS_CHECK (upstander_class_check_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderClassCheck, upstander_class_check, UPSTANDER, CLASS_CHECK, GObject)

UpstanderClassCheck *upstander_class_check_new             (const char * const  *statements);
guint                upstander_class_check_get_n_statements (UpstanderClassCheck *self);
const char          *upstander_class_check_get_statement   (UpstanderClassCheck *self,
                                                            guint                index);
gboolean             upstander_class_check_set_statements (UpstanderClassCheck *self,
                                                            const char * const  *statements);
UpstanderCheckRound  upstander_class_check_get_round       (UpstanderClassCheck *self);
void                 upstander_class_check_set_round       (UpstanderClassCheck *self,
                                                            UpstanderCheckRound  round);
gboolean             upstander_class_check_add_hand        (UpstanderClassCheck *self,
                                                            guint                index);
gboolean             upstander_class_check_remove_hand     (UpstanderClassCheck *self,
                                                            guint                index);
guint                upstander_class_check_get_hands       (UpstanderClassCheck *self,
                                                            UpstanderCheckRound  round,
                                                            guint                index);
gboolean             upstander_class_check_get_taken       (UpstanderClassCheck *self,
                                                            UpstanderCheckRound  round);
void                 upstander_class_check_mark_taken      (UpstanderClassCheck *self);

G_END_DECLS
