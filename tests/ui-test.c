/* ui-test.c: what every widget test needs: waiting, finding widgets, clicking, screenshots, reading PDFs back
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ui-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ui-test.h"
#include "upstander-language-tag.h"

static gboolean
set_true_cb (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms, so GTK can lay out, map and draw. */
void
ui_test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_true_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
count_paint_cb (GdkFrameClock *clock,
                guint         *n_paints)
{
  (*n_paints)++;
}

/*
 * Runs the main loop until @window is mapped at @width × @height and two
 * frames in a row have been painted at that size: on a loaded machine a fixed
 * wait may end before the window manager's size arrives, and a test would then
 * judge a half-sized window. Gives up after 20 s and lets the caller's own
 * checks say what is wrong (a window that cannot be that small, say).
 */
void
ui_test_wait_for_size (GtkWindow *window,
                       int        width,
                       int        height)
{
  GtkWidget *widget = GTK_WIDGET (window);
  gint64 give_up = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint n_paints = 0, n_stable = 0;
  int last_width = -1, last_height = -1;
  GdkFrameClock *clock = NULL;
  gulong handler = 0;

  while (g_get_monotonic_time () < give_up)
    {
      guint seen;

      if (clock == NULL && gtk_widget_get_mapped (widget))
        {
          clock = gtk_widget_get_frame_clock (widget);
          handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint_cb), &n_paints);
        }
      seen = n_paints;
      if (clock != NULL)
        gtk_widget_queue_draw (widget);
      ui_test_spin (10);
      if (clock == NULL || n_paints == seen)
        continue;

      {
        int now_width = gtk_widget_get_width (widget);
        int now_height = gtk_widget_get_height (widget);
        gboolean asked_for = now_width == width && now_height == height;

        n_stable = now_width > 0 && now_width == last_width && now_height == last_height ? n_stable + 1 : 0;
        last_width = now_width;
        last_height = now_height;
        /* At the size asked for, two frames in a row say the layout has
         * settled; at another size (a window that cannot be that small)
         * give the size that is still coming more frames to arrive. */
        if (n_stable >= (asked_for ? 2 : 10))
          break;
      }
    }
  if (clock != NULL)
    g_signal_handler_disconnect (clock, handler);
  g_test_message ("window settled at %d×%d (asked for %d×%d) after %u frames",
                  last_width, last_height, width, height, n_paints);
}

static void
collect (GtkWidget  *root,
         GType       type,
         const char *css_class,
         GPtrArray  *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (css_class == NULL || gtk_widget_has_css_class (child, css_class)))
        g_ptr_array_add (out, child);
      collect (child, type, css_class, out);
    }
}

/* Every widget of @type (and @css_class, if not NULL) under @root, in tree order. */
GPtrArray *
ui_test_find_all (GtkWidget  *root,
                  GType       type,
                  const char *css_class)
{
  GPtrArray *out = g_ptr_array_new ();

  collect (root, type, css_class, out);

  return out;
}

GtkWidget *
ui_test_find_one (GtkWidget  *root,
                  GType       type,
                  const char *css_class)
{
  g_autoptr(GPtrArray) all = ui_test_find_all (root, type, css_class);

  return all->len > 0 ? g_ptr_array_index (all, 0) : NULL;
}

/*
 * The first widget of @type (and @css_class, if not NULL) under @root that
 * is on screen (mapped), or NULL: a stack's pages that are not shown, and
 * widgets hidden for now, hold widgets too.
 */
GtkWidget *
ui_test_find_shown (GtkWidget  *root,
                    GType       type,
                    const char *css_class)
{
  g_autoptr(GPtrArray) all = ui_test_find_all (root, type, css_class);

  for (guint i = 0; i < all->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (all, i)))
      return g_ptr_array_index (all, i);

  return NULL;
}

/* The first mapped label under @root whose text is @text, or NULL. */
GtkWidget *
ui_test_find_label (GtkWidget  *root,
                    const char *text)
{
  g_autoptr(GPtrArray) labels = ui_test_find_all (root, GTK_TYPE_LABEL, NULL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0 &&
          gtk_widget_get_mapped (label))
        return label;
    }

  return NULL;
}

/* The first mapped button under @root whose label reads @text, or NULL. */
GtkWidget *
ui_test_find_button (GtkWidget  *root,
                     const char *text)
{
  g_autoptr(GPtrArray) buttons = ui_test_find_all (root, GTK_TYPE_BUTTON, NULL);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));

      if (!gtk_widget_get_mapped (button))
        continue;
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return button;
      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), text) == 0)
        return button;
    }

  return NULL;
}

/* Emits "clicked" directly: gtk_widget_activate() waits for a press timeout. */
void
ui_test_click_button (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ui_test_spin (10);
}

void
ui_test_click (GtkWidget  *root,
               const char *text)
{
  GtkWidget *button = ui_test_find_button (root, text);

  if (button == NULL)
    g_error ("No button “%s” on screen", text);

  ui_test_click_button (button);
}

/*
 * An app over @library, registered under an id of its own: a registered app
 * stays exported on the bus until the process ends, so two tests in one
 * process must not share one, nor a test and the child it waits for.
 */
UpstanderApplication *
ui_test_new_app (UpstanderLibrary *library)
{
  static guint serial;
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = g_strdup_printf ("%s.Test%u_%u", APP_ID, ++serial, (guint) getpid ());
  UpstanderApplication *app = upstander_application_new ();

  g_application_set_application_id (G_APPLICATION (app), app_id);
  upstander_application_set_library (app, library);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

void
ui_test_close_app (UpstanderApplication *app)
{
  upstander_application_quick_exit (app);
  ui_test_spin (20);
  /* A registered GtkApplication keeps a reference of its own until the
   * process ends, so it cannot be asserted finalized here; its windows are. */
  g_object_unref (app);
}

/* Saves what @widget shows as <build>/tests/screenshots/@file_name.png. */
void
ui_test_save_shot (GtkWidget  *widget,
                   const char *file_name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  const char *build_dir = g_getenv ("G_TEST_BUILDDIR");
  int width, height;

  /* Until the widget is on screen with a size: on a slow machine (or under a
   * sanitizer) a window can take longer than any fixed wait to lay out. */
  ui_test_spin (400);
  for (guint tries = 0; tries < 200 && !(gtk_widget_get_mapped (widget) &&
                                         gtk_widget_get_width (widget) > 0 &&
                                         gtk_widget_get_height (widget) > 0); tries++)
    ui_test_spin (50);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  paintable = gtk_widget_paintable_new (widget);
  /* Empty until the widget has been drawn once since it last changed. */
  for (guint tries = 0; node == NULL && tries < 200; tries++)
    {
      if (tries > 0)
        ui_test_spin (50);
      g_clear_object (&snapshot);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_to_node (snapshot);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  dir = g_build_filename (build_dir != NULL ? build_dir : ".", "screenshots", NULL);
  g_mkdir_with_parents (dir, 0755);
  file = g_strdup_printf ("%s/%s.png", dir, file_name);
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_test_message ("saved %s", file);
}

/* How many children @widget has: rows of a list, lines of a transcript. */
guint
ui_test_count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

char *
ui_test_progress_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "upstander", "progress.ini", NULL);
}

/*
 * The private XDG_DATA_DIRS of the test environment hides the icon theme and
 * the MIME database that GTK's built-in SVG icons need: put the system's
 * back after it. Call before gtk_test_init().
 */
void
ui_test_add_system_data_dirs (void)
{
  const char *data_dirs = g_getenv ("XDG_DATA_DIRS");
  g_autofree char *with_system = g_strconcat (data_dirs != NULL ? data_dirs : "",
                                              ":/usr/local/share:/usr/share", NULL);

  g_setenv ("XDG_DATA_DIRS", with_system, TRUE);
}

/* The first visible toplevel window of @type, or NULL. */
GtkWindow *
ui_test_find_toplevel (GType type)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

/*
 * Runs the main loop until @window has painted a frame: what the app
 * does after its first frame (the first-run question) has then been done.
 * Gives up after 20 s.
 */
void
ui_test_wait_for_paint (GtkWindow *window)
{
  GtkWidget *widget = GTK_WIDGET (window);
  gint64 give_up = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint n_paints = 0;
  GdkFrameClock *clock = NULL;
  gulong handler = 0;

  while (n_paints == 0 && g_get_monotonic_time () < give_up)
    {
      if (clock == NULL && gtk_widget_get_mapped (widget))
        {
          clock = g_object_ref (gtk_widget_get_frame_clock (widget));
          handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint_cb), &n_paints);
          gtk_widget_queue_draw (widget);
        }
      ui_test_spin (10);
    }
  if (clock != NULL)
    {
      g_signal_handler_disconnect (clock, handler);
      g_object_unref (clock);
    }
}

/*
 * Runs the main loop until a visible toplevel of @type is there, such as a
 * dialog the app shows once its window has painted; gives up after 20 s
 * and returns %NULL, for the caller's checks to say what is missing.
 */
GtkWindow *
ui_test_wait_for_toplevel (GType type)
{
  gint64 give_up = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  GtkWindow *found;

  while ((found = ui_test_find_toplevel (type)) == NULL && g_get_monotonic_time () < give_up)
    ui_test_spin (10);

  return found;
}

/* The app's main window, once it is not @old (the language switch built a new one). */
UpstanderWindow *
ui_test_wait_for_new_window (UpstanderApplication *app,
                             gpointer             *old)
{
  gint64 give_up = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (*old != NULL && g_get_monotonic_time () < give_up)
    ui_test_spin (10);
  g_assert_null (*old);
  ui_test_spin (50);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (UPSTANDER_IS_WINDOW (l->data))
      return l->data;

  g_error ("No window after the language switch");
  return NULL;
}

/*
 * Chooses @code as the app's language (as Preferences does) and waits until
 * the app has switched to it: the switch runs from an idle, and a window made
 * before it would be replaced under the test's feet. "" is the system's
 * language, English in the test environment (tests/meson.build sets LANGUAGE).
 */
void
ui_test_set_language (UpstanderSettings *settings,
                      const char        *code)
{
  g_autofree char *expected = NULL;
  gint64 give_up = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  if (code[0] != '\0')
    expected = upstander_language_tag_normalize (code, UPSTANDER_LANGUAGE_TAG_LOCALE);
  else
    expected = g_strdup ("en");
  g_assert_nonnull (expected);

  upstander_settings_set_language (settings, code);
  while (g_strcmp0 (g_getenv ("LANGUAGE"), expected) != 0 && g_get_monotonic_time () < give_up)
    ui_test_spin (10);
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, expected);
  /* Whatever else the switch queued (a window rebuilt) runs now. */
  ui_test_spin (20);
}

/* Chooses @code as the language ("" for the system's) and returns the window built again for it. */
UpstanderWindow *
ui_test_switch_language (UpstanderApplication *app,
                         UpstanderWindow      *window,
                         const char           *code)
{
  gpointer old = window;

  g_object_add_weak_pointer (G_OBJECT (window), &old);
  ui_test_set_language (upstander_application_get_settings (app), code);

  return ui_test_wait_for_new_window (app, &old);
}

/* Removes @path and everything under it (a test's own folder); symbolic links are not followed. */
void
ui_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        ui_test_remove_tree (child);
      else
        g_assert_cmpint (g_remove (child), ==, 0);
    }

  g_assert_cmpint (g_rmdir (path), ==, 0);
}

/* Opens the story titled @title from the catalogue, as a click on its card does. */
void
ui_test_activate_story (UpstanderWindow *window,
                        const char      *title)
{
  GListModel *stories = upstander_window_get_stories (window);
  GtkWidget *grid = ui_test_find_one (GTK_WIDGET (window), GTK_TYPE_GRID_VIEW, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr(UpstanderScenario) scenario = g_list_model_get_item (stories, i);

      if (g_strcmp0 (upstander_scenario_get_title (scenario), title) == 0)
        {
          g_signal_emit_by_name (grid, "activate", i);
          ui_test_spin (10);
          return;
        }
    }

  g_error ("No story “%s” in the catalogue", title);
}

/*
 * What pdftotext gives back differs from the text drawn in ways that do not
 * matter here: line breaks and spaces between glyphs, bidi marks around
 * right-to-left runs, full stops that move to the other end of a right-to-left line,
 * Arabic lam-alef ligatures read back as alef-lam, and Arabic vowel marks and
 * shadda (U+064B–U+0652) that it moves to before their letter.
 * Both sides are compared without them.
 */
static char *
normalize (const char *text,
           gboolean    from_pdf)
{
  g_autoptr(GRegex) drop = g_regex_new ("[\\s.\\x{200E}\\x{200F}\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}\\x{064B}-\\x{0652}]+", 0, 0, NULL);
  g_autoptr(GString) in = g_string_new (text);

  /* Before the spaces go, or "يفعل الشاهد" would hold a lam-alef. */
  if (!from_pdf)
    {
      g_string_replace (in, "لا", "ال", 0);
      g_string_replace (in, "لأ", "أل", 0);
      g_string_replace (in, "لإ", "إل", 0);
      g_string_replace (in, "لآ", "آل", 0);
    }

  return g_regex_replace_literal (drop, in->str, -1, 0, "", 0, NULL);
}

/* The text of a PDF as pdftotext reads it, normalized. */
char *
ui_test_pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return normalize (out, TRUE);
}

/* @wanted is in @text (from ui_test_pdf_text()), spaces and marks aside. */
void
ui_test_assert_has (const char *text,
            const char *wanted)
{
  g_autofree char *flat = normalize (wanted, FALSE);

  if (strstr (text, flat) == NULL)
    g_error ("“%s” is not in the PDF's text:\n%s", flat, text);
}

void
ui_test_assert_lacks (const char *text,
              const char *unwanted)
{
  g_autofree char *flat = normalize (unwanted, FALSE);

  if (strstr (text, flat) != NULL)
    g_error ("“%s” should not be in the PDF's text:\n%s", flat, text);
}
