/* ui-test.h: what every widget test needs: waiting, finding widgets, clicking, screenshots, reading PDFs back
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "upstander-application.h"
#include "upstander-window.h"

G_BEGIN_DECLS

void                  ui_test_spin          (guint                 ms);
void                  ui_test_wait_for_size (GtkWindow            *window,
                                             int                   width,
                                             int                   height);
GPtrArray            *ui_test_find_all      (GtkWidget            *root,
                                             GType                 type,
                                             const char           *css_class);
GtkWidget            *ui_test_find_one      (GtkWidget            *root,
                                             GType                 type,
                                             const char           *css_class);
GtkWidget            *ui_test_find_shown    (GtkWidget            *root,
                                             GType                 type,
                                             const char           *css_class);
GtkWidget            *ui_test_find_label    (GtkWidget            *root,
                                             const char           *text);
GtkWidget            *ui_test_find_button   (GtkWidget            *root,
                                             const char           *text);
void                  ui_test_click         (GtkWidget            *root,
                                             const char           *text);
void                  ui_test_click_button  (GtkWidget            *button);
UpstanderApplication *ui_test_new_app       (UpstanderLibrary     *library);
void                  ui_test_set_language  (UpstanderSettings    *settings,
                                             const char           *code);
void                  ui_test_close_app     (UpstanderApplication *app);
void                  ui_test_save_shot     (GtkWidget            *widget,
                                             const char           *file_name);
guint                 ui_test_count_children (GtkWidget          *widget);
char                 *ui_test_progress_path (void);
void                  ui_test_add_system_data_dirs (void);
GtkWindow            *ui_test_find_toplevel (GType                 type);
GtkWindow            *ui_test_wait_for_toplevel (GType             type);
void                  ui_test_wait_for_paint (GtkWindow          *window);
void                  ui_test_activate_story (UpstanderWindow     *window,
                                              const char          *title);
UpstanderWindow      *ui_test_wait_for_new_window (UpstanderApplication *app,
                                                   gpointer             *old);
UpstanderWindow      *ui_test_switch_language (UpstanderApplication *app,
                                               UpstanderWindow      *window,
                                               const char           *code);
void                  ui_test_remove_tree   (const char           *path);
char                 *ui_test_pdf_text      (const char           *pdf);
void                  ui_test_assert_has    (const char           *text,
                                             const char           *wanted);
void                  ui_test_assert_lacks  (const char           *text,
                                             const char           *unwanted);

G_END_DECLS
