/* upstander-preferences-window.c: language, text size, region for help, forgetting progress
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-language.h"
#include "upstander-preferences-window.h"
#include "upstander-region-chooser.h"
#include "upstander-util.h"

struct _UpstanderPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  UpstanderSettings    *settings;
  UpstanderProgress    *progress;

  AdwComboRow          *language_row;
  AdwComboRow          *reader_row;
  GBinding             *reader_binding;  /* weak: owned by the settings and the row */
  AdwComboRow          *text_size_row;
  AdwActionRow         *region_row;
  AdwActionRow         *read_aloud_row;
  GtkWidget            *read_aloud_switch;
  GtkWidget            *forget_button;
};

G_DEFINE_FINAL_TYPE (UpstanderPreferencesWindow, upstander_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Text size: the settings' string to the row's position in the list of sizes, and back. */
static gboolean
text_size_to_row (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      unused)
{
  const char * const *sizes = upstander_settings_get_text_sizes ();

  for (guint i = 0; sizes[i] != NULL; i++)
    if (g_strcmp0 (sizes[i], g_value_get_string (from)) == 0)
      {
        g_value_set_uint (to, i);
        return TRUE;
      }

  return FALSE;
}

/* Who is reading: the settings' band to the row's position among those offered, and back. */
static gboolean
reader_to_row (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  GPtrArray *bands = user_data;

  for (guint i = 0; i < bands->len; i++)
    if (g_strcmp0 (((const UpstanderReaderBand *) g_ptr_array_index (bands, i))->id,
                   g_value_get_string (from)) == 0)
      {
        g_value_set_uint (to, i);
        return TRUE;
      }

  return FALSE;
}

static gboolean
row_to_reader (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  GPtrArray *bands = user_data;

  if (g_value_get_uint (from) >= bands->len)
    return FALSE;

  g_value_set_string (to, ((const UpstanderReaderBand *) g_ptr_array_index (bands, g_value_get_uint (from)))->id);

  return TRUE;
}

/*
 * Only the bands an administrator offers (the "age-bands" key), and a
 * teacher or parent; again whenever the administrator changes them.
 */
static void
bind_reader (UpstanderPreferencesWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *bands = upstander_settings_dup_offered_readers (self->settings);

  /* Unbound first: a new model moves the selection, which must not choose a reader. */
  if (self->reader_binding != NULL)
    g_binding_unbind (self->reader_binding);

  for (guint i = 0; i < bands->len; i++)
    gtk_string_list_append (names, _(((const UpstanderReaderBand *) g_ptr_array_index (bands, i))->label));
  adw_combo_row_set_model (self->reader_row, G_LIST_MODEL (names));

  g_set_weak_pointer (&self->reader_binding,
                      g_object_bind_property_full (self->settings, "reader", self->reader_row, "selected",
                                                   G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                                                   reader_to_row, row_to_reader,
                                                   bands, (GDestroyNotify) g_ptr_array_unref));
}

static gboolean
row_to_text_size (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      unused)
{
  const char * const *sizes = upstander_settings_get_text_sizes ();
  guint selected = g_value_get_uint (from);

  if (selected >= g_strv_length ((char **) sizes))
    return FALSE;

  g_value_set_string (to, sizes[selected]);

  return TRUE;
}

/* Language: row 0 is "System language" (""), row i > 0 is language i - 1. */
static gboolean
language_to_row (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      unused)
{
  const UpstanderLanguage *languages;
  guint n_languages;

  languages = upstander_language_get_all (&n_languages);
  g_value_set_uint (to, 0);
  for (guint i = 0; i < n_languages; i++)
    if (g_strcmp0 (languages[i].code, g_value_get_string (from)) == 0)
      g_value_set_uint (to, i + 1);

  return TRUE;
}

static gboolean
row_to_language (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      unused)
{
  const UpstanderLanguage *languages;
  guint n_languages;
  guint selected = g_value_get_uint (from);

  languages = upstander_language_get_all (&n_languages);
  if (selected > n_languages)
    return FALSE;

  /* The application rebuilds every window, this one too, in the new language. */
  g_value_set_string (to, selected == 0 ? "" : languages[selected - 1].code);

  return TRUE;
}

static void
fill_languages (UpstanderPreferencesWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const UpstanderLanguage *languages;
  guint n_languages;

  gtk_string_list_append (names, _("System language"));
  languages = upstander_language_get_all (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    gtk_string_list_append (names, languages[i].name);

  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
  g_object_bind_property_full (self->settings, "language", self->language_row, "selected",
                               G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                               language_to_row, row_to_language, NULL, NULL);
}

static void
forget_response_cb (AdwMessageDialog           *dialog,
                    const char                 *response,
                    UpstanderPreferencesWindow *self)
{
  if (g_strcmp0 (response, "forget") != 0 || self->progress == NULL)
    return;

  upstander_progress_forget (self->progress);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Your progress was forgotten")));
}

static void
forget_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UpstanderPreferencesWindow *self = UPSTANDER_PREFERENCES_WINDOW (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   _("Forget Your Progress?"),
                                   _("Upstander will forget which stories you finished and which endings you found. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "forget", _("_Forget"),
                                    NULL);
  /* Heard as "Cancel", not "_Cancel Cancel" (GTK 4.8 reads the raw label too). */
  upstander_name_mnemonic_buttons (dialog);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "forget",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (forget_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
upstander_preferences_window_dispose (GObject *object)
{
  UpstanderPreferencesWindow *self = (UpstanderPreferencesWindow *)object;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_weak_pointer (&self->reader_binding);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPSTANDER_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->progress);

  G_OBJECT_CLASS (upstander_preferences_window_parent_class)->dispose (object);
}

static void
upstander_preferences_window_class_init (UpstanderPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upstander_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UpstanderPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPreferencesWindow, reader_row);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPreferencesWindow, text_size_row);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPreferencesWindow, region_row);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPreferencesWindow, read_aloud_row);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPreferencesWindow, read_aloud_switch);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPreferencesWindow, forget_button);

  gtk_widget_class_install_action (widget_class, "prefs.forget", NULL, forget_activated);
}

static void
upstander_preferences_window_init (UpstanderPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  upstander_button_set_label_a11y (self->forget_button, _("Forget my progress"));
}

UpstanderPreferencesWindow *
upstander_preferences_window_new (UpstanderApplication *application)
{
  UpstanderPreferencesWindow *self;
  GtkWidget *chooser;

  g_return_val_if_fail (UPSTANDER_IS_APPLICATION (application), NULL);

  self = g_object_new (UPSTANDER_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (upstander_application_get_settings (application));
  self->progress = g_object_ref (upstander_application_get_progress (application));

  g_object_bind_property_full (self->settings, "text-size", self->text_size_row, "selected",
                               G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                               text_size_to_row, row_to_text_size, NULL, NULL);
  g_object_bind_property (self->settings, "read-aloud-automatically",
                          self->read_aloud_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  fill_languages (self);
  bind_reader (self);
  g_signal_connect_object (self->settings, "notify::age-bands", G_CALLBACK (bind_reader), self, G_CONNECT_SWAPPED);
  /* Every country by name, searchable: the same chooser as on the help page. */
  chooser = upstander_region_chooser_new (self->settings);
  gtk_widget_set_valign (chooser, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (self->region_row, chooser);

  /* Locked rows are insensitive and say who set them, as long as the lock holds. */
  upstander_settings_bind_lock (self->settings, "language", G_OBJECT (self->language_row));
  upstander_settings_bind_lock (self->settings, "reader", G_OBJECT (self->reader_row));
  upstander_settings_bind_lock (self->settings, "text-size", G_OBJECT (self->text_size_row));
  upstander_settings_bind_lock (self->settings, "read-aloud-automatically", G_OBJECT (self->read_aloud_row));
  upstander_settings_bind_lock (self->settings, "region", G_OBJECT (self->region_row));

  return self;
}
