/* upstander-first-run.c: on the first start, asks which language to use */
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
 */

static void
response_cb (AdwMessageDialog  *dialog,
             const char        *response,
             UpstanderSettings *settings)
{
  GtkWidget *list = adw_message_dialog_get_extra_child (dialog);
  const char *code = "";

  if (g_strcmp0 (response, "choose") == 0)
    {
      for (GtkWidget *row = gtk_widget_get_first_child (list);
           row != NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          GtkWidget *check = g_object_get_data (G_OBJECT (row), "check");

          if (check != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
            code = g_object_get_data (G_OBJECT (row), "code");
        }
    }

  upstander_settings_set_language (settings, code);
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

/**
 * upstander_first_run_present:
 * @parent: the window to show the question over
 * @settings: where the answer goes
 *
 * Asks which language to use.
 *
 * Returns: (transfer none): the dialog
 */
GtkWindow *
upstander_first_run_present (GtkWindow         *parent,
                             UpstanderSettings *settings)
{
  const UpstanderLanguage *languages;
  GtkWidget *dialog, *list, *system_row, *system_check;
  guint n_languages;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (UPSTANDER_IS_SETTINGS (settings), NULL);

  dialog = adw_message_dialog_new (parent,
                                   _("Choose Your Language"),
                                   _("The stories and the buttons will be in this language. You can change it at any time in Preferences."));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_add_css_class (list, "languages");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Language"),
                                  -1);

  system_row = row_new ("", _("System language"), NULL);
  system_check = g_object_get_data (G_OBJECT (system_row), "check");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (system_check), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), system_row);

  languages = upstander_language_get_all (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), row_new (languages[i].code, languages[i].name, system_check));

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "choose", _("_Continue"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "choose", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "choose");
  /* Escape and the close button keep the system language. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "system");

  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), settings, 0);
  upstander_name_mnemonic_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}
