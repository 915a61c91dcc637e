/* upstander-workshop-page.c: the story workshop: write, check, play, share a story without XML
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "upstander-file.h"
#include "upstander-avatar.h"
#include "upstander-util.h"
#include "upstander-words.h"
#include "upstander-workshop-page.h"

/*
 * The page edits one UpstanderWorkshopStory. Its lists are GtkListBoxes
 * bound to the story's list models; every field writes through
 * upstander_workshop_story_set(), so every edit can be undone, and follows
 * the model back when an undo changes it.
 *
 * A short while after each edit the story is checked (by the real loader,
 * through the model) and kept as a draft under $XDG_DATA_HOME/upstander/drafts/.
 * Problems are shown next to the item they concern. Only a story that
 * passes can be played, shared or added to the catalogue, which means
 * written to $XDG_DATA_HOME/upstander/bundles/.
 *
 * Combo rows that pick a scene, an ending or a person watch lists that
 * change under them: while a list is changing (from its items-changed to
 * the story's "changed"), a selection that moves on its own is not an
 * edit, and afterwards every combo row is set from the model again.
 */

#define CHECK_DELAY_MS 250
#define MAX_SHOWN_DIAGNOSTICS 20
#define READ_CHUNK 65536

/*
 * A closed list of values a property takes: as the bundle writes each one,
 * and as the reader sees it. Places, effects and outcomes are said by the
 * words unit, like everywhere else a story is shown.
 */
typedef struct
{
  guint        n_values;
  const char *(*value) (guint index);
  const char *(*label) (guint index);
} Values;

typedef struct
{
  const char *value;
  const char *label;
} Value;

static const Value age_table[] = {
  { "8-11", N_("Ages 8 to 11") },
  { "12-14", N_("Ages 12 to 14") },
  { "15-17", N_("Ages 15 to 17") },
};

static const Value role_table[] = {
  { "", N_("Someone in the story") },
  { "target", N_("The one being bullied") },
  { "friend", N_("A friend") },
  { "adult", N_("An adult") },
};

static const char *age_value (guint index) { return age_table[index].value; }
static const char *age_label (guint index) { return _(age_table[index].label); }
static const char *role_value (guint index) { return role_table[index].value; }
static const char *role_label (guint index) { return _(role_table[index].label); }
static const char *place_value (guint index) { return upstander_place_to_string (index); }
static const char *place_label (guint index) { return upstander_place_name (index); }
static const char *effect_value (guint index) { return upstander_effect_to_string (index); }
static const char *effect_label (guint index) { return upstander_effect_word (index); }
static const char *outcome_value (guint index) { return upstander_outcome_to_string (index); }
static const char *outcome_label (guint index) { return upstander_outcome_word (index); }

static const Values age_values = { G_N_ELEMENTS (age_table), age_value, age_label };
static const Values role_values = { G_N_ELEMENTS (role_table), role_value, role_label };
static const Values place_values = { UPSTANDER_PLACE_OUTDOORS + 1, place_value, place_label };
static const Values effect_values = { UPSTANDER_EFFECT_HARMFUL + 1, effect_value, effect_label };
static const Values outcome_values = { UPSTANDER_OUTCOME_NEGATIVE + 1, outcome_value, outcome_label };

struct _UpstanderWorkshopPage
{
  GtkWidget               parent_instance;

  UpstanderLibrary       *library;
  UpstanderProgress      *progress;      /* nullable: endings found in the stories made here */
  UpstanderWorkshopStory *story;
  UpstanderBundle        *passing;       /* the story as loaded, when it passes */
  UpstanderBundle        *playing;       /* kept while the player shows it */
  GPtrArray              *problems;      /* UpstanderWorkshopProblem */
  GHashTable             *sinks;         /* item → the widget that shows its problems */
  GHashTable             *headings;      /* item → the heading of its card, numbered */
  GListStore             *no_target;
  GListStore             *narration;
  GtkFlattenListModel    *targets;
  GtkFlattenListModel    *speakers;
  GtkFileChooserNative   *chooser;
  gboolean                user_bundles_off; /* an administrator turned off the user's bundles */
  char                   *data_dir;
  guint                   check_source;
  gboolean                quiet;         /* a list is changing: selections move by themselves */
  gboolean                away;          /* the player shows the story: focus comes back on return */
  GtkWidget              *focus_before;  /* weak: where the keyboard was when the story was played */

  AdwToastOverlay        *toast_overlay;
  GtkWidget              *toolbar;
  GtkWidget              *play_button;
  GtkLabel               *status_label;
  GtkWidget              *publish_button;
  GtkWidget              *drafts_group;
  GtkListBox             *drafts_list;
  AdwEntryRow            *title_row;
  AdwEntryRow            *summary_row;
  AdwEntryRow            *goal_row;
  AdwComboRow            *ages_row;
  AdwExpanderRow         *topics_row;
  GtkLabel               *story_problems_label;
  GtkLabel               *story_notes_label;
  GtkListBox             *cast_list;
  GtkListBox             *scenes_list;
  GtkListBox             *endings_list;
  GtkListBox             *map_list;
  GPtrArray              *topic_checks;  /* GtkCheckButton, borrowed; each knows its topic */
};

enum {
  SIGNAL_PLAY,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (UpstanderWorkshopPage, upstander_workshop_page, GTK_TYPE_WIDGET)

static guint signals [N_SIGNALS];

static void schedule_check (UpstanderWorkshopPage *self);
static void reload_library (UpstanderWorkshopPage *self);

/* Words. */

static const char *
problem_words (const UpstanderWorkshopProblem *problem)
{
  switch (problem->kind)
    {
    case UPSTANDER_WORKSHOP_PROBLEM_NO_TITLE: return _("The story needs a title.");
    case UPSTANDER_WORKSHOP_PROBLEM_NO_SUMMARY: return _("Say what happens in a sentence or two.");
    case UPSTANDER_WORKSHOP_PROBLEM_NO_GOAL: return _("Say what players should learn.");
    case UPSTANDER_WORKSHOP_PROBLEM_NO_TOPIC: return _("Pick at least one topic.");
    case UPSTANDER_WORKSHOP_PROBLEM_NO_SCENE: return _("Add a scene.");
    case UPSTANDER_WORKSHOP_PROBLEM_NO_ENDING: return _("Add an ending.");
    case UPSTANDER_WORKSHOP_PROBLEM_NO_NAME: return _("This person needs a name.");
    case UPSTANDER_WORKSHOP_PROBLEM_EMPTY_LINE: return _("This line is empty.");
    case UPSTANDER_WORKSHOP_PROBLEM_UNKNOWN_SPEAKER: return _("The person saying this line is no longer in the cast.");
    case UPSTANDER_WORKSHOP_PROBLEM_NO_WAY_ON: return _("This scene is a dead end: add choices, or say where it goes on to.");
    case UPSTANDER_WORKSHOP_PROBLEM_ONE_CHOICE: return _("A decision needs at least two choices.");
    case UPSTANDER_WORKSHOP_PROBLEM_NO_PROMPT: return _("Ask the player a question before the choices.");
    case UPSTANDER_WORKSHOP_PROBLEM_NO_LABEL: return _("Say what this choice’s button says.");
    case UPSTANDER_WORKSHOP_PROBLEM_NO_FEEDBACK: return _("Every choice needs feedback: why it helps or not.");
    case UPSTANDER_WORKSHOP_PROBLEM_NO_NEXT: return _("Say which scene or ending this leads to.");
    case UPSTANDER_WORKSHOP_PROBLEM_ENDING_NO_TITLE: return _("This ending needs a title.");
    case UPSTANDER_WORKSHOP_PROBLEM_ENDING_NO_TEXT: return _("Say what happens in this ending.");
    case UPSTANDER_WORKSHOP_PROBLEM_ENDING_NO_TAKEAWAY: return _("Say what the player can take away from this ending.");
    case UPSTANDER_WORKSHOP_PROBLEM_TOO_LONG: return _("A text here is too long. Titles and buttons may have 200 characters, other texts 4000.");
    case UPSTANDER_WORKSHOP_PROBLEM_NO_ENDING_REACHABLE: return _("No ending can be reached from this scene.");
    case UPSTANDER_WORKSHOP_PROBLEM_NO_QUESTION: return _("Tip: a question for class discussion helps teachers.");
    case UPSTANDER_WORKSHOP_PROBLEM_NO_NOTES: return _("Tip: notes for the teacher in at least one scene help in class.");
    case UPSTANDER_WORKSHOP_PROBLEM_UNREACHABLE: return _("No choice leads here yet.");
    case UPSTANDER_WORKSHOP_PROBLEM_PHONE_NUMBER:
    case UPSTANDER_WORKSHOP_PROBLEM_ADDRESS:
    case UPSTANDER_WORKSHOP_PROBLEM_FULL_NAME:
    case UPSTANDER_WORKSHOP_PROBLEM_ENGINE:
    default:
      return NULL;
    }
}

/* One sentence for @problem in the reader's language; the engine's own rules speak English. */
static char *
dup_problem_text (const UpstanderWorkshopProblem *problem)
{
  const char *words = problem_words (problem);
  const char *found = problem->message != NULL ? problem->message : "";

  if (words != NULL)
    return g_strdup (words);

  switch (problem->kind)
    {
    case UPSTANDER_WORKSHOP_PROBLEM_PHONE_NUMBER:
      /* Translators: %s is the text from the story that looks like a phone number */
      return g_strdup_printf (_("“%s” looks like a phone number. Stories never hold real phone numbers."), found);
    case UPSTANDER_WORKSHOP_PROBLEM_ADDRESS:
      /* Translators: %s is the text from the story that looks like an address */
      return g_strdup_printf (_("“%s” looks like an address. Keep real places and addresses out of stories."), found);
    case UPSTANDER_WORKSHOP_PROBLEM_FULL_NAME:
      /* Translators: %s is the text from the story that looks like someone's first and last name */
      return g_strdup_printf (_("“%s” looks like a full name. Use made-up first names only."), found);
    case UPSTANDER_WORKSHOP_PROBLEM_ENGINE:
    default:
      /* Translators: %s is a message from the story checker, in English */
      return g_strdup_printf (_("The story checker says: %s"), found);
    }
}

static const char *
value_label (const Values *values,
             const char   *value)
{
  for (guint i = 0; i < values->n_values; i++)
    if (g_strcmp0 (values->value (i), value) == 0)
      return values->label (i);

  return "";
}

/* What a scene or an ending is called in lists: its title, else what it is. */
static char *
item_display_name (UpstanderWorkshopItem *item)
{
  const char *title;

  if (item == NULL)
    return g_strdup ("");

  title = upstander_workshop_item_get (item, "title");
  if (title[0] != '\0')
    return g_strdup (title);

  switch (upstander_workshop_item_get_kind (item))
    {
    case UPSTANDER_WORKSHOP_SCENE:
      /* Translators: a scene without a name yet; %s is where it happens, e.g. "At school" */
      return g_strdup_printf (_("Untitled scene (%s)"),
                              value_label (&place_values, upstander_workshop_item_get (item, "place")));
    case UPSTANDER_WORKSHOP_ENDING:
      return g_strdup (_("Untitled ending"));
    default:
      return g_strdup ("");
    }
}

/* Problems shown next to their item. */

static void
sink_destroyed_cb (UpstanderWorkshopPage *self,
                   GtkWidget             *sink)
{
  GHashTable *tables[] = { self->sinks, self->headings };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, tables[i]);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (value == sink)
          g_hash_table_iter_remove (&iter);
    }
}

/* @sink shows the problems of @item: a label under a card, or the entry row of a line. */
static void
register_sink (UpstanderWorkshopPage *self,
               UpstanderWorkshopItem *item,
               GtkWidget             *sink)
{
  g_hash_table_replace (self->sinks, item, sink);
  g_signal_connect_object (sink, "destroy", G_CALLBACK (sink_destroyed_cb), self, G_CONNECT_SWAPPED);
}

/* Errors and tips apart: what stops the story in red, what would improve it dimmed. */
static void
show_problems_in (GtkWidget  *sink,
                  const char *errors,
                  const char *warnings)
{
  gboolean any_error = errors != NULL && errors[0] != '\0';
  gboolean any_warning = warnings != NULL && warnings[0] != '\0';
  g_autofree char *both = NULL;

  if (GTK_IS_LABEL (sink))
    {
      GtkWidget *notes = g_object_get_data (G_OBJECT (sink), "warnings");

      gtk_label_set_text (GTK_LABEL (sink), any_error ? errors : "");
      gtk_widget_set_visible (sink, any_error);
      gtk_label_set_text (GTK_LABEL (notes), any_warning ? warnings : "");
      gtk_widget_set_visible (notes, any_warning);
      return;
    }

  /* A row (a line, a person): it turns red, says the problem in its tooltip and to a screen reader. */
  both = g_strjoin (any_error && any_warning ? "\n" : "", any_error ? errors : "", any_warning ? warnings : "", NULL);
  gtk_widget_set_tooltip_text (sink, both[0] != '\0' ? both : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sink), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, both, -1);
  if (any_error)
    gtk_widget_add_css_class (sink, "error");
  else
    gtk_widget_remove_css_class (sink, "error");
  /* Lines have a warning sign; a person's name row only its red. */
  if (g_object_get_data (G_OBJECT (sink), "warning-icon") != NULL)
    gtk_widget_set_visible (g_object_get_data (G_OBJECT (sink), "warning-icon"), both[0] != '\0');
}

static gboolean
item_has_error (UpstanderWorkshopPage *self,
                UpstanderWorkshopItem *item)
{
  for (guint i = 0; self->problems != NULL && i < self->problems->len; i++)
    {
      const UpstanderWorkshopProblem *problem = g_ptr_array_index (self->problems, i);

      if (problem->severity == UPSTANDER_SEVERITY_ERROR && problem->item == item)
        return TRUE;
    }

  return FALSE;
}

/* A scene is unfinished when it, one of its lines or one of its choices has an error. */
static gboolean
scene_unfinished (UpstanderWorkshopPage *self,
                  UpstanderWorkshopItem *scene)
{
  GListModel *lists[] = { upstander_workshop_item_get_lines (scene), upstander_workshop_item_get_choices (scene) };

  if (item_has_error (self, scene))
    return TRUE;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(UpstanderWorkshopItem) item = g_list_model_get_item (lists[l], i);

        if (item_has_error (self, item))
          return TRUE;
      }

  return FALSE;
}

static void
string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

static void
append_line (GHashTable *texts,
             gpointer    key,
             const char *text)
{
  GString *out = g_hash_table_lookup (texts, key);

  if (out == NULL)
    g_hash_table_insert (texts, key, out = g_string_new (NULL));
  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append (out, text);
}

static const char *
text_of (GHashTable *texts,
         gpointer    key)
{
  GString *text = g_hash_table_lookup (texts, key);

  return text != NULL ? text->str : NULL;
}

/* Each problem under its item; the story's own, and any whose item is not shown, under the story. */
static void
update_problem_sinks (UpstanderWorkshopPage *self)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (NULL, NULL, NULL, string_free);
  g_autoptr(GHashTable) warnings = g_hash_table_new_full (NULL, NULL, NULL, string_free);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < self->problems->len; i++)
    {
      const UpstanderWorkshopProblem *problem = g_ptr_array_index (self->problems, i);
      g_autofree char *text = dup_problem_text (problem);
      gpointer where = problem->item != NULL && g_hash_table_contains (self->sinks, problem->item)
                       ? (gpointer) problem->item : (gpointer) self;

      append_line (problem->severity == UPSTANDER_SEVERITY_ERROR ? errors : warnings, where, text);
    }

  g_hash_table_iter_init (&iter, self->sinks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    show_problems_in (value, text_of (errors, key), text_of (warnings, key));

  show_problems_in (GTK_WIDGET (self->story_problems_label), text_of (errors, self), text_of (warnings, self));
}

/* "Scene 2", "Choice 1": the heading of the card of the @index-th item of its list. */
static char *
dup_card_heading (UpstanderWorkshopKind kind,
                  guint                 index)
{
  switch (kind)
    {
    case UPSTANDER_WORKSHOP_SCENE:
      if (index == 0)
        /* Translators: the heading of the first scene's card; %u is its number, 1 */
        return g_strdup_printf (_("Scene %u: the start"), index + 1);
      return g_strdup_printf (_("Scene %u"), index + 1);
    case UPSTANDER_WORKSHOP_ENDING:
      return g_strdup_printf (_("Ending %u"), index + 1);
    case UPSTANDER_WORKSHOP_CHOICE:
      return g_strdup_printf (_("Choice %u"), index + 1);
    default:
      return NULL;
    }
}

/* Numbers the cards of @items, and their lists say the same to a screen reader. */
static void
number_cards (UpstanderWorkshopPage *self,
              GListModel            *items)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(UpstanderWorkshopItem) item = g_list_model_get_item (items, i);
      GtkWidget *heading = g_hash_table_lookup (self->headings, item);
      g_autofree char *text = dup_card_heading (upstander_workshop_item_get_kind (item), i);

      if (heading == NULL || text == NULL)
        continue;
      gtk_label_set_text (GTK_LABEL (heading), text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (g_object_get_data (G_OBJECT (heading), "fields")),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
}

static void
number_all_cards (UpstanderWorkshopPage *self)
{
  GListModel *scenes = upstander_workshop_story_get_scenes (self->story);

  number_cards (self, scenes);
  number_cards (self, upstander_workshop_story_get_endings (self->story));
  for (guint i = 0; i < g_list_model_get_n_items (scenes); i++)
    {
      g_autoptr(UpstanderWorkshopItem) scene = g_list_model_get_item (scenes, i);

      number_cards (self, upstander_workshop_item_get_choices (scene));
    }
}

/* The scene map: each scene, where it leads, and what is unfinished. */
static void
update_map (UpstanderWorkshopPage *self)
{
  GListModel *scenes = upstander_workshop_story_get_scenes (self->story);
  GListModel *endings = upstander_workshop_story_get_endings (self->story);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->map_list))) != NULL)
    gtk_list_box_remove (self->map_list, child);

  for (guint i = 0; i < g_list_model_get_n_items (scenes); i++)
    {
      g_autoptr(UpstanderWorkshopItem) scene = g_list_model_get_item (scenes, i);
      GListModel *choices = upstander_workshop_item_get_choices (scene);
      g_autoptr(GString) leads = g_string_new (NULL);
      g_autofree char *name = item_display_name (scene);
      g_autofree char *title = NULL;
      GtkWidget *row = adw_action_row_new ();
      gboolean unfinished = scene_unfinished (self, scene);

      for (guint c = 0; c < MAX (g_list_model_get_n_items (choices), 1); c++)
        {
          g_autoptr(UpstanderWorkshopItem) choice = g_list_model_get_item (choices, c);
          const char *next = upstander_workshop_item_get (choice != NULL ? choice : scene, "next");
          UpstanderWorkshopItem *target = upstander_workshop_story_lookup (self->story, next);
          g_autofree char *target_name = target != NULL ? item_display_name (target) : g_strdup ("?");

          if (choice == NULL && next[0] == '\0')
            break;
          if (leads->len > 0)
            g_string_append (leads, ", ");
          g_string_append (leads, target_name);
        }

      if (i == 0)
        /* Translators: the first scene in the scene map; %u is its number, %s its name */
        title = g_strdup_printf (_("%u. %s (start)"), i + 1, name);
      else
        /* Translators: a scene in the scene map; %u is its number, %s its name */
        title = g_strdup_printf (_("%u. %s"), i + 1, name);

      /* Story text is plain text: never markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (leads->len > 0)
        {
          /* Translators: in the scene map, where a scene leads; %s lists scenes and endings */
          g_autofree char *subtitle = g_strdup_printf (_("Leads to: %s"), leads->str);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      else
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Leads nowhere yet"));
        }
      if (unfinished)
        {
          GtkWidget *mark = gtk_label_new (_("Unfinished"));

          gtk_widget_add_css_class (mark, "warning");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
        }
      gtk_list_box_append (self->map_list, row);
    }

  for (guint i = 0; i < g_list_model_get_n_items (endings); i++)
    {
      g_autoptr(UpstanderWorkshopItem) ending = g_list_model_get_item (endings, i);
      g_autofree char *name = item_display_name (ending);
      /* Translators: an ending in the scene map; %s is its title */
      g_autofree char *title = g_strdup_printf (_("Ending: %s"), name);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   value_label (&outcome_values, upstander_workshop_item_get (ending, "outcome")));
      if (item_has_error (self, ending))
        {
          GtkWidget *mark = gtk_label_new (_("Unfinished"));

          gtk_widget_add_css_class (mark, "warning");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
        }
      gtk_list_box_append (self->map_list, row);
    }
}

static void
update_actions (UpstanderWorkshopPage *self)
{
  gboolean passes = self->passing != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshop.undo",
                                 self->story != NULL && upstander_workshop_story_can_undo (self->story));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshop.redo",
                                 self->story != NULL && upstander_workshop_story_can_redo (self->story));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshop.play", passes);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshop.present", passes);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshop.export", passes);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshop.publish", passes);
}

static void
update_status (UpstanderWorkshopPage *self)
{
  guint n_errors = upstander_workshop_count_errors (self->problems);
  g_autofree char *status = NULL;

  if (n_errors > 0)
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "A draft: %u thing to finish before it can be played. It is saved as you write.",
                                           "A draft: %u things to finish before it can be played. It is saved as you write.",
                                           n_errors),
                              n_errors);
  else
    status = g_strdup (_("Ready: play it, share it or add it to the catalogue."));

  gtk_label_set_text (self->status_label, status);
}

/* Checking and saving. */

static char *
drafts_dir (UpstanderWorkshopPage *self)
{
  return g_build_filename (self->data_dir, "drafts", NULL);
}

static char *
bundles_dir (UpstanderWorkshopPage *self)
{
  return g_build_filename (self->data_dir, "bundles", NULL);
}

char *
upstander_workshop_page_dup_draft_path (UpstanderWorkshopPage *self)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_PAGE (self), NULL);

  if (self->story == NULL)
    return NULL;

  dir = drafts_dir (self);
  name = g_strconcat (upstander_workshop_story_get_bundle_id (self->story), ".xml", NULL);

  return g_build_filename (dir, name, NULL);
}

/* Atomically, readable only by this user: a story may hold what a class wrote. */
static gboolean
write_file (const char  *dir,
            const char  *path,
            GBytes      *bytes,
            GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("The folder %s cannot be made: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* The reason alone, such as “No space left on device”: callers say what failed. */
  return upstander_file_replace (path, data, size, 0600, error);
}

static void
save_draft (UpstanderWorkshopPage *self)
{
  g_autofree char *dir = drafts_dir (self);
  g_autofree char *path = upstander_workshop_page_dup_draft_path (self);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gboolean existed = g_file_test (path, G_FILE_TEST_EXISTS);

  /* A story nobody has touched yet is not worth a file. */
  if (!upstander_workshop_story_can_undo (self->story) && !existed)
    return;

  bytes = upstander_workshop_story_to_bytes (self->story);
  if (!write_file (dir, path, bytes, &error))
    {
      g_autofree char *status = g_strdup_printf (_("This draft cannot be saved: %s"), error->message);

      gtk_label_set_text (self->status_label, status);
      return;
    }

  /* A new draft joins Your Stories at once, where it can be deleted. */
  if (!existed)
    upstander_workshop_page_refresh_drafts (self);
}

void
upstander_workshop_page_check_now (UpstanderWorkshopPage *self)
{
  g_return_if_fail (UPSTANDER_IS_WORKSHOP_PAGE (self));

  g_clear_handle_id (&self->check_source, g_source_remove);
  if (self->story == NULL)
    return;

  g_clear_object (&self->passing);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = upstander_workshop_story_check (self->story, &self->passing);

  update_problem_sinks (self);
  number_all_cards (self);
  update_map (self);
  update_status (self);
  update_actions (self);
  save_draft (self);
}

static gboolean
check_timeout_cb (gpointer user_data)
{
  UpstanderWorkshopPage *self = user_data;

  self->check_source = 0;
  upstander_workshop_page_check_now (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_check (UpstanderWorkshopPage *self)
{
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (CHECK_DELAY_MS, check_timeout_cb, self);
}

/* Fields bound to the model. */

static gboolean
is_syncing (gpointer widget)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "syncing"));
}

static void
set_syncing (gpointer widget,
             gboolean syncing)
{
  g_object_set_data (G_OBJECT (widget), "syncing", GINT_TO_POINTER (syncing));
}

static void
entry_changed_cb (GtkEditable           *entry,
                  UpstanderWorkshopPage *self)
{
  GObject *object = g_object_get_data (G_OBJECT (entry), "object");
  const char *property = g_object_get_data (G_OBJECT (entry), "property");

  if (is_syncing (entry) || self->story == NULL)
    return;

  upstander_workshop_story_set (self->story, object, property, gtk_editable_get_text (entry));
}

static void
entry_follow_model_cb (GtkEditable *entry)
{
  GObject *object = g_object_get_data (G_OBJECT (entry), "object");
  const char *property = g_object_get_data (G_OBJECT (entry), "property");
  g_autofree char *value = NULL;

  g_object_get (object, property, &value, NULL);
  if (g_strcmp0 (value, gtk_editable_get_text (entry)) == 0)
    return;

  set_syncing (entry, TRUE);
  gtk_editable_set_text (entry, value);
  set_syncing (entry, FALSE);
}

/* @entry edits @property of @object through the story, and follows it when an undo changes it. */
static void
bind_entry (UpstanderWorkshopPage *self,
            GtkWidget             *entry,
            gpointer               object,
            const char            *property)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  g_object_set_data_full (G_OBJECT (entry), "object", g_object_ref (object), g_object_unref);
  g_object_set_data (G_OBJECT (entry), "property", (gpointer) g_intern_string (property));
  /* The story's undo covers every field; the entry's own would only undo half of it. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (entry), FALSE);
  entry_follow_model_cb (GTK_EDITABLE (entry));
  g_signal_connect_object (entry, "changed", G_CALLBACK (entry_changed_cb), self, 0);
  g_signal_connect_object (object, signal, G_CALLBACK (entry_follow_model_cb), entry, G_CONNECT_SWAPPED);
}

static GtkWidget *
new_entry_row (UpstanderWorkshopPage *self,
               const char            *title,
               gpointer               object,
               const char            *property)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  bind_entry (self, row, object, property);

  return row;
}

/* Combo rows over a fixed list of values. */

static void
values_combo_selected_cb (AdwComboRow           *row,
                          GParamSpec            *pspec,
                          UpstanderWorkshopPage *self)
{
  const Values *values = g_object_get_data (G_OBJECT (row), "values");
  GObject *object = g_object_get_data (G_OBJECT (row), "object");
  const char *property = g_object_get_data (G_OBJECT (row), "property");
  guint selected = adw_combo_row_get_selected (row);

  if (is_syncing (row) || self->story == NULL || selected >= values->n_values)
    return;

  upstander_workshop_story_set (self->story, object, property, values->value (selected));
}

static void
values_combo_follow_model_cb (AdwComboRow *row)
{
  const Values *values = g_object_get_data (G_OBJECT (row), "values");
  GObject *object = g_object_get_data (G_OBJECT (row), "object");
  const char *property = g_object_get_data (G_OBJECT (row), "property");
  g_autofree char *value = NULL;

  g_object_get (object, property, &value, NULL);
  for (guint i = 0; i < values->n_values; i++)
    if (g_strcmp0 (values->value (i), value) == 0)
      {
        set_syncing (row, TRUE);
        adw_combo_row_set_selected (row, i);
        set_syncing (row, FALSE);
        return;
      }
}

static void
bind_values_combo (UpstanderWorkshopPage *self,
                   AdwComboRow           *row,
                   const Values          *values,
                   gpointer               object,
                   const char            *property)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  for (guint i = 0; i < values->n_values; i++)
    gtk_string_list_append (labels, values->label (i));

  g_object_set_data (G_OBJECT (row), "values", (gpointer) values);
  g_object_set_data_full (G_OBJECT (row), "object", g_object_ref (object), g_object_unref);
  g_object_set_data (G_OBJECT (row), "property", (gpointer) g_intern_string (property));
  set_syncing (row, TRUE);
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  set_syncing (row, FALSE);
  values_combo_follow_model_cb (row);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (values_combo_selected_cb), self, 0);
  g_signal_connect_object (object, signal, G_CALLBACK (values_combo_follow_model_cb), row, G_CONNECT_SWAPPED);
}

static GtkWidget *
new_values_row (UpstanderWorkshopPage *self,
                const char            *title,
                const Values          *values,
                gpointer               object,
                const char            *property)
{
  GtkWidget *row = adw_combo_row_new ();

  /* The value wraps under the title rather than pushing the row wider. */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  bind_values_combo (self, ADW_COMBO_ROW (row), values, object, property);

  return row;
}

/* Drop-downs inside rows: their button ellipsizes, so a row fits a 360 px window in any language. */

static void
setup_short_label_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_short_label_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     GtkExpression            *expression)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GObject *object = gtk_list_item_get_item (item);

  /* Plain text, whatever the story holds. */
  if (object != NULL && gtk_expression_evaluate (expression, object, &value))
    gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), g_value_get_string (&value));
}

static void
setup_full_label_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
set_short_factory (GtkDropDown   *drop_down,
                   GtkExpression *expression)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkListItemFactory *list_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_short_label_cb), NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_short_label_cb),
                         gtk_expression_ref (expression), (GClosureNotify) gtk_expression_unref, 0);
  /* The list that opens shows whole names. */
  g_signal_connect_data (list_factory, "bind", G_CALLBACK (bind_short_label_cb),
                         gtk_expression_ref (expression), (GClosureNotify) gtk_expression_unref, 0);
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_full_label_cb), NULL);
  gtk_drop_down_set_factory (drop_down, factory);
  gtk_drop_down_set_list_factory (drop_down, list_factory);
  g_object_unref (factory);
  g_object_unref (list_factory);
}

/* Combo rows over the story's own lists: where a choice leads, who says a line. */

static char *
target_name_cb (UpstanderWorkshopItem *item,
                const char            *title,
                gpointer               user_data)
{
  return item_display_name (item);
}

static char *
speaker_name_cb (UpstanderWorkshopItem *item,
                 const char            *name,
                 gpointer               user_data)
{
  /* Never a blank: a screen reader would name the empty label after its type. */
  return g_strdup (name != NULL && name[0] != '\0' ? name : _("No name yet"));
}

static void
item_combo_selected_cb (GObject               *combo,
                        GParamSpec            *pspec,
                        UpstanderWorkshopPage *self)
{
  GObject *object = g_object_get_data (combo, "object");
  const char *property = g_object_get_data (combo, "property");
  g_autoptr(UpstanderWorkshopItem) picked = NULL;
  guint selected;

  if (is_syncing (combo) || self->quiet || self->story == NULL)
    return;

  g_object_get (combo, "selected", &selected, NULL);
  picked = g_list_model_get_item (g_object_get_data (combo, "items"), selected);
  if (picked != NULL)
    upstander_workshop_story_set (self->story, object, property, upstander_workshop_item_get_id (picked));
}

static void
item_combo_follow_model_cb (GObject *combo)
{
  GObject *object = g_object_get_data (combo, "object");
  const char *property = g_object_get_data (combo, "property");
  GListModel *items = g_object_get_data (combo, "items");
  g_autofree char *value = NULL;
  guint position = 0;

  g_object_get (object, property, &value, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(UpstanderWorkshopItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (upstander_workshop_item_get_id (item), value) == 0)
        {
          position = i;
          break;
        }
    }

  set_syncing (combo, TRUE);
  g_object_set (combo, "selected", position, NULL);
  set_syncing (combo, FALSE);
}

/* @combo (an AdwComboRow or a GtkDropDown) picks an item of @items by id for @property of @object. */
static void
bind_item_combo (UpstanderWorkshopPage *self,
                 GObject               *combo,
                 GListModel            *items,
                 const char            *name_property,
                 GCallback              name_func,
                 gpointer               object,
                 const char            *property)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);
  GtkExpression *name = gtk_property_expression_new (UPSTANDER_TYPE_WORKSHOP_ITEM, NULL, name_property);
  GtkExpression *expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, &name,
                                                           name_func, NULL, NULL);

  g_object_set_data_full (combo, "object", g_object_ref (object), g_object_unref);
  g_object_set_data (combo, "property", (gpointer) g_intern_string (property));
  g_object_set_data (combo, "items", items);
  set_syncing (combo, TRUE);
  g_object_set (combo, "expression", expression, "model", items, NULL);
  if (GTK_IS_DROP_DOWN (combo))
    set_short_factory (GTK_DROP_DOWN (combo), expression);
  set_syncing (combo, FALSE);
  gtk_expression_unref (expression);
  item_combo_follow_model_cb (combo);
  g_signal_connect_object (combo, "notify::selected", G_CALLBACK (item_combo_selected_cb), self, 0);
  g_signal_connect_object (object, signal, G_CALLBACK (item_combo_follow_model_cb), combo, G_CONNECT_SWAPPED);
  /* After any change of a list, set the selection from the model again. */
  g_signal_connect_object (self->story, "changed", G_CALLBACK (item_combo_follow_model_cb), combo, G_CONNECT_SWAPPED);
}

static GtkWidget *
new_target_row (UpstanderWorkshopPage *self,
                const char            *title,
                gpointer               object)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  bind_item_combo (self, G_OBJECT (row), G_LIST_MODEL (self->targets), "title",
                   G_CALLBACK (target_name_cb), object, "next");

  return row;
}

/* Buttons on items. */

static void
remove_clicked_cb (GtkButton             *button,
                   UpstanderWorkshopPage *self)
{
  UpstanderWorkshopItem *item = g_object_get_data (G_OBJECT (button), "item");

  upstander_workshop_story_remove (self->story, item);
}

static void
move_clicked_cb (GtkButton             *button,
                 UpstanderWorkshopPage *self)
{
  UpstanderWorkshopItem *item = g_object_get_data (G_OBJECT (button), "item");
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));

  upstander_workshop_story_move (self->story, item, delta);
}

static GtkWidget *
new_item_button (UpstanderWorkshopPage *self,
                 const char            *icon_name,
                 const char            *label,
                 UpstanderWorkshopItem *item,
                 int                    delta)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (delta));
  g_signal_connect_object (button, "clicked",
                           delta == 0 ? G_CALLBACK (remove_clicked_cb) : G_CALLBACK (move_clicked_cb),
                           self, 0);

  return button;
}

/*
 * A card for one item: a heading with its buttons, a boxed list for its
 * fields, and under it the item's problems. Returns the row to put in a
 * list; *fields receives the boxed list and *box the card's own box.
 */
static GtkWidget *
new_card (UpstanderWorkshopPage  *self,
          UpstanderWorkshopItem  *item,
          const char             *heading,
          const char             *remove_label,
          GtkListBox            **fields,
          GtkWidget             **box)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *problems = upstander_text_label_new ("", "workshop-problem");
  GtkWidget *notes = upstander_text_label_new ("", "workshop-problem");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (card, "workshop-card");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), new_item_button (self, "go-up-symbolic", _("Move up"), item, -1));
  gtk_box_append (GTK_BOX (header), new_item_button (self, "go-down-symbolic", _("Move down"), item, 1));
  if (remove_label != NULL)
    gtk_box_append (GTK_BOX (header), new_item_button (self, "user-trash-symbolic", remove_label, item, 0));
  gtk_box_append (GTK_BOX (card), header);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  gtk_box_append (GTK_BOX (card), list);

  gtk_widget_set_visible (problems, FALSE);
  gtk_widget_add_css_class (problems, "error");
  gtk_box_append (GTK_BOX (card), problems);
  gtk_widget_set_visible (notes, FALSE);
  gtk_widget_add_css_class (notes, "dim-label");
  gtk_box_append (GTK_BOX (card), notes);
  g_object_set_data (G_OBJECT (problems), "warnings", notes);
  register_sink (self, item, problems);

  g_object_set_data (G_OBJECT (title), "fields", list);
  g_hash_table_replace (self->headings, item, title);
  g_signal_connect_object (title, "destroy", G_CALLBACK (sink_destroyed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), card);
  *fields = GTK_LIST_BOX (list);
  if (box != NULL)
    *box = card;

  return row;
}

/* People. */

/*
 * Only the button takes focus, not the flow box's child around it; the
 * child is named after its button, else AT-SPI names it after its type.
 */
static void
add_flow_button (GtkWidget  *flow_box,
                 GtkWidget  *button,
                 const char *label)
{
  GtkWidget *child;

  gtk_flow_box_append (GTK_FLOW_BOX (flow_box), button);
  child = gtk_widget_get_parent (button);
  gtk_widget_set_focusable (child, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* The face picker: initials, or one of the app's drawings, for one person. */

#define FACE_SIZE 48

static void
face_picked_cb (GtkButton             *button,
                UpstanderWorkshopPage *self)
{
  UpstanderWorkshopItem *person = g_object_get_data (G_OBJECT (button), "item");
  const char *avatar = g_object_get_data (G_OBJECT (button), "avatar");

  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER)));
  upstander_workshop_story_set (self->story, person, "avatar", avatar != NULL ? avatar : "");
}

static void
add_face_button (UpstanderWorkshopPage *self,
                 GtkWidget             *faces,
                 UpstanderWorkshopItem *person,
                 const char            *avatar)
{
  const char *words = avatar != NULL ? upstander_avatar_describe (avatar) : _("Initials");
  GtkWidget *face = upstander_avatar_new (avatar, upstander_workshop_item_get (person, "name"), FACE_SIZE);
  GtkWidget *button = gtk_toggle_button_new ();

  /* The drawing is the button's content, hidden from a screen reader; its words are the button's name. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (face), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_button_set_child (GTK_BUTTON (button), face);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, words);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, words, -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  /* Initials follow the name as it is typed. */
  if (avatar == NULL)
    g_object_bind_property (person, "name", face, "person-name", G_BINDING_SYNC_CREATE);
  g_object_set_data_full (G_OBJECT (button), "item", g_object_ref (person), g_object_unref);
  g_object_set_data_full (G_OBJECT (button), "avatar", g_strdup (avatar), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (face_picked_cb), self, 0);
  add_flow_button (faces, button, words);
}

/* Each time the picker opens, the face the person has now is the one pressed in. */
static void
faces_map_cb (GtkWidget             *popover,
              UpstanderWorkshopItem *person)
{
  GtkWidget *faces = g_object_get_data (G_OBJECT (popover), "faces");
  const char *chosen = upstander_workshop_item_get (person, "avatar");

  for (GtkWidget *cell = gtk_widget_get_first_child (faces); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (cell));
      const char *avatar = g_object_get_data (G_OBJECT (button), "avatar");

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), g_strcmp0 (avatar != NULL ? avatar : "", chosen) == 0);
    }
}

/* Built when it first opens: a cast of several would otherwise draw 29 faces each up front. */
static void
create_face_popup_cb (GtkMenuButton *menu_button,
                      gpointer       user_data)
{
  UpstanderWorkshopPage *self = user_data;
  UpstanderWorkshopItem *person = g_object_get_data (G_OBJECT (menu_button), "item");
  g_auto(GStrv) names = g_strsplit (UPSTANDER_AVATAR_NAMES, " ", -1);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *faces = g_object_new (GTK_TYPE_FLOW_BOX, "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (faces), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (faces), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (faces), 4);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (faces), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (faces), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Faces"), -1);
  add_face_button (self, faces, person, NULL);
  for (guint i = 0; names[i] != NULL; i++)
    add_face_button (self, faces, person, names[i]);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), faces);
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  /* Or a screen reader hears "GtkPopover" as it opens. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (popover), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Faces"), -1);
  g_object_set_data (G_OBJECT (popover), "faces", faces);
  g_signal_connect_object (popover, "map", G_CALLBACK (faces_map_cb), person, 0);
  gtk_menu_button_set_popover (menu_button, popover);
}

/* Says which face the person has, to a screen reader and in the tooltip. */
static void
face_changed_cb (GtkWidget             *menu_button,
                 GParamSpec            *pspec,
                 UpstanderWorkshopItem *person)
{
  const char *words = upstander_avatar_describe (upstander_workshop_item_get (person, "avatar"));
  /* Translators: the button that picks a person's face; %s says which it is now, e.g. "Hijab" */
  g_autofree char *tooltip = g_strdup_printf (_("Choose a face (now: %s)"), words != NULL ? words : _("Initials"));

  gtk_widget_set_tooltip_text (menu_button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

static GtkWidget *
new_face_picker (UpstanderWorkshopPage *self,
                 UpstanderWorkshopItem *person)
{
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *face = upstander_avatar_new (NULL, NULL, 32);

  /* Decoration inside the button, whose name says which face it is. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (face), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  g_object_bind_property (person, "name", face, "person-name", G_BINDING_SYNC_CREATE);
  g_object_bind_property (person, "avatar", face, "avatar-name", G_BINDING_SYNC_CREATE);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (menu_button), face);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (menu_button), "item", g_object_ref (person), g_object_unref);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (menu_button), create_face_popup_cb, self, NULL);
  face_changed_cb (menu_button, NULL, person);
  g_signal_connect_object (person, "notify::avatar", G_CALLBACK (face_changed_cb), menu_button, G_CONNECT_SWAPPED);

  return menu_button;
}

static GtkWidget *
create_person_row (gpointer item,
                   gpointer user_data)
{
  UpstanderWorkshopPage *self = user_data;
  UpstanderWorkshopItem *person = item;
  gboolean is_player = g_strcmp0 (upstander_workshop_item_get (person, "role"), "player") == 0;
  GtkWidget *row = new_entry_row (self, is_player ? _("The player’s name") : _("Name"), person, "name");

  adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), new_face_picker (self, person));

  if (is_player)
    {
      GtkWidget *note = gtk_label_new (_("Their messages show as “you”"));

      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (note), 28);
      gtk_label_set_justify (GTK_LABEL (note), GTK_JUSTIFY_RIGHT);
      gtk_widget_add_css_class (note, "dim-label");
      gtk_widget_add_css_class (note, "caption");
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), note);
    }
  else
    {
      GtkWidget *role = gtk_drop_down_new (NULL, NULL);
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
      GtkExpression *text = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

      for (guint i = 0; i < role_values.n_values; i++)
        gtk_string_list_append (labels, role_values.label (i));
      gtk_drop_down_set_model (GTK_DROP_DOWN (role), G_LIST_MODEL (labels));
      set_short_factory (GTK_DROP_DOWN (role), text);
      gtk_expression_unref (text);
      for (guint i = 0; i < role_values.n_values; i++)
        if (g_strcmp0 (role_values.value (i), upstander_workshop_item_get (person, "role")) == 0)
          gtk_drop_down_set_selected (GTK_DROP_DOWN (role), i);
      gtk_widget_set_valign (role, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (role, _("Their part in the story"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (role), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Their part in the story"), -1);
      g_object_set_data (G_OBJECT (role), "values", (gpointer) &role_values);
      g_object_set_data_full (G_OBJECT (role), "object", g_object_ref (person), g_object_unref);
      g_object_set_data (G_OBJECT (role), "property", (gpointer) g_intern_string ("role"));
      g_signal_connect_object (role, "notify::selected", G_CALLBACK (values_combo_selected_cb), self, 0);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), role);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row),
                                new_item_button (self, "user-trash-symbolic", _("Remove this person"), person, 0));
    }

  register_sink (self, person, row);

  return row;
}

/* Lines. */

static GtkWidget *
create_line_row (gpointer item,
                 gpointer user_data)
{
  UpstanderWorkshopPage *self = user_data;
  UpstanderWorkshopItem *line = item;
  GtkWidget *row = new_entry_row (self, _("Line"), line, "text");
  GtkWidget *speaker = gtk_drop_down_new (NULL, NULL);
  GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_set_valign (speaker, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (speaker, _("Who says it"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (speaker), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Who says it"), -1);
  bind_item_combo (self, G_OBJECT (speaker), G_LIST_MODEL (self->speakers), "name",
                   G_CALLBACK (speaker_name_cb), line, "speaker");

  gtk_widget_set_visible (warning, FALSE);
  gtk_widget_add_css_class (warning, "warning");
  g_object_set_data (G_OBJECT (row), "warning-icon", warning);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), speaker);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), warning);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), new_item_button (self, "go-up-symbolic", _("Move up"), line, -1));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), new_item_button (self, "user-trash-symbolic", _("Remove this line"), line, 0));
  register_sink (self, line, row);

  return row;
}

/* Choices. */

static GtkWidget *
create_choice_row (gpointer item,
                   gpointer user_data)
{
  UpstanderWorkshopPage *self = user_data;
  UpstanderWorkshopItem *choice = item;
  GtkListBox *fields;
  GtkWidget *row = new_card (self, choice, _("Choice"), _("Remove this choice"), &fields, NULL);

  gtk_list_box_append (fields, new_entry_row (self, _("What the button says"), choice, "label"));
  gtk_list_box_append (fields, new_values_row (self, _("What it does"), &effect_values, choice, "effect"));
  gtk_list_box_append (fields, new_entry_row (self, _("Feedback: why it helps or not"), choice, "feedback"));
  gtk_list_box_append (fields, new_target_row (self, _("Leads to"), choice));

  return row;
}

/* Scenes. */

static void
add_line_clicked_cb (GtkButton             *button,
                     UpstanderWorkshopPage *self)
{
  UpstanderWorkshopItem *scene = g_object_get_data (G_OBJECT (button), "item");
  gboolean narration = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "narration"));
  g_autoptr(UpstanderWorkshopItem) first = NULL;
  const char *speaker = "";

  /* A message comes from the first person after the player, whom it is usually about. */
  if (!narration)
    {
      GListModel *cast = upstander_workshop_story_get_cast (self->story);

      first = g_list_model_get_item (cast, MIN (1, g_list_model_get_n_items (cast) - 1));
      speaker = first != NULL ? upstander_workshop_item_get_id (first) : "";
    }

  upstander_workshop_story_add_line (self->story, scene, speaker, "");
}

static void
add_choice_clicked_cb (GtkButton             *button,
                       UpstanderWorkshopPage *self)
{
  upstander_workshop_story_add_choice (self->story, g_object_get_data (G_OBJECT (button), "item"));
}

static GtkWidget *
new_add_button (UpstanderWorkshopPage *self,
                const char            *label,
                UpstanderWorkshopItem *scene,
                GCallback              callback,
                gboolean               narration)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  g_object_set_data_full (G_OBJECT (button), "item", g_object_ref (scene), g_object_unref);
  g_object_set_data (G_OBJECT (button), "narration", GINT_TO_POINTER (narration));
  g_signal_connect_object (button, "clicked", callback, self, 0);

  return button;
}

static void
update_way_on (GtkWidget  *way_on,
               GListModel *choices)
{
  guint n = g_list_model_get_n_items (choices);
  GtkWidget *decision = g_object_get_data (G_OBJECT (way_on), "decision");
  GtkWidget *add_choice = g_object_get_data (G_OBJECT (way_on), "add-choice");

  /* Either a decision or a way on: the scene shows the one it has. */
  gtk_widget_set_visible (way_on, n == 0);
  gtk_widget_set_visible (decision, n > 0);
  gtk_widget_set_sensitive (add_choice, n < UPSTANDER_WORKSHOP_MAX_CHOICES);
}

static void
choices_changed_cb (GtkWidget  *way_on,
                    guint       position,
                    guint       removed,
                    guint       added,
                    GListModel *choices)
{
  update_way_on (way_on, choices);
}

static GtkWidget *
new_sub_list (GListModel              *model,
              GtkListBoxCreateWidgetFunc create,
              gpointer                 self,
              const char              *label,
              gboolean                 boxed)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, boxed ? "boxed-list" : "workshop-cards");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_list_box_bind_model (GTK_LIST_BOX (list), model, create, self, NULL);

  return list;
}

static GtkWidget *
new_section_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_set_margin_top (label, 6);

  return label;
}


static GtkWidget *
create_scene_row (gpointer item,
                  gpointer user_data)
{
  UpstanderWorkshopPage *self = user_data;
  UpstanderWorkshopItem *scene = item;
  GListModel *choices = upstander_workshop_item_get_choices (scene);
  GtkListBox *fields;
  GtkWidget *card;
  GtkWidget *row = new_card (self, scene, _("Scene"), _("Remove this scene"), &fields, &card);
  GtkWidget *buttons = g_object_new (GTK_TYPE_FLOW_BOX, "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);
  GtkWidget *decision = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkListBox *decision_fields = GTK_LIST_BOX (gtk_list_box_new ());
  GtkListBox *after = GTK_LIST_BOX (gtk_list_box_new ());
  GtkWidget *add_choice = new_add_button (self, _("Add Choice"), scene, G_CALLBACK (add_choice_clicked_cb), FALSE);
  GtkWidget *way_on;
  GtkWidget *notes = gtk_widget_get_last_child (card);
  GtkWidget *problems = gtk_widget_get_prev_sibling (notes);

  gtk_widget_add_css_class (card, "outer");
  gtk_list_box_append (fields, new_entry_row (self, _("Name of the chat or place"), scene, "title"));
  gtk_list_box_append (fields, new_values_row (self, _("Where it happens"), &place_values, scene, "place"));

  /* The card's problems stay last: what follows goes in before them. */
  gtk_box_remove (GTK_BOX (card), g_object_ref (problems));
  gtk_box_remove (GTK_BOX (card), g_object_ref (notes));

  gtk_box_append (GTK_BOX (card), new_section_label (_("What happens, line by line")));
  gtk_box_append (GTK_BOX (card), new_sub_list (upstander_workshop_item_get_lines (scene),
                                                create_line_row, self, _("Lines"), TRUE));
  /* The buttons wrap onto a second line in a narrow window. */
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (buttons), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (buttons), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add to this scene"), -1);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (buttons), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (buttons), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (buttons), 3);
  add_flow_button (buttons, new_add_button (self, _("Add Message"), scene, G_CALLBACK (add_line_clicked_cb), FALSE),
                   _("Add Message"));
  add_flow_button (buttons, new_add_button (self, _("Add Narration"), scene, G_CALLBACK (add_line_clicked_cb), TRUE),
                   _("Add Narration"));
  add_flow_button (buttons, add_choice, _("Add Choice"));
  gtk_box_append (GTK_BOX (card), buttons);

  gtk_list_box_set_selection_mode (decision_fields, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (decision_fields), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (decision_fields), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Decision"), -1);
  gtk_list_box_append (decision_fields, new_entry_row (self, _("Question for the player"), scene, "prompt"));
  gtk_list_box_append (decision_fields, new_entry_row (self, _("Question for class discussion"), scene, "question"));
  gtk_box_append (GTK_BOX (decision), new_section_label (_("Decision")));
  gtk_box_append (GTK_BOX (decision), GTK_WIDGET (decision_fields));
  gtk_box_append (GTK_BOX (decision), new_sub_list (choices, create_choice_row, self, _("Choices"), FALSE));
  gtk_box_append (GTK_BOX (card), decision);

  gtk_list_box_set_selection_mode (after, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (after), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (after), GTK_ACCESSIBLE_PROPERTY_LABEL, _("After the scene"), -1);
  way_on = new_target_row (self, _("With no choices, go on to"), scene);
  g_object_set_data (G_OBJECT (way_on), "decision", decision);
  g_object_set_data (G_OBJECT (way_on), "add-choice", add_choice);
  gtk_list_box_append (after, way_on);
  gtk_list_box_append (after, new_entry_row (self, _("Notes for the teacher"), scene, "notes"));
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (after));

  gtk_box_append (GTK_BOX (card), problems);
  gtk_box_append (GTK_BOX (card), notes);
  g_object_unref (problems);
  g_object_unref (notes);

  update_way_on (way_on, choices);
  g_signal_connect_object (choices, "items-changed", G_CALLBACK (choices_changed_cb), way_on, G_CONNECT_SWAPPED);

  return row;
}

/* Endings. */

static GtkWidget *
create_ending_row (gpointer item,
                   gpointer user_data)
{
  UpstanderWorkshopPage *self = user_data;
  UpstanderWorkshopItem *ending = item;
  GtkListBox *fields;
  GtkWidget *card;
  GtkWidget *row = new_card (self, ending, _("Ending"), _("Remove this ending"), &fields, &card);

  gtk_widget_add_css_class (card, "outer");
  gtk_list_box_append (fields, new_entry_row (self, _("Title"), ending, "title"));
  gtk_list_box_append (fields, new_values_row (self, _("How it ends"), &outcome_values, ending, "outcome"));
  gtk_list_box_append (fields, new_entry_row (self, _("What happens in the end"), ending, "text"));
  gtk_list_box_append (fields, new_entry_row (self, _("What to take away"), ending, "takeaway"));

  return row;
}

/* Topics. */

static void
topic_toggled_cb (GtkCheckButton        *check,
                  UpstanderWorkshopPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "topic-id");
  const char *name = g_object_get_data (G_OBJECT (check), "topic-name");
  GListModel *topics;

  if (is_syncing (check) || self->story == NULL)
    return;

  topics = upstander_workshop_story_get_topics (self->story);
  if (gtk_check_button_get_active (check))
    {
      upstander_workshop_story_add_topic (self->story, id, name);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(UpstanderWorkshopItem) topic = g_list_model_get_item (topics, i);

      if (g_strcmp0 (upstander_workshop_item_get_id (topic), id) == 0)
        {
          upstander_workshop_story_remove (self->story, topic);
          return;
        }
    }
}

static void
sync_topics (UpstanderWorkshopPage *self)
{
  GListModel *topics = self->story != NULL ? upstander_workshop_story_get_topics (self->story) : NULL;
  g_autoptr(GString) chosen = g_string_new (NULL);

  for (guint i = 0; i < self->topic_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->topic_checks, i);
      const char *id = g_object_get_data (G_OBJECT (check), "topic-id");
      gboolean active = FALSE;

      for (guint t = 0; topics != NULL && t < g_list_model_get_n_items (topics); t++)
        {
          g_autoptr(UpstanderWorkshopItem) topic = g_list_model_get_item (topics, t);

          active |= g_strcmp0 (upstander_workshop_item_get_id (topic), id) == 0;
        }
      set_syncing (check, TRUE);
      gtk_check_button_set_active (check, active);
      set_syncing (check, FALSE);
      if (active)
        g_string_append_printf (chosen, "%s%s", chosen->len > 0 ? ", " : "",
                                (const char *) g_object_get_data (G_OBJECT (check), "topic-name"));
    }

  adw_expander_row_set_subtitle (self->topics_row, chosen->len > 0 ? chosen->str : _("None chosen yet"));
}

static void
fill_topics (UpstanderWorkshopPage *self)
{
  g_autoptr(GPtrArray) topics = NULL;

  for (guint i = 0; i < self->topic_checks->len; i++)
    {
      GtkWidget *row = gtk_widget_get_ancestor (g_ptr_array_index (self->topic_checks, i), ADW_TYPE_ACTION_ROW);

      adw_expander_row_remove (self->topics_row, row);
    }
  g_ptr_array_set_size (self->topic_checks, 0);

  if (self->library == NULL || !upstander_library_get_loaded (self->library))
    return;

  topics = upstander_library_dup_topics (self->library);
  for (guint i = 0; i < topics->len; i++)
    {
      const UpstanderTopic *topic = g_ptr_array_index (topics, i);
      const char *name = upstander_ui_text (topic->name);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      g_object_set_data_full (G_OBJECT (check), "topic-id", g_strdup (topic->id), g_free);
      g_object_set_data_full (G_OBJECT (check), "topic-name", g_strdup (name), g_free);
      /* The row's title labels the check box; a label of its own would be read twice. */
      g_signal_connect_object (check, "toggled", G_CALLBACK (topic_toggled_cb), self, 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      /* One Tab stop per topic, the check box: the row around it would be a second. */
      gtk_widget_set_focusable (row, FALSE);
      adw_expander_row_add_row (self->topics_row, row);
      g_ptr_array_add (self->topic_checks, check);
    }

  sync_topics (self);
}

/* The story. */

static void
story_changed_cb (UpstanderWorkshopPage *self)
{
  self->quiet = FALSE;
  update_actions (self);
  sync_topics (self);
  schedule_check (self);
}

static void
list_changing_cb (UpstanderWorkshopPage *self)
{
  self->quiet = TRUE;
}

static GListStore *
placeholder_store (UpstanderWorkshopKind  kind,
                   const char            *property,
                   const char            *text)
{
  GListStore *store = g_list_store_new (UPSTANDER_TYPE_WORKSHOP_ITEM);
  g_autoptr(UpstanderWorkshopItem) item = upstander_workshop_item_new (kind, "");

  g_object_set (item, property, text, NULL);
  g_list_store_append (store, item);

  return store;
}

static GtkFlattenListModel *
flatten (GListModel *first,
         GListModel *second,
         GListModel *third)
{
  GListStore *lists = g_list_store_new (G_TYPE_LIST_MODEL);

  g_list_store_append (lists, first);
  g_list_store_append (lists, second);
  if (third != NULL)
    g_list_store_append (lists, third);

  return gtk_flatten_list_model_new (G_LIST_MODEL (lists));
}

static void
disconnect_story (UpstanderWorkshopPage *self)
{
  if (self->story == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->story, self);
  g_signal_handlers_disconnect_by_data (upstander_workshop_story_get_cast (self->story), self);
  g_signal_handlers_disconnect_by_data (upstander_workshop_story_get_scenes (self->story), self);
  g_signal_handlers_disconnect_by_data (upstander_workshop_story_get_endings (self->story), self);
  g_signal_handlers_disconnect_by_data (upstander_workshop_story_get_topics (self->story), self);
  gtk_list_box_bind_model (self->cast_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->scenes_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->endings_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->targets);
  g_clear_object (&self->speakers);
  g_clear_object (&self->story);
}

/**
 * upstander_workshop_page_set_story:
 *
 * Edits @story from now on; %NULL starts a new, empty one in the reader's language.
 */
void
upstander_workshop_page_set_story (UpstanderWorkshopPage  *self,
                                   UpstanderWorkshopStory *story)
{
  g_autoptr(UpstanderWorkshopStory) fresh = NULL;

  g_return_if_fail (UPSTANDER_IS_WORKSHOP_PAGE (self));
  g_return_if_fail (story == NULL || UPSTANDER_IS_WORKSHOP_STORY (story));

  if (story == NULL)
    {
      const char * const *languages = g_get_language_names ();
      g_autofree char *language = NULL;

      for (guint i = 0; languages[i] != NULL && language == NULL; i++)
        {
          g_autofree char *tag = g_strdelimit (g_strdup (languages[i]), "_", '-');

          if (strchr (tag, '.') == NULL && strchr (tag, '@') == NULL && upstander_language_tag_is_valid (tag) &&
              g_strcmp0 (tag, "C") != 0)
            language = g_steal_pointer (&tag);
        }
      /* Translators: what the player is called in the cast of a new story */
      story = fresh = upstander_workshop_story_new (language != NULL ? language : "en", _("You"));
    }

  disconnect_story (self);
  self->story = g_object_ref (story);
  g_clear_object (&self->passing);
  g_hash_table_remove_all (self->sinks);
  g_hash_table_remove_all (self->headings);

  /* Connected before the combo rows' own models: see the comment at the top. */
  g_signal_connect_object (upstander_workshop_story_get_cast (story), "items-changed",
                           G_CALLBACK (list_changing_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (upstander_workshop_story_get_scenes (story), "items-changed",
                           G_CALLBACK (list_changing_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (upstander_workshop_story_get_endings (story), "items-changed",
                           G_CALLBACK (list_changing_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (story, "changed", G_CALLBACK (story_changed_cb), self, G_CONNECT_SWAPPED);

  self->targets = flatten (G_LIST_MODEL (self->no_target),
                           upstander_workshop_story_get_scenes (story),
                           upstander_workshop_story_get_endings (story));
  self->speakers = flatten (G_LIST_MODEL (self->narration), upstander_workshop_story_get_cast (story), NULL);

  bind_entry (self, GTK_WIDGET (self->title_row), story, "title");
  bind_entry (self, GTK_WIDGET (self->summary_row), story, "summary");
  bind_entry (self, GTK_WIDGET (self->goal_row), story, "goal");
  bind_values_combo (self, self->ages_row, &age_values, story, "ages");

  gtk_list_box_bind_model (self->cast_list, upstander_workshop_story_get_cast (story),
                           create_person_row, self, NULL);
  gtk_list_box_bind_model (self->scenes_list, upstander_workshop_story_get_scenes (story),
                           create_scene_row, self, NULL);
  gtk_list_box_bind_model (self->endings_list, upstander_workshop_story_get_endings (story),
                           create_ending_row, self, NULL);

  self->quiet = FALSE;
  sync_topics (self);
  upstander_workshop_page_check_now (self);
  upstander_workshop_page_refresh_drafts (self);
}

UpstanderWorkshopStory *
upstander_workshop_page_get_story (UpstanderWorkshopPage *self)
{
  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_PAGE (self), NULL);

  return self->story;
}

/* The problems found by the last check. */
GPtrArray *
upstander_workshop_page_get_problems (UpstanderWorkshopPage *self)
{
  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_PAGE (self), NULL);

  return self->problems;
}

gboolean
upstander_workshop_page_get_passes (UpstanderWorkshopPage *self)
{
  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_PAGE (self), FALSE);

  return self->passing != NULL;
}

/* Drafts. */

/* At most UPSTANDER_BUNDLE_MAX_SIZE bytes of a regular file. */
static GBytes *
read_bounded (GFile   *file,
              GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) contents = NULL;
  gsize size;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  /* A FIFO would block and a device never end: regular files only, and small ones. */
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
      g_file_info_get_size (info) > UPSTANDER_BUNDLE_MAX_SIZE)
    {
      g_set_error_literal (error, UPSTANDER_BUNDLE_ERROR, UPSTANDER_BUNDLE_ERROR_TOO_LARGE,
                           _("This is not a story file: it is too large, or not a file at all."));
      return NULL;
    }

  /* The cap holds while reading too, should the file grow in between. */
  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;
  contents = g_byte_array_new ();
  do
    {
      guint8 chunk[READ_CHUNK];

      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), chunk, sizeof chunk, &size, NULL, error))
        return NULL;
      if (contents->len + size > UPSTANDER_BUNDLE_MAX_SIZE)
        {
          g_set_error_literal (error, UPSTANDER_BUNDLE_ERROR, UPSTANDER_BUNDLE_ERROR_TOO_LARGE,
                               _("This is not a story file: it is too large, or not a file at all."));
          return NULL;
        }
      g_byte_array_append (contents, chunk, size);
    }
  while (size == READ_CHUNK);

  return g_byte_array_free_to_bytes (g_steal_pointer (&contents));
}


static void
open_draft_cb (AdwActionRow          *row,
               UpstanderWorkshopPage *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderWorkshopStory) story = NULL;
  g_autoptr(GBytes) bytes = read_bounded (file, &error);

  if (bytes != NULL)
    story = upstander_workshop_story_new_from_bytes (bytes, path, &error);
  if (story == NULL)
    {
      /* Translators: %s says why, in English */
      g_autofree char *status = g_strdup_printf (_("This draft cannot be opened: %s"), error->message);

      gtk_label_set_text (self->status_label, status);
      return;
    }

  upstander_workshop_page_set_story (self, story);
}

/* Stories the workshop wrote into @dir: workshop-*.xml, by file name. */
static void
add_workshop_files (GPtrArray  *names,
                    const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (name, "workshop-") && g_str_has_suffix (name, ".xml") &&
        !g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
      g_ptr_array_add (names, g_strdup (name));
}

/* What deleting a story took away, to put back on Undo. */
typedef struct
{
  char   *dir;
  char   *path;
  GBytes *contents;
} Removed;

static void
removed_free (gpointer data)
{
  Removed *removed = data;

  g_free (removed->dir);
  g_free (removed->path);
  g_bytes_unref (removed->contents);
  g_free (removed);
}

static void
undo_delete_cb (AdwToast              *toast,
                UpstanderWorkshopPage *self)
{
  GPtrArray *removed = g_object_get_data (G_OBJECT (toast), "removed");
  GBytes *progress;

  for (guint i = 0; i < removed->len; i++)
    {
      Removed *file = g_ptr_array_index (removed, i);
      g_autoptr(GError) error = NULL;

      if (!write_file (file->dir, file->path, file->contents, &error))
        gtk_label_set_text (self->status_label, error->message);
    }

  progress = g_object_get_data (G_OBJECT (toast), "progress");
  if (progress != NULL && self->progress != NULL)
    upstander_progress_restore_story (self->progress, progress);

  upstander_workshop_page_refresh_drafts (self);
  reload_library (self);
}

/*
 * Forgets the endings found in the story kept in @contents (a file the
 * workshop wrote), and nothing else: no other story's, nothing about who
 * played it.
 *
 * Returns: (transfer full) (nullable): what to give back on Undo
 */
static GBytes *
remove_progress (UpstanderWorkshopPage *self,
                 GBytes                *contents)
{
  g_autoptr(UpstanderWorkshopStory) story = NULL;

  if (self->progress == NULL)
    return NULL;
  story = upstander_workshop_story_new_from_bytes (contents, NULL, NULL);
  if (story == NULL)
    return NULL;

  return upstander_progress_remove_story (self->progress,
                                          upstander_workshop_story_get_bundle_id (story),
                                          upstander_workshop_story_get_scenario_id (story));
}

/*
 * Removes the draft and the installed copy of the story kept as @name in
 * drafts/ and bundles/, and offers to put them back. Only files the
 * workshop wrote, listed from those two folders: never a built-in or a
 * system bundle, never a path from elsewhere.
 */
static void
delete_story (UpstanderWorkshopPage *self,
              const char            *name,
              const char            *title)
{
  g_autofree char *drafts = drafts_dir (self);
  g_autofree char *bundles = bundles_dir (self);
  const char *dirs[] = { drafts, bundles };
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (removed_free);
  g_autofree char *open_name = g_strconcat (upstander_workshop_story_get_bundle_id (self->story), ".xml", NULL);
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *toast_title = NULL;
  g_autoptr(GBytes) progress = NULL;
  gboolean was_installed = FALSE;
  AdwToast *toast;

  g_assert (g_str_has_prefix (name, "workshop-") && strchr (name, G_DIR_SEPARATOR) == NULL);

  /* The story being deleted is not saved again as a draft a moment later. */
  if (g_str_equal (name, open_name))
    upstander_workshop_page_set_story (self, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GBytes) contents = read_bounded (file, NULL);
      Removed *kept;

      if (contents == NULL || g_unlink (path) != 0)
        continue;
      kept = g_new0 (Removed, 1);
      kept->dir = g_strdup (dirs[i]);
      kept->path = g_steal_pointer (&path);
      kept->contents = g_steal_pointer (&contents);
      g_ptr_array_add (removed, kept);
      was_installed |= dirs[i] == bundles;
    }

  if (removed->len > 0)
    progress = remove_progress (self, ((Removed *) g_ptr_array_index (removed, 0))->contents);

  upstander_workshop_page_refresh_drafts (self);
  if (was_installed)
    reload_library (self);
  if (removed->len == 0)
    return;

  /* A toast's title is markup in libadwaita 1.2: the story's title goes in escaped, as text. */
  /* Translators: %s is the title of the story that was deleted */
  toast_title = g_strdup_printf (_("“%s” deleted"), escaped);
  toast = adw_toast_new (toast_title);
  /* Its own message: in French, Undo and the confirmation's Cancel are both
   * "Annuler", and this toast can still show while that dialog asks again. */
  adw_toast_set_button_label (toast, C_("undo a deletion", "_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "removed", g_steal_pointer (&removed), (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (toast), "progress", g_steal_pointer (&progress), (GDestroyNotify) g_bytes_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
delete_response_cb (AdwMessageDialog      *dialog,
                    const char            *response,
                    UpstanderWorkshopPage *self)
{
  if (g_str_equal (response, "delete"))
    delete_story (self, g_object_get_data (G_OBJECT (dialog), "name"), g_object_get_data (G_OBJECT (dialog), "title"));
}

static void
delete_clicked_cb (GtkButton             *button,
                   UpstanderWorkshopPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *title = g_object_get_data (G_OBJECT (button), "title");
  gboolean installed = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "installed"));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, NULL);

  /* Translators: the question before a story is deleted; %s is its title */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete “%s”?"), title);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               installed ? _("It is removed from your stories and from the catalogue on this computer. Copies shared as files are not touched.")
                                         : _("The draft is removed from this computer."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  /* Heard as "Cancel", not "_Cancel Cancel" (GTK 4.8 reads the raw label too). */
  upstander_name_mnemonic_buttons (dialog);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "name", g_strdup (g_object_get_data (G_OBJECT (button), "name")), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "title", g_strdup (title), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Your Stories: every draft, and every story the workshop added to the catalogue. */
void
upstander_workshop_page_refresh_drafts (UpstanderWorkshopPage *self)
{
  g_autofree char *drafts = NULL;
  g_autofree char *bundles = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *child;

  g_return_if_fail (UPSTANDER_IS_WORKSHOP_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->drafts_list))) != NULL)
    gtk_list_box_remove (self->drafts_list, child);

  drafts = drafts_dir (self);
  bundles = bundles_dir (self);
  add_workshop_files (names, drafts);
  add_workshop_files (names, bundles);
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *draft = g_build_filename (drafts, name, NULL);
      g_autofree char *installed_path = g_build_filename (bundles, name, NULL);
      gboolean installed = g_file_test (installed_path, G_FILE_TEST_IS_REGULAR);
      g_autofree char *path = g_strdup (g_file_test (draft, G_FILE_TEST_IS_REGULAR) ? draft : installed_path);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GBytes) bytes = read_bounded (file, NULL);
      g_autoptr(UpstanderWorkshopStory) story = NULL;
      g_autofree char *delete_label = NULL;
      GtkWidget *row, *delete;
      const char *title;
      gboolean is_open;

      /* A file that is not a story the workshop can read is left alone, not listed. */
      if (bytes == NULL)
        continue;
      story = upstander_workshop_story_new_from_bytes (bytes, path, NULL);
      if (story == NULL)
        continue;

      title = upstander_workshop_story_get (story, "title");
      title = title[0] != '\0' ? title : _("Untitled story");
      is_open = self->story != NULL &&
                g_strcmp0 (upstander_workshop_story_get_bundle_id (story),
                           upstander_workshop_story_get_bundle_id (self->story)) == 0;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (is_open)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), installed ? _("Open now · In the catalogue") : _("Open now"));
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), installed ? _("Open to keep writing · In the catalogue")
                                                                     : _("Open to keep writing"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), !is_open);
      g_object_set_data_full (G_OBJECT (row), "path", g_steal_pointer (&path), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (open_draft_cb), self, 0);

      /* Translators: the button that deletes one of your stories; %s is its title */
      delete_label = g_strdup_printf (_("Delete “%s”"), title);
      delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (delete, "flat");
      gtk_widget_set_tooltip_text (delete, delete_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
      g_object_set_data_full (G_OBJECT (delete), "name", g_strdup (name), g_free);
      g_object_set_data_full (G_OBJECT (delete), "title", g_strdup (title), g_free);
      g_object_set_data (G_OBJECT (delete), "installed", GINT_TO_POINTER (installed));
      g_signal_connect_object (delete, "clicked", G_CALLBACK (delete_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);

      gtk_list_box_append (self->drafts_list, row);
    }

  gtk_widget_set_visible (self->drafts_group, gtk_widget_get_first_child (GTK_WIDGET (self->drafts_list)) != NULL);
}

/* Play, publish, share. */

/*
 * The catalogue reads the user's bundles again (once more if they change
 * while it reads: the library sees to that). Before the first load there
 * is nothing to do: that load reads them.
 */
static void
reload_library (UpstanderWorkshopPage *self)
{
  if (self->library == NULL || !upstander_library_get_loaded (self->library))
    return;

  upstander_library_reload (self->library);
}

/**
 * upstander_workshop_page_publish:
 *
 * Adds the story, when it passes, to the user's bundles, so the catalogue
 * shows it (marked as made in the workshop), and reloads the library.
 */
/*
 * Adding to the catalogue and opening a story file both install a bundle in
 * the user's own folder, which the app does not read when an administrator
 * turned it off: say so rather than install what would never show.
 */
static gboolean
user_bundles_allowed (UpstanderWorkshopPage  *self,
                      GError                **error)
{
  if (!self->user_bundles_off)
    return TRUE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                       _("Your administrator has turned off stories added on this computer, so this story cannot be added to the catalogue. You can still play it here and save a copy to share."));

  return FALSE;
}

gboolean
upstander_workshop_page_publish (UpstanderWorkshopPage  *self,
                                 GError                **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *installed = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size = 0;

  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_PAGE (self), FALSE);

  if (!user_bundles_allowed (self, error))
    return FALSE;

  upstander_workshop_page_check_now (self);
  if (self->passing == NULL)
    {
      g_set_error_literal (error, UPSTANDER_BUNDLE_ERROR, UPSTANDER_BUNDLE_ERROR_INVALID,
                           _("The story is not finished yet."));
      return FALSE;
    }

  dir = bundles_dir (self);
  name = g_strconcat (upstander_workshop_story_get_bundle_id (self->story), ".xml", NULL);
  path = g_build_filename (dir, name, NULL);

  /* A changed story gets a new version, so progress in the old one is kept apart. */
  bytes = upstander_workshop_story_to_bytes (self->story);
  if (g_file_get_contents (path, &installed, &size, NULL) &&
      (size != g_bytes_get_size (bytes) || memcmp (installed, g_bytes_get_data (bytes, NULL), size) != 0))
    {
      upstander_workshop_story_bump_version (self->story);
      g_clear_pointer (&bytes, g_bytes_unref);
      bytes = upstander_workshop_story_to_bytes (self->story);
    }

  if (!write_file (dir, path, bytes, error))
    {
      g_prefix_error (error, "%s", _("The story cannot be added to the catalogue: "));
      return FALSE;
    }

  save_draft (self);
  upstander_workshop_page_refresh_drafts (self);
  gtk_label_set_text (self->status_label, _("In the catalogue: anyone on this computer can play it now."));

  reload_library (self);

  return TRUE;
}

gboolean
upstander_workshop_page_export (UpstanderWorkshopPage  *self,
                                GFile                  *file,
                                GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  upstander_workshop_page_check_now (self);
  if (self->passing == NULL)
    {
      g_set_error_literal (error, UPSTANDER_BUNDLE_ERROR, UPSTANDER_BUNDLE_ERROR_INVALID,
                           _("The story is not finished yet."));
      return FALSE;
    }

  bytes = upstander_workshop_story_to_bytes (self->story);
  path = g_file_get_path (file);
  if (path == NULL)
    return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);

  /* Where a person asked: written whole, or not at all. */
  if (!upstander_file_save (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), 0644, error))
    {
      g_prefix_error (error, _("%s cannot be saved: "), path);
      return FALSE;
    }

  return TRUE;
}

/**
 * upstander_workshop_page_import:
 * @diagnostics: (nullable): receives what the checks found in the file
 *
 * Opens a story file from elsewhere. A file that fails the checks is
 * refused and nothing is installed; one that passes is opened for editing
 * and added to the catalogue.
 */
gboolean
upstander_workshop_page_import (UpstanderWorkshopPage  *self,
                                GFile                  *file,
                                GPtrArray              *diagnostics,
                                GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(UpstanderWorkshopStory) story = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Before the story in the editor is replaced: it would not reach the catalogue. */
  if (!user_bundles_allowed (self, error))
    return FALSE;

  bytes = read_bounded (file, error);
  if (bytes == NULL)
    return FALSE;

  name = g_file_get_basename (file);
  story = upstander_workshop_story_import (bytes, name, diagnostics, error);
  if (story == NULL)
    return FALSE;

  upstander_workshop_page_set_story (self, story);

  return upstander_workshop_page_publish (self, error);
}

static void
show_import_problems (UpstanderWorkshopPage *self,
                      GFile                 *file,
                      GPtrArray             *diagnostics,
                      GError                *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *dialog;

  g_string_append (body, _("Nothing was added. The story checker found these problems:"));
  g_string_append_c (body, '\n');
  for (guint i = 0; i < diagnostics->len && i < MAX_SHOWN_DIAGNOSTICS; i++)
    {
      g_autofree char *line = upstander_diagnostic_format (g_ptr_array_index (diagnostics, i));

      g_string_append_printf (body, "\n%s", line);
    }
  if (diagnostics->len == 0)
    g_string_append_printf (body, "\n%s", error->message);

  /* Translators: %s is the name of the file that was refused */
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("%s Cannot Be Opened"), name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  upstander_name_mnemonic_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));

  gtk_label_set_text (self->status_label, _("The file was refused: nothing was added."));
}

static void
import_file (UpstanderWorkshopPage *self,
             GFile                 *file)
{
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(GError) error = NULL;

  if (!upstander_workshop_page_import (self, file, diagnostics, &error))
    show_import_problems (self, file, diagnostics, error);
}

static void
chooser_response_cb (GtkNativeDialog       *chooser,
                     int                    response,
                     UpstanderWorkshopPage *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gboolean saving = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    {
      if (!saving)
        {
          import_file (self, file);
        }
      else
        {
          g_autoptr(GError) error = NULL;

          if (upstander_workshop_page_export (self, file, &error))
            gtk_label_set_text (self->status_label, _("Saved a copy to share. Open it in another Upstander’s workshop to add it there."));
          else
            gtk_label_set_text (self->status_label, error->message);
        }
    }

  g_clear_object (&self->chooser);
}

static void
open_chooser (UpstanderWorkshopPage *self,
              gboolean               saving)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (saving ? _("Save a Copy to Share") : _("Open a Story File"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               saving ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                               saving ? _("_Save") : _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Story files"));
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (saving)
    {
      g_autofree char *name = g_strconcat (upstander_workshop_story_get_bundle_id (self->story), ".xml", NULL);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
    }
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
drop_cb (GtkDropTarget         *target,
         const GValue          *value,
         double                 x,
         double                 y,
         UpstanderWorkshopPage *self)
{
  if (!G_VALUE_HOLDS (value, G_TYPE_FILE))
    return FALSE;

  import_file (self, g_value_get_object (value));

  return TRUE;
}

static void
play (UpstanderWorkshopPage *self,
      gboolean               classroom)
{
  UpstanderScenario *scenario;
  GtkWidget *focus;

  upstander_workshop_page_check_now (self);
  if (self->passing == NULL)
    return;

  /* The player keeps the scenario, and a scenario needs its bundle: keep it while it plays. */
  g_set_object (&self->playing, self->passing);
  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  g_clear_weak_pointer (&self->focus_before);
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    g_set_weak_pointer (&self->focus_before, focus);
  self->away = TRUE;
  scenario = g_ptr_array_index (upstander_bundle_get_scenarios (self->playing), 0);
  g_signal_emit (self, signals [SIGNAL_PLAY], 0, scenario, classroom);
}

static void
action_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  UpstanderWorkshopPage *self = UPSTANDER_WORKSHOP_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->story == NULL)
    return;

  if (g_str_equal (action_name, "workshop.new"))
    upstander_workshop_page_set_story (self, NULL);
  else if (g_str_equal (action_name, "workshop.undo"))
    upstander_workshop_story_undo (self->story);
  else if (g_str_equal (action_name, "workshop.redo"))
    upstander_workshop_story_redo (self->story);
  else if (g_str_equal (action_name, "workshop.add-person"))
    upstander_workshop_story_add_person (self->story, "");
  else if (g_str_equal (action_name, "workshop.add-scene"))
    upstander_workshop_story_add_scene (self->story, "group-chat");
  else if (g_str_equal (action_name, "workshop.add-ending"))
    upstander_workshop_story_add_ending (self->story, "positive");
  else if (g_str_equal (action_name, "workshop.play"))
    play (self, FALSE);
  else if (g_str_equal (action_name, "workshop.present"))
    play (self, TRUE);
  else if (g_str_equal (action_name, "workshop.import") && !user_bundles_allowed (self, &error))
    gtk_label_set_text (self->status_label, error->message);
  else if (g_str_equal (action_name, "workshop.import"))
    open_chooser (self, FALSE);
  else if (g_str_equal (action_name, "workshop.export"))
    open_chooser (self, TRUE);
  else if (g_str_equal (action_name, "workshop.publish") && !upstander_workshop_page_publish (self, &error))
    gtk_label_set_text (self->status_label, error->message);
}

/*
 * Back from playing the story, the keyboard carries on where it was (or on
 * Play): else the focus would be left in the header bar, where the
 * workshop's shortcuts (Ctrl+S, Ctrl+Z…) do not reach.
 */
static void
upstander_workshop_page_map (GtkWidget *widget)
{
  UpstanderWorkshopPage *self = UPSTANDER_WORKSHOP_PAGE (widget);

  GTK_WIDGET_CLASS (upstander_workshop_page_parent_class)->map (widget);

  if (!self->away)
    return;
  self->away = FALSE;
  if (self->focus_before == NULL || !gtk_widget_is_ancestor (self->focus_before, widget) ||
      !gtk_widget_grab_focus (self->focus_before))
    gtk_widget_grab_focus (self->play_button);
  g_clear_weak_pointer (&self->focus_before);
}

static void
library_loaded_cb (UpstanderWorkshopPage *self)
{
  fill_topics (self);
}

static void
upstander_workshop_page_dispose (GObject *object)
{
  UpstanderWorkshopPage *self = (UpstanderWorkshopPage *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_weak_pointer (&self->focus_before);
  disconnect_story (self);
  g_clear_pointer (&self->sinks, g_hash_table_unref);
  g_clear_pointer (&self->headings, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPSTANDER_TYPE_WORKSHOP_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->library);
  g_clear_object (&self->progress);
  g_clear_object (&self->passing);
  g_clear_object (&self->playing);
  g_clear_object (&self->no_target);
  g_clear_object (&self->narration);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->topic_checks, g_ptr_array_unref);
  g_clear_pointer (&self->data_dir, g_free);

  G_OBJECT_CLASS (upstander_workshop_page_parent_class)->dispose (object);
}

static void
upstander_workshop_page_class_init (UpstanderWorkshopPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const actions[] = {
    "workshop.new", "workshop.undo", "workshop.redo", "workshop.add-person", "workshop.add-scene",
    "workshop.add-ending", "workshop.play", "workshop.present", "workshop.import", "workshop.export",
    "workshop.publish",
  };

  object_class->dispose = upstander_workshop_page_dispose;
  widget_class->map = upstander_workshop_page_map;

  /**
   * UpstanderWorkshopPage::play:
   * @scenario: the story, as the loader read it
   * @classroom: present it to a class rather than play it alone
   */
  signals [SIGNAL_PLAY] =
    g_signal_new ("play", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, UPSTANDER_TYPE_SCENARIO, G_TYPE_BOOLEAN);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "workshoppage");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-workshop-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UpstanderWorkshopPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWorkshopPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWorkshopPage, play_button);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWorkshopPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWorkshopPage, publish_button);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWorkshopPage, drafts_group);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWorkshopPage, drafts_list);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWorkshopPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWorkshopPage, summary_row);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWorkshopPage, goal_row);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWorkshopPage, ages_row);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWorkshopPage, topics_row);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWorkshopPage, story_problems_label);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWorkshopPage, story_notes_label);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWorkshopPage, cast_list);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWorkshopPage, scenes_list);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWorkshopPage, endings_list);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWorkshopPage, map_list);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, action_cb);

}

/*
 * The page's shortcuts act before the focused field sees the key: Ctrl+Z in
 * a field undoes the last edit of the story, not only that field's typing.
 * A second, managed controller runs them while the page is shown and the
 * focus is elsewhere in the window (the header bar, after the main menu).
 */
static void
add_shortcuts (UpstanderWorkshopPage *self)
{
  static const struct { guint key; GdkModifierType mods; const char *action; } shortcuts[] = {
    { GDK_KEY_z, GDK_CONTROL_MASK, "workshop.undo" },
    { GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "workshop.redo" },
    { GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "workshop.redo" },
    { GDK_KEY_y, GDK_CONTROL_MASK, "workshop.redo" },
    { GDK_KEY_o, GDK_CONTROL_MASK, "workshop.import" },
    { GDK_KEY_s, GDK_CONTROL_MASK, "workshop.export" },
    { GDK_KEY_p, GDK_CONTROL_MASK, "workshop.play" },
  };
  const struct { GtkShortcutScope scope; GtkPropagationPhase phase; } kinds[] = {
    { GTK_SHORTCUT_SCOPE_LOCAL, GTK_PHASE_CAPTURE },
    { GTK_SHORTCUT_SCOPE_MANAGED, GTK_PHASE_BUBBLE },
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GtkEventController *controller = gtk_shortcut_controller_new ();

      gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), kinds[k].scope);
      gtk_event_controller_set_propagation_phase (controller, kinds[k].phase);
      for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
        gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                              gtk_shortcut_new (gtk_keyval_trigger_new (shortcuts[i].key, shortcuts[i].mods),
                                                                gtk_named_action_new (shortcuts[i].action)));
      gtk_widget_add_controller (GTK_WIDGET (self), controller);
    }
}

static void
upstander_workshop_page_init (UpstanderWorkshopPage *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);

  self->sinks = g_hash_table_new (NULL, NULL);
  self->headings = g_hash_table_new (NULL, NULL);
  self->topic_checks = g_ptr_array_new ();
  self->data_dir = g_build_filename (g_get_user_data_dir (), "upstander", NULL);
  self->no_target = placeholder_store (UPSTANDER_WORKSHOP_SCENE, "title", _("Choose a scene or an ending"));
  self->narration = placeholder_store (UPSTANDER_WORKSHOP_PERSON, "name", _("Narration"));

  gtk_widget_init_template (GTK_WIDGET (self));

  upstander_button_set_label_a11y (self->publish_button, _("Add to the Catalogue"));
  g_object_set_data (G_OBJECT (self->story_problems_label), "warnings", self->story_notes_label);
  add_shortcuts (self);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  upstander_workshop_page_set_story (self, NULL);
}

void
upstander_workshop_page_set_library (UpstanderWorkshopPage *self,
                                     UpstanderLibrary      *library)
{
  g_return_if_fail (UPSTANDER_IS_WORKSHOP_PAGE (self));
  g_return_if_fail (UPSTANDER_IS_LIBRARY (library));

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_set_object (&self->library, library);
  g_signal_connect_object (library, "notify::loaded", G_CALLBACK (library_loaded_cb), self, G_CONNECT_SWAPPED);
  fill_topics (self);
}

/* Where the endings found in stories are kept: a deleted story's go with it. */
void
upstander_workshop_page_set_progress (UpstanderWorkshopPage *self,
                                      UpstanderProgress     *progress)
{
  g_return_if_fail (UPSTANDER_IS_WORKSHOP_PAGE (self));
  g_return_if_fail (progress == NULL || UPSTANDER_IS_PROGRESS (progress));

  g_set_object (&self->progress, progress);
}

/* Where drafts/ and bundles/ go; $XDG_DATA_HOME/upstander unless told. */
void
upstander_workshop_page_set_data_dir (UpstanderWorkshopPage *self,
                                      const char            *data_dir)
{
  g_return_if_fail (UPSTANDER_IS_WORKSHOP_PAGE (self));
  g_return_if_fail (data_dir != NULL);

  g_free (self->data_dir);
  self->data_dir = g_strdup (data_dir);
  upstander_workshop_page_refresh_drafts (self);
}

/* A story the workshop installed: in the user's own bundles, with a workshop id. */
gboolean
upstander_workshop_is_made_here (UpstanderScenario *scenario)
{
  UpstanderBundle *bundle;
  g_autofree char *user_dir = NULL;
  g_autofree char *source_dir = NULL;

  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (scenario), FALSE);

  bundle = upstander_scenario_get_bundle (scenario);
  if (bundle == NULL || !g_str_has_prefix (upstander_bundle_get_id (bundle), "workshop-") ||
      upstander_bundle_get_source (bundle) == NULL)
    return FALSE;

  user_dir = g_build_filename (g_get_user_data_dir (), "upstander", "bundles", NULL);
  source_dir = g_path_get_dirname (upstander_bundle_get_source (bundle));

  return g_strcmp0 (user_dir, source_dir) == 0;
}

/*
 * Whether the user's own bundles are read: when an administrator turned them
 * off, Add to the Catalogue and Open a story file say why they cannot.
 */
void
upstander_workshop_page_set_user_bundles (UpstanderWorkshopPage *self,
                                          gboolean               user_bundles)
{
  g_return_if_fail (UPSTANDER_IS_WORKSHOP_PAGE (self));

  self->user_bundles_off = !user_bundles;
}
