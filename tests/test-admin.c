/* test-admin.c: what an administrator sets — a vendor override, a locked key — is honoured
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-admin"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "ui-test.h"
#include "upstander-application.h"
#include "upstander-help-page.h"
#include "upstander-language.h"
#include "upstander-preferences-window.h"
#include "upstander-window.h"
#include "upstander-workshop-page.h"

/*
 * GSettings reads its schemas, and so the vendor overrides, once per
 * process: each case runs in a process of its own (meson runs this program
 * once with "override", once with "locked", once with "live"), and sets up
 * its schemas before anything reads a setting.
 */

/* A school's image: French, pupils of 8 to 11, no Classroom Mode, no stories of their own. */
static const char vendor_override[] =
  "[io.github.upstander.Upstander]\n"
  "language='fr'\n"
  "reader='ages-8-11'\n"
  "age-bands=['ages-8-11']\n"
  "classroom-available=false\n"
  "user-bundles=false\n";

static char *case_dir;


static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* The app's schema, with @override if not NULL, compiled into a folder of the test's own. */
static void
compile_schemas (const char *override)
{
  g_autofree char *source = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", APP_ID ".gschema.xml", NULL);
  g_autofree char *schema_dir = g_build_filename (case_dir, "schemas", NULL);
  g_autofree char *copy = g_build_filename (schema_dir, APP_ID ".gschema.xml", NULL);
  g_autofree char *compiler = g_find_program_in_path ("glib-compile-schemas");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (compiler);
  g_file_get_contents (source, &contents, NULL, &error);
  g_assert_no_error (error);
  write_file (copy, contents);
  if (override != NULL)
    {
      g_autofree char *path = g_build_filename (schema_dir, "50_school.gschema.override", NULL);

      write_file (path, override);
    }

  {
    const char *argv[] = { compiler, "--strict", schema_dir, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  return (AdwMessageDialog *) ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static UpstanderPreferencesWindow *
open_preferences (UpstanderApplication *app)
{
  GtkWindow *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ui_test_spin (50);
  preferences = ui_test_find_toplevel (UPSTANDER_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);

  return UPSTANDER_PREFERENCES_WINDOW (preferences);
}

/* The row of @preferences titled @title (in the interface's language). */
static AdwComboRow *
find_combo_row (UpstanderPreferencesWindow *preferences,
                const char                 *title)
{
  g_autoptr(GPtrArray) rows = ui_test_find_all (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW, NULL);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);

  g_error ("No row “%s” in Preferences", title);
}

/* The catalogue's band toggles: all ages, 8–11, 12–14, 15–17. */
static GPtrArray *
find_band_toggles (UpstanderWindow *window)
{
  GtkWidget *box = ui_test_find_one (GTK_WIDGET (window), GTK_TYPE_FLOW_BOX, "age-filter");
  GPtrArray *toggles;

  g_assert_nonnull (box);
  toggles = ui_test_find_all (box, GTK_TYPE_TOGGLE_BUTTON, NULL);
  g_assert_cmpuint (toggles->len, ==, 4);

  return toggles;
}

/* How many of them a reader can see. */
static guint
count_mapped_band_toggles (UpstanderWindow *window)
{
  g_autoptr(GPtrArray) toggles = find_band_toggles (window);
  guint n_mapped = 0;

  for (guint i = 0; i < toggles->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (toggles, i)))
      n_mapped++;

  return n_mapped;
}

/* The real app with @settings and @library (NULL: its own), registered as APP_ID @suffix and activated. */
static UpstanderApplication *
start_app (const char        *suffix,
           UpstanderSettings *settings,
           UpstanderLibrary  *library)
{
  g_autofree char *id = g_strconcat (APP_ID, suffix, NULL);
  g_autoptr(GError) error = NULL;
  UpstanderApplication *app = upstander_application_new ();

  g_application_set_application_id (G_APPLICATION (app), id);
  if (library != NULL)
    upstander_application_set_library (app, library);
  upstander_application_set_settings (app, settings);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  ui_test_spin (50);

  return app;
}

/* Whether the catalogue's band toggles say, to the eye and to a screen reader, that an administrator set them. */
static void
assert_band_toggles_locked (UpstanderWindow *window,
                            gboolean         locked)
{
  g_autoptr(GPtrArray) toggles = find_band_toggles (window);

  for (guint i = 0; i < toggles->len; i++)
    {
      GtkWidget *toggle = g_ptr_array_index (toggles, i);

      g_assert_cmpint (gtk_widget_get_sensitive (toggle), ==, !locked);
      if (locked)
        {
          g_assert_cmpstr (gtk_widget_get_tooltip_text (toggle), ==, "Set by your administrator");
          gtk_test_accessible_assert_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                               "Set by your administrator");
        }
      else
        {
          g_assert_cmpstr (gtk_widget_get_tooltip_text (toggle), !=, "Set by your administrator");
          if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION))
            {
              g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (toggle),
                                                                               GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                                               "Set by your administrator");

              g_assert_nonnull (mismatch);
            }
        }
    }
}

/* How many stories of @model come from the bundle @bundle_id. */
static guint
count_bundle_stories (GListModel *model,
                      const char *bundle_id)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(UpstanderScenario) scenario = g_list_model_get_item (model, i);

      if (g_strcmp0 (upstander_bundle_get_id (upstander_scenario_get_bundle (scenario)), bundle_id) == 0)
        n++;
    }

  return n;
}

static void
wait_for_library (UpstanderLibrary *library)
{
  for (guint tries = 0; tries < 600 && !upstander_library_get_loaded (library); tries++)
    ui_test_spin (50);
  g_assert_true (upstander_library_get_loaded (library));
}

/*
 * A vendor override sets the language, who is reading, the bands offered,
 * hides Classroom Mode and turns off the user's own stories: nothing is
 * asked, nothing is written back, and only stories for 8 to 11 are offered.
 */
static void
test_admin_vendor_override (void)
{
  g_autofree char *user_bundle = g_build_filename (g_get_user_data_dir (), "upstander", "bundles", "mine.xml", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "ui", "ui-stories.xml", NULL);
  g_autofree char *fixture_xml = NULL;
  g_autoptr(GSettings) gsettings = g_settings_new (APP_ID);
  g_autoptr(GVariant) language_written = NULL;
  g_autoptr(GVariant) reader_written = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) offered = NULL;
  UpstanderApplication *app;
  UpstanderSettings *settings;
  UpstanderLibrary *library;
  UpstanderWindow *window;
  UpstanderPreferencesWindow *preferences;
  UpstanderWorkshopPage *workshop;
  GListModel *stories;
  guint n_for_8_11 = 0;

  /* A story in the user's own folder, which the administrator turned off. */
  g_file_get_contents (fixture, &fixture_xml, NULL, &error);
  g_assert_no_error (error);
  write_file (user_bundle, fixture_xml);

  app = upstander_application_new ();
  g_application_set_application_id (G_APPLICATION (app), APP_ID ".TestAdmin");
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  settings = upstander_application_get_settings (app);

  g_assert_cmpstr (upstander_settings_get_language (settings), ==, "fr");
  g_assert_true (upstander_settings_get_set_by_administrator (settings, "language"));
  g_assert_false (upstander_settings_get_locked (settings, "language"));
  g_assert_true (upstander_settings_get_language_chosen (settings));
  g_assert_false (upstander_settings_get_reader_unasked (settings));
  g_assert_cmpstr (upstander_settings_get_reader (settings), ==, "ages-8-11");
  /* The interface is in French. */
  g_assert_true (g_str_has_prefix (g_get_language_names ()[0], "fr"));
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "All ages"), !=, "All ages");

  /* Classroom Mode is hidden (its action is gone, so is the menu item) and stays off. */
  g_assert_false (upstander_settings_get_classroom_available (settings));
  g_assert_false (g_action_group_has_action (G_ACTION_GROUP (app), "classroom-mode"));
  upstander_settings_set_classroom_mode (settings, TRUE);
  g_assert_false (upstander_settings_get_classroom_mode (settings));

  /* Only 8 to 11, and a teacher or parent. */
  offered = upstander_settings_dup_offered_readers (settings);
  g_assert_cmpuint (offered->len, ==, 2);
  g_assert_cmpstr (((const UpstanderReaderBand *) g_ptr_array_index (offered, 0))->id, ==, "ages-8-11");
  g_assert_cmpstr (((const UpstanderReaderBand *) g_ptr_array_index (offered, 1))->id, ==, "adult");
  upstander_settings_set_reader (settings, "ages-15-17");
  g_assert_cmpstr (upstander_settings_get_reader (settings), ==, "adult");
  upstander_settings_set_reader (settings, "ages-8-11");

  g_application_activate (G_APPLICATION (app));
  window = UPSTANDER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  /* The first-run question would come once the window has painted. */
  ui_test_wait_for_paint (GTK_WINDOW (window));
  ui_test_spin (50);
  /* No first-run question: the administrator answered both. */
  g_assert_null (find_message_dialog ());

  /* The catalogue, with its band toggles, comes with the stories. */
  library = upstander_application_get_library (app);
  wait_for_library (library);
  {
    g_autoptr(GPtrArray) toggles = find_band_toggles (window);

    g_assert_cmpstr (gtk_button_get_label (g_ptr_array_index (toggles, 0)), ==, g_dgettext (GETTEXT_PACKAGE, "All ages"));
  }
  ui_test_spin (100);
  {
    g_autoptr(GPtrArray) toggles = find_band_toggles (window);

    /* "All ages" and 8–11: the other bands are hidden. */
    g_assert_cmpuint (count_mapped_band_toggles (window), ==, 2);
    g_assert_true (gtk_widget_get_mapped (g_ptr_array_index (toggles, 1)));
  }
  /* The user's own story was not read; a library that reads the user's folder finds it. */
  g_assert_cmpuint (count_bundle_stories (G_LIST_MODEL (library), "ui-test"), ==, 0);
  {
    g_autoptr(UpstanderLibrary) with_user_bundles = upstander_library_new_full (TRUE);

    upstander_library_load (with_user_bundles);
    g_assert_cmpuint (count_bundle_stories (G_LIST_MODEL (with_user_bundles), "ui-test"), ==, 2);
  }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(UpstanderScenario) scenario = g_list_model_get_item (G_LIST_MODEL (library), i);

      if (upstander_scenario_get_age_min (scenario) <= 11 && upstander_scenario_get_age_max (scenario) >= 8)
        n_for_8_11++;
    }
  g_assert_cmpuint (n_for_8_11, >, 0);
  g_assert_cmpuint (n_for_8_11, <, g_list_model_get_n_items (G_LIST_MODEL (library)));

  /* The catalogue, even on "All ages", offers the stories for 8 to 11 only. */
  upstander_settings_set_reader (settings, "adult");
  stories = upstander_window_get_stories (window);
  g_assert_cmpuint (g_list_model_get_n_items (stories), ==, n_for_8_11);
  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr(UpstanderScenario) scenario = g_list_model_get_item (stories, i);

      g_assert_cmpuint (upstander_scenario_get_age_min (scenario), <=, 11);
      g_assert_cmpuint (upstander_scenario_get_age_max (scenario), >=, 8);
    }

  /* Preferences offers the same two answers. */
  preferences = open_preferences (app);
  {
    AdwComboRow *reader_row = find_combo_row (preferences, g_dgettext (GETTEXT_PACKAGE, "Who is reading"));
    AdwComboRow *language_row = find_combo_row (preferences, g_dgettext (GETTEXT_PACKAGE, "Language"));

    g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (reader_row)), ==, 2);
    g_assert_cmpuint (adw_combo_row_get_selected (reader_row), ==, 1);
    adw_combo_row_set_selected (reader_row, 0);
    g_assert_cmpstr (upstander_settings_get_reader (settings), ==, "ages-8-11");
    /* Set, not locked: a teacher may still change the language here. */
    g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (language_row)));
  }
  gtk_window_destroy (GTK_WINDOW (preferences));

  /* The workshop cannot add to a folder the app does not read, and says why.
   * (Its page is built when first shown.) */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-workshop", NULL);
  workshop = UPSTANDER_WORKSHOP_PAGE (ui_test_find_one (GTK_WIDGET (window), UPSTANDER_TYPE_WORKSHOP_PAGE, NULL));
  g_assert_nonnull (workshop);
  g_assert_false (upstander_workshop_page_publish (workshop, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  {
    g_autoptr(GFile) file = g_file_new_for_path (fixture);
    g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();

    g_assert_false (upstander_workshop_page_import (workshop, file, diagnostics, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
    g_clear_error (&error);
  }

  /* What the administrator set was never written back as the user's choice
   * (who is reading was chosen in Preferences above, and is the user's). */
  language_written = g_settings_get_user_value (gsettings, "language");
  g_assert_null (language_written);
  reader_written = g_settings_get_user_value (gsettings, "reader");
  g_assert_nonnull (reader_written);

  ui_test_close_app (app);
}

/* upstander --list offers what the window offers: 8 to 11, without the user's own stories. */
static void
test_admin_vendor_override_cli (void)
{
  g_autofree char *user_bundle = g_build_filename (g_get_user_data_dir (), "upstander", "bundles", "mine.xml", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "ui", "ui-stories.xml", NULL);
  g_autofree char *fixture_xml = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("UPSTANDER_EXE"), "--list", NULL };
  int status = 0;
  guint n_stories = 0;

  g_assert_nonnull (argv[0]);
  g_file_get_contents (fixture, &fixture_xml, NULL, &error);
  g_assert_no_error (error);
  write_file (user_bundle, fixture_xml);

  /* The child inherits the compiled override and this case's home. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      n_stories++;
      g_assert_false (g_str_has_prefix (lines[i], "ui-test\t"));
      /* The core's stories for 12 and up. */
      g_assert_null (strstr (lines[i], "\tforwarded\t"));
      g_assert_null (strstr (lines[i], "\tnot-her\t"));
      g_assert_null (strstr (lines[i], "\tthe-ultimatum\t"));
    }
  g_assert_cmpuint (n_stories, >, 0);
  g_assert_nonnull (strstr (out, "\tthe-class-chat\t"));
}

/* A keyfile backend whose `locks` file, in a folder of the test's own, locks @locks_list. */
static GSettingsBackend *
locked_backend_new (const char *name,
                    const char *locks_list,
                    char      **keyfile_out)
{
  g_autofree char *keyfile = g_build_filename (case_dir, name, "user", "keyfile", NULL);
  g_autofree char *defaults_dir = g_build_filename (case_dir, name, "system", NULL);
  g_autofree char *locks = g_build_filename (defaults_dir, "locks", NULL);
  g_autoptr(GSettingsBackend) probe = NULL;

  write_file (locks, locks_list);
  /* The keyfile backend's type is not public; its "defaults-dir" property is
   * (where `defaults` and `locks` are read, /etc/glib-2.0/settings unless told). */
  probe = g_keyfile_settings_backend_new (keyfile, "/", NULL);
  *keyfile_out = g_steal_pointer (&keyfile);

  return g_object_new (G_OBJECT_TYPE (probe),
                       "filename", *keyfile_out,
                       "root-path", "/",
                       "defaults-dir", defaults_dir,
                       NULL);
}

/*
 * The language and Classroom Mode are locked: the first run asks only who
 * is reading, writes nothing for the language, Preferences shows the lock and why, and nothing
 * changes the language, not even for this run.
 */
static void
test_admin_locked_language (void)
{
  g_autofree char *keyfile_path = NULL;
  g_autoptr(GSettingsBackend) backend = locked_backend_new ("locked-language",
                                                            "/io/github/upstander/Upstander/language\n"
                                                            "/io/github/upstander/Upstander/classroom-mode\n",
                                                            &keyfile_path);
  g_autoptr(UpstanderSettings) settings = upstander_settings_new_for_backend (backend);
  g_autofree char *ui_dir = g_test_build_filename (G_TEST_DIST, "fixtures", "ui", NULL);
  const char *dirs[] = { ui_dir, NULL };
  g_autoptr(UpstanderLibrary) library = upstander_library_new_for_sources (NULL, dirs);
  g_autoptr(GKeyFile) written = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  UpstanderApplication *app;
  UpstanderPreferencesWindow *preferences;
  AdwMessageDialog *dialog;
  GtkWidget *list;

  upstander_library_load (library);
  g_assert_true (upstander_settings_get_locked (settings, "language"));
  g_assert_false (upstander_settings_get_locked (settings, "reader"));
  g_assert_true (upstander_settings_get_language_chosen (settings));
  g_assert_true (upstander_settings_get_reader_unasked (settings));

  app = start_app (".TestAdminLocked", settings, library);
  /* Only who is reading is asked, once the window has painted. */
  dialog = (AdwMessageDialog *) ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_null (ui_test_find_one (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX, "languages"));
  list = ui_test_find_one (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX, "readers");
  g_assert_nonnull (list);
  gtk_check_button_set_active (g_object_get_data (G_OBJECT (gtk_widget_get_first_child (list)), "check"), TRUE);
  /* As the Continue button does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, "choose");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_spin (50);
  /* Nothing more is asked. */
  g_assert_null (find_message_dialog ());
  g_assert_cmpstr (upstander_settings_get_reader (settings), ==, "ages-8-11");

  /* Who is reading is not locked: the catalogue's band toggles respond, with their own tooltips. */
  assert_band_toggles_locked (UPSTANDER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app))), FALSE);

  /* Classroom Mode is locked off: no menu item offers to change it. */
  g_assert_true (upstander_settings_get_classroom_available (settings));
  g_assert_false (g_action_group_has_action (G_ACTION_GROUP (app), "classroom-mode"));

  /* Nothing changes a locked language, not even for this run. */
  upstander_settings_set_language (settings, "es");
  g_assert_cmpstr (upstander_settings_get_language (settings), ==, "");
  g_assert_false (g_str_has_prefix (g_get_language_names ()[0], "es"));

  /* Preferences: the language row is insensitive and says why; who is reading is not locked. */
  preferences = open_preferences (app);
  {
    AdwComboRow *language_row = find_combo_row (preferences, "Language");
    AdwComboRow *reader_row = find_combo_row (preferences, "Who is reading");

    g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (language_row)));
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (language_row)), ==, "Set by your administrator");
    g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (language_row)), ==, "Set by your administrator");
    g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (reader_row)));
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (reader_row)), !=, "Set by your administrator");
  }
  gtk_window_destroy (GTK_WINDOW (preferences));
  ui_test_close_app (app);

  /* On disk: the answer that was asked, and nothing for the locked key. */
  g_key_file_load_from_file (written, keyfile_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  {
    g_autofree char *reader = g_key_file_get_value (written, "io/github/upstander/Upstander", "reader", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (reader, ==, "'ages-8-11'");
  }
  g_assert_false (g_key_file_has_key (written, "io/github/upstander/Upstander", "language", NULL));
}

/*
 * Who is reading is locked: the catalogue's band toggles cannot change it,
 * and say why as Preferences does, in the tooltip and to a screen reader.
 */
static void
test_admin_locked_reader_bands (void)
{
  g_autofree char *keyfile_path = NULL;
  g_autoptr(GSettingsBackend) backend = locked_backend_new ("locked-reader",
                                                            "/io/github/upstander/Upstander/reader\n",
                                                            &keyfile_path);
  g_autoptr(GSettings) gsettings = g_settings_new_with_backend (APP_ID, backend);
  g_autoptr(UpstanderSettings) settings = NULL;
  g_autofree char *ui_dir = g_test_build_filename (G_TEST_DIST, "fixtures", "ui", NULL);
  const char *dirs[] = { ui_dir, NULL };
  g_autoptr(UpstanderLibrary) library = upstander_library_new_for_sources (NULL, dirs);
  UpstanderApplication *app;
  UpstanderWindow *window;

  /* The language question is not what this case is about. */
  g_settings_set_boolean (gsettings, "first-run", FALSE);
  settings = upstander_settings_new_for_backend (backend);
  g_assert_true (upstander_settings_get_locked (settings, "reader"));
  upstander_library_load (library);

  app = start_app (".TestAdminLockedReader", settings, library);
  g_assert_null (find_message_dialog ());

  window = UPSTANDER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  assert_band_toggles_locked (window, TRUE);

  ui_test_close_app (app);
}

/* Spins the main loop until @done says so, for up to 30 s; then asserts it. */
#define WAIT_UNTIL(done) \
  G_STMT_START { \
    for (guint tries_ = 0; tries_ < 1500 && !(done); tries_++) \
      ui_test_spin (20); \
    g_assert_true (done); \
  } G_STMT_END

/* Whether every story @window's catalogue offers is meant for ages 12 to 14. */
static gboolean
catalogue_only_12_14 (UpstanderWindow *window)
{
  GListModel *stories = upstander_window_get_stories (window);

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr(UpstanderScenario) scenario = g_list_model_get_item (stories, i);

      if (upstander_scenario_get_age_min (scenario) > 14 || upstander_scenario_get_age_max (scenario) < 12)
        return FALSE;
    }

  return g_list_model_get_n_items (stories) > 0;
}

/*
 * An administrator changes the keys while the app runs (dconf pushes a new
 * database to a running session): the window, Preferences and the
 * application follow at once, without a restart.
 */
static void
test_admin_live_changes (void)
{
  g_autofree char *user_bundle = g_build_filename (g_get_user_data_dir (), "upstander", "bundles", "mine.xml", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "ui", "ui-stories.xml", NULL);
  g_autofree char *fixture_xml = NULL;
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) administrator = g_settings_new_with_backend (APP_ID, backend);
  g_autoptr(UpstanderSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  const char *only_12_14[] = { "ages-12-14", NULL };
  UpstanderApplication *app;
  UpstanderWindow *window;
  UpstanderLibrary *library;
  UpstanderPreferencesWindow *preferences;
  UpstanderWorkshopPage *workshop;
  AdwComboRow *reader_row;

  /* A story in the user's own folder. */
  g_file_get_contents (fixture, &fixture_xml, NULL, &error);
  g_assert_no_error (error);
  write_file (user_bundle, fixture_xml);
  g_settings_set_boolean (administrator, "first-run", FALSE);
  settings = upstander_settings_new_for_backend (backend);
  upstander_settings_choose_reader (settings, "ages-8-11");

  /* The app's own library: the core stories, and the user's. */
  app = start_app (".TestAdminLive", settings, NULL);
  window = UPSTANDER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  library = upstander_application_get_library (app);
  WAIT_UNTIL (upstander_library_get_complete (library));
  g_assert_cmpuint (count_bundle_stories (G_LIST_MODEL (library), "ui-test"), ==, 2);
  WAIT_UNTIL (count_mapped_band_toggles (window) == 4);
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "classroom-mode"));
  preferences = open_preferences (app);
  reader_row = find_combo_row (preferences, "Who is reading");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (reader_row)), ==, 4);

  /* Only 12 to 14: the other bands go from the catalogue and from
   * Preferences, which stays open meanwhile; the reader's 8 to 11 with them. */
  g_settings_set_strv (administrator, "age-bands", only_12_14);
  WAIT_UNTIL (count_mapped_band_toggles (window) == 2);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (reader_row)), ==, 2);
  g_assert_cmpstr (upstander_settings_get_reader (settings), ==, "adult");
  g_assert_cmpuint (adw_combo_row_get_selected (reader_row), ==, 1);
  g_assert_true (catalogue_only_12_14 (window));
  /* Preferences chooses among the bands offered now. */
  adw_combo_row_set_selected (reader_row, 0);
  g_assert_cmpstr (upstander_settings_get_reader (settings), ==, "ages-12-14");

  /* All bands again. */
  g_settings_reset (administrator, "age-bands");
  WAIT_UNTIL (count_mapped_band_toggles (window) == 4);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (reader_row)), ==, 4);
  g_assert_cmpuint (adw_combo_row_get_selected (reader_row), ==, 1);
  g_assert_cmpstr (upstander_settings_get_reader (settings), ==, "ages-12-14");
  gtk_window_destroy (GTK_WINDOW (preferences));

  /* Classroom Mode taken away, and offered again. */
  upstander_settings_set_classroom_mode (settings, TRUE);
  g_settings_set_boolean (administrator, "classroom-available", FALSE);
  WAIT_UNTIL (!g_action_group_has_action (G_ACTION_GROUP (app), "classroom-mode"));
  g_assert_false (upstander_settings_get_classroom_mode (settings));
  g_settings_set_boolean (administrator, "classroom-available", TRUE);
  WAIT_UNTIL (g_action_group_has_action (G_ACTION_GROUP (app), "classroom-mode"));

  /* The user's own stories turned off: gone from the catalogue, and the
   * workshop says it cannot add to them; on again: back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-workshop", NULL);
  workshop = UPSTANDER_WORKSHOP_PAGE (ui_test_find_one (GTK_WIDGET (window), UPSTANDER_TYPE_WORKSHOP_PAGE, NULL));
  g_assert_nonnull (workshop);
  g_settings_set_boolean (administrator, "user-bundles", FALSE);
  WAIT_UNTIL (upstander_library_get_complete (library) &&
              count_bundle_stories (G_LIST_MODEL (library), "ui-test") == 0);
  g_assert_cmpuint (count_bundle_stories (G_LIST_MODEL (library), "core"), >, 0);
  g_assert_false (upstander_workshop_page_publish (workshop, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_settings_set_boolean (administrator, "user-bundles", TRUE);
  WAIT_UNTIL (upstander_library_get_complete (library) &&
              count_bundle_stories (G_LIST_MODEL (library), "ui-test") == 2);
  g_assert_false (upstander_workshop_page_publish (workshop, &error));
  g_assert_nonnull (error);
  g_assert_false (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED));
  g_clear_error (&error);

  ui_test_close_app (app);
  g_unlink (user_bundle);
}

/*
 * A memory backend whose keys an administrator can lock and unlock while the
 * app runs, as dconf does when a new database with locks is pushed. Neither
 * the memory backend (everything writable) nor the keyfile backend (reads its
 * `locks` file once, when made) can change a lock later.
 */
static GHashTable *live_locks;  /* the paths locked now */

static gboolean
lockable_backend_get_writable (GSettingsBackend *backend,
                               const char       *key)
{
  return !g_hash_table_contains (live_locks, key);
}

static void
lockable_backend_class_init (gpointer klass,
                             gpointer unused)
{
  G_SETTINGS_BACKEND_CLASS (klass)->get_writable = lockable_backend_get_writable;
}

static GSettingsBackend *
lockable_backend_new (void)
{
  static GType type = 0;

  if (type == 0)
    {
      /* The memory backend's type is not public: it is derived from by its size. */
      g_autoptr(GSettingsBackend) memory = g_memory_settings_backend_new ();
      GTypeQuery query;

      g_type_query (G_OBJECT_TYPE (memory), &query);
      type = g_type_register_static_simple (query.type, "TestLockableSettingsBackend",
                                            query.class_size, lockable_backend_class_init,
                                            query.instance_size, NULL, 0);
      live_locks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }

  return g_object_new (type, NULL);
}

/* Locks or unlocks who is reading, the language, the region and Classroom Mode, and tells whoever watches @backend. */
static void
set_live_locks (GSettingsBackend *backend,
                gboolean          locked)
{
  const char *keys[] = { "reader", "language", "region", "classroom-mode" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *path = g_strconcat ("/io/github/upstander/Upstander/", keys[i], NULL);

      if (locked)
        g_hash_table_add (live_locks, g_strdup (path));
      else
        g_hash_table_remove (live_locks, path);
      g_settings_backend_writable_changed (backend, path);
    }
}

/* Whether the rows of @preferences for who is reading and the language show the administrator's lock, or their own words. */
static void
assert_preferences_locked (UpstanderPreferencesWindow *preferences,
                           gboolean                    locked)
{
  const struct { const char *title; const char *own_subtitle; } rows[] = {
    { "Who is reading", "Which stories the catalogue shows first. Kept on this computer only." },
    { "Language", "For the stories and the buttons" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      AdwComboRow *row = find_combo_row (preferences, rows[i].title);

      g_assert_cmpint (gtk_widget_get_sensitive (GTK_WIDGET (row)), ==, !locked);
      if (locked)
        {
          g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Set by your administrator");
          g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (row)), ==, "Set by your administrator");
        }
      else
        {
          g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, rows[i].own_subtitle);
          g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (row)));
        }
    }
}

/* Whether the help page's region chooser shows the administrator's lock. */
static void
assert_help_region_locked (UpstanderWindow *window,
                           gboolean         locked)
{
  GtkWidget *help = ui_test_find_one (GTK_WIDGET (window), UPSTANDER_TYPE_HELP_PAGE, NULL);
  GtkWidget *chooser;

  g_assert_nonnull (help);
  chooser = ui_test_find_one (help, GTK_TYPE_DROP_DOWN, NULL);
  g_assert_nonnull (chooser);
  g_assert_cmpint (gtk_widget_get_sensitive (chooser), ==, !locked);
  if (locked)
    g_assert_cmpstr (gtk_widget_get_tooltip_text (chooser), ==, "Set by your administrator");
  else
    g_assert_null (gtk_widget_get_tooltip_text (chooser));
}

/*
 * An administrator locks who is reading, the language, the region and
 * Classroom Mode while the app runs, then lifts the locks: the catalogue's
 * band toggles, the rows of a Preferences window left open, the help page's
 * region and the Classroom Mode action follow each time, without a restart.
 */
static void
test_admin_live_locks (void)
{
  g_autoptr(GSettingsBackend) backend = lockable_backend_new ();
  g_autoptr(GSettings) administrator = g_settings_new_with_backend (APP_ID, backend);
  g_autoptr(UpstanderSettings) settings = NULL;
  g_autofree char *ui_dir = g_test_build_filename (G_TEST_DIST, "fixtures", "ui", NULL);
  const char *dirs[] = { ui_dir, NULL };
  g_autoptr(UpstanderLibrary) library = upstander_library_new_for_sources (NULL, dirs);
  UpstanderApplication *app;
  UpstanderWindow *window;
  UpstanderPreferencesWindow *preferences;
  AdwComboRow *reader_row;

  g_settings_set_boolean (administrator, "first-run", FALSE);
  settings = upstander_settings_new_for_backend (backend);
  upstander_settings_choose_reader (settings, "ages-8-11");
  upstander_library_load (library);

  app = start_app (".TestAdminLiveLocks", settings, library);
  window = UPSTANDER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  assert_band_toggles_locked (window, FALSE);
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "classroom-mode"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help", NULL);
  assert_help_region_locked (window, FALSE);
  preferences = open_preferences (app);
  reader_row = find_combo_row (preferences, "Who is reading");
  assert_preferences_locked (preferences, FALSE);

  /* Locked while the app runs. */
  set_live_locks (backend, TRUE);
  WAIT_UNTIL (!gtk_widget_get_sensitive (GTK_WIDGET (reader_row)));
  g_assert_true (upstander_settings_get_locked (settings, "reader"));
  assert_band_toggles_locked (window, TRUE);
  assert_preferences_locked (preferences, TRUE);
  assert_help_region_locked (window, TRUE);
  WAIT_UNTIL (!g_action_group_has_action (G_ACTION_GROUP (app), "classroom-mode"));
  /* Nothing in the app changes a key locked meanwhile. */
  upstander_settings_choose_reader (settings, "ages-12-14");
  g_assert_cmpstr (upstander_settings_get_reader (settings), ==, "ages-8-11");
  upstander_settings_set_language (settings, "es");
  g_assert_cmpstr (upstander_settings_get_language (settings), ==, "");

  /* A Preferences window opened under the lock shows it too. */
  gtk_window_destroy (GTK_WINDOW (preferences));
  preferences = open_preferences (app);
  reader_row = find_combo_row (preferences, "Who is reading");
  assert_preferences_locked (preferences, TRUE);

  /* Lifted: every one responds again, with its own words. */
  set_live_locks (backend, FALSE);
  WAIT_UNTIL (gtk_widget_get_sensitive (GTK_WIDGET (reader_row)));
  assert_band_toggles_locked (window, FALSE);
  assert_help_region_locked (window, FALSE);
  {
    g_autoptr(GPtrArray) toggles = find_band_toggles (window);

    g_assert_cmpstr (gtk_widget_get_tooltip_text (g_ptr_array_index (toggles, 1)), ==, "Ages 8 to 11");
  }
  assert_preferences_locked (preferences, FALSE);
  WAIT_UNTIL (g_action_group_has_action (G_ACTION_GROUP (app), "classroom-mode"));
  /* The band toggles choose who is reading again. */
  {
    g_autoptr(GPtrArray) toggles = find_band_toggles (window);

    gtk_toggle_button_set_active (g_ptr_array_index (toggles, 2), TRUE);
    g_assert_cmpstr (upstander_settings_get_reader (settings), ==, "ages-12-14");
    g_assert_cmpuint (adw_combo_row_get_selected (reader_row), ==, 1);
  }

  gtk_window_destroy (GTK_WINDOW (preferences));
  ui_test_close_app (app);
}

/*
 * Without an override, the schema's defaults are the app's own: the app
 * tells an administrator's value from the default by comparing with these.
 */
static void
test_admin_defaults_match_schema (void)
{
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  g_autoptr(UpstanderSettings) settings = upstander_settings_new ();
  const char *keys[] = { "language", "reader", NULL };

  g_assert_nonnull (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GSettingsSchemaKey) key = g_settings_schema_get_key (schema, keys[i]);
      g_autoptr(GVariant) schema_default = g_settings_schema_key_get_default_value (key);
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (settings), keys[i]);

      g_assert_true (G_IS_PARAM_SPEC_STRING (pspec));
      g_assert_cmpstr (g_variant_get_string (schema_default, NULL), ==, G_PARAM_SPEC_STRING (pspec)->default_value);
      g_assert_false (upstander_settings_get_set_by_administrator (settings, keys[i]));
    }

  g_assert_finalize_object (g_steal_pointer (&settings));
}

int
main (int   argc,
      char *argv[])
{
  const char *data_dirs = g_getenv ("XDG_DATA_DIRS");
  g_autofree char *with_icons = g_strconcat (data_dirs != NULL ? data_dirs : "", ":/usr/local/share:/usr/share", NULL);
  g_autoptr(GError) error = NULL;
  const char *which = NULL;
  int status;

  /* The case to run comes first, before GTest's own options. */
  if (argc < 2 || !(g_str_equal (argv[1], "override") || g_str_equal (argv[1], "locked") ||
                    g_str_equal (argv[1], "live")))
    {
      g_printerr ("Usage: %s override|locked|live [GTest options]\n", argv[0]);
      return 2;
    }
  which = argv[1];
  for (int i = 1; i < argc; i++)
    argv[i] = argv[i + 1];
  argc--;

  case_dir = g_dir_make_tmp ("upstander-admin-XXXXXX", &error);
  g_assert_no_error (error);
  /* A home of the case's own: the user's bundles written here touch no other test. */
  {
    g_autofree char *data_home = g_build_filename (case_dir, "data", NULL);
    g_autofree char *config_home = g_build_filename (case_dir, "config", NULL);

    g_setenv ("XDG_DATA_HOME", data_home, TRUE);
    g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  }
  /* Before anything reads a setting: the schemas are read once per process. */
  compile_schemas (g_str_equal (which, "override") ? vendor_override : NULL);

  /* The private XDG_DATA_DIRS hides the icon theme. */
  g_setenv ("XDG_DATA_DIRS", with_icons, TRUE);
  setlocale (LC_ALL, "");
  upstander_language_bind_textdomain ();
  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  if (g_str_equal (which, "override"))
    {
      g_test_add_func ("/upstander/admin/vendor-override", test_admin_vendor_override);
      g_test_add_func ("/upstander/admin/vendor-override-cli", test_admin_vendor_override_cli);
    }
  else if (g_str_equal (which, "live"))
    {
      g_test_add_func ("/upstander/admin/live-changes", test_admin_live_changes);
      g_test_add_func ("/upstander/admin/live-locks", test_admin_live_locks);
    }
  else
    {
      g_test_add_func ("/upstander/admin/defaults-match-schema", test_admin_defaults_match_schema);
      g_test_add_func ("/upstander/admin/locked-language", test_admin_locked_language);
      g_test_add_func ("/upstander/admin/locked-reader-bands", test_admin_locked_reader_bands);
    }

  status = g_test_run ();
  ui_test_remove_tree (case_dir);
  g_free (case_dir);

  return status;
}
