/* upstander-window.c: the main window: catalogue, player, help and guides
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "upstander-classroom-page.h"
#include "upstander-lesson-kit-dialog.h"
#include "upstander-facilitator-window.h"
#include "upstander-guides-page.h"
#include "upstander-help-page.h"
#include "upstander-language.h"
#include "upstander-player.h"
#include "upstander-read-aloud.h"
#include "upstander-scenario-card.h"
#include "upstander-util.h"
#include "upstander-window.h"
#include "upstander-workshop-page.h"

/*
 * One stack of pages (catalogue → story → help or guides) with a history, so
 * Back and Escape always lead where the reader came from. The catalogue is a
 * GtkGridView over the library, filtered and sorted by list models, so it
 * stays fast with any number of stories.
 *
 * Only the header and the loading page are in the template: the catalogue
 * is built when the library first has stories to show (ensure_catalogue(),
 * from upstander-window-catalogue.ui), and the player, classroom, workshop,
 * help and guides pages when first shown (ensure_page()), because every
 * page built up front delays the first frame whether it is ever opened or
 * not (docs/performance.md). Until then their pointers are NULL.
 */

struct _UpstanderWindow
{
  AdwApplicationWindow parent_instance;

  UpstanderLibrary    *library;
  UpstanderProgress   *progress;
  UpstanderSettings   *settings;
  UpstanderSpeaker    *speaker;
  UpstanderReadAloud  *read_aloud;  /* made with the player */

  GtkCustomFilter     *filter;
  GtkFilterListModel  *filtered;
  char                *folded_search;  /* nullable: the search entry's text, folded once per change */
  guint                prepare_source;
  guint                prepare_position;
  GPtrArray           *topic_ids;   /* char*, in the order of the topic drop-down */
  GPtrArray           *history;     /* char*, page names before the visible one */
  char                *last_story;  /* "bundle/scenario" of the story last opened */
  guint32              next_seed;   /* the order of choices for the next play */

  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkButton           *back_button;
  GtkWidget           *read_aloud_button;
  GtkWidget           *quick_exit_button;
  GtkMenuButton       *menu_button;
  GMenuModel          *primary_menu;
  GtkStack            *stack;
  AdwBin              *catalogue_bin;
  /* The catalogue, built by ensure_catalogue(); owned by catalogue_bin. */
  GtkStack            *catalogue_stack;
  AdwStatusPage       *empty_page;
  AdwStatusPage       *no_match_page;
  GtkGridView         *grid;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *topic_dropdown;
  GtkToggleButton     *age_all;
  GtkToggleButton     *age_8_11;
  GtkToggleButton     *age_12_14;
  GtkToggleButton     *age_15_17;
  GtkWidget           *clear_filters_button;
  GtkWidget           *classroom_banner;
  GtkWidget           *classroom_off_button;
  /* Built when first shown; owned by the stack. */
  UpstanderPlayer     *player;
  UpstanderHelpPage   *help_page;
  UpstanderGuidesPage *guides_page;
  UpstanderClassroomPage *classroom_page;
  UpstanderWorkshopPage *workshop_page;
  GtkWidget           *workshop_back_button;
  GtkWidget           *workshop_back_wide;
  gboolean             from_workshop;  /* the story on screen is the workshop's */
};

G_DEFINE_FINAL_TYPE (UpstanderWindow, upstander_window, ADW_TYPE_APPLICATION_WINDOW)

static void update_read_aloud (UpstanderWindow   *self);
static void workshop_play_cb  (UpstanderWindow   *self,
                               UpstanderScenario *scenario,
                               gboolean           classroom);

static GtkWidget *
add_page (UpstanderWindow *self,
          GType            type,
          const char      *name)
{
  /* Each page names its own parts; the page itself is only a container. */
  GtkWidget *page = g_object_new (type, "accessible-role", GTK_ACCESSIBLE_ROLE_GENERIC, NULL);

  gtk_stack_add_named (self->stack, page, name);

  return page;
}

static UpstanderPlayer *
ensure_player (UpstanderWindow *self)
{
  if (self->player != NULL)
    return self->player;

  self->player = UPSTANDER_PLAYER (add_page (self, UPSTANDER_TYPE_PLAYER, "player"));
  upstander_player_set_progress (self->player, self->progress);

  /* Reading aloud reads the player: it comes with it. Until then the
   * Read aloud button is hidden (it shows only in a story). */
  self->read_aloud = upstander_read_aloud_new (self->speaker, self->settings, self->player, self->stack);
  g_object_bind_property (self->read_aloud, "tooltip", self->read_aloud_button, "tooltip-text",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->read_aloud, "icon-name", self->read_aloud_button, "icon-name",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->read_aloud, "notify::can-read",
                           G_CALLBACK (update_read_aloud), self, G_CONNECT_SWAPPED);
  update_read_aloud (self);

  return self->player;
}

static UpstanderClassroomPage *
ensure_classroom_page (UpstanderWindow *self)
{
  if (self->classroom_page != NULL)
    return self->classroom_page;

  self->classroom_page = UPSTANDER_CLASSROOM_PAGE (add_page (self, UPSTANDER_TYPE_CLASSROOM_PAGE, "classroom"));
  /* Services come from here: no page walks up to the application. */
  g_object_set (self->classroom_page, "library", self->library, "settings", self->settings, NULL);

  return self->classroom_page;
}

/* The workshop says it cannot add to the user's stories while an administrator turns them off. */
static void
user_bundles_changed_cb (UpstanderWindow *self)
{
  upstander_workshop_page_set_user_bundles (self->workshop_page, upstander_settings_get_user_bundles (self->settings));
}

static UpstanderWorkshopPage *
ensure_workshop_page (UpstanderWindow *self)
{
  if (self->workshop_page != NULL)
    return self->workshop_page;

  self->workshop_page = UPSTANDER_WORKSHOP_PAGE (add_page (self, UPSTANDER_TYPE_WORKSHOP_PAGE, "workshop"));
  upstander_workshop_page_set_library (self->workshop_page, self->library);
  upstander_workshop_page_set_progress (self->workshop_page, self->progress);
  g_signal_connect_object (self->settings, "notify::user-bundles",
                           G_CALLBACK (user_bundles_changed_cb), self, G_CONNECT_SWAPPED);
  user_bundles_changed_cb (self);
  g_signal_connect_object (self->workshop_page, "play", G_CALLBACK (workshop_play_cb), self, G_CONNECT_SWAPPED);

  return self->workshop_page;
}

static UpstanderHelpPage *
ensure_help_page (UpstanderWindow *self)
{
  if (self->help_page != NULL)
    return self->help_page;

  self->help_page = UPSTANDER_HELP_PAGE (add_page (self, UPSTANDER_TYPE_HELP_PAGE, "help"));
  upstander_help_page_set_sources (self->help_page, self->library, self->settings);

  return self->help_page;
}

static UpstanderGuidesPage *
ensure_guides_page (UpstanderWindow *self)
{
  if (self->guides_page != NULL)
    return self->guides_page;

  self->guides_page = UPSTANDER_GUIDES_PAGE (add_page (self, UPSTANDER_TYPE_GUIDES_PAGE, "guides"));
  upstander_guides_page_set_library (self->guides_page, self->library);

  return self->guides_page;
}

/* Builds the page named @name if it is one of those built when first shown. */
static void
ensure_page (UpstanderWindow *self,
             const char      *name)
{
  if (g_strcmp0 (name, "player") == 0)
    ensure_player (self);
  else if (g_strcmp0 (name, "classroom") == 0)
    ensure_classroom_page (self);
  else if (g_strcmp0 (name, "workshop") == 0)
    ensure_workshop_page (self);
  else if (g_strcmp0 (name, "help") == 0)
    ensure_help_page (self);
  else if (g_strcmp0 (name, "guides") == 0)
    ensure_guides_page (self);
}

/* The session the player shows; none if the player was never built. */
static UpstanderSession *
player_session (UpstanderWindow *self)
{
  return self->player != NULL ? upstander_player_get_session (self->player) : NULL;
}

/* Ends the story in the player, if there is a player. */
static void
close_session (UpstanderWindow *self)
{
  if (self->player != NULL)
    upstander_player_set_session (self->player, NULL);
}

static void
update_header (UpstanderWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  UpstanderSession *session = player_session (self);
  gboolean to_workshop = self->from_workshop &&
                         (g_strcmp0 (page, "player") == 0 || g_strcmp0 (page, "classroom") == 0);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), self->history->len > 0 && !to_workshop);
  gtk_widget_set_visible (self->workshop_back_button, to_workshop);

  if (g_strcmp0 (page, "player") == 0 && session != NULL)
    {
      adw_window_title_set_title (self->window_title,
                                  upstander_scenario_get_title (upstander_session_get_scenario (session)));
      adw_window_title_set_subtitle (self->window_title, _("Upstander"));
    }
  else if (g_strcmp0 (page, "classroom") == 0 && self->classroom_page != NULL &&
           upstander_classroom_page_get_run (self->classroom_page) != NULL)
    {
      UpstanderClassRun *run = upstander_classroom_page_get_run (self->classroom_page);

      adw_window_title_set_title (self->window_title,
                                  upstander_scenario_get_title (upstander_class_run_get_scenario (run)));
      adw_window_title_set_subtitle (self->window_title, _("Classroom Mode"));
    }
  else if (g_strcmp0 (page, "help") == 0)
    {
      adw_window_title_set_title (self->window_title, _("Get Help"));
      adw_window_title_set_subtitle (self->window_title, NULL);
    }
  else if (g_strcmp0 (page, "workshop") == 0)
    {
      adw_window_title_set_title (self->window_title, _("Story Workshop"));
      adw_window_title_set_subtitle (self->window_title, NULL);
    }
  else if (g_strcmp0 (page, "guides") == 0)
    {
      adw_window_title_set_title (self->window_title, _("Guides"));
      adw_window_title_set_subtitle (self->window_title, NULL);
    }
  else
    {
      /* In the catalogue too, the header says when a story will open for the class. */
      adw_window_title_set_title (self->window_title, _("Upstander"));
      adw_window_title_set_subtitle (self->window_title,
                                     upstander_settings_get_classroom_mode (self->settings) ? _("Classroom Mode") : NULL);
    }
}

/* Shows @page; @remember keeps the current page in the history for Back. */
static void
show_page (UpstanderWindow *self,
           const char      *page,
           gboolean         remember)
{
  const char *current = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (current, page) == 0)
    return;

  if (remember && current != NULL && g_strcmp0 (current, "loading") != 0)
    {
      /* Never stack a page twice: going to a page already in the history unwinds to it. */
      for (guint i = 0; i < self->history->len; i++)
        if (g_str_equal (g_ptr_array_index (self->history, i), page))
          {
            g_ptr_array_set_size (self->history, i);
            remember = FALSE;
            break;
          }
      if (remember)
        g_ptr_array_add (self->history, g_strdup (current));
    }

  ensure_page (self, page);
  gtk_stack_set_visible_child_name (self->stack, page);
  update_header (self);
}

/* Names a story across reloads of the library, which make new scenario objects. */
static char *
story_key (UpstanderScenario *scenario)
{
  return g_strconcat (upstander_scenario_get_bundle_id (scenario), "/", upstander_scenario_get_id (scenario), NULL);
}

static UpstanderScenarioCard *
find_card (GtkWidget  *widget,
           const char *key)
{
  if (UPSTANDER_IS_SCENARIO_CARD (widget))
    {
      UpstanderScenario *scenario = upstander_scenario_card_get_scenario (UPSTANDER_SCENARIO_CARD (widget));
      g_autofree char *card_key = NULL;

      if (scenario == NULL)
        return NULL;
      card_key = story_key (scenario);
      return g_str_equal (card_key, key) ? UPSTANDER_SCENARIO_CARD (widget) : NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      UpstanderScenarioCard *card = find_card (child, key);

      if (card != NULL)
        return card;
    }

  return NULL;
}

/*
 * Back from a story, focus goes to the card of that story, so a keyboard
 * user carries on from where they were (not at the header's buttons).
 */
static void
focus_last_story (UpstanderWindow *self)
{
  GListModel *stories = self->grid != NULL ? G_LIST_MODEL (gtk_grid_view_get_model (self->grid)) : NULL;
  UpstanderScenarioCard *card;

  if (stories == NULL || self->last_story == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->catalogue_stack), "grid") != 0)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr(UpstanderScenario) scenario = g_list_model_get_item (stories, i);
      g_autofree char *key = story_key (scenario);

      if (g_str_equal (key, self->last_story))
        {
          gtk_widget_activate_action (GTK_WIDGET (self->grid), "list.scroll-to-item", "u", i);
          break;
        }
    }

  card = find_card (GTK_WIDGET (self->grid), self->last_story);
  /* The card's parent is the grid's focusable cell. */
  if (card == NULL || !gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (card))))
    gtk_widget_grab_focus (GTK_WIDGET (self->grid));
}

static void
show_catalogue (UpstanderWindow *self)
{
  gboolean loaded = upstander_library_get_loaded (self->library);

  g_ptr_array_set_size (self->history, 0);
  self->from_workshop = FALSE;
  close_session (self);
  /* Leaving the presentation ends the run; its summary was the last step. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "classroom") == 0)
    upstander_application_set_class_run (UPSTANDER_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), NULL);
  show_page (self, loaded ? "catalogue" : "loading", FALSE);
  update_header (self);
  focus_last_story (self);
}

static void
update_catalogue_state (UpstanderWindow *self)
{
  const char *name;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->library)) == 0)
    name = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    name = "no-match";
  else
    name = "grid";

  /* The status pages get their icons when shown: at 128 px the Adwaita
   * theme has them only as SVG, and GTK looks them up as soon as the window
   * is laid out, shown or not. Reading an SVG maps librsvg into the app,
   * 6.5 MiB of code (docs/performance.md). */
  if (g_str_equal (name, "empty"))
    adw_status_page_set_icon_name (self->empty_page, "accessories-dictionary-symbolic");
  else if (g_str_equal (name, "no-match"))
    adw_status_page_set_icon_name (self->no_match_page, "edit-find-symbolic");

  gtk_stack_set_visible_child_name (self->catalogue_stack, name);
}

static void
age_band (UpstanderWindow *self,
          guint           *min,
          guint           *max)
{
  *min = 0;
  *max = G_MAXUINT;

  if (gtk_toggle_button_get_active (self->age_8_11))
    *min = 8, *max = 11;
  else if (gtk_toggle_button_get_active (self->age_12_14))
    *min = 12, *max = 14;
  else if (gtk_toggle_button_get_active (self->age_15_17))
    *min = 15, *max = 17;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  UpstanderWindow *self = user_data;
  UpstanderScenario *scenario = item;
  guint selected = gtk_drop_down_get_selected (self->topic_dropdown);
  guint min, max;

  /* Only the ages an administrator offers, whichever band is toggled. */
  if (!upstander_settings_get_ages_offered (self->settings,
                                            upstander_scenario_get_age_min (scenario),
                                            upstander_scenario_get_age_max (scenario)))
    return FALSE;

  age_band (self, &min, &max);
  if (upstander_scenario_get_age_min (scenario) > max ||
      upstander_scenario_get_age_max (scenario) < min)
    return FALSE;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->topic_ids->len)
    {
      const char *topic_id = g_ptr_array_index (self->topic_ids, selected - 1);
      GPtrArray *topics = upstander_scenario_get_topics (scenario);
      gboolean found = FALSE;

      for (guint i = 0; i < topics->len && !found; i++)
        {
          const UpstanderTopic *topic = g_ptr_array_index (topics, i);

          found = g_strcmp0 (topic->id, topic_id) == 0;
        }
      if (!found)
        return FALSE;
    }

  return upstander_scenario_matches_folded (scenario, self->folded_search);
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  UpstanderScenario *sa = (UpstanderScenario *) a;
  UpstanderScenario *sb = (UpstanderScenario *) b;

  if (upstander_scenario_get_age_min (sa) != upstander_scenario_get_age_min (sb))
    return upstander_scenario_get_age_min (sa) < upstander_scenario_get_age_min (sb) ? -1 : 1;

  /* Keys made once per story, not twice per comparison. */
  return strcmp (upstander_scenario_get_sort_key (sa), upstander_scenario_get_sort_key (sb));
}

/* The search entry's text, folded once per change here rather than once per story. */
static char *
refold_search (UpstanderWindow *self)
{
  char *previous = g_steal_pointer (&self->folded_search);

  self->folded_search = upstander_text_fold_for_search (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  return previous;
}

/* The band toggle that stands for who is reading ("adult": all ages). */
static GtkToggleButton *
reader_toggle (UpstanderWindow *self,
               const char      *reader)
{
  if (g_strcmp0 (reader, "ages-8-11") == 0)
    return self->age_8_11;
  if (g_strcmp0 (reader, "ages-12-14") == 0)
    return self->age_12_14;
  if (g_strcmp0 (reader, "ages-15-17") == 0)
    return self->age_15_17;

  return self->age_all;
}

static const char *
toggled_reader (UpstanderWindow *self)
{
  if (gtk_toggle_button_get_active (self->age_8_11))
    return "ages-8-11";
  if (gtk_toggle_button_get_active (self->age_12_14))
    return "ages-12-14";
  if (gtk_toggle_button_get_active (self->age_15_17))
    return "ages-15-17";
  if (gtk_toggle_button_get_active (self->age_all))
    return "adult";

  /* Between two toggles of the group, none is active. */
  return NULL;
}

static void
filters_changed_cb (UpstanderWindow *self)
{
  /* The band filter is who is reading: choosing another band is changing it,
   * unless an administrator locked it (then the toggles are insensitive). */
  if (self->settings != NULL && toggled_reader (self) != NULL &&
      !upstander_settings_get_locked (self->settings, "reader"))
    upstander_settings_set_reader (self->settings, toggled_reader (self));

  g_free (refold_search (self));

  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
reader_changed_cb (UpstanderWindow *self)
{
  /* No catalogue yet: ensure_catalogue() catches up. */
  if (self->age_all == NULL)
    return;

  gtk_toggle_button_set_active (reader_toggle (self, upstander_settings_get_reader (self->settings)), TRUE);
}

/* The band toggles an administrator offers are shown; the others are hidden. */
static void
age_bands_changed_cb (UpstanderWindow *self)
{
  GtkToggleButton *toggles[] = { self->age_8_11, self->age_12_14, self->age_15_17 };
  const char *readers[] = { "ages-8-11", "ages-12-14", "ages-15-17" };

  if (self->age_all == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
    gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (toggles[i])),
                            upstander_settings_get_reader_offered (self->settings, readers[i]));

  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
search_changed_cb (UpstanderWindow *self)
{
  g_autofree char *previous = refold_search (self);
  const char *current = self->folded_search;

  if (self->filter == NULL || g_strcmp0 (previous, current) == 0)
    return;

  /* Typing on only narrows the search and deleting only widens it: the
   * filter model then looks again only at the stories that can change. */
  if (previous == NULL || strstr (current, previous) != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_MORE_STRICT);
  else if (strstr (previous, current) != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
  else
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
fill_topics (UpstanderWindow *self)
{
  g_autoptr(GPtrArray) topics = upstander_library_dup_topics (self->library);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->topic_ids, 0);
  gtk_string_list_append (names, _("All topics"));
  for (guint i = 0; i < topics->len; i++)
    {
      const UpstanderTopic *topic = g_ptr_array_index (topics, i);

      g_ptr_array_add (self->topic_ids, g_strdup (topic->id));
      gtk_string_list_append (names, upstander_ui_text (topic->name));
    }

  gtk_drop_down_set_model (self->topic_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->topic_dropdown, 0);
}

/*
 * Folds the stories' search keys a hundred at a time while the window is
 * idle, so that the first keystroke does not fold a thousand stories.
 */
static gboolean
prepare_search_cb (gpointer user_data)
{
  UpstanderWindow *self = user_data;
  GListModel *stories = G_LIST_MODEL (self->library);
  guint end = MIN (self->prepare_position + 100, g_list_model_get_n_items (stories));

  for (; self->prepare_position < end; self->prepare_position++)
    {
      g_autoptr(UpstanderScenario) scenario = g_list_model_get_item (stories, self->prepare_position);

      upstander_scenario_prepare_search (scenario);
    }

  if (self->prepare_position < g_list_model_get_n_items (stories))
    return G_SOURCE_CONTINUE;

  self->prepare_source = 0;
  return G_SOURCE_REMOVE;
}

static void ensure_catalogue (UpstanderWindow *self);

static void
library_loaded_cb (UpstanderWindow *self)
{
  if (!upstander_library_get_loaded (self->library))
    return;

  ensure_catalogue (self);

  self->prepare_position = 0;
  if (self->prepare_source == 0)
    self->prepare_source = g_idle_add_full (G_PRIORITY_LOW, prepare_search_cb, self, NULL);

  fill_topics (self);
  update_catalogue_state (self);
  if (self->help_page != NULL)
    upstander_help_page_refresh (self->help_page);
  if (self->guides_page != NULL)
    upstander_guides_page_refresh (self->guides_page);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") == 0)
    show_catalogue (self);
}

static void
start_session (UpstanderWindow   *self,
               UpstanderScenario *scenario)
{
  g_autoptr(UpstanderSession) session = NULL;
  g_auto(GStrv) found = NULL;

  g_free (self->last_story);
  self->last_story = story_key (scenario);

  /* A classroom run is kept apart: it never reads or writes explore progress. */
  if (upstander_settings_get_classroom_mode (self->settings))
    {
      g_autoptr(UpstanderClassRun) run = upstander_class_run_new (scenario);

      upstander_application_set_class_run (UPSTANDER_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), run);
      return;
    }

  /* Seeds one apart: the next play of a story never shows its choices in the same order. */
  session = upstander_session_new_with_seed (scenario, self->next_seed++);

  /* Endings found in earlier plays count towards "x of y". */
  found = upstander_progress_dup_endings (self->progress,
                                          upstander_scenario_get_bundle_id (scenario),
                                          upstander_scenario_get_id (scenario),
                                          upstander_scenario_get_version (scenario));
  for (guint i = 0; found[i] != NULL; i++)
    upstander_session_add_found_ending (session, found[i]);

  upstander_player_set_session (ensure_player (self), session);
  show_page (self, "player", TRUE);
  update_header (self);
}

/* A story from the workshop: played as it is now, with a way back to the workshop. */
static void
workshop_play_cb (UpstanderWindow   *self,
                  UpstanderScenario *scenario,
                  gboolean           classroom)
{
  g_autoptr(UpstanderSession) session = NULL;

  self->from_workshop = TRUE;
  if (classroom)
    {
      g_autoptr(UpstanderClassRun) run = upstander_class_run_new (scenario);

      upstander_application_set_class_run (UPSTANDER_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), run);
      return;
    }

  /* Progress is not read: a story being written starts afresh each time. */
  session = upstander_session_new (scenario);
  upstander_player_set_session (ensure_player (self), session);
  show_page (self, "player", TRUE);
}

static void
back_to_workshop_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  UpstanderWindow *self = UPSTANDER_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  self->from_workshop = FALSE;
  close_session (self);
  if (app != NULL && upstander_application_get_class_run (UPSTANDER_APPLICATION (app)) != NULL)
    upstander_application_set_class_run (UPSTANDER_APPLICATION (app), NULL);
  show_page (self, "workshop", TRUE);
}

static void
show_workshop_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  UpstanderWindow *self = UPSTANDER_WINDOW (widget);

  /* A story left open in the player may come from a bundle the workshop reloads. */
  self->from_workshop = FALSE;
  close_session (self);
  /* A page just built has read its drafts; one built earlier reads them again. */
  if (self->workshop_page != NULL)
    upstander_workshop_page_refresh_drafts (self->workshop_page);
  show_page (self, "workshop", TRUE);
}

static void
grid_activate_cb (UpstanderWindow *self,
                  guint            position)
{
  GListModel *model = G_LIST_MODEL (gtk_grid_view_get_model (self->grid));
  g_autoptr(UpstanderScenario) scenario = g_list_model_get_item (model, position);

  if (scenario != NULL)
    start_session (self, scenario);
}

static void
show_progress_notice (UpstanderWindow *self)
{
  UpstanderProgressNotice notice = upstander_progress_take_notice (self->progress);
  const char *text = NULL;
  AdwToast *toast;

  switch (notice)
    {
    case UPSTANDER_PROGRESS_NOTICE_CORRUPT:
      text = _("Your saved progress could not be read, so Upstander starts afresh");
      break;

    case UPSTANDER_PROGRESS_NOTICE_UNWRITABLE:
      text = _("Your progress cannot be saved on this computer");
      break;

    case UPSTANDER_PROGRESS_NOTICE_NEWER:
      text = _("Your progress was saved by a newer Upstander: it is kept, but new progress is not saved");
      break;

    case UPSTANDER_PROGRESS_NOTICE_NONE:
    default:
      return;
    }

  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
progress_changed_cb (UpstanderWindow *self)
{
  show_progress_notice (self);
}

/* The application's run is what this window presents, whenever it changes. */
static void
class_run_changed_cb (UpstanderWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  UpstanderClassRun *run = app != NULL ? upstander_application_get_class_run (UPSTANDER_APPLICATION (app)) : NULL;

  if (run != NULL || self->classroom_page != NULL)
    upstander_classroom_page_set_run (ensure_classroom_page (self), run);
  if (run != NULL)
    {
      close_session (self);
      show_page (self, "classroom", TRUE);
      update_header (self);
    }
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "classroom") == 0)
    {
      show_catalogue (self);
    }
}

static void
show_notes_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (widget));

  if (app != NULL)
    upstander_facilitator_window_present (UPSTANDER_APPLICATION (app));
}

static void
show_lesson_kit_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  UpstanderWindow *self = UPSTANDER_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (widget));
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  UpstanderSession *session = player_session (self);
  UpstanderClassRun *run = self->classroom_page != NULL ? upstander_classroom_page_get_run (self->classroom_page) : NULL;
  UpstanderScenario *open = NULL;
  UpstanderLessonKitDialog *dialog;

  if (app == NULL)
    return;

  /* The story on screen comes first in the list. */
  if (g_strcmp0 (page, "player") == 0 && session != NULL)
    open = upstander_session_get_scenario (session);
  else if (g_strcmp0 (page, "classroom") == 0 && run != NULL)
    open = upstander_class_run_get_scenario (run);

  dialog = upstander_lesson_kit_dialog_new (UPSTANDER_APPLICATION (app), open);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (widget));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_text_size (UpstanderWindow *self)
{
  const char * const *sizes = upstander_settings_get_text_sizes ();
  const char *size = upstander_settings_get_text_size (self->settings);

  /* "text-large" and so on; the style sheet has no rule for "text-default". */
  for (guint i = 0; sizes[i] != NULL; i++)
    {
      g_autofree char *css_class = g_strconcat ("text-", sizes[i], NULL);

      if (g_str_equal (sizes[i], size))
        gtk_widget_add_css_class (GTK_WIDGET (self), css_class);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), css_class);
    }
}

/*
 * The keyboard shortcuts window. GTK would build it with every window, at
 * set_application(), from gtk/help-overlay.ui: 5 ms before the first frame
 * for a window that few open. It is built here the first time it is asked
 * for, and GtkApplicationWindow keeps it (and destroys it with the window).
 */
static void
show_help_overlay_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/ui/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UpstanderWindow *self = UPSTANDER_WINDOW (widget);
  g_autofree char *previous = NULL;
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "guides") == 0 && upstander_guides_page_go_back (self->guides_page))
    return;

  if (self->history->len == 0)
    return;

  previous = g_strdup (g_ptr_array_index (self->history, self->history->len - 1));
  g_ptr_array_set_size (self->history, self->history->len - 1);

  if (g_strcmp0 (previous, "catalogue") == 0)
    show_catalogue (self);
  else
    show_page (self, previous, FALSE);
}

static void
show_catalogue_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  show_catalogue (UPSTANDER_WINDOW (widget));
}

static void
show_help_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UpstanderWindow *self = UPSTANDER_WINDOW (widget);

  upstander_help_page_refresh (ensure_help_page (self));
  show_page (self, "help", TRUE);
}

static void
show_guides_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  UpstanderWindow *self = UPSTANDER_WINDOW (widget);

  upstander_guides_page_show_list (ensure_guides_page (self));
  show_page (self, "guides", TRUE);
}

static void
show_guide_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  UpstanderWindow *self = UPSTANDER_WINDOW (widget);
  const char *guide_id = g_variant_get_string (parameter, NULL);

  if (!upstander_guides_page_show_guide (ensure_guides_page (self), guide_id))
    upstander_guides_page_show_list (self->guides_page);
  show_page (self, "guides", TRUE);
}

static void
clear_filters_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  UpstanderWindow *self = UPSTANDER_WINDOW (widget);

  ensure_catalogue (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (!upstander_settings_get_locked (self->settings, "reader"))
    gtk_toggle_button_set_active (self->age_all, TRUE);
  gtk_drop_down_set_selected (self->topic_dropdown, 0);
  filters_changed_cb (self);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UpstanderWindow *self = UPSTANDER_WINDOW (widget);

  show_catalogue (self);
  ensure_catalogue (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
setup_card_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               UpstanderWindow          *self)
{
  gtk_list_item_set_child (item, GTK_WIDGET (upstander_scenario_card_new (self->progress)));
}

static void
bind_card_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              UpstanderWindow          *self)
{
  GtkWidget *card = gtk_list_item_get_child (item);
  GtkWidget *cell = gtk_widget_get_parent (card);
  UpstanderScenario *scenario = gtk_list_item_get_item (item);

  upstander_scenario_card_set_scenario (UPSTANDER_SCENARIO_CARD (card), scenario);
  /* The grid's cell is what a screen reader lands on: named by the story, not "GtkListItemWidget". */
  if (cell != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, upstander_scenario_get_title (scenario),
                                    -1);
}

static void
unbind_card_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                UpstanderWindow          *self)
{
  upstander_scenario_card_set_scenario (UPSTANDER_SCENARIO_CARD (gtk_list_item_get_child (item)), NULL);
}

static void
read_aloud_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  UpstanderWindow *self = UPSTANDER_WINDOW (widget);

  if (self->read_aloud != NULL)
    upstander_read_aloud_toggle (self->read_aloud);
}

/* Shown in a story; insensitive, with the reason as its tooltip, when it cannot read. */
static void
update_read_aloud (UpstanderWindow *self)
{
  gboolean in_story;

  /* No player yet, so no story: nothing to read. */
  if (self->read_aloud == NULL)
    {
      gtk_widget_set_visible (self->read_aloud_button, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.read-aloud", FALSE);
      return;
    }

  in_story = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "player") == 0;
  gtk_widget_set_visible (self->read_aloud_button, in_story);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.read-aloud",
                                 upstander_read_aloud_get_can_read (self->read_aloud) ||
                                 upstander_read_aloud_get_speaking (self->read_aloud));
}

static void
upstander_window_dispose (GObject *object)
{
  UpstanderWindow *self = (UpstanderWindow *)object;

  close_session (self);

  /* The filtered stories can outlive the window (a library reload that ends
   * after a quick exit): the filter must not read widgets disposed below. */
  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), UPSTANDER_TYPE_WINDOW);
  /* The stack owned the pages built when shown; it went with the template. */
  self->player = NULL;
  self->help_page = NULL;
  self->guides_page = NULL;
  self->classroom_page = NULL;
  self->workshop_page = NULL;

  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->library);
  g_clear_object (&self->progress);
  g_clear_object (&self->settings);
  g_clear_object (&self->read_aloud);
  g_clear_object (&self->speaker);
  g_clear_pointer (&self->topic_ids, g_ptr_array_unref);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->folded_search, g_free);
  g_clear_handle_id (&self->prepare_source, g_source_remove);
  g_clear_pointer (&self->last_story, g_free);

  G_OBJECT_CLASS (upstander_window_parent_class)->dispose (object);
}

static void
upstander_window_class_init (UpstanderWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upstander_window_dispose;

  g_type_ensure (UPSTANDER_TYPE_SCENARIO);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UpstanderWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWindow, quick_exit_button);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWindow, read_aloud_button);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWindow, catalogue_bin);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWindow, workshop_back_button);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWindow, workshop_back_wide);

  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "win.show-catalogue", NULL, show_catalogue_activated);
  gtk_widget_class_install_action (widget_class, "win.show-help", NULL, show_help_activated);
  gtk_widget_class_install_action (widget_class, "win.show-guides", NULL, show_guides_activated);
  gtk_widget_class_install_action (widget_class, "win.show-guide", "s", show_guide_activated);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.show-notes", NULL, show_notes_activated);
  gtk_widget_class_install_action (widget_class, "win.read-aloud", NULL, read_aloud_activated);
  gtk_widget_class_install_action (widget_class, "win.show-lesson-kit", NULL, show_lesson_kit_activated);
  gtk_widget_class_install_action (widget_class, "win.show-workshop", NULL, show_workshop_activated);
  gtk_widget_class_install_action (widget_class, "win.back-to-workshop", NULL, back_to_workshop_activated);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.show-guides", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "win.read-aloud", NULL);
}

/* The header's squeezer holds Get help and Quick exit once for each width: each copy gets the same name. */
static void
name_header_buttons (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_widget_has_css_class (child, "quick-exit"))
        upstander_button_set_label_a11y (child, _("Quick exit"));
      else if (GTK_IS_BUTTON (child) && gtk_widget_has_css_class (child, "get-help"))
        upstander_button_set_label_a11y (child, _("Get help"));
      else
        name_header_buttons (child);
    }
}

/*
 * The main menu's popover is made when the menu is first opened: made from
 * its model with the window, it cost the first frame about 1 ms
 * (docs/performance.md).
 */
static void
create_primary_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  UpstanderWindow *self = user_data;

  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
upstander_window_init (UpstanderWindow *self)
{
  self->topic_ids = g_ptr_array_new_with_free_func (g_free);
  self->history = g_ptr_array_new_with_free_func (g_free);
  self->next_seed = g_random_int ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu_cb, self, NULL);
  name_header_buttons (GTK_WIDGET (self));
  upstander_button_set_label_a11y (self->workshop_back_wide, _("Back to the workshop"));
}

/* Labels and names of the catalogue's buttons, as ensure_catalogue() builds them. */
static void
name_catalogue_buttons (UpstanderWindow *self)
{
  static const struct { const char *name; const char *label; } buttons[] = {
    { "age_all", N_("All ages") },
    { "age_8_11", N_("Ages 8 to 11") },
    { "age_12_14", N_("Ages 12 to 14") },
    { "age_15_17", N_("Ages 15 to 17") },
  };

  /* "Todas las edades" at twice the size is wider than half a phone: band
   * names wrap between words, and numbers stay whole and in order in
   * right-to-left text ("8–11" read as "11–8" otherwise). */
  {
    GtkToggleButton *toggles[] = { self->age_all, self->age_8_11, self->age_12_14, self->age_15_17 };

    for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
      {
        GtkWidget *label;

        if (toggles[i] != self->age_all)
          {
            g_autofree char *isolated = upstander_language_isolate (gtk_button_get_label (GTK_BUTTON (toggles[i])));

            gtk_button_set_label (GTK_BUTTON (toggles[i]), isolated);
          }
        label = gtk_button_get_child (GTK_BUTTON (toggles[i]));
        gtk_label_set_wrap (GTK_LABEL (label), TRUE);
        gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
        gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      }
    gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (self->clear_filters_button))), TRUE);
    gtk_label_set_justify (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (self->clear_filters_button))), GTK_JUSTIFY_CENTER);
  }

  /* After the labels are set: setting a label names the button again. */
  upstander_button_set_label_a11y (GTK_WIDGET (self->age_all), _(buttons[0].label));
  upstander_button_set_label_a11y (GTK_WIDGET (self->age_8_11), _(buttons[1].label));
  upstander_button_set_label_a11y (GTK_WIDGET (self->age_12_14), _(buttons[2].label));
  upstander_button_set_label_a11y (GTK_WIDGET (self->age_15_17), _(buttons[3].label));
  upstander_button_set_label_a11y (self->clear_filters_button, _("Show all stories"));
  upstander_button_set_label_a11y (self->classroom_off_button, _("Turn Off Classroom Mode"));
}

/*
 * The catalogue: filters, search, the grid and its models. Built when the
 * library first has stories to show, or when something needs it before
 * (a search, a test), not with the window: the first frame shows the
 * loading page, and building these took a share of it (docs/performance.md).
 */
static void
ensure_catalogue (UpstanderWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GError) error = NULL;
  GtkSortListModel *sorted;
  GtkListItemFactory *factory;

  if (self->grid != NULL)
    return;

  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "grid_activate_cb", G_CALLBACK (grid_activate_cb),
                                           "search_changed_cb", G_CALLBACK (search_changed_cb),
                                           "filters_changed_cb", G_CALLBACK (filters_changed_cb),
                                           NULL);
  builder = gtk_builder_new ();
  gtk_builder_set_scope (builder, scope);
  /* Signals without an object go to the window, as in its template. */
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  if (!gtk_builder_add_from_resource (builder, RESOURCE_BASE "/ui/upstander-window-catalogue.ui", &error))
    g_error ("the catalogue's interface: %s", error->message);

  self->catalogue_stack = GTK_STACK (gtk_builder_get_object (builder, "catalogue_stack"));
  self->empty_page = ADW_STATUS_PAGE (gtk_builder_get_object (builder, "empty_page"));
  self->no_match_page = ADW_STATUS_PAGE (gtk_builder_get_object (builder, "no_match_page"));
  self->grid = GTK_GRID_VIEW (gtk_builder_get_object (builder, "grid"));
  self->search_entry = GTK_SEARCH_ENTRY (gtk_builder_get_object (builder, "search_entry"));
  self->topic_dropdown = GTK_DROP_DOWN (gtk_builder_get_object (builder, "topic_dropdown"));
  self->age_all = GTK_TOGGLE_BUTTON (gtk_builder_get_object (builder, "age_all"));
  self->age_8_11 = GTK_TOGGLE_BUTTON (gtk_builder_get_object (builder, "age_8_11"));
  self->age_12_14 = GTK_TOGGLE_BUTTON (gtk_builder_get_object (builder, "age_12_14"));
  self->age_15_17 = GTK_TOGGLE_BUTTON (gtk_builder_get_object (builder, "age_15_17"));
  self->clear_filters_button = GTK_WIDGET (gtk_builder_get_object (builder, "clear_filters_button"));
  self->classroom_banner = GTK_WIDGET (gtk_builder_get_object (builder, "classroom_banner"));
  self->classroom_off_button = GTK_WIDGET (gtk_builder_get_object (builder, "classroom_off_button"));
  adw_bin_set_child (self->catalogue_bin, GTK_WIDGET (gtk_builder_get_object (builder, "catalogue")));

  name_catalogue_buttons (self);
  /* The band filter is who is reading: under an administrator's lock the
   * toggles cannot change it, and say why as Preferences does. */
  upstander_settings_bind_lock (self->settings, "reader", G_OBJECT (self->age_all));
  upstander_settings_bind_lock (self->settings, "reader", G_OBJECT (self->age_8_11));
  upstander_settings_bind_lock (self->settings, "reader", G_OBJECT (self->age_12_14));
  upstander_settings_bind_lock (self->settings, "reader", G_OBJECT (self->age_15_17));
  g_object_bind_property (self->settings, "classroom-mode", self->classroom_banner, "visible", G_BINDING_SYNC_CREATE);

  /* Sorted first, then filtered: a keystroke in the search filters the
   * sorted stories again, and nothing is sorted again (docs/performance.md). */
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->library)),
                                    GTK_SORTER (gtk_custom_sorter_new (sort_func, NULL, NULL)));
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (sorted),
                                              GTK_FILTER (g_object_ref (self->filter)));
  gtk_grid_view_set_model (self->grid, GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)))));
  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (update_catalogue_state), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_card_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_card_cb), self);
  gtk_grid_view_set_factory (self->grid, factory);
  g_object_unref (factory);

  /* Who is reading, and the bands offered, as they are now. */
  reader_changed_cb (self);
  age_bands_changed_cb (self);
  update_catalogue_state (self);
}

UpstanderWindow *
upstander_window_new (UpstanderApplication *application)
{
  UpstanderWindow *self;

  g_return_val_if_fail (UPSTANDER_IS_APPLICATION (application), NULL);

  self = g_object_new (UPSTANDER_TYPE_WINDOW, "application", application, NULL);
  self->library = g_object_ref (upstander_application_get_library (application));
  self->progress = g_object_ref (upstander_application_get_progress (application));
  self->settings = g_object_ref (upstander_application_get_settings (application));

  upstander_settings_bind_window (self->settings, G_OBJECT (self));
  g_signal_connect_object (self->settings, "notify::text-size",
                           G_CALLBACK (update_text_size), self, G_CONNECT_SWAPPED);
  update_text_size (self);
  g_signal_connect_object (self->settings, "notify::reader",
                           G_CALLBACK (reader_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "notify::age-bands",
                           G_CALLBACK (age_bands_changed_cb), self, G_CONNECT_SWAPPED);

  self->speaker = g_object_ref (upstander_application_get_speaker (application));
  update_read_aloud (self);
  g_signal_connect_object (self->settings, "notify::classroom-mode",
                           G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->library, "notify::loaded",
                           G_CALLBACK (library_loaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->progress, "changed",
                           G_CALLBACK (progress_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (application, "notify::class-run",
                           G_CALLBACK (class_run_changed_cb), self, G_CONNECT_SWAPPED);

  show_catalogue (self);
  library_loaded_cb (self);
  show_progress_notice (self);
  /* A window rebuilt mid-lesson (a new language) picks the run up again. */
  if (upstander_application_get_class_run (application) != NULL)
    class_run_changed_cb (self);

  return self;
}

/* The name of the visible page: "loading", "catalogue", "player", "help" or "guides". */
const char *
upstander_window_get_page (UpstanderWindow *self)
{
  g_return_val_if_fail (UPSTANDER_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* The stories the catalogue shows, filtered and sorted (the catalogue is built if it was not). */
GListModel *
upstander_window_get_stories (UpstanderWindow *self)
{
  g_return_val_if_fail (UPSTANDER_IS_WINDOW (self), NULL);

  ensure_catalogue (self);

  return G_LIST_MODEL (gtk_grid_view_get_model (self->grid));
}

void
upstander_window_set_search (UpstanderWindow *self,
                             const char      *text)
{
  g_return_if_fail (UPSTANDER_IS_WINDOW (self));

  ensure_catalogue (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  filters_changed_cb (self);
}

/* Starts a story as if its card was activated. */
gboolean
upstander_window_open_scenario (UpstanderWindow *self,
                                const char      *bundle_id,
                                const char      *scenario_id)
{
  UpstanderScenario *scenario;

  g_return_val_if_fail (UPSTANDER_IS_WINDOW (self), FALSE);

  scenario = upstander_library_lookup_scenario (self->library, bundle_id, scenario_id);
  if (scenario == NULL)
    return FALSE;

  start_session (self, scenario);

  return TRUE;
}

/*
 * Shows what @other shows: the same page with the same way back, the same
 * story at the same line, the same search and filters, at the same size.
 * After a change of language a new window, built in the new language,
 * takes the place of the old one, and the reader does not lose theirs.
 */
void
upstander_window_take_place (UpstanderWindow *self,
                             UpstanderWindow *other)
{
  const char *page;
  const char *guide;
  int width, height;

  g_return_if_fail (UPSTANDER_IS_WINDOW (self));
  g_return_if_fail (UPSTANDER_IS_WINDOW (other));

  gtk_window_get_default_size (GTK_WINDOW (other), &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (gtk_window_is_maximized (GTK_WINDOW (other)))
    gtk_window_maximize (GTK_WINDOW (self));
  if (gtk_window_is_fullscreen (GTK_WINDOW (other)))
    gtk_window_fullscreen (GTK_WINDOW (self));

  /* A catalogue not built yet has no search or filters to carry over. */
  if (other->grid != NULL)
    {
      ensure_catalogue (self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry),
                             gtk_editable_get_text (GTK_EDITABLE (other->search_entry)));
      gtk_toggle_button_set_active (self->age_8_11, gtk_toggle_button_get_active (other->age_8_11));
      gtk_toggle_button_set_active (self->age_12_14, gtk_toggle_button_get_active (other->age_12_14));
      gtk_toggle_button_set_active (self->age_15_17, gtk_toggle_button_get_active (other->age_15_17));
      gtk_drop_down_set_selected (self->topic_dropdown, gtk_drop_down_get_selected (other->topic_dropdown));
      filters_changed_cb (self);
    }

  if (other->player != NULL)
    upstander_player_take_place (ensure_player (self), other->player);
  g_free (self->last_story);
  self->last_story = g_strdup (other->last_story);
  self->next_seed = other->next_seed;

  guide = other->guides_page != NULL ? upstander_guides_page_get_guide (other->guides_page) : NULL;
  if (guide != NULL)
    upstander_guides_page_show_guide (ensure_guides_page (self), guide);

  g_ptr_array_set_size (self->history, 0);
  for (guint i = 0; i < other->history->len; i++)
    g_ptr_array_add (self->history, g_strdup (g_ptr_array_index (other->history, i)));

  page = gtk_stack_get_visible_child_name (other->stack);
  if (g_strcmp0 (page, "catalogue") == 0 && !upstander_library_get_loaded (self->library))
    page = "loading";
  /* No transition: the reader should see the words change, nothing else. */
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_NONE);
  ensure_page (self, page);
  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  update_header (self);
}

/*
 * Puts the keyboard focus where a reader left it: the way on of the story,
 * or the card of the last story. For a window that took another's place,
 * once it is shown.
 */
void
upstander_window_restore_focus (UpstanderWindow *self)
{
  const char *page;

  g_return_if_fail (UPSTANDER_IS_WINDOW (self));

  page = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (page, "player") == 0)
    upstander_player_restore_focus (self->player);
  else if (g_strcmp0 (page, "catalogue") == 0)
    focus_last_story (self);
}
