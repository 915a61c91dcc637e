/* upstander-first-run.c: on the first start, asks which language to use and who is reading
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "upstander-first-run.h"
#include "upstander-language.h"
#include "upstander-util.h"

/*
 * A small dialog over the first window: the languages, each by its own
 * name, "System language" selected. Enter, Escape or the close button keep
 * that, so a reader who does not care is one key away from the stories.
 * Whatever the answer, it is recorded and the dialog is not shown again.
 *
 * With the language it asks who is reading (an age band, or a teacher or
 * parent), so an 8-year-old's catalogue opens on stories for 8 to 11.
 * Nothing is preselected there: one Enter must not take a child to the
 * stories for adults. Continue waits for a choice; Escape leaves the
 * question to the next start. Each question is asked until answered; a key
 * an administrator locked is not asked.
 */

/* The code of the checked row of @list, or NULL when @list is NULL. */
static const char *
checked_code (GtkWidget *list)
{
  const char *code = NULL;

  if (list == NULL)
    return NULL;

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "check");

      if (check != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        code = g_object_get_data (G_OBJECT (row), "code");
    }

  return code;
}

typedef struct
{
  GtkApplication    *app;
  UpstanderSettings *settings;
} AskNext;

static void
ask_next_free (gpointer data)
{
  AskNext *next = data;

  g_object_unref (next->app);
  g_object_unref (next->settings);
  g_free (next);
}

static gboolean
ask_next_idle (gpointer data)
{
  AskNext *next = data;
  GtkWindow *window = gtk_application_get_active_window (next->app);

  if (window != NULL)
    upstander_first_run_present (window, next->settings);

  return G_SOURCE_REMOVE;
}

static void
response_cb (AdwMessageDialog  *dialog,
             const char        *response,
             UpstanderSettings *settings)
{
  GtkWidget *language_list = g_object_get_data (G_OBJECT (dialog), "language-list");
  GtkWidget *reader_list = g_object_get_data (G_OBJECT (dialog), "reader-list");
  gboolean chosen = g_strcmp0 (response, "choose") == 0;
  const char *reader = checked_code (reader_list);
  const char *language = checked_code (language_list);

  /* Who is reading first: a new language rebuilds the window, which then
   * opens on the band. Escape answers nothing: the question comes again. */
  if (chosen && reader != NULL)
    upstander_settings_choose_reader (settings, reader);
  if (language_list != NULL)
    {
      GtkApplication *app = gtk_window_get_application (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

      upstander_settings_set_language (settings, chosen && language != NULL ? language : "");
      /* The window may be rebuilt in the new language: ask the next question
       * over whichever window is there once that is done. */
      if (app != NULL && upstander_settings_get_reader_unasked (settings))
        {
          AskNext *next = g_new0 (AskNext, 1);

          next->app = g_object_ref (app);
          next->settings = g_object_ref (settings);
          g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, ask_next_idle, next, ask_next_free);
        }
    }
}

static GtkWidget *
row_new (const char *code,
         const char *name,
         GtkWidget  *group)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  /* Names come from a fixed list, but a row title is markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), GTK_CHECK_BUTTON (group));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  /* The row labels its check box; a label of its own would be read as "English English". */

  g_object_set_data_full (G_OBJECT (row), "code", g_strdup (code), g_free);
  g_object_set_data (G_OBJECT (row), "check", check);

  return row;
}

/* A boxed list of rows with check boxes, named for a screen reader. */
static GtkWidget *
list_new (const char *accessible_label)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  return list;
}

static GtkWidget *
language_list_new (void)
{
  const UpstanderLanguage *languages;
  GtkWidget *list, *system_row, *system_check;
  guint n_languages;

  list = list_new (_("Language"));
  gtk_widget_add_css_class (list, "languages");

  system_row = row_new ("", _("System language"), NULL);
  system_check = g_object_get_data (G_OBJECT (system_row), "check");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (system_check), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), system_row);

  languages = upstander_language_get_all (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), row_new (languages[i].code, languages[i].name, system_check));

  return list;
}

static void
reader_toggled_cb (GtkCheckButton   *check,
                   AdwMessageDialog *dialog)
{
  if (gtk_check_button_get_active (check))
    adw_message_dialog_set_response_enabled (dialog, "choose", TRUE);
}

/* The bands an administrator offers, none checked: the reader says which. */
static GtkWidget *
reader_list_new (UpstanderSettings *settings,
                 AdwMessageDialog  *dialog)
{
  g_autoptr(GPtrArray) bands = upstander_settings_dup_offered_readers (settings);
  GtkWidget *list, *first_check = NULL;

  list = list_new (_("Who is reading"));
  gtk_widget_add_css_class (list, "readers");

  for (guint i = 0; i < bands->len; i++)
    {
      const UpstanderReaderBand *band = g_ptr_array_index (bands, i);
      GtkWidget *row = row_new (band->id, _(band->label), first_check);
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "check");

      if (first_check == NULL)
        first_check = check;
      g_signal_connect_object (check, "toggled", G_CALLBACK (reader_toggled_cb), dialog, 0);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  return list;
}

/* The question already on screen over @parent, if any. */
static GtkWindow *
find_shown (GtkWindow *parent)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (g_object_get_data (l->data, "upstander-first-run") != NULL &&
        gtk_window_get_transient_for (l->data) == parent &&
        gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

/**
 * upstander_first_run_present:
 * @parent: the window to show the question over
 * @settings: where the answer goes
 *
 * Asks what was never answered: which language to use, who is reading.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL when there is nothing to ask
 */
GtkWindow *
upstander_first_run_present (GtkWindow         *parent,
                             UpstanderSettings *settings)
{
  GtkWindow *shown;
  GtkWidget *dialog, *box, *scroller;
  GtkWidget *language_list = NULL;
  GtkWidget *reader_list = NULL;
  gboolean ask_language, ask_reader;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (UPSTANDER_IS_SETTINGS (settings), NULL);

  /* One question at a time, the language first: both do not fit a phone's
   * height, and who is reading is then asked in the language chosen. */
  ask_language = !upstander_settings_get_language_chosen (settings);
  ask_reader = !ask_language && upstander_settings_get_reader_unasked (settings);
  if (!ask_language && !ask_reader)
    return NULL;

  /* Activated again before the first was answered (or before the window's
   * first frame, when the application asks too): one question at a time. */
  shown = find_shown (parent);
  if (shown != NULL)
    {
      gtk_window_present (shown);
      return shown;
    }

  /* The dialog is named by its heading over AT-SPI: a screen reader reads
   * the question, then the option that has the focus. */
  if (ask_language)
    dialog = adw_message_dialog_new (parent,
                                     _("Choose Your Language"),
                                     _("The stories and the buttons will be in this language. You can change it at any time in Preferences."));
  else
    dialog = adw_message_dialog_new (parent, _("Who Is Reading?"),
                                     _("The catalogue opens on the stories for this age. It is kept on this computer only, and you can change it at any time."));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  if (ask_language)
    {
      language_list = language_list_new ();
      gtk_box_append (GTK_BOX (box), language_list);
    }
  if (ask_reader)
    {
      reader_list = reader_list_new (settings, ADW_MESSAGE_DIALOG (dialog));
      gtk_box_append (GTK_BOX (box), reader_list);
    }
  g_object_set_data (G_OBJECT (dialog), "upstander-first-run", GINT_TO_POINTER (TRUE));
  g_object_set_data (G_OBJECT (dialog), "language-list", language_list);
  g_object_set_data (G_OBJECT (dialog), "reader-list", reader_list);

  /* On a short screen the list scrolls, and Continue stays on screen. */
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 440);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "choose", _("_Continue"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "choose", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "choose");
  /* Escape and the close button keep the system language. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "system");

  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), settings, 0);
  upstander_name_mnemonic_buttons (dialog);
  /* Continue once a band is chosen. */
  if (ask_reader)
    adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "choose", FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
  /* The keyboard starts on the first band. (Set once shown: GTK 4.8 names a
   * window "filler", not "dialog", over AT-SPI when its focus is set before.) */
  if (ask_reader)
    gtk_widget_grab_focus (gtk_widget_get_first_child (reader_list));

  return GTK_WINDOW (dialog);
}
