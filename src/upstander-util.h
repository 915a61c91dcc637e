/* upstander-util.h: small helpers the pages share
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "upstander-text.h"

G_BEGIN_DECLS

const char *upstander_ui_text                  (const UpstanderText *text);
GtkWidget  *upstander_text_label_new           (const char          *text,
                                                const char          *css_class);
void        upstander_text_label_set_text      (GtkWidget           *label,
                                                const char          *text);
GtkWidget  *upstander_box_new_like             (GtkWidget           *box);
void        upstander_box_swap_in              (GtkWidget          **slot,
                                                GtkWidget           *filled);
void        upstander_box_replace_first        (GtkWidget           *box,
                                                GtkWidget          **slot,
                                                GtkWidget           *widget);
GtkWidget  *upstander_box_add_text_label       (GtkBox              *box,
                                                const char          *text,
                                                const char          *css_class);
void        upstander_button_set_label_a11y    (GtkWidget           *button,
                                                const char          *label);
GtkWidget  *upstander_text_button_new          (const char          *label,
                                                const char          *action_name,
                                                GVariant            *target);
void        upstander_name_mnemonic_buttons    (GtkWidget           *root);
GdkPaintable *upstander_ending_star_lookup     (GtkWidget           *widget,
                                                gboolean             found);
GtkWidget  *upstander_ending_star_new          (GdkPaintable        *picture,
                                                gboolean             found);

/* Called with the file the user chose; @widget is the one that asked. */
typedef void (*UpstanderSaveFunc) (GtkWidget *widget,
                                   GFile     *file);

void        upstander_ask_where_to_save        (GtkWidget           *widget,
                                                const char          *title,
                                                const char          *name,
                                                UpstanderSaveFunc    save);

G_END_DECLS
