/* upstander-preferences-window.c: language, text size, region for help, forgetting progress */
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
  gboolean              updating;

  AdwComboRow          *language_row;
  AdwComboRow          *reader_row;
  AdwComboRow          *text_size_row;
  AdwActionRow         *region_row;
  GtkWidget            *read_aloud_switch;
  GtkWidget            *forget_button;
};

G_DEFINE_FINAL_TYPE (UpstanderPreferencesWindow, upstander_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const text_sizes[] = { "small", "default", "large", "larger", "largest", NULL };

static void
text_size_selected_cb (UpstanderPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->text_size_row);

  if (self->updating || self->settings == NULL || selected >= G_N_ELEMENTS (text_sizes) - 1)
    return;

  upstander_settings_set_text_size (self->settings, text_sizes[selected]);
}

static void
reader_selected_cb (UpstanderPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->reader_row);
  const UpstanderReaderBand *bands;
  guint n_bands;

  if (self->updating || self->settings == NULL)
    return;

  bands = upstander_reader_bands_get_all (&n_bands);
  if (selected < n_bands)
    upstander_settings_choose_reader (self->settings, bands[selected].id);
}

/* Follows who is reading when it changes elsewhere (the catalogue's band filter). */
static void
sync_reader (UpstanderPreferencesWindow *self)
{
  const UpstanderReaderBand *bands;
  guint n_bands;

  bands = upstander_reader_bands_get_all (&n_bands);
  for (guint i = 0; i < n_bands; i++)
    if (g_strcmp0 (bands[i].id, upstander_settings_get_reader (self->settings)) == 0 &&
        adw_combo_row_get_selected (self->reader_row) != i)
      {
        self->updating = TRUE;
        adw_combo_row_set_selected (self->reader_row, i);
        self->updating = FALSE;
      }
  /* An administrator's lock is shown, not fought. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->reader_row),
                            upstander_settings_get_reader_writable (self->settings));
}

static void
fill_readers (UpstanderPreferencesWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const UpstanderReaderBand *bands;
  guint n_bands;

  bands = upstander_reader_bands_get_all (&n_bands);
  for (guint i = 0; i < n_bands; i++)
    gtk_string_list_append (names, _(bands[i].label));

  self->updating = TRUE;
  adw_combo_row_set_model (self->reader_row, G_LIST_MODEL (names));
  self->updating = FALSE;
  sync_reader (self);
}

/* Row 0 is "System language"; row i > 0 is language i - 1. */
static void
language_selected_cb (UpstanderPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);
  const UpstanderLanguage *languages;
  guint n_languages;

  if (self->updating || self->settings == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  languages = upstander_language_get_all (&n_languages);
  if (selected > n_languages)
    return;

  /* The application rebuilds every window, this one too, in the new language. */
  upstander_settings_set_language (self->settings, selected == 0 ? "" : languages[selected - 1].code);
}

static void
fill_languages (UpstanderPreferencesWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *current = upstander_settings_get_language (self->settings);
  const UpstanderLanguage *languages;
  guint n_languages;
  guint selected = 0;

  gtk_string_list_append (names, _("System language"));
  languages = upstander_language_get_all (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    {
      gtk_string_list_append (names, languages[i].name);
      if (g_strcmp0 (languages[i].code, current) == 0)
        selected = i + 1;
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->language_row, selected);
  self->updating = FALSE;
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
  gtk_widget_class_bind_template_child (widget_class, UpstanderPreferencesWindow, read_aloud_switch);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPreferencesWindow, forget_button);
  gtk_widget_class_bind_template_callback (widget_class, language_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_size_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, reader_selected_cb);

  gtk_widget_class_install_action (widget_class, "prefs.forget", NULL, forget_activated);
}

static void
upstander_preferences_window_init (UpstanderPreferencesWindow *self)
{
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;

  upstander_button_set_label_a11y (self->forget_button, _("Forget my progress"));
}

UpstanderPreferencesWindow *
upstander_preferences_window_new (UpstanderApplication *application)
{
  UpstanderPreferencesWindow *self;
  GtkWidget *chooser;
  const char *size;

  g_return_val_if_fail (UPSTANDER_IS_APPLICATION (application), NULL);

  self = g_object_new (UPSTANDER_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (upstander_application_get_settings (application));
  self->progress = g_object_ref (upstander_application_get_progress (application));

  size = upstander_settings_get_text_size (self->settings);
  self->updating = TRUE;
  for (guint i = 0; text_sizes[i] != NULL; i++)
    if (g_strcmp0 (text_sizes[i], size) == 0)
      adw_combo_row_set_selected (self->text_size_row, i);
  self->updating = FALSE;

  g_object_bind_property (self->settings, "read-aloud-automatically",
                          self->read_aloud_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  fill_languages (self);
  fill_readers (self);
  g_signal_connect_object (self->settings, "notify::reader",
                           G_CALLBACK (sync_reader), self, G_CONNECT_SWAPPED);
  /* Every country by name, searchable: the same chooser as on the help page. */
  chooser = upstander_region_chooser_new (self->settings);
  gtk_widget_set_valign (chooser, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (self->region_row, chooser);

  return self;
}
