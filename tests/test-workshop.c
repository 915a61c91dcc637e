/* test-workshop.c: a story written, played, shared and installed through the workshop page
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "upstander-language.h"
#include "upstander-window.h"
#include "upstander-workshop-page.h"
#include "upstander-player.h"
#include "ui-test.h"

/* Helpers */

/* Removes what the workshop wrote into @dir, and only that. */
static void
clear_dir (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_str_has_prefix (name, "workshop-"))
        g_unlink (path);
    }
}

/* Leaves no folder behind: other tests turn the data folder into a file. */
static void
remove_profile (const char *dir)
{
  g_autofree char *drafts = g_build_filename (dir, "drafts", NULL);
  g_autofree char *bundles = g_build_filename (dir, "bundles", NULL);

  clear_dir (drafts);
  clear_dir (bundles);
  g_rmdir (drafts);
  g_rmdir (bundles);
}

/* The upstander folder of a profile: the real one for NULL, else one beside it. */
static char *
profile_dir (const char *name)
{
  g_autofree char *dir = name == NULL ? g_build_filename (g_get_user_data_dir (), "upstander", NULL)
                                      : g_build_filename (g_get_user_data_dir (), "..", name, "upstander", NULL);
  g_autofree char *drafts = g_build_filename (dir, "drafts", NULL);
  g_autofree char *bundles = g_build_filename (dir, "bundles", NULL);

  clear_dir (drafts);
  clear_dir (bundles);

  return g_steal_pointer (&dir);
}

static UpstanderWindow *
new_window (UpstanderApplication *app,
            const char           *data_dir)
{
  UpstanderWindow *window = upstander_window_new (app);
  const char *size = g_getenv ("UPSTANDER_SHOT_SIZE");
  int width = 1000, height = 800;

  if (size != NULL)
    sscanf (size, "%dx%d", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_spin (50);

  /* The workshop page is built when first shown: show it to point it at
   * the profile, then start from the catalogue as a reader does. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-workshop", NULL);
  upstander_workshop_page_set_data_dir (UPSTANDER_WORKSHOP_PAGE (ui_test_find_one (GTK_WIDGET (window), UPSTANDER_TYPE_WORKSHOP_PAGE, NULL)),
                                        data_dir);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-catalogue", NULL);

  return window;
}

static UpstanderLibrary *
library_for (const char *data_dir)
{
  g_autofree char *bundles = g_build_filename (data_dir, "bundles", NULL);
  const char *dirs[] = { bundles, NULL };
  UpstanderLibrary *library = upstander_library_new_for_sources (UPSTANDER_BUNDLES_RESOURCE, dirs);

  upstander_library_load (library);

  return library;
}

/* One person's Upstander: a data folder, the library over it, the app and its window. */
typedef struct
{
  char                 *home;
  UpstanderLibrary     *library;
  UpstanderApplication *app;
  UpstanderWindow      *window;
} Profile;

/* @name NULL is this process's own profile; any other is one beside it. */
static Profile
open_profile (const char *name)
{
  Profile profile;

  profile.home = profile_dir (name);
  profile.library = library_for (profile.home);
  profile.app = ui_test_new_app (profile.library);
  profile.window = new_window (profile.app, profile.home);

  return profile;
}

static void
close_profile (Profile *profile)
{
  ui_test_close_app (profile->app);
  g_object_unref (profile->library);
  remove_profile (profile->home);
  g_free (profile->home);
}

/* The @index-th row of @type titled @title under @root, as the reader finds it by its label. */
static gpointer
row (GtkWidget  *root,
     GType       type,
     const char *title,
     guint       index)
{
  g_autoptr(GPtrArray) rows = ui_test_find_all (root, type, NULL);
  guint seen = 0;

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0 && seen++ == index)
      return g_ptr_array_index (rows, i);

  g_error ("No row “%s” number %u", title, index);
}

#define entry(root, title, index) GTK_EDITABLE (row (root, ADW_TYPE_ENTRY_ROW, title, index))
#define combo(root, title, index) ADW_COMBO_ROW (row (root, ADW_TYPE_COMBO_ROW, title, index))

static void
type (GtkWidget  *root,
      const char *title,
      guint       index,
      const char *text)
{
  GtkEditable *editable = entry (root, title, index);

  /* As typed: one letter at a time. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *so_far = g_strndup (text, g_utf8_next_char (p) - text);

      gtk_editable_set_text (editable, so_far);
    }
}

/* Picks the scene or ending called @name in the @index-th combo row titled @title. */
static void
pick (GtkWidget  *root,
      const char *title,
      guint       index,
      const char *name)
{
  AdwComboRow *combo_row = combo (root, title, index);
  GListModel *model = adw_combo_row_get_model (combo_row);
  GtkExpression *expression = adw_combo_row_get_expression (combo_row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_auto(GValue) value = G_VALUE_INIT;

      if (expression != NULL && gtk_expression_evaluate (expression, item, &value) &&
          g_strcmp0 (g_value_get_string (&value), name) == 0)
        {
          adw_combo_row_set_selected (combo_row, i);
          return;
        }
      if (expression == NULL && GTK_IS_STRING_OBJECT (item) &&
          g_strcmp0 (gtk_string_object_get_string (GTK_STRING_OBJECT (item)), name) == 0)
        {
          adw_combo_row_set_selected (combo_row, i);
          return;
        }
    }

  g_error ("No “%s” in combo row “%s”", name, title);
}

static void
click (GtkWidget  *root,
       const char *label,
       guint       index)
{
  g_autoptr(GPtrArray) buttons = ui_test_find_all (root, GTK_TYPE_BUTTON, NULL);
  guint seen = 0;

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), label) == 0 && seen++ == index)
        {
          g_assert_true (gtk_widget_get_sensitive (button));
          ui_test_click_button (button);
          return;
        }
    }

  g_error ("No button “%s” number %u", label, index);
}

static void
fill_choice (GtkWidget  *page,
             guint       index,
             const char *label,
             const char *effect,
             const char *feedback,
             const char *leads_to)
{
  type (page, "What the button says", index, label);
  pick (page, "What it does", index, effect);
  type (page, "Feedback: why it helps or not", index, feedback);
  pick (page, "Leads to", index, leads_to);
}

static void
fill_ending (GtkWidget  *page,
             guint       index,
             const char *title,
             const char *outcome)
{
  type (page, "Title", index + 1, title);
  pick (page, "How it ends", index, outcome);
  type (page, "What happens in the end", index, "Mina feels less alone.");
  type (page, "What to take away", index, "Tell a trusted adult.");
}

static gboolean
library_has (UpstanderLibrary *library,
             const char       *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(UpstanderScenario) scenario = g_list_model_get_item (G_LIST_MODEL (library), i);

      if (g_strcmp0 (upstander_scenario_get_title (scenario), title) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Whether the catalogue lists @title, and then whether it is marked as made here. */
static gboolean
catalogue_has (UpstanderWindow *window,
               const char      *title,
               gboolean        *made_here)
{
  GListModel *stories = upstander_window_get_stories (window);

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr(UpstanderScenario) scenario = g_list_model_get_item (stories, i);

      if (g_strcmp0 (upstander_scenario_get_title (scenario), title) == 0)
        {
          *made_here = upstander_workshop_is_made_here (scenario);
          return TRUE;
        }
    }

  return FALSE;
}

static void
wait_for_story (UpstanderLibrary *library,
                const char       *title)
{
  for (guint i = 0; i < 200 && !library_has (library, title); i++)
    ui_test_spin (20);
  g_assert_true (library_has (library, title));
}

static void
save_shot (GtkWidget  *window,
           const char *name)
{
  const char *prefix = g_getenv ("UPSTANDER_SHOT_PREFIX");
  g_autofree char *file_name = g_strdup_printf ("workshop-%s-%s", prefix != NULL ? prefix : "default", name);

  ui_test_save_shot (window, file_name);
}

static GtkWidget *
back_to_workshop (UpstanderWindow *window)
{
  g_autoptr(GPtrArray) buttons = ui_test_find_all (GTK_WIDGET (window), GTK_TYPE_BUTTON, NULL);

  /* In words or as an icon, whichever fits: the one on screen. */
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), "win.back-to-workshop") == 0 &&
        gtk_widget_get_mapped (g_ptr_array_index (buttons, i)))
      return g_ptr_array_index (buttons, i);

  g_error ("No button back to the workshop on screen");
}

/* What dropping @file on @widget does: its drop target's "drop", as GTK emits it. */
static void
drop_file (GtkWidget *widget,
           GFile     *file)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (GTK_IS_DROP_TARGET (controller))
        {
          g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &handled);
          g_assert_true (handled);
          ui_test_spin (50);
          return;
        }
    }

  g_error ("Nothing takes dropped files here");
}

/* The message dialog on screen, if any. */
static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours to free */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/*
 * Tab from the first field to the last reaches every part of the page in
 * reading order: the story's fields, the cast, the scenes with their lines
 * and choices, the endings. Returns the names of the rows focus passed.
 */
static GPtrArray *
tab_through (GtkWidget *window,
             GtkWidget *first)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *focus;

  gtk_widget_grab_focus (first);
  for (guint i = 0; i < 600; i++)
    {
      GtkWidget *row;

      if (!gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD))
        break;
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus == NULL)
        break;
      row = gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_ROW);
      if (GTK_IS_BUTTON (focus) && gtk_button_get_label (GTK_BUTTON (focus)) != NULL)
        g_ptr_array_add (titles, g_strdup (gtk_button_get_label (GTK_BUTTON (focus))));
      else if (row != NULL)
        g_ptr_array_add (titles, g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))));
      /* Back at the top: the page was walked round. */
      if (gtk_widget_is_ancestor (focus, first) || focus == first)
        break;
    }

  return titles;
}

static guint
index_of (GPtrArray  *titles,
          const char *title,
          guint       from)
{
  for (guint i = from; i < titles->len; i++)
    if (g_strcmp0 (g_ptr_array_index (titles, i), title) == 0)
      return i;

  g_error ("Tab never reaches “%s” after step %u", title, from);
}

/* Every control a keyboard can reach has a name a screen reader can say. */
static void
assert_all_labelled (GtkWidget *root)
{
  g_autoptr(GPtrArray) buttons = ui_test_find_all (root, GTK_TYPE_BUTTON, NULL);
  g_autoptr(GPtrArray) drops = ui_test_find_all (root, GTK_TYPE_DROP_DOWN, NULL);
  g_autoptr(GPtrArray) rows = ui_test_find_all (root, ADW_TYPE_PREFERENCES_ROW, NULL);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      const char *label = gtk_button_get_label (GTK_BUTTON (button));

      /* Hidden buttons are out of reach; buttons inside other controls
       * (a drop-down's own, a row's expander) are named by them. */
      if (!gtk_widget_is_visible (button) ||gtk_widget_get_ancestor (gtk_widget_get_parent (button), GTK_TYPE_DROP_DOWN) != NULL ||
          gtk_widget_get_ancestor (gtk_widget_get_parent (button), GTK_TYPE_BUTTON) != NULL ||
          GTK_IS_MENU_BUTTON (gtk_widget_get_parent (button)) || GTK_IS_TOGGLE_BUTTON (button))
        continue;
      if ((label == NULL || label[0] == '\0') &&
          !gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL))
        g_error ("A button without a name: icon %s", gtk_button_get_icon_name (GTK_BUTTON (button)));
    }

  for (guint i = 0; i < drops->len; i++)
    g_assert_true (gtk_test_accessible_has_property (g_ptr_array_index (drops, i), GTK_ACCESSIBLE_PROPERTY_LABEL));

  for (guint i = 0; i < rows->len; i++)
    {
      const char *title = adw_preferences_row_get_title (g_ptr_array_index (rows, i));

      g_assert_true (title != NULL && title[0] != '\0');
    }
}

/* Tests */

/*
 * The "done when": a teacher builds a two-decision story with
 * three endings, plays it, exports it, imports it on another profile and
 * sees it in the catalogue; a broken file is refused with its problems.
 * Everything is done through the page's own fields, buttons and actions,
 * the ones a keyboard reaches.
 */
static void
test_workshop_write_play_share (void)
{
  g_autofree char *exported_path = g_build_filename (g_get_user_data_dir (), "..", "the-photo.xml", NULL);
  g_autofree char *broken_path = g_build_filename (g_get_user_data_dir (), "..", "broken.xml", NULL);
  g_autoptr(GFile) exported = g_file_new_for_path (exported_path);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *bundles_b = NULL;
  Profile a, b;
  UpstanderLibrary *library_a, *library_b;
  UpstanderWindow *window_a, *window_b;
  UpstanderWorkshopPage *page_a, *page_b;
  UpstanderPlayer *player;
  UpstanderSession *session;
  GtkWidget *page, *topic;
  gboolean made_here = FALSE;
  g_autofree char *draft = NULL;
  g_autoptr(GDir) installed = NULL;
  AdwMessageDialog *dialog;

  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", ":close", NULL);
  a = open_profile (NULL);
  library_a = a.library;
  window_a = a.window;
  g_assert_false (library_has (library_a, "The photo"));
  gtk_widget_activate_action (GTK_WIDGET (window_a), "win.show-workshop", NULL);
  ui_test_spin (20);
  g_assert_cmpstr (upstander_window_get_page (window_a), ==, "workshop");
  page = ui_test_find_one (GTK_WIDGET (window_a), UPSTANDER_TYPE_WORKSHOP_PAGE, NULL);
  page_a = UPSTANDER_WORKSHOP_PAGE (page);
  save_shot (GTK_WIDGET (window_a), "empty");

  /* Nothing can be played or shared before it passes. */
  g_assert_false (upstander_workshop_page_get_passes (page_a));
  g_assert_false (gtk_widget_get_sensitive (ui_test_find_button (page, "Add to the Catalogue")));

  type (page, "Title", 0, "The photo");
  type (page, "What happens, in a sentence or two", 0, "Jo shares a photo of Mina.");
  type (page, "What players should learn", 0, "Support someone who is targeted.");
  pick (page, "Age band", 0, "Ages 12 to 14");
  topic = ui_test_find_one (page, GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_nonnull (topic);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (topic), TRUE);

  /* Undo takes back the last edit, whole; redo puts it back. */
  gtk_widget_activate_action (page, "workshop.undo", NULL);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (topic)));
  gtk_widget_activate_action (page, "workshop.undo", NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (combo (page, "Age band", 0)), ==, 0);
  gtk_widget_activate_action (page, "workshop.redo", NULL);
  gtk_widget_activate_action (page, "workshop.redo", NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (combo (page, "Age band", 0)), ==, 1);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (topic)));

  click (page, "Add Person", 0);
  type (page, "Name", 0, "Mina");
  click (page, "Add Person", 0);
  type (page, "Name", 1, "Jo");

  click (page, "Add Scene", 0);
  click (page, "Add Scene", 0);
  click (page, "Add Ending", 0);
  click (page, "Add Ending", 0);
  click (page, "Add Ending", 0);

  type (page, "Name of the chat or place", 0, "Class 8 chat");
  click (page, "Add Message", 0);
  type (page, "Line", 0, "look at this photo lol");
  click (page, "Add Narration", 0);
  type (page, "Line", 1, "Mina goes quiet.");
  click (page, "Add Choice", 0);
  click (page, "Add Choice", 0);
  type (page, "Question for the player", 0, "What do you do?");
  type (page, "Question for class discussion", 0, "How might Mina feel?");
  type (page, "Notes for the teacher", 0, "Ask who else saw the photo.");

  type (page, "Name of the chat or place", 1, "Lunch break");
  pick (page, "Where it happens", 1, "At school");
  click (page, "Add Narration", 1);
  type (page, "Line", 2, "At lunch Mina sits with you.");
  click (page, "Add Choice", 1);
  click (page, "Add Choice", 1);
  type (page, "Question for the player", 1, "What next?");
  type (page, "Question for class discussion", 1, "Who could help?");

  fill_ending (page, 0, "Not alone", "A good ending");
  fill_ending (page, 1, "Quiet for now", "A mixed ending");
  fill_ending (page, 2, "The joke spreads", "A hard ending");

  fill_choice (page, 0, "Message Mina privately", "This helps", "Mina knows someone cares.", "Lunch break");
  fill_choice (page, 1, "Laugh along", "This hurts", "A laugh tells Jo the joke worked.", "The joke spreads");
  fill_choice (page, 2, "Tell a teacher together", "This helps", "An adult can stop it.", "Not alone");
  fill_choice (page, 3, "Keep it quiet", "Part of the way", "Mina feels better, but the photo is still out there.", "Quiet for now");

  upstander_workshop_page_check_now (page_a);
  for (guint i = 0; i < upstander_workshop_page_get_problems (page_a)->len; i++)
    {
      const UpstanderWorkshopProblem *problem = g_ptr_array_index (upstander_workshop_page_get_problems (page_a), i);

      g_test_message ("problem %d: %s", problem->kind, problem->message);
    }
  g_assert_cmpuint (upstander_workshop_page_get_problems (page_a)->len, ==, 0);
  g_assert_true (upstander_workshop_page_get_passes (page_a));
  g_assert_nonnull (ui_test_find_label (page, "Ready: play it, share it or add it to the catalogue."));
  assert_all_labelled (page);
  /* Cards are numbered in story order, so "Choice 2 of Scene 2" can be found and said. */
  g_assert_nonnull (ui_test_find_label (page, "Scene 1: the start"));
  g_assert_nonnull (ui_test_find_label (page, "Scene 2"));
  g_assert_nonnull (ui_test_find_label (page, "Choice 2"));
  g_assert_nonnull (ui_test_find_label (page, "Ending 3"));
  save_shot (GTK_WIDGET (window_a), "ready");

  /* The keyboard reaches everything, in reading order. */
  {
    g_autoptr(GPtrArray) titles = tab_through (GTK_WIDGET (window_a), GTK_WIDGET (entry (page, "Title", 0)));
    guint step = 0;
    const char *order[] = {
      "What happens, in a sentence or two", "Age band", "Add Person", "Name", "Add Scene",
      "Name of the chat or place", "Line", "Add Message", "Question for the player", "What the button says",
      "Leads to", "Notes for the teacher", "Name of the chat or place", "Add Ending", "Title",
      "What to take away",
    };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      step = index_of (titles, order[i], step) + 1;
  }

  /* Removing an ending a choice leads to, then undoing that, leaves every choice as it
   * was: the choice says where it leads again, and nothing was edited on the way. */
  {
    UpstanderWorkshopStory *story = upstander_workshop_page_get_story (page_a);
    g_autoptr(GPtrArray) removers = ui_test_find_all (page, GTK_TYPE_BUTTON, NULL);
    GtkWidget *remove_ending = NULL;
    guint seen = 0;

    for (guint i = 0; i < removers->len; i++)
      if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (removers, i)), "Remove this ending") == 0 &&
          seen++ == 2)
        remove_ending = g_ptr_array_index (removers, i);
    ui_test_click_button (remove_ending);
    upstander_workshop_page_check_now (page_a);
    g_assert_false (upstander_workshop_page_get_passes (page_a));
    g_assert_nonnull (ui_test_find_label (page, "Say which scene or ending this leads to."));

    gtk_widget_activate_action (page, "workshop.undo", NULL);
    ui_test_spin (20);
    upstander_workshop_page_check_now (page_a);
    g_assert_true (upstander_workshop_page_get_passes (page_a));
    g_assert_true (upstander_workshop_story_can_redo (story));
    g_assert_nonnull (adw_combo_row_get_selected_item (combo (page, "Leads to", 1)));
    g_assert_cmpstr (upstander_workshop_item_get (adw_combo_row_get_selected_item (combo (page, "Leads to", 1)), "title"),
                     ==, "The joke spreads");
  }

  /* A half-written story is a draft: it was kept, and it is not in the catalogue. */
  draft = upstander_workshop_page_dup_draft_path (page_a);
  g_assert_true (g_file_test (draft, G_FILE_TEST_IS_REGULAR));
  g_assert_false (library_has (library_a, "The photo"));

  /* Play it in the real player, to an ending, and come back. */
  gtk_widget_activate_action (page, "workshop.play", NULL);
  ui_test_spin (20);
  g_assert_cmpstr (upstander_window_get_page (window_a), ==, "player");
  g_assert_nonnull (back_to_workshop (window_a));
  player = UPSTANDER_PLAYER (ui_test_find_one (GTK_WIDGET (window_a), UPSTANDER_TYPE_PLAYER, NULL));
  session = upstander_player_get_session (player);
  g_assert_true (upstander_session_choose (session, "choice-2", &error));
  g_assert_no_error (error);
  g_assert_true (upstander_session_advance (session, &error));
  g_assert_cmpint (upstander_session_get_state (session), ==, UPSTANDER_SESSION_ENDING);
  ui_test_spin (50);
  save_shot (GTK_WIDGET (window_a), "played");
  gtk_widget_activate_action (GTK_WIDGET (window_a), "win.back-to-workshop", NULL);
  ui_test_spin (20);
  g_assert_cmpstr (upstander_window_get_page (window_a), ==, "workshop");

  /* And present it to a class. */
  gtk_widget_activate_action (page, "workshop.present", NULL);
  ui_test_spin (20);
  g_assert_cmpstr (upstander_window_get_page (window_a), ==, "classroom");
  gtk_widget_activate_action (GTK_WIDGET (window_a), "win.back-to-workshop", NULL);
  ui_test_spin (20);
  g_assert_cmpstr (upstander_window_get_page (window_a), ==, "workshop");

  /* Into this profile's catalogue, marked as made here. */
  click (page, "Add to the Catalogue", 0);
  wait_for_story (library_a, "The photo");
  g_assert_true (catalogue_has (window_a, "The photo", &made_here));
  g_assert_true (made_here);
  gtk_widget_activate_action (GTK_WIDGET (window_a), "win.show-catalogue", NULL);
  upstander_window_set_search (window_a, "The photo");
  ui_test_spin (100);
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (window_a), "Made here"));
  save_shot (GTK_WIDGET (window_a), "made-here");
  upstander_window_set_search (window_a, "");
  gtk_widget_activate_action (GTK_WIDGET (window_a), "win.show-workshop", NULL);

  g_assert_true (upstander_workshop_page_export (page_a, exported, &error));
  g_assert_no_error (error);

  /* Another profile: the file is checked, opened in its workshop and installed. */
  b = open_profile ("profile-b");
  library_b = b.library;
  window_b = b.window;
  bundles_b = g_build_filename (b.home, "bundles", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window_b), "win.show-workshop", NULL);
  page_b = UPSTANDER_WORKSHOP_PAGE (ui_test_find_one (GTK_WIDGET (window_b), UPSTANDER_TYPE_WORKSHOP_PAGE, NULL));

  /* A broken file first: refused, its problems listed, nothing installed. */
  g_assert_true (g_file_get_contents (exported_path, &contents, NULL, NULL));
  {
    g_auto(GStrv) parts = g_strsplit (contents, "next=\"ending-1\"", 2);
    g_autofree char *bad = g_strjoinv ("next=\"nowhere\"", parts);

    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    g_assert_true (g_file_set_contents (broken_path, bad, -1, NULL));
  }
  g_assert_false (upstander_workshop_page_import (page_b, broken, diagnostics, &error));
  g_assert_error (error, UPSTANDER_BUNDLE_ERROR, UPSTANDER_BUNDLE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (diagnostics->len, >, 0);
  installed = g_dir_open (bundles_b, 0, NULL);
  g_assert_true (installed == NULL || g_dir_read_name (installed) == NULL);

  /* Dropped on the page, the same file is refused with its problems in a dialog. */
  drop_file (GTK_WIDGET (page_b), broken);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "broken.xml Cannot Be Opened");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken.xml:"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "nowhere"));
  g_assert_false (adw_message_dialog_get_body_use_markup (dialog));
  save_shot (GTK_WIDGET (dialog), "refused");
  gtk_window_close (GTK_WINDOW (dialog));
  ui_test_spin (50);
  g_assert_null (find_dialog ());
  g_clear_pointer (&installed, g_dir_close);
  installed = g_dir_open (bundles_b, 0, NULL);
  g_assert_true (installed == NULL || g_dir_read_name (installed) == NULL);

  g_assert_true (upstander_workshop_page_import (page_b, exported, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (upstander_workshop_story_get (upstander_workshop_page_get_story (page_b), "title"), ==, "The photo");
  wait_for_story (library_b, "The photo");
  gtk_widget_activate_action (GTK_WIDGET (window_b), "win.show-catalogue", NULL);
  ui_test_spin (50);
  /* Made here is this process's own data folder, which profile B is not. */
  g_assert_true (catalogue_has (window_b, "The photo", &made_here));
  g_assert_false (made_here);
  save_shot (GTK_WIDGET (window_b), "catalogue");

  close_profile (&b);
  close_profile (&a);
}

/* Problems show next to their item, in the reader's words, as the story is written. */
static void
test_workshop_problems_next_to_items (void)
{
  Profile profile = open_profile ("profile-c");
  UpstanderWindow *window = profile.window;
  GtkWidget *page = ui_test_find_one (GTK_WIDGET (window), UPSTANDER_TYPE_WORKSHOP_PAGE, NULL);
  const char *hostile = "<b>Mina</b> &amp; %s%n";
  UpstanderWorkshopStory *story;
  GtkWidget *draft;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-workshop", NULL);
  click (page, "Add Scene", 0);
  click (page, "Add Choice", 0);
  click (page, "Add Person", 0);
  type (page, "Name", 0, "Daniel Kowalski");
  click (page, "Add Message", 0);
  type (page, "Line", 0, hostile);
  upstander_workshop_page_check_now (UPSTANDER_WORKSHOP_PAGE (page));

  /* What stops the story, and apart from it, what would improve it. */
  g_assert_nonnull (ui_test_find_label (page, "A decision needs at least two choices.\n"
                                              "Ask the player a question before the choices."));
  g_assert_true (gtk_widget_has_css_class (ui_test_find_label (page, "A decision needs at least two choices.\n"
                                                                     "Ask the player a question before the choices."),
                                           "error"));
  g_assert_nonnull (ui_test_find_label (page, "Tip: a question for class discussion helps teachers."));
  g_assert_false (gtk_widget_has_css_class (ui_test_find_label (page, "Tip: a question for class discussion helps teachers."),
                                            "error"));
  g_assert_nonnull (ui_test_find_label (page, "Say what this choice’s button says.\n"
                                              "Every choice needs feedback: why it helps or not.\n"
                                              "Say which scene or ending this leads to."));
  g_assert_nonnull (ui_test_find_label (page, "The story needs a title.\nSay what happens in a sentence or two.\n"
                                              "Say what players should learn.\nPick at least one topic.\nAdd an ending."));
  g_assert_nonnull (ui_test_find_label (page, "Tip: notes for the teacher in at least one scene help in class."));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (entry (page, "Name", 0))), ==,
                   "“Daniel Kowalski” looks like a full name. Use made-up first names only.");
  /* Story text stays text everywhere: the line shows what was typed, the map its place. */
  g_assert_cmpstr (gtk_editable_get_text (entry (page, "Line", 0)), ==, hostile);
  g_assert_nonnull (ui_test_find_label (page, "Unfinished"));
  save_shot (GTK_WIDGET (window), "problems");

  /* A new story; the half-written one waits under Your Stories, and opens again as it was. */
  gtk_widget_activate_action (page, "workshop.new", NULL);
  story = upstander_workshop_page_get_story (UPSTANDER_WORKSHOP_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (upstander_workshop_story_get_scenes (story)), ==, 0);
  draft = ui_test_find_label (page, "Open to keep writing");
  g_assert_nonnull (draft);
  g_signal_emit_by_name (gtk_widget_get_ancestor (draft, ADW_TYPE_ACTION_ROW), "activated");
  story = upstander_workshop_page_get_story (UPSTANDER_WORKSHOP_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (upstander_workshop_story_get_scenes (story)), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (entry (page, "Name", 0)), ==, "Daniel Kowalski");
  g_assert_cmpstr (gtk_editable_get_text (entry (page, "Line", 0)), ==, hostile);

  close_profile (&profile);
}

/*
 * Screenshots in any language: UPSTANDER_SHOT_LANGUAGE (e.g. ar),
 * UPSTANDER_SHOT_SIZE (e.g. 360x740). The story is written in that
 * language through the model, then shown on the page.
 */
static void
test_workshop_screenshots (void)
{
  Profile profile;
  UpstanderWindow *window;
  UpstanderWorkshopPage *page;
  g_autoptr(UpstanderWorkshopStory) story = upstander_workshop_story_new ("en", "You");
  UpstanderWorkshopItem *scene, *choice, *ending, *person;
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;

  /* As GNOME shows it: a close button only. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", ":close", NULL);
  profile = open_profile ("profile-shots");
  window = profile.window;
  page = UPSTANDER_WORKSHOP_PAGE (ui_test_find_one (GTK_WIDGET (window), UPSTANDER_TYPE_WORKSHOP_PAGE, NULL));

  upstander_workshop_story_set (story, story, "title", "Lunch table");
  person = upstander_workshop_story_add_person (story, "Sami");
  scene = upstander_workshop_story_add_scene (story, "group-chat");
  upstander_workshop_story_set (story, scene, "title", "Class 6 chat");
  upstander_workshop_story_add_line (story, scene, upstander_workshop_item_get_id (person), "nobody sit with her lol");
  choice = upstander_workshop_story_add_choice (story, scene);
  upstander_workshop_story_set (story, choice, "label", "Call 0123 456 789");
  ending = upstander_workshop_story_add_ending (story, "positive");
  upstander_workshop_story_set (story, choice, "next", upstander_workshop_item_get_id (ending));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-workshop", NULL);
  upstander_workshop_page_set_story (page, story);
  g_assert_cmpuint (upstander_workshop_count_errors (upstander_workshop_page_get_problems (page)), >, 0);
  save_shot (GTK_WIDGET (window), "shot-top");
  scroller = GTK_SCROLLED_WINDOW (ui_test_find_one (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW, NULL));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * 0.4);
  save_shot (GTK_WIDGET (window), "shot-scene");
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  save_shot (GTK_WIDGET (window), "shot-map");

  close_profile (&profile);
}

int
main (int   argc,
      char *argv[])
{
  const char *data_dirs = g_getenv ("XDG_DATA_DIRS");
  g_autofree char *with_icons = g_strconcat (data_dirs != NULL ? data_dirs : "", ":/usr/local/share:/usr/share", NULL);

  g_setenv ("XDG_DATA_DIRS", with_icons, TRUE);

  if (g_getenv ("UPSTANDER_SHOT_LANGUAGE") != NULL)
    g_setenv ("LANGUAGE", g_getenv ("UPSTANDER_SHOT_LANGUAGE"), TRUE);

  setlocale (LC_ALL, "");
  upstander_language_bind_textdomain ();
  gtk_test_init (&argc, &argv, NULL);
  gtk_widget_set_default_direction (gtk_get_locale_direction ());
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/upstander/workshop/write-play-share", test_workshop_write_play_share);
  g_test_add_func ("/upstander/workshop/problems-next-to-items", test_workshop_problems_next_to_items);
  g_test_add_func ("/upstander/workshop/screenshots", test_workshop_screenshots);

  return g_test_run ();
}
