/* test-classroom.c: classroom mode played with a fixture bundle under Xvfb
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-classroom"

#include "config.h"

#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <gtk/gtk.h>
#include <pango/pangocairo.h>

#include "upstander-avatar.h"
#include "upstander-class-check-view.h"
#include "upstander-class-summary-view.h"
#include "upstander-class-voice-view.h"
#include "upstander-classroom-page.h"
#include "upstander-message-row.h"
#include "upstander-narration-row.h"
#include "upstander-facilitator-window.h"
#include "upstander-hand-counter.h"
#include "upstander-language.h"
#include "upstander-transcript.h"
#include "upstander-vote-card.h"
#include "upstander-window.h"

#include "ui-test.h"

/* Whether a mapped label under @root reads @text. */
#define CLASSROOM_BANNER "Classroom Mode is on: a story opens as a presentation for the whole class."

static gboolean
shows (GtkWidget  *root,
       const char *text)
{
  return ui_test_find_label (root, text) != NULL;
}

/* The size a label's text is drawn at, in pixels. */
static double
font_px (GtkWidget *label)
{
  PangoContext *context = gtk_widget_get_pango_context (label);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double size = (double) pango_font_description_get_size (font) / PANGO_SCALE;

  if (pango_font_description_get_size_is_absolute (font))
    return size;

  return size * pango_cairo_context_get_resolution (context) / 72.0;
}

/* How many message rows the page shows. */
static guint
n_rows (UpstanderClassroomPage *page)
{
  g_autoptr(GPtrArray) rows = ui_test_find_all (GTK_WIDGET (page), UPSTANDER_TYPE_MESSAGE_ROW, NULL);

  return rows->len;
}

/* Sends a key press through the page's own key controller, as GTK would. */
static gboolean
press (UpstanderClassroomPage *page,
       guint                   keyval,
       GdkModifierType         state)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (page));
  g_autofree GdkKeymapKey *keys = NULL;
  int n_keys = 0;
  guint keycode = 0;
  gboolean handled = FALSE;
  GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (page));

  if (gdk_display_map_keyval (display, keyval, &keys, &n_keys) && n_keys > 0)
    keycode = keys[0].keycode;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, keycode, state, &handled);
    }
  g_object_unref (controllers);
  ui_test_spin (10);

  return handled;
}

/* The keycode of @keyval, pressed with Shift: what a keyboard sends for Shift+1. */
static gboolean
press_shifted_digit (UpstanderClassroomPage *page,
                     guint                   digit_keyval)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (page));
  g_autofree GdkKeymapKey *keys = NULL;
  int n_keys = 0;
  guint shifted = 0;
  gboolean handled = FALSE;
  GListModel *controllers;

  g_assert_true (gdk_display_map_keyval (display, digit_keyval, &keys, &n_keys));
  g_assert_cmpint (n_keys, >, 0);
  gdk_display_translate_key (display, keys[0].keycode, GDK_SHIFT_MASK, keys[0].group, &shifted, NULL, NULL, NULL);

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (page));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", shifted, keys[0].keycode, GDK_SHIFT_MASK, &handled);
    }
  g_object_unref (controllers);
  ui_test_spin (10);

  return handled;
}

static UpstanderLibrary *
fixture_library (void)
{
  g_autofree char *ui = g_test_build_filename (G_TEST_DIST, "fixtures", "ui", NULL);
  g_autofree char *classroom = g_test_build_filename (G_TEST_DIST, "fixtures", "classroom", NULL);
  const char *dirs[] = { ui, classroom, NULL };
  UpstanderLibrary *library = upstander_library_new_for_sources (NULL, dirs);

  upstander_library_load (library);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 3);

  return library;
}

static UpstanderWindow *
new_window (UpstanderApplication *app,
            int                   width,
            int                   height)
{
  UpstanderWindow *window = upstander_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_spin (50);

  return window;
}

static UpstanderClassroomPage *
page_of (UpstanderWindow *window)
{
  return UPSTANDER_CLASSROOM_PAGE (ui_test_find_one (GTK_WIDGET (window), UPSTANDER_TYPE_CLASSROOM_PAGE, NULL));
}

/* Types @text into the first "What should change?" entry of "Our class says" and applies it. */
static void
say (UpstanderClassroomPage *page,
     const char             *text)
{
  GtkWidget *entry = ui_test_find_one (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, NULL);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "apply");
  ui_test_spin (10);
}

/* Saves the poster from the "Our class says" screen on @page and reads it back. */
static char *
poster_text (UpstanderClassroomPage *page)
{
  GtkWidget *view = ui_test_find_one (GTK_WIDGET (page), UPSTANDER_TYPE_CLASS_VOICE_VIEW, NULL);
  g_autofree char *tmp = g_dir_make_tmp ("upstander-poster-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmp, "poster.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  char *text;

  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_true (upstander_class_voice_view_save_poster (UPSTANDER_CLASS_VOICE_VIEW (view), file, &error));
  g_assert_no_error (error);
  text = ui_test_pdf_text (path);
  g_unlink (path);
  g_rmdir (tmp);

  return text;
}

/* "before: 3 hands · after: 5 hands", as the summary says it. */
static char *
check_counts (const char *before,
              const char *after)
{
  return g_strdup_printf (_("before: %s · after: %s"), before, after);
}

static char *
hands (guint n)
{
  return g_strdup_printf (ngettext ("%u hand", "%u hands", n), n);
}

/*
 * The class summary's line for the choice labelled @label: its votes in the
 * column beside it, marked as the way the class went when @taken, and heard
 * as one sentence (@spoken) by a screen reader.
 */
static void
assert_summary_choice (GtkWidget  *root,
                       const char *label,
                       const char *votes,
                       gboolean    taken,
                       const char *spoken)
{
  GtkWidget *text = ui_test_find_label (root, label);
  GtkWidget *line, *count;

  g_assert_nonnull (text);
  g_assert_true (gtk_widget_has_css_class (text, "summary-choice-label"));
  line = gtk_widget_get_parent (text);
  count = gtk_widget_get_next_sibling (text);
  g_assert_true (GTK_IS_LABEL (count));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==, votes);
  g_assert_true (gtk_widget_has_css_class (line, taken ? "summary-taken" : "summary-choice"));
  gtk_test_accessible_assert_property (line, GTK_ACCESSIBLE_PROPERTY_LABEL, spoken);
}

/*
 * The summary's row for the check's @statement: its hands before and after
 * in the two columns beside it, and both heard in words (@counts).
 */
static void
assert_summary_statement (GtkWidget  *root,
                          const char *statement,
                          const char *before,
                          const char *after,
                          const char *counts)
{
  GtkWidget *text = NULL;
  g_autoptr(GPtrArray) statements = ui_test_find_all (root, GTK_TYPE_LABEL, "check-statement");
  GtkWidget *shown_before, *shown_after;

  for (guint i = 0; i < statements->len && text == NULL; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (statements, i)) &&
        g_strcmp0 (gtk_label_get_text (g_ptr_array_index (statements, i)), statement) == 0)
      text = g_ptr_array_index (statements, i);
  g_assert_nonnull (text);
  shown_before = gtk_widget_get_next_sibling (text);
  shown_after = gtk_widget_get_next_sibling (shown_before);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (shown_before)), ==, before);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (shown_after)), ==, after);
  gtk_test_accessible_assert_property (gtk_widget_get_parent (text), GTK_ACCESSIBLE_PROPERTY_LABEL, statement);
  gtk_test_accessible_assert_property (gtk_widget_get_parent (text), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, counts);
}

/* Plays the story on @page to an ending, the class voting for @choice_id at every decision. */
static void
play_to_ending (UpstanderClassroomPage *page,
                UpstanderClassRun      *run,
                const char             *choice_id)
{
  for (guint i = 0; i < 20 && g_strcmp0 (upstander_classroom_page_get_view (page), "ending") != 0; i++)
    {
      gboolean deciding = g_strcmp0 (upstander_classroom_page_get_view (page), "decision") == 0;

      if (deciding)
        g_assert_true (upstander_class_run_add_vote (run, upstander_class_run_find_choice (run, choice_id)));
      gtk_widget_activate_action (GTK_WIDGET (page), deciding ? "classroom.choose" : "classroom.advance", NULL);
    }
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "ending");
}

static void
test_classroom_run (void)
{
  g_autoptr(UpstanderLibrary) library = fixture_library ();
  g_autofree char *progress = ui_test_progress_path ();
  g_autofree char *tmp = g_dir_make_tmp ("upstander-class-XXXXXX", NULL);
  g_autofree char *csv_path = g_build_filename (tmp, "summary.csv", NULL);
  g_autofree char *pdf_path = g_build_filename (tmp, "summary.pdf", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  UpstanderApplication *app;
  UpstanderWindow *window;
  UpstanderClassroomPage *page;
  UpstanderClassRun *run;
  UpstanderFacilitatorWindow *notes;
  UpstanderClassCheck *check;
  g_autoptr(GString) expected_csv = NULL;
  g_autofree char *poster = NULL;
  guint dm, laugh, wait;

  g_unlink (progress);
  app = ui_test_new_app (library);
  window = new_window (app, 1000, 760);

  /* Switched on from the main menu's action, and remembered in the settings;
   * the catalogue says so, with a way to switch it off. */
  g_assert_null (ui_test_find_label (GTK_WIDGET (window), CLASSROOM_BANNER));
  g_action_group_activate_action (G_ACTION_GROUP (app), "classroom-mode", NULL);
  g_assert_true (upstander_settings_get_classroom_mode (upstander_application_get_settings (app)));
  ui_test_spin (20);
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (window), CLASSROOM_BANNER));
  ui_test_save_shot (GTK_WIDGET (window), "classroom-mode-catalogue");
  g_assert_nonnull (ui_test_find_button (GTK_WIDGET (window), "Turn Off"));

  g_assert_true (upstander_window_open_scenario (window, "ui-test", "the-sticker"));
  ui_test_spin (20);
  g_assert_cmpstr (upstander_window_get_page (window), ==, "classroom");
  page = page_of (window);
  run = upstander_application_get_class_run (app);
  g_assert_nonnull (run);
  g_assert_true (upstander_classroom_page_get_run (page) == run);

  /* The check comes first: the story's goal and the two sentences every lesson measures. */
  check = upstander_class_run_get_check (run);
  g_assert_nonnull (check);
  g_assert_cmpuint (upstander_class_check_get_n_statements (check), ==, 3);
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "check");
  g_assert_true (shows (GTK_WIDGET (page), "Before the story"));
  g_assert_true (shows (GTK_WIDGET (page), "I know an adult I could tell."));
  g_assert_nonnull (ui_test_find_button (GTK_WIDGET (page), "Skip the Check"));
  /* Opened from the catalogue, the way on has the focus (Enter or a remote
   * counts the check), not the first button of the bar (Teacher's Notes). */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == ui_test_find_button (GTK_WIDGET (page), "Counted"));
  /* Hands counted by number key, Shift+number and the + button, as the votes are. */
  g_assert_true (press (page, GDK_KEY_1, 0));
  g_assert_true (press (page, GDK_KEY_1, 0));
  g_assert_true (press (page, GDK_KEY_1, 0));
  g_assert_true (press_shifted_digit (page, GDK_KEY_1));
  g_assert_true (press (page, GDK_KEY_3, 0));
  gtk_widget_activate_action (ui_test_find_one (GTK_WIDGET (page), UPSTANDER_TYPE_CLASS_CHECK_VIEW, NULL), "check.add-hand", "u", 2);
  /* A key for a sixth sentence that is not there changes nothing. */
  press (page, GDK_KEY_5, 0);
  g_assert_cmpuint (upstander_class_check_get_hands (check, UPSTANDER_CHECK_BEFORE, 0), ==, 2);
  g_assert_cmpuint (upstander_class_check_get_hands (check, UPSTANDER_CHECK_BEFORE, 1), ==, 0);
  g_assert_cmpuint (upstander_class_check_get_hands (check, UPSTANDER_CHECK_BEFORE, 2), ==, 2);
  {
    g_autoptr(GPtrArray) counts = ui_test_find_all (GTK_WIDGET (page), GTK_TYPE_LABEL, "vote-count");

    g_assert_cmpuint (counts->len, ==, 3);
    g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (counts, 0)), ==, "2");
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (g_ptr_array_index (counts, 0)), GTK_ACCESSIBLE_PROPERTY_LABEL, "2 hands");
  }
  ui_test_click (GTK_WIDGET (page), "Counted");

  /* The facilitator window opens on the first scene's notes. */
  gtk_widget_activate_action (GTK_WIDGET (page), "classroom.notes", NULL);
  ui_test_spin (50);
  notes = upstander_facilitator_window_find (app);
  g_assert_nonnull (notes);
  g_assert_cmpstr (upstander_facilitator_window_get_scene (notes), ==, "start");
  g_assert_true (shows (GTK_WIDGET (notes), "Ask who else could see the sticker."));
  g_assert_true (shows (GTK_WIDGET (notes), "• Notice when a joke hurts someone."));

  /* Line by line: a click on Continue, then Space and PageDown. */
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "scene");
  /* Chat as bubbles, the same rows as the player's, one per line shown. */
  g_assert_true (shows (GTK_WIDGET (page), "made a sticker of Ana's face lol"));
  g_assert_cmpuint (n_rows (page), ==, 1);
  g_assert_false (shows (GTK_WIDGET (page), "Ana has not written anything."));
  ui_test_click (GTK_WIDGET (page), "Continue");
  g_assert_true (shows (GTK_WIDGET (page), "<b>what?</b> %s"));
  g_assert_cmpuint (n_rows (page), ==, 2);
  g_assert_true (press (page, GDK_KEY_space, 0));
  g_assert_true (shows (GTK_WIDGET (page), "Ana has not written anything."));
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "scene");
  /* Back a line with the left arrow, on again with Down, then PageDown opens the vote. */
  g_assert_true (press (page, GDK_KEY_Left, 0));
  g_assert_false (shows (GTK_WIDGET (page), "Ana has not written anything."));
  g_assert_true (press (page, GDK_KEY_Down, 0));
  g_assert_true (shows (GTK_WIDGET (page), "Ana has not written anything."));
  g_assert_true (press (page, GDK_KEY_Page_Down, 0));
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "decision");
  g_assert_true (shows (GTK_WIDGET (page), "What do you do?"));

  /* The number keys follow the cards as shown. */
  dm = upstander_class_run_find_choice (run, "dm-ana");
  laugh = upstander_class_run_find_choice (run, "laugh");
  wait = upstander_class_run_find_choice (run, "wait");

  /* Votes by click and by keyboard; the most voted is preselected. */
  g_assert_cmpint (upstander_classroom_page_get_selected (page), ==, -1);
  g_assert_false (gtk_widget_get_sensitive (ui_test_find_button (GTK_WIDGET (page), "Go This Way")));
  gtk_widget_activate_action (GTK_WIDGET (page), "classroom.vote", "u", dm);
  /* With the first vote, "Go This Way" can be pressed, and has the focus: Enter goes on. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == ui_test_find_button (GTK_WIDGET (page), "Go This Way"));
  g_assert_true (press (page, GDK_KEY_1 + dm, 0));
  g_assert_true (press (page, GDK_KEY_1 + laugh, 0));
  g_assert_true (press (page, GDK_KEY_KP_1 + laugh, 0));
  g_assert_true (press (page, GDK_KEY_1 + laugh, 0));
  g_assert_true (press (page, GDK_KEY_1 + wait, 0));
  g_assert_cmpuint (upstander_class_run_get_votes (run, dm), ==, 2);
  g_assert_cmpuint (upstander_class_run_get_votes (run, laugh), ==, 3);
  g_assert_cmpuint (upstander_class_run_get_votes (run, wait), ==, 1);
  g_assert_cmpint (upstander_classroom_page_get_selected (page), ==, laugh);
  g_assert_true (shows (GTK_WIDGET (page), "3"));
  /* Shift+digit takes one away (the key reads "@" or '"' with Shift). */
  g_assert_true (press_shifted_digit (page, GDK_KEY_1 + laugh));
  g_assert_true (press_shifted_digit (page, GDK_KEY_1 + laugh));
  g_assert_cmpuint (upstander_class_run_get_votes (run, laugh), ==, 1);
  g_assert_cmpint (upstander_classroom_page_get_selected (page), ==, dm);
  /* A key for a fourth choice that is not there changes nothing. */
  press (page, GDK_KEY_4, 0);
  g_assert_cmpuint (upstander_class_run_get_votes (run, 0) + upstander_class_run_get_votes (run, 1) + upstander_class_run_get_votes (run, 2), ==, 4);
  /* The facilitator window counts along. */
  g_assert_true (shows (GTK_WIDGET (notes), "Send Ana a kind message — 2 votes"));

  /* Reveal: every choice's feedback side by side. Discuss: the questions. */
  g_assert_false (shows (GTK_WIDGET (page), "A laugh tells Leo the joke worked."));
  ui_test_click (GTK_WIDGET (page), "Reveal");
  g_assert_cmpstr (upstander_classroom_page_get_panel (page), ==, "reveal");
  g_assert_true (shows (GTK_WIDGET (page), "Ana knows someone is on her side."));
  g_assert_true (shows (GTK_WIDGET (page), "A laugh tells Leo the joke worked."));
  g_assert_true (shows (GTK_WIDGET (page), "Waiting is safe, but Ana still feels alone."));
  ui_test_click (GTK_WIDGET (page), "Discuss");
  g_assert_true (shows (GTK_WIDGET (page), "How might Ana feel?"));
  g_assert_false (shows (GTK_WIDGET (page), "A laugh tells Leo the joke worked."));

  /* The teacher takes another path than the favourite, then goes on. */
  {
    g_autoptr(GPtrArray) checks = ui_test_find_all (GTK_WIDGET (page), GTK_TYPE_CHECK_BUTTON, NULL);

    g_assert_cmpuint (checks->len, ==, 3);
    g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, dm)));
    gtk_check_button_set_active (g_ptr_array_index (checks, wait), TRUE);
    g_assert_cmpint (upstander_classroom_page_get_selected (page), ==, wait);
  }
  /* Escape, windowed, leaves neither the lesson nor the votes. */
  gtk_widget_activate_action (GTK_WIDGET (page), "classroom.leave-fullscreen", NULL);
  ui_test_spin (10);
  g_assert_cmpstr (upstander_window_get_page (window), ==, "classroom");
  g_assert_true (upstander_application_get_class_run (app) == run);
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "decision");
  ui_test_click (GTK_WIDGET (page), "Go This Way");
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "feedback");
  g_assert_true (shows (GTK_WIDGET (page), "The class chose: \u2068Wait and see\u2069"));
  g_assert_true (shows (GTK_WIDGET (notes), "The class chose: Wait and see"));

  /* On to the ending, with the arrow key; the notes follow. */
  g_assert_true (press (page, GDK_KEY_Right, 0));
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "ending");
  g_assert_true (shows (GTK_WIDGET (page), "Ana sits alone"));
  g_assert_cmpstr (upstander_facilitator_window_get_scene (notes), ==, "alone");
  /* Every ending leads to help, in class too. */
  g_assert_nonnull (ui_test_find_button (GTK_WIDGET (page), "Get help"));

  /* The check again, after the story: its own counts, from zero. */
  ui_test_click (GTK_WIDGET (page), "Continue");
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "check");
  g_assert_true (shows (GTK_WIDGET (page), "After the story"));
  g_assert_cmpint (upstander_class_check_get_round (check), ==, UPSTANDER_CHECK_AFTER);
  for (guint i = 0; i < 5; i++)
    g_assert_true (press (page, GDK_KEY_2, 0));
  /* Back to the ending and on again keeps the count. */
  g_assert_true (press (page, GDK_KEY_Left, 0));
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "ending");
  g_assert_true (press (page, GDK_KEY_Right, 0));
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "check");
  g_assert_cmpuint (upstander_class_check_get_hands (check, UPSTANDER_CHECK_AFTER, 1), ==, 5);
  ui_test_click (GTK_WIDGET (page), "Counted");

  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "summary");
  assert_summary_choice (GTK_WIDGET (page), "Wait and see", "1", TRUE, "Wait and see — 1 vote (the class went this way)");
  assert_summary_choice (GTK_WIDGET (page), "Send Ana a kind message", "2", FALSE, "Send Ana a kind message — 2 votes");
  /* Both counts for every sentence, beside the sentence. */
  g_assert_true (shows (GTK_WIDGET (page), "Before and after"));
  {
    g_autofree char *two = hands (2);
    g_autofree char *zero = hands (0);
    g_autofree char *five = hands (5);
    g_autofree char *first = check_counts (two, zero);
    g_autofree char *second = check_counts (zero, five);

    assert_summary_statement (GTK_WIDGET (page), upstander_class_check_get_statement (check, 0), "2", "0", first);
    assert_summary_statement (GTK_WIDGET (page), upstander_class_check_get_statement (check, 1), "0", "5", second);
  }

  g_assert_true (upstander_classroom_page_export_csv (page, csv_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  /* The CSV lists the choices in the order the class saw them, after the
   * byte-order mark that tells spreadsheet programs it is UTF-8. */
  expected_csv = g_string_new ("\xEF\xBB\xBF\"step\",\"kind\",\"id\",\"text\",\"votes\",\"taken\"\r\n");
  for (guint i = 0; i < 3; i++)
    g_string_append_printf (expected_csv, "\"0\",\"check-before\",\"statement-%u\",\"%s\",\"%u\",\"\"\r\n",
                            i + 1, upstander_class_check_get_statement (check, i), i == 1 ? 0 : 2);
  g_string_append (expected_csv, "\"1\",\"decision\",\"start\",\"What do you do?\",\"\",\"\"\r\n");
  for (guint i = 0; i < 3; i++)
    g_string_append (expected_csv,
                     i == dm ? "\"1\",\"choice\",\"dm-ana\",\"Send Ana a kind message\",\"2\",\"no\"\r\n"
                     : i == laugh ? "\"1\",\"choice\",\"laugh\",\"Send a laughing face\",\"1\",\"no\"\r\n"
                     : "\"1\",\"choice\",\"wait\",\"Wait and see\",\"1\",\"yes\"\r\n");
  g_string_append (expected_csv, "\"2\",\"ending\",\"alone\",\"Ana sits alone\",\"\",\"yes\"\r\n");
  for (guint i = 0; i < 3; i++)
    g_string_append_printf (expected_csv, "\"3\",\"check-after\",\"statement-%u\",\"%s\",\"%u\",\"\"\r\n",
                            i + 1, upstander_class_check_get_statement (check, i), i == 1 ? 5 : 0);
  g_assert_cmpstr (csv, ==, expected_csv->str);
  g_assert_true (upstander_classroom_page_export_pdf (page, pdf_file, &error));
  g_assert_no_error (error);
  {
    g_autofree char *text = ui_test_pdf_text (pdf_path);

    ui_test_assert_has (text, "Before and after");
    ui_test_assert_has (text, upstander_class_check_get_statement (check, 1));
    ui_test_assert_has (text, "before: 0 hands · after: 5 hands");
    ui_test_assert_has (text, "before: 2 hands · after: 0 hands");
  }

  /* Classroom runs leave explore progress alone. */
  {
    g_auto(GStrv) endings = upstander_progress_dup_endings (upstander_application_get_progress (app), "ui-test", "the-sticker", 1);

    g_assert_cmpuint (g_strv_length (endings), ==, 0);
  }
  g_assert_false (upstander_progress_get_finished (upstander_application_get_progress (app), "ui-test", "the-sticker", 1));

  /* "Our class says": typed keys are text there, not the teacher's remote. */
  ui_test_click (GTK_WIDGET (page), "Our Class Says");
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "voice");
  g_assert_false (press (page, GDK_KEY_space, 0));
  g_assert_false (press (page, GDK_KEY_1, 0));
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "voice");
  say (page, "Make reporting a sticker quick.");
  g_assert_true (shows (GTK_WIDGET (page), "Make reporting a sticker quick."));
  poster = poster_text (page);
  ui_test_assert_has (poster, "Our class says");
  ui_test_assert_has (poster, "We chose: Wait and see");
  ui_test_assert_has (poster, "Make reporting a sticker quick.");

  /* Finish: back to the catalogue, the run is over, the notes say so. */
  ui_test_click (GTK_WIDGET (page), "Finish");
  g_assert_cmpstr (upstander_window_get_page (window), ==, "catalogue");
  g_assert_null (upstander_application_get_class_run (app));
  g_assert_null (upstander_facilitator_window_get_scene (notes));

  g_unlink (csv_path);
  g_unlink (pdf_path);
  g_rmdir (tmp);
  upstander_settings_set_classroom_mode (upstander_application_get_settings (app), FALSE);
  ui_test_close_app (app);
}

/*
 * The teacher's notes follow the run's session with the same rows as the
 * player and the classroom: a revealed line adds one row and keeps the
 * others; the choice the class takes shows with its feedback.
 */
static void
test_facilitator_follows_session (void)
{
  g_autoptr(UpstanderLibrary) library = fixture_library ();
  UpstanderApplication *app = ui_test_new_app (library);
  UpstanderWindow *window = new_window (app, 1000, 760);
  UpstanderClassroomPage *page;
  UpstanderFacilitatorWindow *notes;
  UpstanderClassRun *run;
  GtkWidget *transcript, *first_row;

  upstander_settings_set_classroom_mode (upstander_application_get_settings (app), TRUE);
  g_assert_true (upstander_window_open_scenario (window, "ui-test", "the-sticker"));
  ui_test_spin (20);
  /* The classroom page is built when first shown. */
  page = page_of (window);
  g_assert_nonnull (page);
  run = upstander_application_get_class_run (app);
  g_assert_nonnull (run);
  /* The class check comes before the story. */
  ui_test_click (GTK_WIDGET (page), "Skip the Check");
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "scene");
  notes = upstander_facilitator_window_present (app);
  ui_test_spin (20);

  /* What the class sees: the first line, drawn by the player's own row. */
  transcript = ui_test_find_one (GTK_WIDGET (notes), UPSTANDER_TYPE_TRANSCRIPT, NULL);
  g_assert_nonnull (transcript);
  g_assert_cmpuint (ui_test_count_children (transcript), ==, 1);
  first_row = gtk_widget_get_first_child (transcript);
  g_assert_true (UPSTANDER_IS_MESSAGE_ROW (first_row));
  g_assert_true (shows (transcript, "made a sticker of Ana's face lol"));
  g_object_add_weak_pointer (G_OBJECT (first_row), (gpointer *) &first_row);

  /* One reveal, one row more; the first row lives on. */
  gtk_widget_activate_action (GTK_WIDGET (page), "classroom.advance", NULL);
  ui_test_spin (10);
  g_assert_cmpuint (ui_test_count_children (transcript), ==, 2);
  g_assert_nonnull (first_row);
  g_assert_true (gtk_widget_get_first_child (transcript) == first_row);
  g_assert_true (shows (transcript, "<b>what?</b> %s"));
  gtk_widget_activate_action (GTK_WIDGET (page), "classroom.advance", NULL);
  ui_test_spin (10);
  g_assert_cmpuint (ui_test_count_children (transcript), ==, 3);
  g_assert_true (UPSTANDER_IS_NARRATION_ROW (gtk_widget_get_last_child (transcript)));
  g_assert_true (gtk_widget_get_first_child (transcript) == first_row);
  g_object_remove_weak_pointer (G_OBJECT (first_row), (gpointer *) &first_row);

  /* To the decision and through it: the choice and its feedback. */
  for (guint i = 0; i < 10 && g_strcmp0 (upstander_classroom_page_get_view (page), "decision") != 0; i++)
    gtk_widget_activate_action (GTK_WIDGET (page), "classroom.advance", NULL);
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "decision");
  g_assert_true (shows (GTK_WIDGET (notes), "What do you do?"));
  g_assert_true (upstander_class_run_add_vote (run, upstander_class_run_find_choice (run, "laugh")));
  gtk_widget_activate_action (GTK_WIDGET (page), "classroom.choose", NULL);
  ui_test_spin (10);
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "feedback");
  g_assert_true (shows (GTK_WIDGET (notes), "The class chose: Send a laughing face"));
  g_assert_true (shows (GTK_WIDGET (notes), "Think again: \u2068A laugh tells Leo the joke worked.\u2069"));
  g_assert_false (shows (GTK_WIDGET (notes), "What do you do?"));

  /* At the ending, no lines: the scene is over. */
  gtk_widget_activate_action (GTK_WIDGET (page), "classroom.advance", NULL);
  ui_test_spin (10);
  g_assert_cmpstr (upstander_facilitator_window_get_scene (notes), ==, "alone");
  g_assert_true (shows (GTK_WIDGET (notes), "Ending: Ana sits alone"));
  g_assert_cmpuint (ui_test_count_children (transcript), ==, 0);

  upstander_settings_set_classroom_mode (upstander_application_get_settings (app), FALSE);
  ui_test_close_app (app);
}

/* The texts of the mapped labels with @css_class under @root, in order, joined by " | ". */
static char *
texts_of (GtkWidget  *root,
          const char *css_class)
{
  g_autoptr(GPtrArray) labels = ui_test_find_all (root, GTK_TYPE_LABEL, css_class);
  g_autoptr(GString) texts = g_string_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (labels, i)))
      g_string_append_printf (texts, "%s%s", texts->len > 0 ? " | " : "",
                              gtk_label_get_text (g_ptr_array_index (labels, i)));

  return g_string_free (g_steal_pointer (&texts), FALSE);
}

/*
 * The teacher's notes during the check show its sentences and the hands
 * counted so far, counted in place as they go up; on the summary, the
 * summary; neither at any other time.
 */
static void
test_facilitator_shows_check (void)
{
  g_autoptr(UpstanderLibrary) library = fixture_library ();
  UpstanderApplication *app = ui_test_new_app (library);
  UpstanderWindow *window = new_window (app, 1000, 760);
  UpstanderClassroomPage *page;
  UpstanderFacilitatorWindow *notes;
  UpstanderClassRun *run;
  UpstanderClassCheck *check;
  g_autofree char *zero = hands (0);
  g_autofree char *one = hands (1);
  g_autofree char *two = hands (2);
  g_autofree char *three = hands (3);
  g_autofree char *expected = NULL;
  g_autofree char *counts = NULL;
  GtkWidget *first_count;

  upstander_settings_set_classroom_mode (upstander_application_get_settings (app), TRUE);
  g_assert_true (upstander_window_open_scenario (window, "ui-test", "the-sticker"));
  ui_test_spin (20);
  page = page_of (window);
  run = upstander_application_get_class_run (app);
  check = upstander_class_run_get_check (run);
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "check");
  notes = upstander_facilitator_window_present (app);
  ui_test_spin (20);

  /* Before the story: every sentence, with no hand yet, in place of the scene's question. */
  g_assert_true (shows (GTK_WIDGET (notes), "Before the story"));
  g_assert_false (shows (GTK_WIDGET (notes), "Now"));
  for (guint i = 0; i < upstander_class_check_get_n_statements (check); i++)
    g_assert_true (shows (GTK_WIDGET (notes), upstander_class_check_get_statement (check, i)));
  expected = g_strdup_printf ("%s | %s | %s", zero, zero, zero);
  counts = texts_of (GTK_WIDGET (notes), "check-counts");
  g_assert_cmpstr (counts, ==, expected);
  first_count = ui_test_find_one (GTK_WIDGET (notes), GTK_TYPE_LABEL, "check-counts");
  g_object_add_weak_pointer (G_OBJECT (first_count), (gpointer *) &first_count);

  /* Hands counted on the projector show at once, in the same rows. */
  g_assert_true (press (page, GDK_KEY_1, 0));
  g_assert_true (press (page, GDK_KEY_1, 0));
  g_assert_true (press (page, GDK_KEY_2, 0));
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&counts, g_free);
  expected = g_strdup_printf ("%s | %s | %s", two, one, zero);
  counts = texts_of (GTK_WIDGET (notes), "check-counts");
  g_assert_cmpstr (counts, ==, expected);
  g_assert_nonnull (first_count);
  g_assert_true (ui_test_find_one (GTK_WIDGET (notes), GTK_TYPE_LABEL, "check-counts") == first_count);
  g_object_remove_weak_pointer (G_OBJECT (first_count), (gpointer *) &first_count);

  /* Counted: the story's notes, no check. */
  ui_test_click (GTK_WIDGET (page), "Counted");
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "scene");
  g_assert_false (shows (GTK_WIDGET (notes), "Before the story"));
  g_assert_false (shows (GTK_WIDGET (notes), upstander_class_check_get_statement (check, 2)));
  g_assert_true (shows (GTK_WIDGET (notes), "Now"));
  g_assert_true (shows (GTK_WIDGET (notes), "Ask who else could see the sticker."));

  play_to_ending (page, run, "dm-ana");
  g_assert_false (shows (GTK_WIDGET (notes), "After the story"));

  /* After the story: its own round, from zero. */
  gtk_widget_activate_action (GTK_WIDGET (page), "classroom.advance", NULL);
  ui_test_spin (10);
  g_assert_true (shows (GTK_WIDGET (notes), "After the story"));
  for (guint i = 0; i < 3; i++)
    g_assert_true (press (page, GDK_KEY_3, 0));
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&counts, g_free);
  expected = g_strdup_printf ("%s | %s | %s", zero, zero, three);
  counts = texts_of (GTK_WIDGET (notes), "check-counts");
  g_assert_cmpstr (counts, ==, expected);
  g_assert_false (shows (GTK_WIDGET (notes), "What the class chose"));

  /* The summary, as the room sees it: both counts beside each sentence. */
  ui_test_click (GTK_WIDGET (page), "Counted");
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "summary");
  ui_test_spin (10);
  g_assert_false (shows (GTK_WIDGET (notes), "After the story"));
  g_assert_true (shows (GTK_WIDGET (notes), "What the class chose"));
  assert_summary_choice (GTK_WIDGET (notes), "Send Ana a kind message", "1", TRUE,
                         "Send Ana a kind message — 1 vote (the class went this way)");
  {
    g_autofree char *first = check_counts (two, zero);
    g_autofree char *last = check_counts (zero, three);

    assert_summary_statement (GTK_WIDGET (notes), upstander_class_check_get_statement (check, 0), "2", "0", first);
    assert_summary_statement (GTK_WIDGET (notes), upstander_class_check_get_statement (check, 2), "0", "3", last);
  }

  /* On to "Our class says": the summary leaves the notes with the room's. */
  gtk_widget_activate_action (GTK_WIDGET (page), "classroom.voice", NULL);
  ui_test_spin (10);
  g_assert_false (shows (GTK_WIDGET (notes), "What the class chose"));

  upstander_settings_set_classroom_mode (upstander_application_get_settings (app), FALSE);
  ui_test_close_app (app);
}

/* A window rebuilt mid-lesson (a language switch) carries on with the same run and votes. */
static void
test_classroom_survives_rebuild (void)
{
  g_autoptr(UpstanderLibrary) library = fixture_library ();
  UpstanderApplication *app = ui_test_new_app (library);
  UpstanderWindow *window = new_window (app, 1000, 760);
  UpstanderClassRun *run;
  UpstanderClassCheck *check;

  upstander_settings_set_classroom_mode (upstander_application_get_settings (app), TRUE);
  g_assert_true (upstander_window_open_scenario (window, "ui-test", "the-sticker"));
  run = upstander_application_get_class_run (app);
  check = upstander_class_run_get_check (run);
  g_assert_nonnull (check);
  /* Past the check to the vote: a hand, then the teacher turns to the questions and picks another way. */
  gtk_widget_activate_action (GTK_WIDGET (page_of (window)), "classroom.skip-check", NULL);
  for (guint i = 0; i < 10 && g_strcmp0 (upstander_classroom_page_get_view (page_of (window)), "decision") != 0; i++)
    gtk_widget_activate_action (GTK_WIDGET (page_of (window)), "classroom.advance", NULL);
  g_assert_cmpstr (upstander_classroom_page_get_view (page_of (window)), ==, "decision");
  upstander_class_run_add_vote (run, 1);
  gtk_widget_activate_action (GTK_WIDGET (page_of (window)), "classroom.panel", "s", "reveal");
  gtk_widget_activate_action (GTK_WIDGET (page_of (window)), "classroom.panel", "s", "discuss");
  upstander_presentation_pick (upstander_classroom_page_get_presentation (page_of (window)), 2);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_spin (20);

  /* The check stays the run's own: the rebuilt page neither asks it again nor makes another. */
  window = new_window (app, 1000, 760);
  g_assert_cmpstr (upstander_window_get_page (window), ==, "classroom");
  g_assert_true (upstander_classroom_page_get_run (page_of (window)) == run);
  g_assert_true (upstander_class_run_get_check (run) == check);
  g_assert_cmpstr (upstander_classroom_page_get_view (page_of (window)), ==, "decision");
  g_assert_cmpuint (upstander_class_run_get_votes (run, 1), ==, 1);
  /* On the panel the teacher left it on, with the teacher's pick. */
  g_assert_cmpstr (upstander_classroom_page_get_panel (page_of (window)), ==, "discuss");
  g_assert_cmpint (upstander_classroom_page_get_selected (page_of (window)), ==, 2);

  upstander_settings_set_classroom_mode (upstander_application_get_settings (app), FALSE);
  ui_test_close_app (app);
}

/* The text of each hand count on @page, in order, joined by spaces. */
static char *
hand_counts (UpstanderClassroomPage *page)
{
  g_autoptr(GPtrArray) counts = ui_test_find_all (GTK_WIDGET (page), GTK_TYPE_LABEL, "vote-count");
  g_autoptr(GStrvBuilder) texts = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;

  for (guint i = 0; i < counts->len; i++)
    g_strv_builder_add (texts, gtk_label_get_text (g_ptr_array_index (counts, i)));
  joined = g_strv_builder_end (texts);

  return g_strjoinv (" ", joined);
}

/*
 * A language switch rebuilds the window at any point of a run: the page
 * comes back on the same screen, the check in the new language with its
 * hands, the summary with both counts, "Our class says" with its lines and
 * what was being typed.
 */
static void
test_classroom_language_switch (void)
{
  g_autoptr(UpstanderLibrary) library = fixture_library ();
  UpstanderApplication *app = ui_test_new_app (library);
  UpstanderSettings *settings = upstander_application_get_settings (app);
  UpstanderWindow *window = new_window (app, 1000, 760);
  UpstanderClassroomPage *page;
  UpstanderClassRun *run;
  UpstanderClassCheck *check;
  g_autofree char *english_statement = NULL;
  g_autofree char *counts = NULL;

  upstander_settings_set_classroom_mode (settings, TRUE);
  g_assert_true (upstander_window_open_scenario (window, "ui-test", "the-sticker"));
  ui_test_spin (20);
  page = page_of (window);
  run = upstander_application_get_class_run (app);
  check = upstander_class_run_get_check (run);
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "check");
  english_statement = g_strdup (upstander_class_check_get_statement (check, 2));
  g_assert_cmpstr (english_statement, ==, "I know an adult I could tell.");
  g_assert_true (press (page, GDK_KEY_1, 0));
  g_assert_true (press (page, GDK_KEY_1, 0));
  g_assert_true (press (page, GDK_KEY_3, 0));
  upstander_facilitator_window_present (app);
  ui_test_spin (20);

  /* French during the check before the story: the same check, its sentences in French, its hands kept. */
  window = ui_test_switch_language (app, window, "fr");
  page = page_of (window);
  /* The teacher's notes come back too, in French, on the same check. */
  {
    UpstanderFacilitatorWindow *notes = upstander_facilitator_window_find (app);

    g_assert_nonnull (notes);
    g_assert_true (shows (GTK_WIDGET (notes), _("Before the story")));
    g_assert_true (shows (GTK_WIDGET (notes), _("I know an adult I could tell.")));
  }
  g_assert_true (upstander_classroom_page_get_run (page) == run);
  g_assert_true (upstander_class_run_get_check (run) == check);
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "check");
  g_assert_cmpstr (_("Before the story"), !=, "Before the story");
  g_assert_true (shows (GTK_WIDGET (page), _("Before the story")));
  g_assert_cmpstr (upstander_class_check_get_statement (check, 2), ==, _("I know an adult I could tell."));
  g_assert_cmpstr (upstander_class_check_get_statement (check, 2), !=, english_statement);
  g_assert_true (shows (GTK_WIDGET (page), _("I know an adult I could tell.")));
  g_assert_false (shows (GTK_WIDGET (page), english_statement));
  counts = hand_counts (page);
  g_assert_cmpstr (counts, ==, "2 0 1");
  g_clear_pointer (&counts, g_free);

  /* Counted, through the story to its ending, and on to the check after it. */
  gtk_widget_activate_action (GTK_WIDGET (page), "classroom.advance", NULL);
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "scene");
  play_to_ending (page, run, "dm-ana");
  gtk_widget_activate_action (GTK_WIDGET (page), "classroom.advance", NULL);
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "check");
  for (guint i = 0; i < 4; i++)
    g_assert_true (press (page, GDK_KEY_2, 0));

  /* Back to English during the check after the story: still that check, its hands kept. */
  window = ui_test_switch_language (app, window, "");
  page = page_of (window);
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "check");
  g_assert_cmpint (upstander_class_check_get_round (check), ==, UPSTANDER_CHECK_AFTER);
  g_assert_true (shows (GTK_WIDGET (page), "After the story"));
  g_assert_true (shows (GTK_WIDGET (page), english_statement));
  counts = hand_counts (page);
  g_assert_cmpstr (counts, ==, "0 4 0");
  g_assert_cmpuint (upstander_class_check_get_hands (check, UPSTANDER_CHECK_BEFORE, 0), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (page), "classroom.advance", NULL);
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "summary");

  /* French on the summary: the summary again, both counts beside each sentence, in French. */
  window = ui_test_switch_language (app, window, "fr");
  page = page_of (window);
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "summary");
  {
    g_autofree char *two = hands (2);
    g_autofree char *zero = hands (0);
    g_autofree char *four = hands (4);
    g_autofree char *first = check_counts (two, zero);
    g_autofree char *second = check_counts (zero, four);

    g_assert_cmpstr (first, !=, "before: 2 hands · after: 0 hands");
    assert_summary_statement (GTK_WIDGET (page), upstander_class_check_get_statement (check, 0), "2", "0", first);
    assert_summary_statement (GTK_WIDGET (page), upstander_class_check_get_statement (check, 1), "0", "4", second);
    g_assert_true (shows (GTK_WIDGET (page), _("I know an adult I could tell.")));
  }

  /* "Our class says": a line added, another half typed, then English. */
  gtk_widget_activate_action (GTK_WIDGET (page), "classroom.voice", NULL);
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "voice");
  say (page, "Un bouton pour signaler, partout.");
  {
    g_autoptr(GPtrArray) entries = ui_test_find_all (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, NULL);

    g_assert_cmpuint (entries->len, ==, 3);
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 1)), "Des adultes qui écout");
  }
  window = ui_test_switch_language (app, window, "");
  page = page_of (window);
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "voice");
  g_assert_true (shows (GTK_WIDGET (page), "Our class says"));
  g_assert_true (shows (GTK_WIDGET (page), "Un bouton pour signaler, partout."));
  {
    g_autoptr(GPtrArray) entries = ui_test_find_all (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, NULL);

    g_assert_cmpuint (entries->len, ==, 3);
    g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (entries, 0)), ==, "");
    g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (entries, 1)), ==, "Des adultes qui écout");
    g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (entries, 2)), ==, "");
  }
  /* And Back from there is the summary, in English now. */
  gtk_widget_activate_action (GTK_WIDGET (page), "classroom.step-back", NULL);
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "summary");

  upstander_settings_set_classroom_mode (settings, FALSE);
  ui_test_close_app (app);
}

/*
 * The same run in Arabic, the check skipped before the story and taken
 * after it: the summary on screen and in the PDF says "not asked" for the
 * round skipped, and the poster is in Arabic, right to left.
 */
static void
test_classroom_arabic (void)
{
  g_autoptr(UpstanderLibrary) library = fixture_library ();
  g_autofree char *tmp = g_dir_make_tmp ("upstander-class-XXXXXX", NULL);
  g_autofree char *pdf_path = g_build_filename (tmp, "summary.pdf", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *four = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *poster = NULL;
  g_autofree char *chose = NULL;
  const char *line = "نريد زر إبلاغ واضحاً في كل تطبيق.";
  UpstanderApplication *app = ui_test_new_app (library);
  UpstanderSettings *settings = upstander_application_get_settings (app);
  UpstanderWindow *window;
  UpstanderClassroomPage *page;
  UpstanderClassRun *run;
  UpstanderClassCheck *check;

  ui_test_set_language (settings, "ar");
  g_assert_cmpstr (_("Our class says"), !=, "Our class says");
  window = new_window (app, 1000, 760);
  upstander_settings_set_classroom_mode (settings, TRUE);
  g_assert_true (upstander_window_open_scenario (window, "classroom-ar", "al-sura"));
  ui_test_spin (20);
  page = page_of (window);
  run = upstander_application_get_class_run (app);
  check = upstander_class_run_get_check (run);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (page)), ==, GTK_TEXT_DIR_RTL);

  /* The check's own sentences are in the interface language; the teacher skips it. */
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "check");
  g_assert_true (shows (GTK_WIDGET (page), _("Before the story")));
  g_assert_true (shows (GTK_WIDGET (page), _("I know an adult I could tell.")));
  ui_test_click (GTK_WIDGET (page), _("Skip the Check"));
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "scene");
  g_assert_false (upstander_class_check_get_taken (check, UPSTANDER_CHECK_BEFORE));

  /* Right to left, the next line is to the left, and → goes back. */
  for (guint i = 0; i < 10 && g_strcmp0 (upstander_classroom_page_get_view (page), "decision") != 0; i++)
    g_assert_true (press (page, GDK_KEY_Left, 0));
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "decision");
  g_assert_true (press (page, GDK_KEY_Right, 0));
  g_assert_cmpstr (upstander_classroom_page_get_view (page), !=, "decision");
  g_assert_true (press (page, GDK_KEY_Left, 0));
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "decision");
  g_assert_true (press (page, GDK_KEY_1 + upstander_class_run_find_choice (run, "support"), 0));
  ui_test_click (GTK_WIDGET (page), _("Go This Way"));
  for (guint i = 0; i < 10 && g_strcmp0 (upstander_classroom_page_get_view (page), "ending") != 0; i++)
    g_assert_true (press (page, GDK_KEY_Left, 0));
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "ending");

  ui_test_click (GTK_WIDGET (page), _("Continue"));
  g_assert_true (shows (GTK_WIDGET (page), _("After the story")));
  for (guint i = 0; i < 4; i++)
    g_assert_true (press (page, GDK_KEY_1, 0));
  ui_test_click (GTK_WIDGET (page), _("Counted"));
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "summary");

  /* The round skipped shows a dash, heard as "not asked". */
  four = hands (4);
  counts = check_counts (_("not asked"), four);
  assert_summary_statement (GTK_WIDGET (page), upstander_class_check_get_statement (check, 0), "\u2014", "4", counts);
  g_assert_true (upstander_classroom_page_export_pdf (page, pdf_file, &error));
  g_assert_no_error (error);
  summary = ui_test_pdf_text (pdf_path);
  ui_test_assert_has (summary, _("Before and after"));
  ui_test_assert_has (summary, upstander_class_check_get_statement (check, 0));
  /* pdftotext splits a number from its Arabic word ("4 أيد"); the English run reads the counts back whole. */
  ui_test_assert_has (summary, _("not asked"));

  ui_test_click (GTK_WIDGET (page), _("Our Class Says"));
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "voice");
  say (page, line);
  poster = poster_text (page);
  ui_test_assert_has (poster, _("Our class says"));
  chose = g_strdup_printf (_("We chose: %s"), "أرسل رسالة لطيفة إلى ليلى");
  ui_test_assert_has (poster, chose);
  ui_test_assert_has (poster, line);

  ui_test_click (GTK_WIDGET (page), _("Finish"));
  g_assert_cmpstr (upstander_window_get_page (window), ==, "catalogue");

  g_unlink (pdf_path);
  g_rmdir (tmp);
  upstander_settings_set_classroom_mode (settings, FALSE);
  upstander_settings_set_language (settings, "");
  ui_test_close_app (app);
}

/*
 * A window at 1920×1080 over the core stories in Classroom Mode, the first
 * story open; in the language UPSTANDER_SHOT_LANGUAGE names, if set.
 */
static UpstanderWindow *
open_first_core_story (UpstanderApplication **app_out)
{
  UpstanderLibrary *library = upstander_library_new_for_sources (UPSTANDER_BUNDLES_RESOURCE, NULL);
  UpstanderApplication *app;
  UpstanderWindow *window;
  UpstanderScenario *scenario;

  upstander_library_load (library);
  app = ui_test_new_app (library);
  g_object_unref (library);
  if (g_getenv ("UPSTANDER_SHOT_LANGUAGE") != NULL)
    {
      upstander_settings_set_language (upstander_application_get_settings (app), g_getenv ("UPSTANDER_SHOT_LANGUAGE"));
      ui_test_spin (50);
    }
  window = new_window (app, 1920, 1080);
  upstander_settings_set_classroom_mode (upstander_application_get_settings (app), TRUE);

  scenario = g_list_model_get_item (G_LIST_MODEL (upstander_application_get_library (app)), 0);
  upstander_window_open_scenario (window, upstander_scenario_get_bundle_id (scenario), upstander_scenario_get_id (scenario));
  g_object_unref (scenario);
  *app_out = app;

  return window;
}

static void
test_classroom_screenshots (void)
{
  UpstanderApplication *app;
  UpstanderWindow *window;
  UpstanderClassroomPage *page;
  UpstanderFacilitatorWindow *notes;
  UpstanderClassRun *run;
  UpstanderClassCheck *check;

  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", ":close", NULL);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = open_first_core_story (&app);
  page = page_of (window);
  run = upstander_application_get_class_run (app);
  check = upstander_class_run_get_check (run);
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "check");
  for (guint i = 0; i < upstander_class_check_get_n_statements (check); i++)
    for (guint hand = 0; hand < 4 + 5 * i; hand++)
      upstander_class_check_add_hand (check, i);
  ui_test_save_shot (GTK_WIDGET (window), "classroom-check-before");
  /* The teacher's notes show the same check, counted. */
  notes = upstander_facilitator_window_present (app);
  gtk_window_set_default_size (GTK_WINDOW (notes), 640, 900);
  ui_test_save_shot (GTK_WIDGET (notes), "classroom-facilitator-check");

  /* Counted: on to the story's first lines. */
  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (page), "classroom.advance", NULL);
  ui_test_save_shot (GTK_WIDGET (window), "classroom-scene");

  for (guint i = 0; i < 20 && g_strcmp0 (upstander_classroom_page_get_view (page), "decision") != 0; i++)
    gtk_widget_activate_action (GTK_WIDGET (page), "classroom.advance", NULL);
  for (guint i = 0; i < 7; i++)
    upstander_class_run_add_vote (run, 0);
  for (guint i = 0; i < 12; i++)
    upstander_class_run_add_vote (run, 1);
  upstander_class_run_add_vote (run, 2);
  ui_test_save_shot (GTK_WIDGET (window), "classroom-votes");

  gtk_widget_activate_action (GTK_WIDGET (page), "classroom.panel", "s", "reveal");
  ui_test_save_shot (GTK_WIDGET (window), "classroom-reveal");
  gtk_widget_activate_action (GTK_WIDGET (page), "classroom.panel", "s", "discuss");
  ui_test_save_shot (GTK_WIDGET (window), "classroom-discuss");

  ui_test_save_shot (GTK_WIDGET (notes), "classroom-facilitator");

  gtk_widget_activate_action (GTK_WIDGET (page), "classroom.choose", NULL);
  for (guint i = 0; i < 40 && g_strcmp0 (upstander_classroom_page_get_view (page), "ending") != 0; i++)
    {
      if (g_strcmp0 (upstander_classroom_page_get_view (page), "decision") == 0)
        {
          /* Each new decision opens on the votes, whatever panel the last one ended on. */
          g_assert_cmpstr (upstander_classroom_page_get_panel (page), ==, "votes");
          gtk_widget_activate_action (GTK_WIDGET (page), "classroom.panel", "s", "discuss");
          upstander_class_run_add_vote (run, 0);
          gtk_widget_activate_action (GTK_WIDGET (page), "classroom.choose", NULL);
        }
      else
        gtk_widget_activate_action (GTK_WIDGET (page), "classroom.advance", NULL);
    }
  ui_test_save_shot (GTK_WIDGET (window), "classroom-ending");

  /* The check again, then the summary with both counts, then "Our class says". */
  gtk_widget_activate_action (GTK_WIDGET (page), "classroom.advance", NULL);
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "check");
  for (guint i = 0; i < upstander_class_check_get_n_statements (check); i++)
    for (guint hand = 0; hand < 15 + 3 * i; hand++)
      upstander_class_check_add_hand (check, i);
  ui_test_save_shot (GTK_WIDGET (window), "classroom-check-after");
  gtk_widget_activate_action (GTK_WIDGET (page), "classroom.advance", NULL);
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "summary");
  ui_test_save_shot (GTK_WIDGET (window), "classroom-summary");
  ui_test_save_shot (GTK_WIDGET (notes), "classroom-facilitator-summary");
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (ui_test_find_one (GTK_WIDGET (page), GTK_TYPE_BOX, "class-summary-check"),
                                                   GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    ui_test_save_shot (GTK_WIDGET (window), "classroom-summary-check");
  }
  gtk_widget_activate_action (GTK_WIDGET (page), "classroom.voice", NULL);
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "voice");
  say (page, g_getenv ("UPSTANDER_SHOT_LANGUAGE") != NULL && g_str_has_prefix (g_getenv ("UPSTANDER_SHOT_LANGUAGE"), "ar")
             ? "نريد زر إبلاغ واضحاً في كل تطبيق." : "A report button that is easy to find, in every app.");
  ui_test_save_shot (GTK_WIDGET (window), "classroom-voice");

  upstander_settings_set_classroom_mode (upstander_application_get_settings (app), FALSE);
  ui_test_close_app (app);
}

/*
 * Read from the back of a room, at 1920×1080 (meson runs this test under an
 * X server of that size): the scene stays beside the vote cards, and its
 * text and the cards’ are at least 32 px, never italic, and its newest line
 * is whole in sight. Before it, the five sentences of the check fit the
 * screen at that size, without a scroll.
 */
static void
test_classroom_room_scale (void)
{
  UpstanderApplication *app;
  UpstanderWindow *window;
  UpstanderClassroomPage *page;
  GtkWidget *narration, *choice, *text;

  window = open_first_core_story (&app);
  page = page_of (window);

  /* The room's type scale follows the page's width once it is allocated. */
  for (guint i = 0; i < 250 && !gtk_widget_has_css_class (GTK_WIDGET (page), "room-large"); i++)
    ui_test_spin (20);
  ui_test_spin (50);

  if (gtk_widget_get_width (GTK_WIDGET (page)) < 1600)
    g_error ("This check needs a 1920×1080 screen (xvfb-run -s \"-screen 0 1920x1080x24\"); the page is %d px wide",
             gtk_widget_get_width (GTK_WIDGET (page)));

  /* The check before the story: all five sentences, room-sized, and the
   * fifth one's counter in sight without scrolling. */
  {
    GtkWidget *view = ui_test_find_one (GTK_WIDGET (page), UPSTANDER_TYPE_CLASS_CHECK_VIEW, NULL);
    GtkWidget *pane = ui_test_find_one (view, GTK_TYPE_SCROLLED_WINDOW, NULL);
    g_autoptr(GPtrArray) counters = ui_test_find_all (view, UPSTANDER_TYPE_HAND_COUNTER, NULL);
    g_autoptr(GPtrArray) statements = ui_test_find_all (view, GTK_TYPE_LABEL, "check-statement");
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (pane));
    GtkWidget *fifth;
    graphene_rect_t bounds;

    g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "check");
    g_assert_cmpuint (counters->len, ==, 5);
    g_assert_cmpuint (statements->len, ==, 5);
    fifth = g_ptr_array_index (counters, 4);

    /* Windowed (34 px type), then with the fullscreen type scale (38 px): Xvfb has
     * no window manager to make the window fullscreen, so the class the style
     * sheet keys on is set by hand. */
    for (guint fullscreen = 0; fullscreen < 2; fullscreen++)
      {
        double min_px = fullscreen ? 36 : 32;

        if (fullscreen)
          {
            gtk_widget_add_css_class (GTK_WIDGET (window), "fullscreen");
            for (guint i = 0; i < 250 && font_px (g_ptr_array_index (statements, 0)) < min_px; i++)
              ui_test_spin (20);
            ui_test_spin (50);
          }
        ui_test_save_shot (GTK_WIDGET (window), fullscreen ? "classroom-room-check-fullscreen" : "classroom-room-check");
        for (guint i = 0; i < statements->len; i++)
          g_assert_cmpfloat (font_px (g_ptr_array_index (statements, i)), >=, min_px);
        g_assert_true (gtk_widget_compute_bounds (fifth, pane, &bounds));
        g_test_message ("fifth counter %.0f..%.0f in a pane %d high (scrolled %.0f of %.0f), type %.0f px",
                        bounds.origin.y, bounds.origin.y + bounds.size.height, gtk_widget_get_height (pane),
                        gtk_adjustment_get_value (adjustment), gtk_adjustment_get_upper (adjustment),
                        font_px (g_ptr_array_index (statements, 0)));
        g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
        g_assert_cmpfloat (bounds.origin.y, >=, 0);
        g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (pane));
        /* Its sentence too, whole. */
        g_assert_true (gtk_widget_compute_bounds (g_ptr_array_index (statements, 4), pane, &bounds));
        g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (pane));
      }
    gtk_widget_remove_css_class (GTK_WIDGET (window), "fullscreen");
  }

  for (guint i = 0; i < 30 && g_strcmp0 (upstander_classroom_page_get_view (page), "decision") != 0; i++)
    gtk_widget_activate_action (GTK_WIDGET (page), "classroom.advance", NULL);
  ui_test_save_shot (GTK_WIDGET (window), "classroom-room");
  ui_test_spin (50);

  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "decision");
  narration = ui_test_find_one (GTK_WIDGET (page), UPSTANDER_TYPE_NARRATION_ROW, NULL);
  choice = ui_test_find_one (GTK_WIDGET (page), GTK_TYPE_LABEL, "choice-label");
  g_assert_nonnull (narration);
  g_assert_nonnull (choice);
  text = ui_test_find_one (narration, GTK_TYPE_LABEL, NULL);
  g_assert_cmpfloat (font_px (text), >=, 32);
  g_assert_cmpint (pango_font_description_get_style (pango_context_get_font_description (gtk_widget_get_pango_context (text))),
                   ==, PANGO_STYLE_NORMAL);
  g_assert_cmpfloat (font_px (choice), >=, 32);
  /* The speakers' avatars are room-sized too: 56 px, not the player's 36. */
  {
    g_autoptr(GPtrArray) avatars = ui_test_find_all (GTK_WIDGET (page), UPSTANDER_TYPE_AVATAR, NULL);
    guint shown = 0;

    for (guint i = 0; i < avatars->len; i++)
      {
        GtkWidget *avatar = g_ptr_array_index (avatars, i);

        if (!gtk_widget_get_mapped (avatar))
          continue;
        shown++;
        g_assert_cmpint (upstander_avatar_get_size (UPSTANDER_AVATAR (avatar)), ==, 56);
        g_assert_cmpint (gtk_widget_get_width (avatar), >=, 56);
        g_assert_cmpint (gtk_widget_get_height (avatar), >=, 56);
      }
    g_assert_cmpuint (shown, >, 0);
  }

  /* The scene's newest line, beside the cards, is whole in its scrolled pane: nothing of it cut off. */
  {
    GtkWidget *aside = ui_test_find_one (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW, "class-scene-aside");
    GtkWidget *transcript = ui_test_find_one (aside, GTK_TYPE_BOX, "transcript");
    GtkWidget *last = gtk_widget_get_last_child (transcript);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (aside));
    graphene_rect_t bounds, page_bounds;

    g_assert_nonnull (last);
    g_assert_true (gtk_widget_compute_bounds (last, aside, &bounds));
    g_assert_true (gtk_widget_compute_bounds (aside, GTK_WIDGET (page), &page_bounds));
    g_test_message ("last line %.0f..%.0f in a pane %d high (scrolled %.0f of %.0f, page %.0f); pane %.0f..%.0f in a page %d high",
                    bounds.origin.y, bounds.origin.y + bounds.size.height, gtk_widget_get_height (aside),
                    gtk_adjustment_get_value (adjustment), gtk_adjustment_get_upper (adjustment),
                    gtk_adjustment_get_page_size (adjustment),
                    page_bounds.origin.y, page_bounds.origin.y + page_bounds.size.height, gtk_widget_get_height (GTK_WIDGET (page)));
    g_assert_cmpfloat (bounds.origin.y, >=, 0);
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (aside));
    /* And the pane itself is inside the page, above the bar of buttons. */
    g_assert_cmpfloat (page_bounds.origin.y + page_bounds.size.height, <=, gtk_widget_get_height (GTK_WIDGET (page)));
  }

  /* While the class discusses, the questions sit beside the cards, and every
   * card stays whole in sight (above them, they pushed the last cards off). */
  gtk_widget_activate_action (GTK_WIDGET (page), "classroom.panel", "s", "discuss");
  ui_test_wait_for_paint (GTK_WINDOW (window));
  ui_test_save_shot (GTK_WIDGET (window), "classroom-room-discuss");
  {
    g_autoptr(GPtrArray) cards = ui_test_find_all (GTK_WIDGET (page), UPSTANDER_TYPE_VOTE_CARD, NULL);
    GtkWidget *scroller = gtk_widget_get_ancestor (g_ptr_array_index (cards, 0), GTK_TYPE_SCROLLED_WINDOW);
    GtkWidget *questions = ui_test_find_one (GTK_WIDGET (page), GTK_TYPE_BOX, "class-questions");
    graphene_rect_t bounds;

    g_assert_nonnull (questions);
    g_assert_true (gtk_widget_get_mapped (questions));
    g_assert_cmpuint (cards->len, >=, 3);
    for (guint i = 0; i < cards->len; i++)
      {
        g_assert_true (gtk_widget_compute_bounds (g_ptr_array_index (cards, i), scroller, &bounds));
        g_test_message ("card %u at %.0f..%.0f in a pane %d high", i, bounds.origin.y, bounds.origin.y + bounds.size.height,
                        gtk_widget_get_height (scroller));
        g_assert_cmpfloat (bounds.origin.y, >=, 0);
        g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scroller));
      }
  }

  upstander_settings_set_classroom_mode (upstander_application_get_settings (app), FALSE);
  ui_test_close_app (app);
}

/*
 * The class summary at 1920×1080 (meson runs this test under an X server of
 * that size), windowed and with the fullscreen type scale: all of it — every
 * decision, the ending, both rounds of the check and the note under it — in
 * sight without a scroll, at the room's type size, in English and in the
 * languages whose text runs longest (Russian) or right to left (Arabic).
 */
static void
summary_fits (const char *language,
              const char *story_id)
{
  g_autoptr(UpstanderLibrary) library = upstander_library_new_for_sources (UPSTANDER_BUNDLES_RESOURCE, NULL);
  UpstanderApplication *app;
  UpstanderWindow *window;
  UpstanderClassroomPage *page;
  UpstanderClassRun *run;
  UpstanderClassCheck *check;
  GtkWidget *scroller, *summary, *note;
  GtkAdjustment *adjustment;
  g_autofree char *shot = NULL;
  guint decision = 0;

  upstander_library_load (library);
  app = ui_test_new_app (library);
  ui_test_set_language (upstander_application_get_settings (app), language);
  window = new_window (app, 1920, 1080);
  upstander_settings_set_classroom_mode (upstander_application_get_settings (app), TRUE);
  g_assert_true (upstander_window_open_scenario (window, "core", story_id));
  page = page_of (window);
  for (guint i = 0; i < 250 && !gtk_widget_has_css_class (GTK_WIDGET (page), "room-large"); i++)
    ui_test_spin (20);
  if (gtk_widget_get_width (GTK_WIDGET (page)) < 1600)
    g_error ("This check needs a 1920×1080 screen (xvfb-run -s \"-screen 0 1920x1080x24\"); the page is %d px wide",
             gtk_widget_get_width (GTK_WIDGET (page)));

  /* Two-digit counts everywhere, as a real class gives. */
  run = upstander_application_get_class_run (app);
  check = upstander_class_run_get_check (run);
  g_assert_cmpuint (upstander_class_check_get_n_statements (check), ==, 5);
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "check");
  for (guint i = 0; i < 5; i++)
    for (guint hand = 0; hand < 10 + i; hand++)
      upstander_class_check_add_hand (check, i);
  for (guint i = 0; i < 60 && g_strcmp0 (upstander_classroom_page_get_view (page), "ending") != 0; i++)
    {
      if (g_strcmp0 (upstander_classroom_page_get_view (page), "decision") == 0)
        {
          /* The class goes a different way at each decision, the same on every
           * run: the choices' order on screen is shuffled, their order in the
           * story is not. */
          const UpstanderDecision *asked = upstander_session_get_scene (upstander_class_run_get_session (run))->decision;
          guint n_choices = asked->choices->len;
          const UpstanderChoice *taken = g_ptr_array_index (asked->choices, decision % n_choices);
          const UpstanderChoice *runner_up = g_ptr_array_index (asked->choices, (decision + 1) % n_choices);

          for (guint vote = 0; vote < 12; vote++)
            g_assert_true (upstander_class_run_add_vote (run, upstander_class_run_find_choice (run, taken->id)));
          for (guint vote = 0; vote < 10; vote++)
            g_assert_true (upstander_class_run_add_vote (run, upstander_class_run_find_choice (run, runner_up->id)));
          decision++;
          gtk_widget_activate_action (GTK_WIDGET (page), "classroom.choose", NULL);
        }
      else
        gtk_widget_activate_action (GTK_WIDGET (page), "classroom.advance", NULL);
    }
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "ending");
  gtk_widget_activate_action (GTK_WIDGET (page), "classroom.advance", NULL);
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "check");
  for (guint i = 0; i < 5; i++)
    for (guint hand = 0; hand < 20 + i; hand++)
      upstander_class_check_add_hand (check, i);
  gtk_widget_activate_action (GTK_WIDGET (page), "classroom.advance", NULL);
  g_assert_cmpstr (upstander_classroom_page_get_view (page), ==, "summary");

  summary = ui_test_find_one (GTK_WIDGET (page), UPSTANDER_TYPE_CLASS_SUMMARY_VIEW, NULL);
  scroller = gtk_widget_get_ancestor (summary, GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  /* Its note that the summary keeps no pupil's answer. */
  note = ui_test_find_label (summary, _("The summary holds counts only: nothing about any pupil is kept."));
  g_assert_nonnull (note);

  for (guint fullscreen = 0; fullscreen < 2; fullscreen++)
    {
      /* The room's readable floor; the summary keeps the windowed 34 px in fullscreen too. */
      double min_px = 32;
      g_autoptr(GPtrArray) labels = ui_test_find_all (summary, GTK_TYPE_LABEL, NULL);
      g_autoptr(GPtrArray) counts = ui_test_find_all (summary, GTK_TYPE_LABEL, "check-counts");
      GtkWidget *last_count;
      graphene_rect_t bounds, note_bounds;

      /* Xvfb has no window manager to make the window fullscreen: the class
       * the style sheet keys on is set by hand, as for the check above. */
      if (fullscreen)
        gtk_widget_add_css_class (GTK_WIDGET (window), "fullscreen");
      /* Laid out at its width and painted. */
      for (guint i = 0; i < 250 && gtk_widget_get_width (summary) == 0; i++)
        ui_test_spin (20);
      ui_test_wait_for_paint (GTK_WINDOW (window));
      ui_test_wait_for_paint (GTK_WINDOW (window));
      g_clear_pointer (&shot, g_free);
      shot = g_strdup_printf ("classroom-summary-%s-%s%s", story_id, language, fullscreen ? "-fullscreen" : "");
      ui_test_save_shot (GTK_WIDGET (window), shot);

      /* Before and after, for each of the five sentences. */
      g_assert_cmpuint (counts->len, ==, 10);
      last_count = g_ptr_array_index (counts, 9);
      g_assert_true (gtk_widget_compute_bounds (last_count, scroller, &bounds));
      g_assert_true (gtk_widget_compute_bounds (note, scroller, &note_bounds));
      g_test_message ("%s in %s%s: %u decisions, last count %.0f..%.0f, note ..%.0f, in a pane %d high (scrolled %.0f, upper %.0f)",
                      story_id, language, fullscreen ? ", fullscreen" : "", decision,
                      bounds.origin.y, bounds.origin.y + bounds.size.height,
                      note_bounds.origin.y + note_bounds.size.height, gtk_widget_get_height (scroller),
                      gtk_adjustment_get_value (adjustment), gtk_adjustment_get_upper (adjustment));
      /* The room's type, never shrunk below it to make it fit. */
      for (guint i = 0; i < labels->len; i++)
        g_assert_cmpfloat (font_px (g_ptr_array_index (labels, i)), >=, min_px);
      /* Fullscreen grows the rest of the page (38 px), the summary keeps 34 px. */
      g_assert_cmpfloat (font_px (ui_test_find_label (GTK_WIDGET (page), _("Finish"))), ==, fullscreen ? 38 : 34);
      g_assert_cmpfloat (font_px (note), ==, 34);
      /* Nothing to scroll to, and the last of it inside the pane. */
      g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
      g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), <=, gtk_adjustment_get_page_size (adjustment));
      g_assert_cmpfloat (bounds.origin.y, >=, 0);
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scroller));
      g_assert_cmpfloat (note_bounds.origin.y + note_bounds.size.height, <=, gtk_widget_get_height (scroller));
    }
  gtk_widget_remove_css_class (GTK_WIDGET (window), "fullscreen");

  upstander_settings_set_classroom_mode (upstander_application_get_settings (app), FALSE);
  ui_test_set_language (upstander_application_get_settings (app), "");
  ui_test_close_app (app);
}

/*
 * The first core story, whose summary has three decisions and five check
 * sentences. UPSTANDER_SUMMARY_STORIES=id,id… measures others (a story with
 * four decisions does not fit yet: see the test's messages).
 */
static void
test_classroom_summary_fits (void)
{
  static const char * const languages[] = { "en", "ru", "ar" };
  const char *stories = g_getenv ("UPSTANDER_SUMMARY_STORIES");
  g_auto(GStrv) story_ids = g_strsplit (stories != NULL ? stories : "the-class-chat", ",", -1);

  for (guint s = 0; story_ids[s] != NULL; s++)
    for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
      summary_fits (languages[l], story_ids[s]);
}

int
main (int   argc,
      char *argv[])
{
  const char *data_dirs = g_getenv ("XDG_DATA_DIRS");
  g_autofree char *with_icons = g_strconcat (data_dirs != NULL ? data_dirs : "", ":/usr/local/share:/usr/share", NULL);

  g_setenv ("XDG_DATA_DIRS", with_icons, TRUE);
  /* The interface in the language a screenshot asks for (UPSTANDER_SHOT_LANGUAGE). */
  setlocale (LC_ALL, "");
  upstander_language_bind_textdomain ();
  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/upstander/classroom/run", test_classroom_run);
  g_test_add_func ("/upstander/classroom/survives-rebuild", test_classroom_survives_rebuild);
  g_test_add_func ("/upstander/classroom/language-switch", test_classroom_language_switch);
  g_test_add_func ("/upstander/classroom/facilitator-follows-session", test_facilitator_follows_session);
  g_test_add_func ("/upstander/classroom/facilitator-shows-check", test_facilitator_shows_check);
  g_test_add_func ("/upstander/classroom/arabic", test_classroom_arabic);
  g_test_add_func ("/upstander/classroom/screenshots", test_classroom_screenshots);
  g_test_add_func ("/upstander/classroom/room-scale", test_classroom_room_scale);
  g_test_add_func ("/upstander/classroom/summary-fits", test_classroom_summary_fits);

  return g_test_run ();
}
