/* test-window.c: the window, played with a fixture bundle under Xvfb */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "upstander-guides-page.h"
#include "upstander-help-page.h"
#include "upstander-player.h"
#include "upstander-preferences-window.h"
#include "upstander-scenario-card.h"
#include "upstander-window.h"

/* Helpers */

#define check_label(widget, text) \
  gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, text)

static gboolean
set_true_cb (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_true_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static char *
progress_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "upstander", "progress.ini", NULL);
}

static void
reset_progress (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "upstander", NULL);
  g_autofree char *path = progress_path ();
  g_autoptr(GDir) d = NULL;
  const char *name;

  g_unlink (path);
  if (g_file_test (dir, G_FILE_TEST_IS_REGULAR))
    g_unlink (dir);

  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_unlink (file);
    }
}

static UpstanderLibrary *
fixture_library (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "ui", NULL);
  const char *dirs[] = { dir, NULL };
  UpstanderLibrary *library = upstander_library_new_for_sources (NULL, dirs);

  upstander_library_load (library);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 2);

  return library;
}

static UpstanderApplication *
new_app (UpstanderLibrary *library)
{
  g_autoptr(GError) error = NULL;
  UpstanderApplication *app = upstander_application_new ();
  static guint serial;
  g_autofree char *app_id = g_strdup_printf ("%s.Test%u", APP_ID, ++serial);

  /* A registered app stays exported on the bus until the process ends:
   * each test's app gets its own id. */
  g_application_set_application_id (G_APPLICATION (app), app_id);
  upstander_application_set_library (app, library);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

static UpstanderWindow *
new_window (UpstanderApplication *app)
{
  UpstanderWindow *window = upstander_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  spin (50);

  return window;
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

static GPtrArray *
find_all (GtkWidget  *root,
          GType       type,
          const char *css_class)
{
  GPtrArray *out = g_ptr_array_new ();

  collect (root, type, css_class, out);

  return out;
}

static GtkWidget *
find_one (GtkWidget  *root,
          GType       type,
          const char *css_class)
{
  g_autoptr(GPtrArray) all = find_all (root, type, css_class);

  return all->len > 0 ? g_ptr_array_index (all, 0) : NULL;
}

/* The first label under @root whose text is @text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = find_all (root, GTK_TYPE_LABEL, NULL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0 &&
        gtk_widget_get_mapped (g_ptr_array_index (labels, i)))
      return g_ptr_array_index (labels, i);

  return NULL;
}

/* The mapped button under @root whose label reads @text, or NULL. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *text)
{
  g_autoptr(GPtrArray) buttons = find_all (root, GTK_TYPE_BUTTON, NULL);

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

static void
click (GtkWidget  *root,
       const char *text)
{
  GtkWidget *button = find_button (root, text);

  if (button == NULL)
    g_error ("No button “%s” on screen", text);

  g_signal_emit_by_name (button, "clicked");
  spin (10);
}

static UpstanderPlayer *
player_of (UpstanderWindow *window)
{
  return UPSTANDER_PLAYER (find_one (GTK_WIDGET (window), UPSTANDER_TYPE_PLAYER, NULL));
}

static guint
count (GtkWidget  *root,
       GType       type,
       const char *css_class)
{
  g_autoptr(GPtrArray) all = find_all (root, type, css_class);

  return all->len;
}

static void
activate_story (UpstanderWindow *window,
                const char      *title)
{
  GListModel *stories = upstander_window_get_stories (window);
  GtkWidget *grid = find_one (GTK_WIDGET (window), GTK_TYPE_GRID_VIEW, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr(UpstanderScenario) scenario = g_list_model_get_item (stories, i);

      if (g_strcmp0 (upstander_scenario_get_title (scenario), title) == 0)
        {
          g_signal_emit_by_name (grid, "activate", i);
          spin (10);
          return;
        }
    }

  g_error ("No story “%s” in the catalogue", title);
}

static void
close_app (UpstanderApplication *app)
{
  upstander_application_quick_exit (app);
  spin (20);
  /* A registered GtkApplication keeps a reference of its own until the
   * process ends, so it cannot be asserted finalized here; its windows are. */
  g_object_unref (app);
}

/* Tests */

static void
test_window_catalogue_filters (void)
{
  g_autoptr(UpstanderLibrary) library = fixture_library ();
  UpstanderApplication *app;
  UpstanderWindow *window;
  GListModel *stories;
  GtkWidget *age_12;
  GtkWidget *dropdown;

  reset_progress ();
  app = new_app (library);
  window = new_window (app);
  stories = upstander_window_get_stories (window);

  g_assert_cmpstr (upstander_window_get_page (window), ==, "catalogue");
  g_assert_cmpuint (g_list_model_get_n_items (stories), ==, 2);

  /* Cards are drawn for both, not yet done. */
  spin (100);
  g_assert_cmpuint (count (GTK_WIDGET (window), UPSTANDER_TYPE_SCENARIO_CARD, NULL), ==, 2);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Ages 8–11"));

  upstander_window_set_search (window, "photo of mei");
  g_assert_cmpuint (g_list_model_get_n_items (stories), ==, 1);
  upstander_window_set_search (window, "nothing matches this");
  g_assert_cmpuint (g_list_model_get_n_items (stories), ==, 0);
  spin (10);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "No Stories Match"));
  click (GTK_WIDGET (window), "Show All Stories");
  g_assert_cmpuint (g_list_model_get_n_items (stories), ==, 2);

  age_12 = find_button (GTK_WIDGET (window), "12–14");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (age_12), TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (stories), ==, 1);
  check_label (age_12, "Ages 12 to 14");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (stories), ==, 2);

  dropdown = find_one (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN, NULL);
  /* "All topics", then the topics in bundle order. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 2);
  g_assert_cmpuint (g_list_model_get_n_items (stories), ==, 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
  g_assert_cmpuint (g_list_model_get_n_items (stories), ==, 2);

  close_app (app);
}

static void
test_window_plays_to_ending (void)
{
  g_autoptr(UpstanderLibrary) library = fixture_library ();
  g_autoptr(GPtrArray) messages = NULL;
  g_autofree char *path = progress_path ();
  UpstanderApplication *app;
  UpstanderWindow *window;
  UpstanderPlayer *player;
  UpstanderProgress *progress;
  GtkWidget *root, *card, *button, *label;

  reset_progress ();
  app = new_app (library);
  window = new_window (app);
  root = GTK_WIDGET (window);
  player = player_of (window);

  activate_story (window, "The sticker");
  g_assert_cmpstr (upstander_window_get_page (window), ==, "player");
  g_assert_cmpstr (upstander_player_get_view (player), ==, "scene");

  /* Lines appear one at a time. */
  g_assert_cmpuint (count (root, GTK_TYPE_BOX, "message"), ==, 1);
  messages = find_all (root, GTK_TYPE_BOX, "message");
  gtk_test_accessible_check_property (g_ptr_array_index (messages, 0),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      "Leo: made a sticker of Ana's face lol");
  g_assert_nonnull (find_one (root, ADW_TYPE_AVATAR, NULL));
  button = find_button (root, "Continue");
  check_label (button, "Continue");
  g_assert_true (gtk_widget_has_focus (button));
  g_assert_cmpuint (count (root, GTK_TYPE_BUTTON, "choice"), ==, 0);

  click (root, "Continue");
  g_assert_cmpuint (count (root, GTK_TYPE_BOX, "message"), ==, 2);
  g_assert_cmpuint (count (root, GTK_TYPE_BOX, "from-you"), ==, 1);
  /* Bundle text is plain text: shown exactly as written. */
  g_assert_nonnull (find_label (root, "<b>what?</b> %s"));

  click (root, "Continue");
  g_assert_nonnull (find_label (root, "Ana has not written anything."));
  g_assert_nonnull (find_label (root, "What do you do?"));
  g_assert_cmpuint (count (root, GTK_TYPE_BUTTON, "choice"), ==, 3);
  button = find_button (root, "Send a laughing face");
  check_label (button, "Send a laughing face");

  /* Choose, and read the feedback. */
  click (root, "Send a laughing face");
  g_assert_cmpstr (upstander_player_get_view (player), ==, "feedback");
  card = find_one (root, GTK_TYPE_BOX, "feedback");
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_has_css_class (card, "harmful"));
  g_assert_nonnull (find_label (card, "Think again"));
  check_label (card,
                                      "Think again: A laugh tells Leo the joke worked.");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_ROLE_GROUP);
  g_assert_nonnull (find_label (root, "You chose: Send a laughing face"));

  /* The ending, and progress saved. */
  click (root, "Continue");
  g_assert_cmpstr (upstander_player_get_view (player), ==, "ending");
  g_assert_nonnull (find_label (root, "Ana sits alone"));
  g_assert_nonnull (find_label (root, "Endings found: 1 of 2"));
  g_assert_nonnull (find_label (root, "A hard ending"));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_nonnull (find_button (root, "Get help"));
  g_assert_nonnull (find_button (root, "Choose another story"));

  /* Rewind: straight back to the decision, and find the second ending. */
  click (root, "Try another choice");
  g_assert_cmpstr (upstander_player_get_view (player), ==, "scene");
  g_assert_cmpuint (count (root, GTK_TYPE_BUTTON, "choice"), ==, 3);
  click (root, "Send Ana a kind message");
  card = find_one (root, GTK_TYPE_BOX, "feedback");
  g_assert_true (gtk_widget_has_css_class (card, "helpful"));
  g_assert_nonnull (find_label (card, "This helps"));
  g_assert_nonnull (find_button (root, "Read the guide: Speaking up"));
  click (root, "Continue");
  g_assert_nonnull (find_label (root, "Ana smiles at you in class."));
  click (root, "Continue");
  g_assert_cmpstr (upstander_player_get_view (player), ==, "ending");
  g_assert_nonnull (find_label (root, "Someone noticed"));
  g_assert_nonnull (find_label (root, "Endings found: 2 of 2"));

  /* Get help from the ending, then back. */
  click (root, "Get help");
  g_assert_cmpstr (upstander_window_get_page (window), ==, "help");
  gtk_widget_activate_action (root, "win.back", NULL);
  g_assert_cmpstr (upstander_window_get_page (window), ==, "player");

  /* Read back from disk by a fresh store. */
  progress = upstander_progress_new (path);
  upstander_progress_load (progress);
  g_assert_true (upstander_progress_get_finished (progress, "ui-test", "the-sticker", 1));
  g_assert_cmpuint (upstander_progress_get_n_endings (progress, "ui-test", "the-sticker", 1), ==, 2);
  g_assert_finalize_object (progress);

  click (root, "Choose another story");
  g_assert_cmpstr (upstander_window_get_page (window), ==, "catalogue");
  close_app (app);

  /* A new app and window read the progress back. */
  app = new_app (library);
  window = new_window (app);
  spin (100);
  {
    g_autoptr(GPtrArray) cards = find_all (GTK_WIDGET (window), UPSTANDER_TYPE_SCENARIO_CARD, NULL);
    gboolean seen = FALSE;

    for (guint i = 0; i < cards->len; i++)
      {
        UpstanderScenarioCard *c = g_ptr_array_index (cards, i);
        UpstanderScenario *s = upstander_scenario_card_get_scenario (c);

        if (s != NULL && g_str_equal (upstander_scenario_get_id (s), "the-sticker"))
          {
            g_assert_cmpstr (upstander_scenario_card_get_state_text (c), ==, "Done · 2 of 2 endings found");
            seen = TRUE;
          }
        else if (s != NULL)
          {
            g_assert_cmpstr (upstander_scenario_card_get_state_text (c), ==, "");
          }
      }
    g_assert_true (seen);
  }

  /* The session starts with the endings found before. */
  activate_story (window, "The sticker");
  for (guint i = 0; i < 2; i++)
    click (GTK_WIDGET (window), "Continue");
  click (GTK_WIDGET (window), "Wait and see");
  label = find_label (GTK_WIDGET (window), "Part of the way");
  g_assert_nonnull (label);
  click (GTK_WIDGET (window), "Continue");
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Endings found: 2 of 2"));

  close_app (app);
}

static void
test_window_feed_and_content_note (void)
{
  g_autoptr(UpstanderLibrary) library = fixture_library ();
  UpstanderApplication *app;
  UpstanderWindow *window;
  UpstanderPlayer *player;
  GtkWidget *root, *post;
  g_autoptr(GPtrArray) comments = NULL;

  reset_progress ();
  app = new_app (library);
  window = new_window (app);
  root = GTK_WIDGET (window);
  player = player_of (window);

  activate_story (window, "The post");
  g_assert_cmpstr (upstander_player_get_view (player), ==, "note");
  g_assert_nonnull (find_label (root, "This story has mean comments about someone's looks."));
  click (root, "Start the story");
  g_assert_cmpstr (upstander_player_get_view (player), ==, "scene");

  post = find_one (root, GTK_TYPE_BOX, "post");
  g_assert_nonnull (post);
  comments = find_all (root, GTK_TYPE_BOX, "comment");
  /* The comment behind a flag is not shown. */
  g_assert_cmpuint (comments->len, ==, 1);
  gtk_test_accessible_check_property (g_ptr_array_index (comments, 0),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, "Jo: so embarrassing");
  g_assert_cmpuint (count (root, GTK_TYPE_BUTTON, "choice"), ==, 2);

  click (root, "Scroll on");
  g_assert_nonnull (find_label (root, "Part of the way"));
  click (root, "Continue");
  g_assert_nonnull (find_label (root, "A mixed ending"));
  g_assert_nonnull (find_label (root, "Endings found: 1 of 1"));
  /* One ending only: nothing to rewind to is offered only when a decision was made. */
  g_assert_nonnull (find_button (root, "Try another choice"));

  gtk_widget_activate_action (root, "win.back", NULL);
  g_assert_cmpstr (upstander_window_get_page (window), ==, "catalogue");

  close_app (app);
}

static void
test_window_help_and_guides (void)
{
  g_autoptr(UpstanderLibrary) library = fixture_library ();
  UpstanderApplication *app;
  UpstanderWindow *window;
  UpstanderHelpPage *help;
  UpstanderGuidesPage *guides;
  GtkWidget *root, *quick_exit;

  reset_progress ();
  app = new_app (library);
  window = new_window (app);
  root = GTK_WIDGET (window);
  help = UPSTANDER_HELP_PAGE (find_one (root, UPSTANDER_TYPE_HELP_PAGE, NULL));
  guides = UPSTANDER_GUIDES_PAGE (find_one (root, UPSTANDER_TYPE_GUIDES_PAGE, NULL));

  /* The header always offers help, guides and quick exit. */
  quick_exit = find_one (root, GTK_TYPE_BUTTON, "quick-exit");
  g_assert_nonnull (quick_exit);
  g_assert_true (gtk_widget_get_mapped (quick_exit));
  check_label (quick_exit, "Quick exit");

  gtk_widget_activate_action (root, "win.show-help", NULL);
  g_assert_cmpstr (upstander_window_get_page (window), ==, "help");
  spin (10);
  /* No contact for this region in the fixture: the directory, and why. */
  upstander_settings_set_region (upstander_application_get_settings (app), "GB");
  spin (10);
  g_assert_false (upstander_help_page_get_regional (help));
  g_assert_nonnull (find_label (root, "Child Helpline International"));
  g_assert_nonnull (find_label (root, "Showing help for region GB."));
  g_assert_nonnull (find_label (root, "If someone is in danger right now, tell an adult and call your local emergency number."));

  click (root, "Read the Guides");
  g_assert_cmpstr (upstander_window_get_page (window), ==, "guides");
  g_assert_null (upstander_guides_page_get_guide (guides));
  gtk_widget_activate_action (root, "win.show-guide", "s", "speak-up");
  spin (10);
  g_assert_cmpstr (upstander_guides_page_get_guide (guides), ==, "speak-up");
  g_assert_nonnull (find_label (root, "Three steps when you see someone being hurt online."));
  g_assert_nonnull (find_label (root, "Support"));

  gtk_widget_activate_action (root, "win.back", NULL);
  g_assert_cmpstr (upstander_window_get_page (window), ==, "help");
  gtk_widget_activate_action (root, "win.back", NULL);
  g_assert_cmpstr (upstander_window_get_page (window), ==, "catalogue");

  /* Text size applies to the whole window. */
  upstander_settings_set_text_size (upstander_application_get_settings (app), "larger");
  g_assert_true (gtk_widget_has_css_class (root, "text-larger"));
  upstander_settings_set_text_size (upstander_application_get_settings (app), "default");
  g_assert_false (gtk_widget_has_css_class (root, "text-larger"));

  close_app (app);
}

static void
test_window_quick_exit (void)
{
  g_autoptr(UpstanderLibrary) library = fixture_library ();
  UpstanderApplication *app;
  UpstanderWindow *window;
  UpstanderWindow *second;
  GList *toplevels;
  guint n_visible = 0;

  reset_progress ();
  app = new_app (library);
  window = new_window (app);
  second = new_window (app);
  activate_story (second, "The sticker");
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  spin (50);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), >=, 2);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_object_add_weak_pointer (G_OBJECT (second), (gpointer *) &second);

  /* The shortcut is documented and bound. */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quick-exit");

    g_assert_true (g_strv_contains ((const char * const *) accels, "<Shift><Control>q"));
  }

  g_action_group_activate_action (G_ACTION_GROUP (app), "quick-exit", NULL);

  /* Everything is gone at once, with nothing asked. */
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_null (window);
  g_assert_null (second);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    n_visible += gtk_widget_get_visible (l->data);
  g_list_free (toplevels);
  g_assert_cmpuint (n_visible, ==, 0);

  spin (20);
  g_object_unref (app);
}

static void
test_window_corrupt_progress (void)
{
  g_autoptr(UpstanderLibrary) library = fixture_library ();
  g_autofree char *path = progress_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  UpstanderApplication *app;
  UpstanderWindow *window;

  reset_progress ();
  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (path, "garbage \x01 [[[", -1, NULL));

  app = new_app (library);
  window = new_window (app);
  spin (20);

  g_assert_nonnull (find_label (GTK_WIDGET (window), "Your saved progress could not be read, so Upstander starts afresh"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (upstander_progress_take_notice (upstander_application_get_progress (app)),
                   ==, UPSTANDER_PROGRESS_NOTICE_NONE);

  /* Play on: the fresh file is written. */
  activate_story (window, "The sticker");
  click (GTK_WIDGET (window), "Continue");
  click (GTK_WIDGET (window), "Continue");
  click (GTK_WIDGET (window), "Send a laughing face");
  click (GTK_WIDGET (window), "Continue");
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  close_app (app);
  reset_progress ();
}

static void
test_window_unwritable_progress (void)
{
  g_autoptr(UpstanderLibrary) library = fixture_library ();
  g_autofree char *path = progress_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  UpstanderApplication *app;
  UpstanderWindow *window;
  const char *notice = "Your progress cannot be saved on this computer";

  reset_progress ();
  g_rmdir (dir);
  /* A file where the folder should be: unwritable even for root. */
  g_assert_true (g_file_set_contents (dir, "", -1, NULL));

  app = new_app (library);
  window = new_window (app);

  activate_story (window, "The sticker");
  click (GTK_WIDGET (window), "Continue");
  click (GTK_WIDGET (window), "Continue");
  click (GTK_WIDGET (window), "Send a laughing face");
  click (GTK_WIDGET (window), "Continue");
  spin (20);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Endings found: 1 of 2"));
  g_assert_nonnull (find_label (GTK_WIDGET (window), notice));

  /* Said once: a second ending brings no second notice. */
  g_assert_cmpint (upstander_progress_take_notice (upstander_application_get_progress (app)),
                   ==, UPSTANDER_PROGRESS_NOTICE_NONE);
  click (GTK_WIDGET (window), "Try another choice");
  click (GTK_WIDGET (window), "Wait and see");
  click (GTK_WIDGET (window), "Continue");
  g_assert_cmpint (upstander_progress_take_notice (upstander_application_get_progress (app)),
                   ==, UPSTANDER_PROGRESS_NOTICE_NONE);

  close_app (app);
  g_unlink (dir);
}

/* Screenshots: the real core stories, saved as PNGs in the build directory.
 * UPSTANDER_SHOT_SIZE (e.g. 360x740) and UPSTANDER_SHOT_DARK=1 vary them;
 * run with LANGUAGE=ar for right-to-left. */

static void
save_shot (GtkWidget  *window,
           const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  const char *prefix = g_getenv ("UPSTANDER_SHOT_PREFIX");
  GskRenderer *renderer;
  int width, height;

  spin (400);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") != NULL ? g_getenv ("G_TEST_BUILDDIR") : ".",
                          "screenshots", NULL);
  g_mkdir_with_parents (dir, 0755);
  file = g_strdup_printf ("%s/%s-%s.png", dir, prefix != NULL ? prefix : "default", name);
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_test_message ("saved %s", file);
}

static void
reveal_all (UpstanderPlayer *player)
{
  for (guint i = 0; i < 100 && g_strcmp0 (upstander_player_get_view (player), "scene") == 0; i++)
    {
      UpstanderSession *session = upstander_player_get_session (player);
      g_autoptr(GPtrArray) lines = upstander_session_dup_visible_lines (session);

      if (find_one (GTK_WIDGET (player), GTK_TYPE_BUTTON, "choice") != NULL)
        return;
      if (find_button (GTK_WIDGET (player), "Continue") == NULL)
        return;
      /* Reveal, but do not leave the scene. */
      if (find_one (GTK_WIDGET (player), GTK_TYPE_BUTTON, "continue") != NULL &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (find_one (GTK_WIDGET (player), GTK_TYPE_BUTTON, "continue"))), "player.next") != 0)
        return;
      gtk_widget_activate_action (GTK_WIDGET (player), "player.next", NULL);
      (void) lines;
    }
}

/* Plays @scenario choosing choice @pick (or the last) until a scene in @place shows. */
static gboolean
play_to_place (UpstanderWindow   *window,
               UpstanderScenario *scenario,
               UpstanderPlace     place,
               guint              pick)
{
  UpstanderPlayer *player = player_of (window);

  upstander_window_open_scenario (window,
                                  upstander_scenario_get_bundle_id (scenario),
                                  upstander_scenario_get_id (scenario));
  if (g_strcmp0 (upstander_player_get_view (player), "note") == 0)
    gtk_widget_activate_action (GTK_WIDGET (player), "player.start", NULL);

  for (guint step = 0; step < 40; step++)
    {
      UpstanderSession *session = upstander_player_get_session (player);
      UpstanderSessionState state = upstander_session_get_state (session);

      if (state == UPSTANDER_SESSION_ENDING)
        return FALSE;
      if (state == UPSTANDER_SESSION_FEEDBACK)
        {
          upstander_session_advance (session, NULL);
          continue;
        }
      if (upstander_session_get_scene (session)->place == place)
        {
          reveal_all (player);
          return TRUE;
        }
      if (upstander_session_get_scene (session)->decision != NULL)
        {
          g_autoptr(GPtrArray) choices = upstander_session_dup_choices (session);
          const UpstanderChoice *choice = g_ptr_array_index (choices, MIN (pick, choices->len - 1));

          upstander_session_choose (session, choice->id, NULL);
        }
      else
        {
          upstander_session_advance (session, NULL);
        }
    }

  return FALSE;
}

static void
test_window_screenshots (void)
{
  UpstanderLibrary *library = upstander_library_new_for_sources (UPSTANDER_BUNDLES_RESOURCE, NULL);
  const char *size = g_getenv ("UPSTANDER_SHOT_SIZE");
  int width = 1280, height = 800;
  UpstanderApplication *app;
  UpstanderWindow *window;
  UpstanderPlayer *player;
  GListModel *stories;
  UpstanderScenario *chat = NULL;
  gboolean have_feed = FALSE;

  if (size != NULL)
    sscanf (size, "%dx%d", &width, &height);

  /* As GNOME shows it: a close button only. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", ":close", NULL);
  if (g_strcmp0 (g_getenv ("UPSTANDER_SHOT_RTL"), "1") == 0 ||
      gtk_get_locale_direction () == GTK_TEXT_DIR_RTL)
    gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);

  upstander_library_load (library);
  reset_progress ();
  app = new_app (library);
  g_object_unref (library);
  if (g_strcmp0 (g_getenv ("UPSTANDER_SHOT_DARK"), "1") == 0)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  else
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  upstander_settings_set_text_size (upstander_application_get_settings (app),
                                    g_getenv ("UPSTANDER_SHOT_TEXT_SIZE") != NULL ? g_getenv ("UPSTANDER_SHOT_TEXT_SIZE") : "default");
  window = upstander_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  player = player_of (window);
  stories = upstander_window_get_stories (window);
  save_shot (GTK_WIDGET (window), "catalogue");

  for (guint i = 0; i < g_list_model_get_n_items (stories) && chat == NULL; i++)
    {
      g_autoptr(UpstanderScenario) scenario = g_list_model_get_item (stories, i);

      if (upstander_scenario_get_start (scenario)->place == UPSTANDER_PLACE_GROUP_CHAT)
        chat = scenario;
    }

  if (chat != NULL)
    {
      g_assert_true (play_to_place (window, chat, UPSTANDER_PLACE_GROUP_CHAT, 0));
      save_shot (GTK_WIDGET (window), "chat");

      gtk_widget_activate_action (GTK_WIDGET (player), "player.choose", "s",
                                  ((const UpstanderChoice *) g_ptr_array_index (upstander_session_get_scene (upstander_player_get_session (player))->decision->choices, 0))->id);
      save_shot (GTK_WIDGET (window), "feedback");

      for (guint step = 0; step < 60 && g_strcmp0 (upstander_player_get_view (player), "ending") != 0; step++)
        {
          UpstanderSession *session = upstander_player_get_session (player);

          if (upstander_session_get_state (session) == UPSTANDER_SESSION_SCENE &&
              upstander_session_get_scene (session)->decision != NULL)
            {
              g_autoptr(GPtrArray) choices = upstander_session_dup_choices (session);

              upstander_session_choose (session, ((const UpstanderChoice *) g_ptr_array_index (choices, 0))->id, NULL);
            }
          else
            {
              upstander_session_advance (session, NULL);
            }
        }
      save_shot (GTK_WIDGET (window), "ending");
    }

  for (guint i = 0; i < g_list_model_get_n_items (stories) && !have_feed; i++)
    {
      g_autoptr(UpstanderScenario) scenario = g_list_model_get_item (stories, i);

      for (guint pick = 0; pick < 4 && !have_feed; pick++)
        have_feed = play_to_place (window, scenario, UPSTANDER_PLACE_SOCIAL_FEED, pick);
    }
  if (have_feed)
    save_shot (GTK_WIDGET (window), "feed");

  {
    GPtrArray *bundles = upstander_library_get_bundles (upstander_application_get_library (app));

    for (guint b = 0; b < bundles->len; b++)
      {
        GPtrArray *guides = upstander_bundle_get_guides (g_ptr_array_index (bundles, b));

        if (guides->len > 0)
          {
            const UpstanderGuide *guide = g_ptr_array_index (guides, 0);

            gtk_widget_activate_action (GTK_WIDGET (window), "win.show-guide", "s", guide->id);
            save_shot (GTK_WIDGET (window), "guide");
            break;
          }
      }
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-guides", NULL);
  save_shot (GTK_WIDGET (window), "guides");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help", NULL);
  save_shot (GTK_WIDGET (window), "help");

  close_app (app);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

int
main (int   argc,
      char *argv[])
{
  const char *data_dirs = g_getenv ("XDG_DATA_DIRS");
  g_autofree char *with_icons = g_strconcat (data_dirs != NULL ? data_dirs : "", ":/usr/local/share:/usr/share", NULL);

  /* The private XDG_DATA_DIRS hides the icon theme, and GTK's built-in
   * fallback icons are SVGs that need a loader this machine may lack. */
  g_setenv ("XDG_DATA_DIRS", with_icons, TRUE);

  gtk_test_init (&argc, &argv, NULL);

  /* Lines then appear at once, as they do for readers who turn animations off. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/upstander/window/catalogue-filters", test_window_catalogue_filters);
  g_test_add_func ("/upstander/window/plays-to-ending", test_window_plays_to_ending);
  g_test_add_func ("/upstander/window/feed-and-content-note", test_window_feed_and_content_note);
  g_test_add_func ("/upstander/window/help-and-guides", test_window_help_and_guides);
  g_test_add_func ("/upstander/window/quick-exit", test_window_quick_exit);
  g_test_add_func ("/upstander/window/corrupt-progress", test_window_corrupt_progress);
  g_test_add_func ("/upstander/window/unwritable-progress", test_window_unwritable_progress);
  g_test_add_func ("/upstander/window/screenshots", test_window_screenshots);

  return g_test_run ();
}
