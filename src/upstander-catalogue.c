/* upstander-catalogue.c: the stories to choose from, with search and filters
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "upstander-catalogue.h"
#include "upstander-language.h"
#include "upstander-scenario-card.h"
#include "upstander-util.h"

/*
 * A GtkGridView over the library, sorted and filtered by list models (in the
 * template), so it stays fast with any number of stories. The band toggles
 * are who is reading: they follow the settings' reader and change it. What
 * the catalogue tells its window is that a story was chosen
 * ("story-activated"); the window decides what opening it means.
 */

struct _UpstanderCatalogue
{
  GtkWidget            parent_instance;

  UpstanderLibrary    *library;
  UpstanderProgress   *progress;
  UpstanderSettings   *settings;

  char                *search;         /* the search entry's text as last applied (the "search" property) */
  char                *folded_search;  /* nullable: the search entry's text, folded once per change */
  guint                prepare_source;
  guint                prepare_position;
  GPtrArray           *topic_ids;      /* char*, in the order of the topic drop-down */

  GtkCustomFilter     *filter;
  GtkCustomSorter     *sorter;
  GtkSortListModel    *sorted;
  GtkFilterListModel  *filtered;
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
  GtkWidget           *classroom_off_button;
};

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_PROGRESS,
  PROP_SETTINGS,
  PROP_SEARCH,
  N_PROPS
};

enum {
  SIGNAL_STORY_ACTIVATED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (UpstanderCatalogue, upstander_catalogue, GTK_TYPE_WIDGET)

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Names a story across reloads of the library, which make new scenario objects. */
char *
upstander_catalogue_story_key (UpstanderScenario *scenario)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (scenario), NULL);

  return g_strconcat (upstander_scenario_get_bundle_id (scenario), "/", upstander_scenario_get_id (scenario), NULL);
}

static void
update_state (UpstanderCatalogue *self)
{
  const char *name;

  if (self->library == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->library)) == 0)
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
age_band (UpstanderCatalogue *self,
          guint              *min,
          guint              *max)
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
  UpstanderCatalogue *self = user_data;
  UpstanderScenario *scenario = item;
  guint selected = gtk_drop_down_get_selected (self->topic_dropdown);
  guint min, max;

  /* Only the ages an administrator offers, whichever band is toggled. */
  if (self->settings != NULL &&
      !upstander_settings_get_ages_offered (self->settings,
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
refold_search (UpstanderCatalogue *self)
{
  char *previous = g_steal_pointer (&self->folded_search);

  self->folded_search = upstander_text_fold_for_search (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  return previous;
}

/* The band toggle that stands for who is reading ("adult": all ages). */
static GtkToggleButton *
reader_toggle (UpstanderCatalogue *self,
               const char         *reader)
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
toggled_reader (UpstanderCatalogue *self)
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

/* The entry's text is applied: told once per change, however it came. */
static void
search_applied (UpstanderCatalogue *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (g_strcmp0 (self->search, text) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCH]);
}

static void
filters_changed_cb (UpstanderCatalogue *self)
{
  /* The band filter is who is reading: choosing another band is changing it,
   * unless an administrator locked it (then the toggles are insensitive). */
  if (self->settings != NULL && toggled_reader (self) != NULL &&
      !upstander_settings_get_locked (self->settings, "reader"))
    upstander_settings_set_reader (self->settings, toggled_reader (self));

  g_free (refold_search (self));

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  search_applied (self);
}

static void
search_changed_cb (UpstanderCatalogue *self)
{
  g_autofree char *previous = refold_search (self);
  const char *current = self->folded_search;

  if (g_strcmp0 (previous, current) == 0)
    return;

  /* Typing on only narrows the search and deleting only widens it: the
   * filter model then looks again only at the stories that can change. */
  if (previous == NULL || strstr (current, previous) != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_MORE_STRICT);
  else if (strstr (previous, current) != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
  else
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

  search_applied (self);
}

/*
 * Sets the entry's text for the caller to apply. GtkText empties the entry
 * and then fills it, and the search entry announces an empty search at
 * once: without the block, every search set from here would first show
 * every story, and tell of an empty search, on its way.
 */
static void
set_entry_text (UpstanderCatalogue *self,
                const char         *text)
{
  g_signal_handlers_block_matched (self->search_entry, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, search_changed_cb, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  g_signal_handlers_unblock_matched (self->search_entry, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, search_changed_cb, NULL);
}

static void
reader_changed_cb (UpstanderCatalogue *self)
{
  gtk_toggle_button_set_active (reader_toggle (self, upstander_settings_get_reader (self->settings)), TRUE);
}

/* The band toggles an administrator offers are shown; the others are hidden. */
static void
age_bands_changed_cb (UpstanderCatalogue *self)
{
  GtkToggleButton *toggles[] = { self->age_8_11, self->age_12_14, self->age_15_17 };
  const char *readers[] = { "ages-8-11", "ages-12-14", "ages-15-17" };

  for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
    gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (toggles[i])),
                            upstander_settings_get_reader_offered (self->settings, readers[i]));

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
fill_topics (UpstanderCatalogue *self)
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
  UpstanderCatalogue *self = user_data;
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

/* The library has read its stories (again): topics, search keys, what to show. */
static void
library_loaded_cb (UpstanderCatalogue *self)
{
  if (!upstander_library_get_loaded (self->library))
    return;

  self->prepare_position = 0;
  if (self->prepare_source == 0)
    self->prepare_source = g_idle_add_full (G_PRIORITY_LOW, prepare_search_cb, self, NULL);

  fill_topics (self);
  update_state (self);
}

static void
grid_activate_cb (UpstanderCatalogue *self,
                  guint               position)
{
  GListModel *model = G_LIST_MODEL (gtk_grid_view_get_model (self->grid));
  g_autoptr(UpstanderScenario) scenario = g_list_model_get_item (model, position);

  if (scenario != NULL)
    g_signal_emit (self, signals [SIGNAL_STORY_ACTIVATED], 0, scenario);
}

static void
setup_card_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               UpstanderCatalogue       *self)
{
  gtk_list_item_set_child (item, GTK_WIDGET (upstander_scenario_card_new (self->progress)));
}

static void
bind_card_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              UpstanderCatalogue       *self)
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
                UpstanderCatalogue       *self)
{
  upstander_scenario_card_set_scenario (UPSTANDER_SCENARIO_CARD (gtk_list_item_get_child (item)), NULL);
}

/* Labels and names of the buttons, as the template builds them. */
static void
name_buttons (UpstanderCatalogue *self)
{
  GtkToggleButton *toggles[] = { self->age_all, self->age_8_11, self->age_12_14, self->age_15_17 };

  /* "Todas las edades" at twice the size is wider than half a phone: band
   * names wrap between words, and numbers stay whole and in order in
   * right-to-left text ("8–11" read as "11–8" otherwise). */
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

  /* After the labels are set: setting a label names the button again. */
  upstander_button_set_label_a11y (GTK_WIDGET (self->age_all), _("All ages"));
  upstander_button_set_label_a11y (GTK_WIDGET (self->age_8_11), _("Ages 8 to 11"));
  upstander_button_set_label_a11y (GTK_WIDGET (self->age_12_14), _("Ages 12 to 14"));
  upstander_button_set_label_a11y (GTK_WIDGET (self->age_15_17), _("Ages 15 to 17"));
  upstander_button_set_label_a11y (self->clear_filters_button, _("Show all stories"));
  upstander_button_set_label_a11y (self->classroom_off_button, _("Turn Off Classroom Mode"));
}

static void
clear_filters_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  upstander_catalogue_clear_filters (UPSTANDER_CATALOGUE (widget));
}

static void
upstander_catalogue_constructed (GObject *object)
{
  UpstanderCatalogue *self = (UpstanderCatalogue *)object;

  G_OBJECT_CLASS (upstander_catalogue_parent_class)->constructed (object);

  g_assert (UPSTANDER_IS_LIBRARY (self->library));
  g_assert (UPSTANDER_IS_PROGRESS (self->progress));
  g_assert (UPSTANDER_IS_SETTINGS (self->settings));

  /* The band filter is who is reading: under an administrator's lock the
   * toggles cannot change it, and say why as Preferences does. */
  upstander_settings_bind_lock (self->settings, "reader", G_OBJECT (self->age_all));
  upstander_settings_bind_lock (self->settings, "reader", G_OBJECT (self->age_8_11));
  upstander_settings_bind_lock (self->settings, "reader", G_OBJECT (self->age_12_14));
  upstander_settings_bind_lock (self->settings, "reader", G_OBJECT (self->age_15_17));

  /* Who is reading, and the bands offered, as they are now and as they change. */
  g_signal_connect_object (self->settings, "notify::reader",
                           G_CALLBACK (reader_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "notify::age-bands",
                           G_CALLBACK (age_bands_changed_cb), self, G_CONNECT_SWAPPED);
  reader_changed_cb (self);
  age_bands_changed_cb (self);

  /* Set here, not bound in the template: the state below needs the stories now. */
  gtk_sort_list_model_set_model (self->sorted, G_LIST_MODEL (self->library));
  g_signal_connect_object (self->library, "notify::loaded",
                           G_CALLBACK (library_loaded_cb), self, G_CONNECT_SWAPPED);
  library_loaded_cb (self);
  update_state (self);
}

static void
upstander_catalogue_dispose (GObject *object)
{
  UpstanderCatalogue *self = (UpstanderCatalogue *)object;
  GtkWidget *child;

  /* The filtered stories can outlive the catalogue (a library reload that
   * ends after a quick exit): the filter must not read widgets disposed below. */
  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), UPSTANDER_TYPE_CATALOGUE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_handle_id (&self->prepare_source, g_source_remove);
  g_clear_object (&self->library);
  g_clear_object (&self->progress);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (upstander_catalogue_parent_class)->dispose (object);
}

static void
upstander_catalogue_finalize (GObject *object)
{
  UpstanderCatalogue *self = (UpstanderCatalogue *)object;

  g_clear_pointer (&self->topic_ids, g_ptr_array_unref);
  g_clear_pointer (&self->folded_search, g_free);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (upstander_catalogue_parent_class)->finalize (object);
}

static void
upstander_catalogue_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UpstanderCatalogue *self = UPSTANDER_CATALOGUE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_PROGRESS:
      g_value_set_object (value, self->progress);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_SEARCH:
      g_value_set_string (value, upstander_catalogue_get_search (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_catalogue_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UpstanderCatalogue *self = UPSTANDER_CATALOGUE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_PROGRESS:
      self->progress = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_SEARCH:
      upstander_catalogue_set_search (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_catalogue_class_init (UpstanderCatalogueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = upstander_catalogue_constructed;
  object_class->dispose = upstander_catalogue_dispose;
  object_class->finalize = upstander_catalogue_finalize;
  object_class->get_property = upstander_catalogue_get_property;
  object_class->set_property = upstander_catalogue_set_property;

  /* Notified as the construction ends, so that the template's bindings see them. */
  properties [PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         UPSTANDER_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_PROGRESS] =
    g_param_spec_object ("progress", NULL, NULL,
                         UPSTANDER_TYPE_PROGRESS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         UPSTANDER_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* The search entry's text, as the stories shown are filtered by it. */
  properties [PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A story was chosen: its card activated. */
  signals [SIGNAL_STORY_ACTIVATED] =
    g_signal_new ("story-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, UPSTANDER_TYPE_SCENARIO);

  g_type_ensure (UPSTANDER_TYPE_SETTINGS);
  g_type_ensure (UPSTANDER_TYPE_LIBRARY);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cataloguepage");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-catalogue.ui");
  gtk_widget_class_bind_template_child (widget_class, UpstanderCatalogue, filter);
  gtk_widget_class_bind_template_child (widget_class, UpstanderCatalogue, sorter);
  gtk_widget_class_bind_template_child (widget_class, UpstanderCatalogue, sorted);
  gtk_widget_class_bind_template_child (widget_class, UpstanderCatalogue, filtered);
  gtk_widget_class_bind_template_child (widget_class, UpstanderCatalogue, catalogue_stack);
  gtk_widget_class_bind_template_child (widget_class, UpstanderCatalogue, empty_page);
  gtk_widget_class_bind_template_child (widget_class, UpstanderCatalogue, no_match_page);
  gtk_widget_class_bind_template_child (widget_class, UpstanderCatalogue, grid);
  gtk_widget_class_bind_template_child (widget_class, UpstanderCatalogue, search_entry);
  gtk_widget_class_bind_template_child (widget_class, UpstanderCatalogue, topic_dropdown);
  gtk_widget_class_bind_template_child (widget_class, UpstanderCatalogue, age_all);
  gtk_widget_class_bind_template_child (widget_class, UpstanderCatalogue, age_8_11);
  gtk_widget_class_bind_template_child (widget_class, UpstanderCatalogue, age_12_14);
  gtk_widget_class_bind_template_child (widget_class, UpstanderCatalogue, age_15_17);
  gtk_widget_class_bind_template_child (widget_class, UpstanderCatalogue, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, UpstanderCatalogue, classroom_off_button);
  gtk_widget_class_bind_template_callback (widget_class, grid_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_state);

  gtk_widget_class_install_action (widget_class, "catalogue.clear-filters", NULL, clear_filters_activated);
}

static void
upstander_catalogue_init (UpstanderCatalogue *self)
{
  GtkListItemFactory *factory;

  self->topic_ids = g_ptr_array_new_with_free_func (g_free);
  self->search = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_custom_sorter_set_sort_func (self->sorter, sort_func, NULL, NULL);
  gtk_custom_filter_set_filter_func (self->filter, filter_func, self, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_card_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_card_cb), self);
  gtk_grid_view_set_factory (self->grid, factory);
  g_object_unref (factory);

  name_buttons (self);
}

UpstanderCatalogue *
upstander_catalogue_new (UpstanderLibrary  *library,
                         UpstanderProgress *progress,
                         UpstanderSettings *settings)
{
  g_return_val_if_fail (UPSTANDER_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (UPSTANDER_IS_PROGRESS (progress), NULL);
  g_return_val_if_fail (UPSTANDER_IS_SETTINGS (settings), NULL);

  return g_object_new (UPSTANDER_TYPE_CATALOGUE,
                       "library", library,
                       "progress", progress,
                       "settings", settings,
                       NULL);
}

/* The stories shown, filtered and sorted. */
GListModel *
upstander_catalogue_get_stories (UpstanderCatalogue *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CATALOGUE (self), NULL);

  return G_LIST_MODEL (gtk_grid_view_get_model (self->grid));
}

const char *
upstander_catalogue_get_search (UpstanderCatalogue *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CATALOGUE (self), NULL);

  return self->search;
}

/* Searches for @text at once, without the entry's delay. */
void
upstander_catalogue_set_search (UpstanderCatalogue *self,
                                const char         *text)
{
  g_return_if_fail (UPSTANDER_IS_CATALOGUE (self));

  set_entry_text (self, text != NULL ? text : "");
  filters_changed_cb (self);
}

/* Every story again: no search, all ages (unless locked), all topics. */
void
upstander_catalogue_clear_filters (UpstanderCatalogue *self)
{
  g_return_if_fail (UPSTANDER_IS_CATALOGUE (self));

  set_entry_text (self, "");
  if (!upstander_settings_get_locked (self->settings, "reader"))
    gtk_toggle_button_set_active (self->age_all, TRUE);
  gtk_drop_down_set_selected (self->topic_dropdown, 0);
  filters_changed_cb (self);
}

/* Searches and filters as @other does (a window that takes another's place). */
void
upstander_catalogue_take_filters (UpstanderCatalogue *self,
                                  UpstanderCatalogue *other)
{
  g_return_if_fail (UPSTANDER_IS_CATALOGUE (self));
  g_return_if_fail (UPSTANDER_IS_CATALOGUE (other));

  set_entry_text (self, upstander_catalogue_get_search (other));
  gtk_toggle_button_set_active (self->age_8_11, gtk_toggle_button_get_active (other->age_8_11));
  gtk_toggle_button_set_active (self->age_12_14, gtk_toggle_button_get_active (other->age_12_14));
  gtk_toggle_button_set_active (self->age_15_17, gtk_toggle_button_get_active (other->age_15_17));
  gtk_drop_down_set_selected (self->topic_dropdown, gtk_drop_down_get_selected (other->topic_dropdown));
  filters_changed_cb (self);
}

void
upstander_catalogue_focus_search (UpstanderCatalogue *self)
{
  g_return_if_fail (UPSTANDER_IS_CATALOGUE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
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
      card_key = upstander_catalogue_story_key (scenario);
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
 * Scrolls to the card of the story named @key (upstander_catalogue_story_key())
 * and focuses it, so that a keyboard user back from a story carries on from
 * where they were. Nothing happens while the grid is not shown.
 */
void
upstander_catalogue_focus_story (UpstanderCatalogue *self,
                                 const char         *key)
{
  GListModel *stories;
  UpstanderScenarioCard *card;

  g_return_if_fail (UPSTANDER_IS_CATALOGUE (self));

  stories = upstander_catalogue_get_stories (self);
  if (key == NULL || g_strcmp0 (gtk_stack_get_visible_child_name (self->catalogue_stack), "grid") != 0)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr(UpstanderScenario) scenario = g_list_model_get_item (stories, i);
      g_autofree char *scenario_key = upstander_catalogue_story_key (scenario);

      if (g_str_equal (scenario_key, key))
        {
          gtk_widget_activate_action (GTK_WIDGET (self->grid), "list.scroll-to-item", "u", i);
          break;
        }
    }

  card = find_card (GTK_WIDGET (self->grid), key);
  /* The card's parent is the grid's focusable cell. */
  if (card == NULL || !gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (card))))
    gtk_widget_grab_focus (GTK_WIDGET (self->grid));
}
