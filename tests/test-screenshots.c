/* test-screenshots.c: the app's screenshots for the metainfo, taken from the real app and core stories
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-screenshots"

#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "ui-test.h"
#include "upstander-application.h"
#include "upstander-classroom-page.h"
#include "upstander-language.h"
#include "upstander-message-row.h"
#include "upstander-player.h"
#include "upstander-window.h"

/*
 * Four pictures at 1280×800, saved in <build>/tests/screenshots/: the
 * catalogue, a chat scene, an ending with its way to help, and a story in
 * Classroom Mode. Each is checked to show what its caption says before it is
 * saved. meson runs this on an X server a little larger than the window;
 * build-aux/update-screenshots.sh copies the pictures to data/screenshots/,
 * which the metainfo points at.
 */

#define WIDTH 1280
#define HEIGHT 800


/* The helpful choice on screen, if a decision is shown. */
static const char *
helpful_choice (UpstanderPlayer *player)
{
  g_autoptr(GPtrArray) buttons = ui_test_find_all (GTK_WIDGET (player), GTK_TYPE_BUTTON, "choice");
  GListModel *choices = upstander_session_get_choices (upstander_player_get_session (player));
  const char *id = NULL;

  if (buttons->len == 0)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(UpstanderChoiceItem) choice = g_list_model_get_item (choices, i);

      if (id == NULL || upstander_choice_item_get_effect (choice) == UPSTANDER_EFFECT_HELPFUL)
        id = upstander_choice_item_get_id (choice);
      if (upstander_choice_item_get_effect (choice) == UPSTANDER_EFFECT_HELPFUL)
        break;
    }

  return id;
}

/* One step of a reader who reads on and takes the helpful choice. */
static void
step (UpstanderPlayer *player)
{
  const char *view = upstander_player_get_view (player);
  const char *choice;

  if (g_str_equal (view, "note"))
    gtk_widget_activate_action (GTK_WIDGET (player), "player.start", NULL);
  else if (g_str_equal (view, "feedback"))
    gtk_widget_activate_action (GTK_WIDGET (player), "player.advance", NULL);
  else if ((choice = helpful_choice (player)) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (player), "player.choose", "s", choice);
  else if (!upstander_session_get_all_revealed (upstander_player_get_session (player)))
    gtk_widget_activate_action (GTK_WIDGET (player), "player.next", NULL);
  else
    /* A scene with no decision: its way on. */
    gtk_widget_activate_action (GTK_WIDGET (player), "player.advance", NULL);
  ui_test_spin (20);
}

static void
test_screenshots (void)
{
  g_autoptr(GError) error = NULL;
  UpstanderApplication *app;
  UpstanderSettings *settings;
  UpstanderWindow *window;
  UpstanderPlayer *player;
  guint steps = 0;

  app = upstander_application_new ();
  g_application_set_application_id (G_APPLICATION (app), APP_ID ".TestScreenshots");
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  settings = upstander_application_get_settings (app);
  /* Nothing asked: the pictures show the app, not its first-run questions. */
  upstander_settings_set_language (settings, "");
  upstander_settings_choose_reader (settings, "adult");
  g_object_set (settings, "window-width", WIDTH, "window-height", HEIGHT, NULL);

  g_application_activate (G_APPLICATION (app));
  window = UPSTANDER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  for (guint tries = 0; tries < 600 && !upstander_library_get_loaded (upstander_application_get_library (app)); tries++)
    ui_test_spin (50);
  g_assert_true (upstander_library_get_loaded (upstander_application_get_library (app)));
  ui_test_spin (300);

  /* Without a window manager the window's drawn size falls short of its
   * default size by the frame GTK keeps around it: grow it by that much. */
  gtk_window_set_default_size (GTK_WINDOW (window),
                               2 * WIDTH - gtk_widget_get_width (GTK_WIDGET (window)),
                               2 * HEIGHT - gtk_widget_get_height (GTK_WIDGET (window)));
  ui_test_spin (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, WIDTH);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, HEIGHT);

  /* The catalogue, every story. */
  g_assert_cmpstr (upstander_window_get_page (window), ==, "catalogue");
  g_assert_cmpuint (g_list_model_get_n_items (upstander_window_get_stories (window)), >=, 20);
  ui_test_save_shot (GTK_WIDGET (window), "catalogue");

  /* A group chat, up to its first decision. */
  ui_test_activate_story (window, "The class chat");
  player = UPSTANDER_PLAYER (ui_test_find_one (GTK_WIDGET (window), UPSTANDER_TYPE_PLAYER, NULL));
  while (helpful_choice (player) == NULL && steps++ < 50)
    step (player);
  g_assert_nonnull (helpful_choice (player));
  {
    g_autoptr(GPtrArray) messages = ui_test_find_all (GTK_WIDGET (player), UPSTANDER_TYPE_MESSAGE_ROW, "message");

    g_assert_cmpuint (messages->len, >=, 2);
  }
  ui_test_save_shot (GTK_WIDGET (window), "chat");

  /* On to an ending, choosing what helps; the ending offers help. */
  while (!g_str_equal (upstander_player_get_view (player), "ending") && steps++ < 200)
    step (player);
  g_assert_cmpstr (upstander_player_get_view (player), ==, "ending");
  /* The ending's own Get help (the header bar has one too). */
  g_assert_nonnull (ui_test_find_button (GTK_WIDGET (player), "Get help"));
  ui_test_save_shot (GTK_WIDGET (window), "ending");

  /* The same kind of story for a whole class. */
  upstander_settings_set_classroom_mode (settings, TRUE);
  ui_test_activate_story (window, "Lobby trouble");
  ui_test_spin (200);
  g_assert_cmpstr (upstander_window_get_page (window), ==, "classroom");
  /* Past the class's check before the story, to the story itself. */
  ui_test_click (GTK_WIDGET (window), "Skip the Check");
  ui_test_spin (200);
  ui_test_save_shot (GTK_WIDGET (window), "classroom");
  upstander_settings_set_classroom_mode (settings, FALSE);

  ui_test_close_app (app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("upstander-screenshots-XXXXXX", &error);
  g_autofree char *data_home = NULL;

  g_assert_no_error (error);
  /* A home of its own: no story another test added to the user's folder shows. */
  data_home = g_build_filename (home, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  ui_test_add_system_data_dirs ();
  setlocale (LC_ALL, "");
  upstander_language_bind_textdomain ();
  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/upstander/screenshots", test_screenshots);

  {
    int status = g_test_run ();

    ui_test_remove_tree (home);
    return status;
  }
}
