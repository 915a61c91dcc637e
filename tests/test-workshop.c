/* test-workshop.c: a story written, played, shared and installed through the workshop page
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <X11/XKBlib.h>
#include <X11/extensions/XTest.h>

#include "upstander-language.h"
#include "upstander-window.h"
#include "upstander-workshop-page.h"
#include "upstander-player.h"
#include "ui-test.h"

/* How long a step may take to show its result before the test gives up: a
 * deadline, not a measure (a step ends the wait as soon as it is done); wide,
 * for a busy machine running the sanitizer build. */
#define WAIT_SECONDS 30

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

/* The mapped button labelled @label, @index-th of them under @root. */
static GtkWidget *
button_labelled (GtkWidget  *root,
                 const char *label,
                 guint       index)
{
  g_autoptr(GPtrArray) buttons = ui_test_find_all (root, GTK_TYPE_BUTTON, NULL);
  guint seen = 0;

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (gtk_widget_get_mapped (button) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), label) == 0 &&
          seen++ == index)
        return button;
    }

  g_error ("No button “%s” number %u on screen", label, index);
}

static void
click (GtkWidget  *root,
       const char *label,
       guint       index)
{
  GtkWidget *button = button_labelled (root, label, index);

  g_assert_true (gtk_widget_get_sensitive (button));
  ui_test_click_button (button);
}

/* How a test writes into the page: by setting fields, or by keys alone. */
typedef struct
{
  void (*type)  (GtkWidget *root, const char *title, guint index, const char *text);
  void (*pick)  (GtkWidget *root, const char *title, guint index, const char *name);
  void (*click) (GtkWidget *root, const char *label, guint index);
} Hands;

static void
fill_choice (const Hands *hands,
             GtkWidget   *root,
             guint        index,
             const char  *label,
             const char  *effect,
             const char  *feedback,
             const char  *leads_to)
{
  hands->type (root, "What the button says", index, label);
  hands->pick (root, "What it does", index, effect);
  hands->type (root, "Feedback: why it helps or not", index, feedback);
  hands->pick (root, "Leads to", index, leads_to);
}

static void
fill_ending (const Hands *hands,
             GtkWidget   *root,
             guint        index,
             const char  *title,
             const char  *outcome,
             const char  *takeaway)
{
  hands->type (root, "Title", index + 1, title);
  hands->pick (root, "How it ends", index, outcome);
  hands->type (root, "What happens in the end", index, "Mina feels less alone.");
  hands->type (root, "What to take away", index, takeaway);
}

static const Hands by_fields = { type, pick, click };

/*
 * Whether a person sees @widget in the viewport it scrolls in: its middle,
 * at least. (The page checks the story as it is written, and a message
 * that appears above can push a field down a pixel or two after GTK has
 * scrolled to it.)
 */
static gboolean
in_view (GtkWidget *widget)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (widget, GTK_TYPE_VIEWPORT);
  graphene_rect_t bounds;
  float middle;

  if (viewport == NULL)
    return TRUE;
  g_assert_true (gtk_widget_compute_bounds (widget, viewport, &bounds));
  middle = bounds.origin.y + bounds.size.height / 2;

  return middle >= 0 && middle <= gtk_widget_get_height (viewport);
}

/* Brings @widget into view as the keyboard would, by giving it the focus (up to 5 s). */
static void
focus_into_view (GtkWidget *widget)
{
  g_assert_true (gtk_widget_grab_focus (widget));
  for (guint i = 0; i < 250 && !in_view (widget); i++)
    ui_test_spin (20);
  g_assert_true (in_view (widget));
}

/* The face picker in the @index-th person's row (not the player's). */
static GtkWidget *
face_picker (GtkWidget *root,
             guint      index)
{
  GtkWidget *picker = ui_test_find_one (row (root, ADW_TYPE_ENTRY_ROW, "Name", index), GTK_TYPE_MENU_BUTTON, NULL);

  g_assert_nonnull (picker);

  return picker;
}

/* The face button named @words in the open face picker. */
static GtkWidget *
face_button (GtkWidget  *picker,
             const char *words)
{
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (picker));
  g_autoptr(GPtrArray) buttons = NULL;

  g_assert_nonnull (popover);
  buttons = ui_test_find_all (GTK_WIDGET (popover), GTK_TYPE_TOGGLE_BUTTON, NULL);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), words) == 0)
      return g_ptr_array_index (buttons, i);

  g_error ("No face “%s” in the picker", words);
}

/* The story on @page passes, without so much as a tip left; what is left is said first. */
static void
assert_story_passes (UpstanderWorkshopPage *page)
{
  GPtrArray *problems;

  upstander_workshop_page_check_now (page);
  problems = upstander_workshop_page_get_problems (page);
  for (guint i = 0; i < problems->len; i++)
    {
      const UpstanderWorkshopProblem *problem = g_ptr_array_index (problems, i);

      g_test_message ("problem %d: %s", problem->kind, problem->message);
    }
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (upstander_workshop_page_get_passes (page));
}

/*
 * The story: two decisions (three choices, then two), three
 * endings, two people besides the player, each scene with lines; written
 * under @root (the page, or the window) from the cast on.
 */
static void
write_the_photo (const Hands *hands,
                 GtkWidget   *root)
{
  hands->click (root, "Add Person", 0);
  hands->type (root, "Name", 0, "Mina");
  hands->click (root, "Add Person", 0);
  hands->type (root, "Name", 1, "Jo");

  hands->click (root, "Add Scene", 0);
  hands->click (root, "Add Scene", 0);
  hands->click (root, "Add Ending", 0);
  hands->click (root, "Add Ending", 0);
  hands->click (root, "Add Ending", 0);

  hands->type (root, "Name of the chat or place", 0, "Class 8 chat");
  hands->click (root, "Add Message", 0);
  hands->type (root, "Line", 0, "look at this photo lol");
  hands->click (root, "Add Narration", 0);
  hands->type (root, "Line", 1, "Mina goes quiet.");
  hands->click (root, "Add Choice", 0);
  hands->click (root, "Add Choice", 0);
  hands->click (root, "Add Choice", 0);
  hands->type (root, "Question for the player", 0, "What do you do?");
  hands->type (root, "Question for class discussion", 0, "How might Mina feel?");
  hands->type (root, "Notes for the teacher", 0, "Ask who else saw the photo.");

  hands->type (root, "Name of the chat or place", 1, "Lunch break");
  hands->pick (root, "Where it happens", 1, "At school");
  hands->click (root, "Add Narration", 1);
  hands->type (root, "Line", 2, "At lunch Mina sits with you.");
  hands->click (root, "Add Choice", 1);
  hands->click (root, "Add Choice", 1);
  hands->type (root, "Question for the player", 1, "What next?");
  hands->type (root, "Question for class discussion", 1, "Who could help?");

  fill_ending (hands, root, 0, "Not alone", "A good ending", "Tell a trusted adult.");
  fill_ending (hands, root, 1, "Quiet for now", "A mixed ending", "Saving evidence helps.");
  fill_ending (hands, root, 2, "The joke spreads", "A hard ending", "Laughing along hurts.");

  fill_choice (hands, root, 0, "Message Mina privately", "This helps", "Mina knows someone cares.", "Lunch break");
  fill_choice (hands, root, 1, "Laugh along", "Think again", "A laugh tells Jo the joke worked.", "The joke spreads");
  fill_choice (hands, root, 2, "Say nothing", "Part of the way", "Silence leaves Mina alone with it.", "Quiet for now");
  fill_choice (hands, root, 3, "Tell a teacher together", "This helps", "An adult can stop it.", "Not alone");
  fill_choice (hands, root, 4, "Keep it quiet", "Part of the way", "Mina feels better, but the photo is still out there.", "Quiet for now");
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
  gint64 give_up = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!library_has (library, title) && g_get_monotonic_time () < give_up)
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

/* The message dialog that comes up, waited for (up to 5 s). */
static AdwMessageDialog *
wait_for_dialog (void)
{
  gint64 give_up = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (find_dialog () == NULL && g_get_monotonic_time () < give_up)
    ui_test_spin (20);

  return find_dialog ();
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

  write_the_photo (&by_fields, page);

  /* A face for Mina: one of 29 in the picker, each named; initials until then; undone whole. */
  {
    GtkWidget *picker = face_picker (page, 0);
    g_autoptr(GPtrArray) faces = NULL;
    UpstanderWorkshopItem *mina = g_list_model_get_item (upstander_workshop_story_get_cast (upstander_workshop_page_get_story (page_a)), 1);

    g_assert_cmpstr (gtk_widget_get_tooltip_text (picker), ==, "Choose a face (now: Initials)");
    /* On screen first: GTK 4.8 places a popover of a widget scrolled out of sight off the monitor. */
    focus_into_view (picker);
    gtk_menu_button_popup (GTK_MENU_BUTTON (picker));
    ui_test_spin (50);
    g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (face_button (picker, "Initials"))));
    g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (face_button (picker, "Hijab"))));
    g_assert_cmpstr (upstander_workshop_item_get (mina, "avatar"), ==, "");
    faces = ui_test_find_all (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (picker))), GTK_TYPE_TOGGLE_BUTTON, NULL);
    save_shot (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (picker))), "faces");
    g_assert_cmpuint (faces->len, ==, 29);
    for (guint i = 0; i < faces->len; i++)
      g_assert_true (gtk_test_accessible_has_property (g_ptr_array_index (faces, i), GTK_ACCESSIBLE_PROPERTY_LABEL));
    g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (picker), GTK_ACCESSIBLE_PROPERTY_LABEL));
    ui_test_click_button (face_button (picker, "Hijab"));
    g_assert_cmpstr (upstander_workshop_item_get (mina, "avatar"), ==, "hijab");
    g_assert_cmpstr (gtk_widget_get_tooltip_text (picker), ==, "Choose a face (now: Hijab)");
    gtk_widget_activate_action (page, "workshop.undo", NULL);
    g_assert_cmpstr (upstander_workshop_item_get (mina, "avatar"), ==, "");
    gtk_widget_activate_action (page, "workshop.redo", NULL);
    g_assert_cmpstr (upstander_workshop_item_get (mina, "avatar"), ==, "hijab");
    /* Opened again, the picker shows the face she has now. */
    gtk_menu_button_popup (GTK_MENU_BUTTON (picker));
    ui_test_spin (50);
    g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (face_button (picker, "Hijab"))));
    g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (face_button (picker, "Initials"))));
    gtk_menu_button_popdown (GTK_MENU_BUTTON (picker));
    g_assert_cmpstr (upstander_workshop_item_get (mina, "avatar"), ==, "hijab");
    g_object_unref (mina);
  }

  assert_story_passes (page_a);
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
  {
    g_autofree char *shared = NULL;

    g_assert_true (g_file_get_contents (exported_path, &shared, NULL, NULL));
    g_assert_nonnull (strstr (shared, "avatar=\"hijab\""));
  }

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
 * Your Stories deletes a draft and a story made here, after asking, and
 * Undo puts both back; a bundle the workshop did not write is never listed.
 */
static void
test_workshop_delete_and_undo (void)
{
  Profile profile = open_profile ("profile-delete");
  GtkWidget *window = GTK_WIDGET (profile.window);
  UpstanderWorkshopPage *page = UPSTANDER_WORKSHOP_PAGE (ui_test_find_one (window, UPSTANDER_TYPE_WORKSHOP_PAGE, NULL));
  g_autofree char *bundles = g_build_filename (profile.home, "bundles", NULL);
  g_autofree char *other = g_build_filename (bundles, "someone-elses.xml", NULL);
  g_autofree char *draft = NULL;
  g_autofree char *installed = NULL;
  g_autofree char *name = NULL;
  g_autofree char *bundle_id = NULL;
  g_autofree char *scenario_id = NULL;
  g_autoptr(GError) error = NULL;
  UpstanderProgress *progress = upstander_application_get_progress (profile.app);
  AdwMessageDialog *dialog;
  GtkWidget *delete;
  guint version;

  gtk_widget_activate_action (window, "win.show-workshop", NULL);
  type (window, "Title", 0, "The photo");
  type (window, "What happens, in a sentence or two", 0, "Jo shares a photo of Mina.");
  type (window, "What players should learn", 0, "Support someone who is targeted.");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ui_test_find_one (window, GTK_TYPE_CHECK_BUTTON, NULL)), TRUE);
  write_the_photo (&by_fields, window);
  assert_story_passes (page);
  g_assert_true (upstander_workshop_page_publish (page, &error));
  g_assert_no_error (error);
  wait_for_story (profile.library, "The photo");
  draft = upstander_workshop_page_dup_draft_path (page);
  name = g_path_get_basename (draft);
  installed = g_build_filename (bundles, name, NULL);
  g_assert_true (g_file_test (draft, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (installed, G_FILE_TEST_IS_REGULAR));
  /* Not the workshop's: it stays out of the list, whatever it holds. */
  g_assert_true (g_file_set_contents (other, "<bundle/>", -1, NULL));
  /* Played to two endings, as was a story of the core. */
  {
    UpstanderWorkshopStory *story = upstander_workshop_page_get_story (page);

    bundle_id = g_strdup (upstander_workshop_story_get_bundle_id (story));
    scenario_id = g_strdup (upstander_workshop_story_get_scenario_id (story));
    version = upstander_workshop_story_get_version (story);
  }
  g_assert_true (upstander_progress_add_ending (progress, bundle_id, scenario_id, version, "end-one"));
  g_assert_true (upstander_progress_add_ending (progress, bundle_id, scenario_id, version, "end-two"));
  g_assert_true (upstander_progress_add_ending (progress, "core", "the-class-chat", 3, "end-one"));

  gtk_widget_activate_action (GTK_WIDGET (page), "workshop.new", NULL);
  upstander_workshop_page_refresh_drafts (page);
  g_assert_nonnull (ui_test_find_label (window, "Open to keep writing · In the catalogue"));
  delete = NULL;
  {
    g_autoptr(GPtrArray) buttons = ui_test_find_all (window, GTK_TYPE_BUTTON, NULL);

    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), "Delete “The photo”") == 0)
        {
          g_assert_null (delete);
          delete = g_ptr_array_index (buttons, i);
        }
  }
  g_assert_nonnull (delete);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL));

  /* Asked first: Cancel keeps everything. */
  ui_test_click_button (delete);
  dialog = wait_for_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete “The photo”?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_close (GTK_WINDOW (dialog));
  ui_test_spin (50);
  g_assert_true (g_file_test (draft, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (installed, G_FILE_TEST_IS_REGULAR));

  /* Delete: gone from this computer and from the catalogue, a toast offers Undo. */
  ui_test_click_button (delete);
  dialog = wait_for_dialog ();
  adw_message_dialog_response (dialog, "delete");
  gtk_window_close (GTK_WINDOW (dialog));
  ui_test_spin (50);
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (installed, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_IS_REGULAR));
  g_assert_null (ui_test_find_label (window, "Open to keep writing · In the catalogue"));
  for (guint i = 0; i < 200 && library_has (profile.library, "The photo"); i++)
    ui_test_spin (20);
  g_assert_false (library_has (profile.library, "The photo"));
  /* The title as text: a toast's title is markup, and this one came from the story. */
  g_assert_nonnull (ui_test_find_label (window, "“The photo” deleted"));
  /* The endings found in it went with it, on disk too; the core story's stayed. */
  g_assert_false (upstander_progress_get_finished (progress, bundle_id, scenario_id, version));
  g_assert_cmpuint (upstander_progress_get_n_endings (progress, bundle_id, scenario_id, version), ==, 0);
  g_assert_true (upstander_progress_get_finished (progress, "core", "the-class-chat", 3));
  upstander_progress_flush (progress);
  {
    g_autoptr(UpstanderProgress) on_disk = upstander_progress_new (upstander_progress_get_path (progress));

    upstander_progress_load (on_disk);
    g_assert_false (upstander_progress_get_finished (on_disk, bundle_id, scenario_id, version));
    g_assert_true (upstander_progress_get_finished (on_disk, "core", "the-class-chat", 3));
  }

  /* Undo: both files back, in the list and in the catalogue again. */
  click (window, "_Undo", 0);
  ui_test_spin (50);
  g_assert_true (g_file_test (draft, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (installed, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (ui_test_find_label (window, "Open to keep writing · In the catalogue"));
  wait_for_story (profile.library, "The photo");
  /* And its endings, both of them. */
  g_assert_true (upstander_progress_get_finished (progress, bundle_id, scenario_id, version));
  g_assert_cmpuint (upstander_progress_get_n_endings (progress, bundle_id, scenario_id, version), ==, 2);
  upstander_progress_flush (progress);

  g_unlink (other);
  close_profile (&profile);
}

/* @label as it reads on screen: without its mnemonic ("_Undo", "撤销(_U)"). */
static char *
label_without_mnemonic (const char *label)
{
  GString *plain = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (p[0] == '(' && p[1] == '_' && p[2] != '\0' && p[3] == ')')
        p += 3;
      else if (*p != '_')
        g_string_append_c (plain, *p);
    }

  return g_string_free (plain, FALSE);
}

/*
 * The toast's Undo can still show while the delete confirmation asks about
 * another story: in no language may it read as that dialog's Cancel (both
 * were "Annuler" in French).
 */
static void
test_workshop_undo_differs_from_cancel (void)
{
  const UpstanderLanguage *languages;
  guint n_languages;

  languages = upstander_language_get_all (&n_languages);
  g_assert_cmpuint (n_languages, ==, 6);
  for (guint i = 0; i < n_languages; i++)
    {
      g_autofree char *undo = NULL;
      g_autofree char *cancel = NULL;

      upstander_language_apply (languages[i].code);
      undo = label_without_mnemonic (g_dpgettext2 (GETTEXT_PACKAGE, "undo a deletion", "_Undo"));
      cancel = label_without_mnemonic (g_dgettext (GETTEXT_PACKAGE, "_Cancel"));
      g_test_message ("%s: %s / %s", languages[i].code, undo, cancel);
      g_assert_cmpstr (undo, !=, cancel);
      /* Translated, not the English fallback (but in English). */
      if (!g_str_equal (languages[i].code, "en"))
        {
          g_assert_cmpstr (undo, !=, "Undo");
          g_assert_cmpstr (cancel, !=, "Cancel");
        }
    }

  /* Back to the language the tests run in. */
  upstander_language_apply ("");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "_Cancel"), ==, "_Cancel");
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

/* The keyboard, for real: keys pressed on the X server (XTEST), as a person would. */

/* The window keys go to: a dialog when one is open, else @window. */
static GtkWidget *
key_window (GtkWidget *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours to free */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) other = g_list_model_get_item (toplevels, i);

      if (GTK_WIDGET (other) != window && gtk_widget_get_visible (GTK_WIDGET (other)) &&
          gtk_window_get_transient_for (other) == GTK_WINDOW (window))
        return GTK_WIDGET (other);
    }

  return window;
}

/* Presses and lets go of @keyval (a keysym) with @mods held, and waits until GTK has seen it. */
static void
press_key (GtkWidget       *window,
           guint            keyval,
           GdkModifierType  mods)
{
  GtkWidget *target = key_window (window);
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (target));
  Window xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (target)));
  KeyCode code = XKeysymToKeycode (display, keyval);
  const struct { GdkModifierType mask; KeySym key; } modifiers[] = {
    { GDK_CONTROL_MASK, XK_Control_L }, { GDK_SHIFT_MASK, XK_Shift_L }, { GDK_ALT_MASK, XK_Alt_L },
  };

  g_assert_cmpuint (code, !=, 0);
  XSetInputFocus (display, xid, RevertToParent, CurrentTime);
  for (guint i = 0; i < G_N_ELEMENTS (modifiers); i++)
    if (mods & modifiers[i].mask)
      XTestFakeKeyEvent (display, XKeysymToKeycode (display, modifiers[i].key), True, CurrentTime);
  XTestFakeKeyEvent (display, code, True, CurrentTime);
  XTestFakeKeyEvent (display, code, False, CurrentTime);
  for (guint i = G_N_ELEMENTS (modifiers); i-- > 0;)
    if (mods & modifiers[i].mask)
      XTestFakeKeyEvent (display, XKeysymToKeycode (display, modifiers[i].key), False, CurrentTime);
  /* Once the server has answered, the events are queued on GDK's connection. */
  XSync (display, False);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  ui_test_spin (5);
}

/* Types @text (ASCII) one key at a time, with Shift where the letter needs it. */
static void
type_keys (GtkWidget  *window,
           const char *text)
{
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (window));

  for (const char *p = text; *p != '\0'; p++)
    {
      KeySym keysym = gdk_unicode_to_keyval ((guchar) *p);
      KeyCode code = XKeysymToKeycode (display, keysym);

      g_assert_true (g_ascii_isprint (*p));
      press_key (window, keysym, XkbKeycodeToKeysym (display, code, 0, 0) == keysym ? 0 : GDK_SHIFT_MASK);
    }
}

static GtkWidget *
focus_of (GtkWidget *window)
{
  return gtk_root_get_focus (GTK_ROOT (key_window (window)));
}

static gboolean
has_focus_within (GtkWidget *window,
                  GtkWidget *widget)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* What a sighted tester would call @widget, for messages. */
static char *
describe (GtkWidget *widget)
{
  GtkWidget *row = widget != NULL ? gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW) : NULL;

  if (widget == NULL)
    return g_strdup ("nothing");
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    return g_strdup_printf ("button “%s”", gtk_button_get_label (GTK_BUTTON (widget)));
  if (row != NULL)
    return g_strdup_printf ("%s in row “%s”", G_OBJECT_TYPE_NAME (widget),
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  return g_strdup_printf ("%s (%s)", G_OBJECT_TYPE_NAME (widget),
                          gtk_widget_get_tooltip_text (widget) != NULL ? gtk_widget_get_tooltip_text (widget) : "");
}


/*
 * The focused control scrolls into view, as a person waits to see it before
 * pressing a key on it; a loaded machine draws late, so this waits (up to 5 s).
 */
static void
assert_focus_comes_into_view (GtkWidget *window)
{
  GtkWidget *focus = focus_of (window);

  for (guint i = 0; i < 250 && !in_view (focus); i++)
    ui_test_spin (20);
  if (!in_view (focus))
    {
      g_autofree char *where = describe (focus);

      g_error ("The focus is out of sight: %s", where);
    }
}

/* Whether @widget comes before the focus on the page, reading down it. */
static gboolean
is_above_focus (GtkWidget *window,
                GtkWidget *widget)
{
  GtkWidget *focus = focus_of (window);
  graphene_point_t at_widget, at_focus;

  if (focus == NULL ||
      !gtk_widget_compute_point (widget, window, &GRAPHENE_POINT_INIT (0, 0), &at_widget) ||
      !gtk_widget_compute_point (focus, window, &GRAPHENE_POINT_INIT (0, 0), &at_focus))
    return FALSE;

  return at_widget.y < at_focus.y;
}

/*
 * Moves the focus into @widget with Tab, or Shift+Tab when it lies above,
 * as a keyboard user would; fails when the focus stops moving or never gets
 * there (a keyboard trap, or a control the keyboard cannot reach).
 */
static void
tab_to_widget (GtkWidget *window,
               GtkWidget *widget)
{
  GdkModifierType direction = is_above_focus (window, widget) ? GDK_SHIFT_MASK : 0;

  for (guint i = 0; i < 400; i++)
    {
      GtkWidget *before = focus_of (window);

      if (has_focus_within (window, widget))
        {
          assert_focus_comes_into_view (window);
          return;
        }
      press_key (window, GDK_KEY_Tab, direction);
      if (focus_of (window) == before && before != NULL)
        {
          g_autofree char *where = describe (focus_of (window));

          g_error ("A keyboard trap: Tab does not leave %s", where);
        }
    }

  {
    g_autofree char *want = describe (widget);
    g_autofree char *where = describe (focus_of (window));

    g_error ("Tab never reaches %s (last at %s)", want, where);
  }
}

/* Tabs to the @index-th row titled @title and types @text into it. */
static void
key_in (GtkWidget  *window,
        const char *title,
        guint       index,
        const char *text)
{
  GtkWidget *field = row (window, ADW_TYPE_ENTRY_ROW, title, index);

  /* Into the text itself: a line's row holds who says it, too. */
  tab_to_widget (window, GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (field))));
  type_keys (window, text);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, text);
}

/* Enter on the focused control; a button clicks a moment (250 ms) after. */
static void
press_enter (GtkWidget *window)
{
  press_key (window, GDK_KEY_Return, 0);
  ui_test_spin (300);
}

static void
key_button (GtkWidget  *window,
            const char *label,
            guint       index)
{
  tab_to_widget (window, button_labelled (window, label, index));
  press_enter (window);
}

/* The text of the first label under @widget. */
static const char *
label_under (GtkWidget *widget)
{
  GtkWidget *label = GTK_IS_LABEL (widget) ? widget : ui_test_find_one (widget, GTK_TYPE_LABEL, NULL);

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/*
 * Opens the list of a combo row or drop-down that has the focus (Enter),
 * goes down it with the arrow keys to @name, and takes it (Enter).
 */
static void
key_pick_in_list (GtkWidget  *window,
                  const char *name)
{
  GtkWidget *opener = focus_of (window);

  press_key (window, GDK_KEY_Return, 0);
  ui_test_spin (100);
  g_assert_true (focus_of (window) != opener);
  press_key (window, GDK_KEY_Home, 0);
  for (guint i = 0; i < 30; i++)
    {
      if (g_strcmp0 (label_under (focus_of (window)), name) == 0)
        {
          press_key (window, GDK_KEY_Return, 0);
          ui_test_spin (100);
          return;
        }
      press_key (window, GDK_KEY_Down, 0);
    }

  g_error ("The arrow keys never reach “%s” in the list", name);
}

static void
key_pick (GtkWidget  *window,
          const char *title,
          guint       index,
          const char *name)
{
  AdwComboRow *combo_row = combo (window, title, index);
  g_autoptr(GObject) picked = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  tab_to_widget (window, GTK_WIDGET (combo_row));
  key_pick_in_list (window, name);
  picked = g_object_ref (adw_combo_row_get_selected_item (combo_row));
  if (adw_combo_row_get_expression (combo_row) != NULL)
    g_assert_true (gtk_expression_evaluate (adw_combo_row_get_expression (combo_row), picked, &value));
  else
    g_value_set_string (g_value_init (&value, G_TYPE_STRING), gtk_string_object_get_string (GTK_STRING_OBJECT (picked)));
  g_assert_cmpstr (g_value_get_string (&value), ==, name);
}

static const Hands by_keys = { key_in, key_pick, key_button };

/* F10 opens the main menu; the arrow keys go down it to @item; Enter. */
static void
key_menu (GtkWidget  *window,
          const char *item)
{
  press_key (window, GDK_KEY_F10, 0);
  ui_test_spin (100);
  for (guint i = 0; i < 20; i++)
    {
      if (g_strcmp0 (label_under (focus_of (window)), item) == 0)
        {
          press_enter (window);
          return;
        }
      press_key (window, GDK_KEY_Down, 0);
    }

  g_error ("The main menu has no “%s” that the arrow keys reach", item);
}

/* In a file chooser: Ctrl+L, the whole path, Enter. */
static void
key_file_name (GtkWidget  *window,
               const char *path)
{
  for (guint i = 0; i < 100 && key_window (window) == window; i++)
    ui_test_spin (20);
  g_assert_true (GTK_IS_FILE_CHOOSER (key_window (window)));
  press_key (window, GDK_KEY_l, GDK_CONTROL_MASK);
  press_key (window, GDK_KEY_a, GDK_CONTROL_MASK);
  type_keys (window, path);
  /* GTK's chooser completes the name as it is typed: the first Enter may
   * only take the completion, as a person sees; then Enter again. */
  for (guint tries = 0; tries < 3 && GTK_IS_FILE_CHOOSER (key_window (window)); tries++)
    {
      press_key (window, GDK_KEY_Return, 0);
      for (guint i = 0; i < 100 && GTK_IS_FILE_CHOOSER (key_window (window)); i++)
        ui_test_spin (20);
    }
  if (GTK_IS_FILE_CHOOSER (key_window (window)))
    {
      g_autofree char *where = describe (focus_of (window));

      GtkWidget *focus = focus_of (window);

      g_error ("Enter does not close the file chooser (focus on %s, which reads “%s”)", where,
               GTK_IS_EDITABLE (focus) ? gtk_editable_get_text (GTK_EDITABLE (focus)) : "");
    }
}


/*
 * Plays the story on screen to an ending with Enter and Tab only: at the
 * first decision Tab goes down the choices to @first_pick, at any other
 * the first choice shown is taken. Returns how many decisions were made.
 */
static guint
key_play_to_ending (UpstanderWindow *window,
                    const char      *first_pick)
{
  GtkWidget *root = GTK_WIDGET (window);
  UpstanderPlayer *player = UPSTANDER_PLAYER (ui_test_find_one (root, UPSTANDER_TYPE_PLAYER, NULL));
  UpstanderSession *session = upstander_player_get_session (player);

  for (guint step = 0; step < 100 && g_strcmp0 (upstander_player_get_view (player), "ending") != 0; step++)
    {
      g_autoptr(GPtrArray) choices = ui_test_find_all (GTK_WIDGET (player), GTK_TYPE_BUTTON, "choice");
      guint made = upstander_session_get_n_decisions_made (session);

      g_assert_nonnull (focus_of (root));
      if (g_str_equal (upstander_player_get_view (player), "scene") && choices->len > 0)
        {
          /* A decision: focus is on its question; Tab goes down the choices. */
          press_key (root, GDK_KEY_Tab, 0);
          g_assert_true (has_focus_within (root, g_ptr_array_index (choices, 0)));
          for (guint i = 1; made == 0 && i < choices->len &&
                            g_strcmp0 (label_under (focus_of (root)), first_pick) != 0; i++)
            press_key (root, GDK_KEY_Tab, 0);
          if (made == 0)
            g_assert_cmpstr (label_under (focus_of (root)), ==, first_pick);
          press_enter (root);
          g_assert_cmpuint (upstander_session_get_n_decisions_made (session), ==, made + 1);
          continue;
        }
      press_enter (root);
    }

  g_assert_cmpstr (upstander_player_get_view (player), ==, "ending");

  return upstander_session_get_n_decisions_made (session);
}

/* In a second profile (this test's child, with an XDG_DATA_HOME of its own): import by keyboard. */
static void
import_elsewhere_by_keyboard (void)
{
  const char *exported = g_getenv ("UPSTANDER_TEST_EXPORTED");
  const char *broken = g_getenv ("UPSTANDER_TEST_BROKEN");
  Profile b = open_profile (NULL);
  GtkWidget *window = GTK_WIDGET (b.window);
  g_autofree char *bundles = g_build_filename (b.home, "bundles", NULL);
  g_autoptr(GDir) installed = NULL;
  AdwMessageDialog *dialog;
  gboolean made_here = FALSE;

  g_assert_false (library_has (b.library, "The photo"));
  key_menu (window, "Story Workshop");
  g_assert_cmpstr (upstander_window_get_page (b.window), ==, "workshop");

  /* A broken file: refused, its problems listed, nothing installed; Enter closes the list. */
  press_key (window, GDK_KEY_o, GDK_CONTROL_MASK);
  key_file_name (window, broken);
  dialog = wait_for_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "keyboard-broken.xml:"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "nowhere"));
  press_key (window, GDK_KEY_Escape, 0);
  ui_test_spin (100);
  g_assert_null (find_dialog ());
  installed = g_dir_open (bundles, 0, NULL);
  g_assert_true (installed == NULL || g_dir_read_name (installed) == NULL);

  /* The good one: opened in the workshop, and in the catalogue, made here. */
  press_key (window, GDK_KEY_o, GDK_CONTROL_MASK);
  key_file_name (window, exported);
  wait_for_story (b.library, "The photo");
  g_assert_cmpstr (gtk_editable_get_text (entry (window, "Title", 0)), ==, "The photo");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (face_picker (window, 0)), ==, "Choose a face (now: Hijab)");
  press_key (window, GDK_KEY_Escape, 0);
  ui_test_spin (100);
  g_assert_cmpstr (upstander_window_get_page (b.window), ==, "catalogue");
  g_assert_true (catalogue_has (b.window, "The photo", &made_here));
  g_assert_true (made_here);
  press_key (window, GDK_KEY_f, GDK_CONTROL_MASK);
  type_keys (window, "The photo");
  /* The search filters, then the grid binds a card for what is left. */
  {
    gint64 give_up = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

    while (ui_test_find_label (window, "Made here") == NULL && g_get_monotonic_time () < give_up)
      ui_test_spin (20);
  }
  g_assert_nonnull (ui_test_find_label (window, "Made here"));
  save_shot (window, "keyboard-catalogue");

  close_profile (&b);
}

/*
 * The "done when", with keys alone: the workshop from the main
 * menu, a two-decision story with three endings written in it, played to
 * an ending, saved to a file, and that file (and a broken one) opened in
 * another profile.
 */
static void
test_workshop_keyboard_only (void)
{
  g_autofree char *exported_path = NULL;
  g_autofree char *broken_path = NULL;
  g_autofree char *second_home = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *home = NULL;
  Profile a;
  GtkWidget *window, *page;

  if (g_test_subprocess ())
    {
      import_elsewhere_by_keyboard ();
      return;
    }

  g_assert_true (GDK_IS_X11_DISPLAY (gdk_display_get_default ()));
  /* Paths as a person types them: whole, with no "..". */
  exported_path = g_canonicalize_filename ("../keyboard-photo.xml", g_get_user_data_dir ());
  broken_path = g_canonicalize_filename ("../keyboard-broken.xml", g_get_user_data_dir ());
  second_home = g_canonicalize_filename ("../keyboard-profile-b", g_get_user_data_dir ());
  g_unlink (exported_path);

  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", ":close", NULL);
  a = open_profile (NULL);
  window = GTK_WIDGET (a.window);
  page = ui_test_find_one (window, UPSTANDER_TYPE_WORKSHOP_PAGE, NULL);

  key_menu (window, "Story Workshop");
  g_assert_cmpstr (upstander_window_get_page (a.window), ==, "workshop");

  key_in (window, "Title", 0, "The photo");
  key_in (window, "What happens, in a sentence or two", 0, "Jo shares a photo of Mina.");
  key_in (window, "What players should learn", 0, "Support someone who is targeted.");
  key_pick (window, "Age band", 0, "Ages 12 to 14");
  /* Topics: Enter opens the list, Tab goes into it, Space ticks the first. */
  tab_to_widget (window, row (window, ADW_TYPE_EXPANDER_ROW, "Topics", 0));
  press_enter (window);
  tab_to_widget (window, ui_test_find_one (window, GTK_TYPE_CHECK_BUTTON, NULL));
  press_key (window, GDK_KEY_space, 0);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (ui_test_find_one (window, GTK_TYPE_CHECK_BUTTON, NULL))));

  write_the_photo (&by_keys, window);

  /* Mina's face: Enter opens the picker, Tab goes through the faces by name, Enter takes one. */
  tab_to_widget (window, face_picker (window, 0));
  press_key (window, GDK_KEY_Return, 0);
  ui_test_spin (100);
  for (guint i = 0; i < 40 && g_strcmp0 (gtk_widget_get_tooltip_text (focus_of (window)), "Hijab") != 0; i++)
    press_key (window, GDK_KEY_Tab, 0);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (focus_of (window)), ==, "Hijab");
  press_enter (window);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (face_picker (window, 0)), ==, "Choose a face (now: Hijab)");
  g_assert_true (has_focus_within (window, face_picker (window, 0)));

  assert_story_passes (UPSTANDER_WORKSHOP_PAGE (page));

  /* Ctrl+P plays it; Enter and Tab reach an ending; the header's button comes back. */
  press_key (window, GDK_KEY_p, GDK_CONTROL_MASK);
  ui_test_spin (100);
  g_assert_cmpstr (upstander_window_get_page (a.window), ==, "player");
  g_assert_cmpuint (key_play_to_ending (a.window, "Message Mina privately"), ==, 2);
  tab_to_widget (window, back_to_workshop (a.window));
  press_enter (window);
  g_assert_cmpstr (upstander_window_get_page (a.window), ==, "workshop");

  /* Ctrl+S saves a copy to share, where the file chooser is told. */
  /* The keyboard is back where it was when the story was played. */
  g_assert_true (has_focus_within (window, face_picker (window, 0)));
  press_key (window, GDK_KEY_s, GDK_CONTROL_MASK);
  key_file_name (window, exported_path);
  g_assert_true (g_file_get_contents (exported_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "The photo"));
  {
    g_auto(GStrv) parts = g_strsplit (contents, "next=\"ending-1\"", 2);
    g_autofree char *bad = g_strjoinv ("next=\"nowhere\"", parts);

    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    g_assert_true (g_file_set_contents (broken_path, bad, -1, NULL));
  }

  /* Your Stories: the draft deleted by keys, after asking, and brought back with Undo. */
  {
    g_autofree char *draft = upstander_workshop_page_dup_draft_path (UPSTANDER_WORKSHOP_PAGE (page));
    GtkWidget *delete = NULL;
    g_autoptr(GPtrArray) buttons = ui_test_find_all (window, GTK_TYPE_BUTTON, NULL);

    g_assert_true (g_file_test (draft, G_FILE_TEST_IS_REGULAR));
    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), "Delete “The photo”") == 0)
        delete = g_ptr_array_index (buttons, i);
    g_assert_nonnull (delete);
    tab_to_widget (window, delete);
    press_enter (window);
    g_assert_nonnull (wait_for_dialog ());
    /* Cancel has the focus: Tab to Delete, Enter. */
    tab_to_widget (window, button_labelled (GTK_WIDGET (wait_for_dialog ()), "_Delete", 0));
    press_enter (window);
    for (guint i = 0; i < 100 && find_dialog () != NULL; i++)
      ui_test_spin (20);
    g_assert_null (find_dialog ());
    g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
    tab_to_widget (window, button_labelled (window, "_Undo", 0));
    press_enter (window);
    g_assert_true (g_file_test (draft, G_FILE_TEST_IS_REGULAR));
  }

  /* Another profile: another XDG_DATA_HOME, so a process of its own. */
  home = g_strdup (g_getenv ("XDG_DATA_HOME"));
  g_setenv ("XDG_DATA_HOME", second_home, TRUE);
  g_setenv ("UPSTANDER_TEST_EXPORTED", exported_path, TRUE);
  g_setenv ("UPSTANDER_TEST_BROKEN", broken_path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (home != NULL)
    g_setenv ("XDG_DATA_HOME", home, TRUE);
  else
    g_unsetenv ("XDG_DATA_HOME");
  g_test_trap_assert_passed ();

  g_unlink (exported_path);
  g_unlink (broken_path);
  close_profile (&a);
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
  g_test_add_func ("/upstander/workshop/delete-and-undo", test_workshop_delete_and_undo);
  g_test_add_func ("/upstander/workshop/undo-differs-from-cancel", test_workshop_undo_differs_from_cancel);
  g_test_add_func ("/upstander/workshop/screenshots", test_workshop_screenshots);
  g_test_add_func ("/upstander/workshop/keyboard-only", test_workshop_keyboard_only);

  return g_test_run ();
}
