/* test-text-safety.c: text from a bundle is shown literally in every label the app makes
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-text-safety"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "upstander-application.h"
#include "upstander-language.h"
#include "upstander-player.h"
#include "upstander-settings.h"
#include "upstander-window.h"

#include "ui-test.h"

/* What every text in tests/fixtures/text-safety/text-safety.xml says, once
 * the XML is parsed: markup, a link, a bare & and format directives. */
#define HOSTILE "<span size=\"99999\">big</span> <a href=\"https://example.org/\">link</a> Tom & Jerry %s%n"

static gboolean
is_bidi_override (gunichar c)
{
  /* LRE RLE PDF LRO RLO, LRI RLI. (FSI and PDI are the app's own isolates.) */
  return (c >= 0x202A && c <= 0x202E) || c == 0x2066 || c == 0x2067;
}

static gboolean
activate_link_cb (GtkLabel   *label,
                  const char *uri,
                  gpointer    data)
{
  g_error ("a label offered the link %s", uri);

  return TRUE;
}

/*
 * Every label in the window: none uses markup (so none has a link to
 * activate), none carries a bidi override, and every one that shows the
 * hostile text shows it exactly. Returns how many showed it, on screen.
 */
static guint
check_labels (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = ui_test_find_all (root, GTK_TYPE_LABEL, NULL);
  g_autoptr(GPtrArray) rows = ui_test_find_all (root, ADW_TYPE_PREFERENCES_ROW, NULL);
  g_autoptr(GPtrArray) links = ui_test_find_all (root, GTK_TYPE_LINK_BUTTON, NULL);
  guint n_hostile = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);
      const char *text = gtk_label_get_text (label);

      g_assert_true (g_utf8_validate (text, -1, NULL));
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        g_assert_false (is_bidi_override (g_utf8_get_char (p)));

      /* Everything the player makes is plain text. (Elsewhere, a few of the
       * app's own translated strings may use markup; never content.) */
      if (gtk_widget_get_ancestor (GTK_WIDGET (label), UPSTANDER_TYPE_PLAYER) != NULL)
        g_assert_false (gtk_label_get_use_markup (label));

      if (strstr (text, "Jerry") != NULL)
        {
          /* Not parsed, not formatted, not cut: as the author wrote it. */
          g_assert_false (gtk_label_get_use_markup (label));
          g_assert_nonnull (strstr (text, HOSTILE));
          g_assert_cmpstr (gtk_label_get_label (label), ==, text);
          if (gtk_widget_get_mapped (GTK_WIDGET (label)))
            n_hostile++;
        }

      if (g_object_get_data (G_OBJECT (label), "text-safety-watched") == NULL)
        {
          g_signal_connect (label, "activate-link", G_CALLBACK (activate_link_cb), NULL);
          g_object_set_data (G_OBJECT (label), "text-safety-watched", GINT_TO_POINTER (TRUE));
        }
    }

  for (guint i = 0; i < rows->len; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (rows, i);
      const char *subtitle = ADW_IS_ACTION_ROW (row) ? adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) : NULL;

      if (strstr (adw_preferences_row_get_title (row), "Jerry") != NULL ||
          (subtitle != NULL && strstr (subtitle, "Jerry") != NULL))
        g_assert_false (adw_preferences_row_get_use_markup (row));
    }

  /* The only links are the help contacts' checked https:// addresses; the
   * <a href> in the text never becomes one. */
  for (guint i = 0; i < links->len; i++)
    {
      const char *uri = gtk_link_button_get_uri (g_ptr_array_index (links, i));

      g_assert_true (g_str_has_prefix (uri, "https://"));
      g_assert_null (strstr (uri, "example.org"));
    }

  return n_hostile;
}

/* The first mapped choice button, or NULL when no decision is on screen. */
static GtkWidget *
find_choice (GtkWidget *root)
{
  g_autoptr(GPtrArray) choices = ui_test_find_all (root, GTK_TYPE_BUTTON, "choice");

  for (guint i = 0; i < choices->len; i++)
    {
      if (gtk_widget_get_mapped (g_ptr_array_index (choices, i)))
        return g_ptr_array_index (choices, i);
    }

  return NULL;
}

/* Plays a story from its first choice to an ending, checking every view. */
static guint
play_story (UpstanderWindow *window,
            guint            position)
{
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *grid = NULL;
  UpstanderPlayer *player;
  guint n_hostile = 0;

  {
    g_autoptr(GPtrArray) grids = ui_test_find_all (root, GTK_TYPE_GRID_VIEW, NULL);

    grid = g_ptr_array_index (grids, 0);
  }

  g_signal_emit_by_name (grid, "activate", position);
  ui_test_spin (10);
  /* The player is built when a story is first opened. */
  player = UPSTANDER_PLAYER (ui_test_find_one (root, UPSTANDER_TYPE_PLAYER, NULL));
  g_assert_nonnull (player);

  for (guint step = 0; step < 40; step++)
    {
      const char *view = upstander_player_get_view (player);

      n_hostile += check_labels (root);
      if (g_str_equal (view, "ending"))
        return n_hostile;
      if (g_str_equal (view, "note"))
        ui_test_click (root, "Start the story");
      else if (find_choice (root) != NULL)
        ui_test_click_button (find_choice (root));
      else
        ui_test_click (root, "Continue");
    }

  g_error ("no ending after 40 steps");
}

static void
test_text_safety_every_label (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "text-safety", NULL);
  const char *dirs[] = { dir, NULL };
  g_autoptr(UpstanderLibrary) library = upstander_library_new_for_sources (NULL, dirs);
  UpstanderApplication *app;
  UpstanderWindow *window;
  GtkWidget *root;
  guint n_catalogue, n_played = 0, n_help, n_guides;

  upstander_library_load (library);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 2);

  app = ui_test_new_app (library);

  window = upstander_window_new (app);
  root = GTK_WIDGET (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_spin (100);

  /* The catalogue's cards: titles, summaries, topics. */
  n_catalogue = check_labels (root);
  g_test_message ("catalogue: %u labels with the text", n_catalogue);
  g_assert_cmpuint (n_catalogue, >=, 4);

  /* Both stories, every scene, choice, feedback card and ending. */
  for (guint i = 0; i < 2; i++)
    {
      guint n = play_story (window, i);

      g_test_message ("story %u: %u labels with the text", i, n);
      g_assert_cmpuint (n, >=, 8);
      n_played += n;
      gtk_widget_activate_action (root, "win.back", NULL);
      ui_test_spin (10);
    }

  /* Help: the advice and the contact's name. A region can only ever be two
   * capital letters, so none carries a bidi override in either. */
  gtk_widget_activate_action (root, "win.show-help", NULL);
  upstander_settings_set_region (upstander_application_get_settings (app), "G\u202EB");
  ui_test_spin (10);
  g_assert_cmpstr (upstander_settings_get_region (upstander_application_get_settings (app)), ==, "");
  n_help = check_labels (root);
  g_test_message ("help: %u labels with the text", n_help);
  g_assert_cmpuint (n_help, >=, 2);

  /* Guides: the list and one guide's title, summary, paragraph and items. */
  gtk_widget_activate_action (root, "win.show-guide", "s", "speak-up");
  ui_test_spin (10);
  n_guides = check_labels (root);
  g_test_message ("guides: %u labels with the text", n_guides);
  g_assert_cmpuint (n_guides, >=, 4);

  ui_test_close_app (app);
}

/* Bidi overrides never reach the player: the loader refuses the bundle, raw or
 * as character references (tests/hostile/bidi-*.xml), so the library holds
 * nothing from it. */
static void
test_text_safety_bidi_refused (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "fixtures", "text-safety", "text-safety.xml", NULL);
  g_autofree char *contents = NULL;
  const char *overrides[] = { "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067",
                              "\u2068", "\u2069", "&#x202E;", "&#8238;", "&#x2067;" };

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (overrides); i++)
    {
      g_autofree char *dir = g_dir_make_tmp ("upstander-bidi-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "bidi.xml", NULL);
      g_autoptr(GString) bidi = g_string_new (contents);
      const char *dirs[] = { dir, NULL };
      g_autoptr(UpstanderLibrary) library = upstander_library_new_for_sources (NULL, dirs);

      /* At the start of the first message. */
      {
        const char *at = strstr (bidi->str, "<message from=\"leo\"><text>");

        g_assert_nonnull (at);
        g_string_insert (bidi, at - bidi->str + strlen ("<message from=\"leo\"><text>"), overrides[i]);
      }
      g_assert_true (g_file_set_contents (path, bidi->str, bidi->len, NULL));

      upstander_library_load (library);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 0);
      g_assert_cmpuint (upstander_library_get_n_failed (library), ==, 1);

      g_assert_cmpint (g_remove (path), ==, 0);
      g_assert_cmpint (g_rmdir (dir), ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *data_dirs = g_getenv ("XDG_DATA_DIRS");
  g_autofree char *with_icons = g_strconcat (data_dirs != NULL ? data_dirs : "", ":/usr/local/share:/usr/share", NULL);

  /* As in test-window.c: the private XDG_DATA_DIRS hides the icon theme. */
  g_setenv ("XDG_DATA_DIRS", with_icons, TRUE);

  setlocale (LC_ALL, "");
  upstander_language_bind_textdomain ();
  gtk_test_init (&argc, &argv, NULL);

  /* Lines then appear at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/upstander/text-safety/every-label", test_text_safety_every_label);
  g_test_add_func ("/upstander/text-safety/bidi-refused", test_text_safety_bidi_refused);

  return g_test_run ();
}
