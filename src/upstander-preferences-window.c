/* upstander-preferences-window.c: language, text size, region for help, forgetting progress */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-language.h"
#include "upstander-preferences-window.h"
#include "upstander-util.h"

/* "ZZ" is the code CLDR uses for an unknown region: "Other" in the list. */
#define OTHER_REGION "ZZ"

struct _UpstanderPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  UpstanderSettings    *settings;
  UpstanderProgress    *progress;
  GPtrArray            *regions;   /* char*: "" (automatic), the bundles' codes, OTHER_REGION */
  gboolean              updating;

  AdwComboRow          *language_row;
  AdwComboRow          *text_size_row;
  AdwComboRow          *region_row;
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
region_selected_cb (UpstanderPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->region_row);

  if (self->updating || self->settings == NULL || self->regions == NULL || selected >= self->regions->len)
    return;

  upstander_settings_set_region (self->settings, g_ptr_array_index (self->regions, selected));
}

/* g_ptr_array_sort() hands over pointers to the elements. */
static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
fill_regions (UpstanderPreferencesWindow *self,
              UpstanderLibrary           *library)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autofree char *from_locale = upstander_region_from_locale ();
  g_autofree char *automatic = NULL;
  GPtrArray *bundles = upstander_library_get_bundles (library);
  const char *current = upstander_settings_get_region (self->settings);
  guint selected = 0;

  for (guint b = 0; bundles != NULL && b < bundles->len; b++)
    {
      GPtrArray *help = upstander_bundle_get_help (g_ptr_array_index (bundles, b));

      for (guint h = 0; h < help->len; h++)
        {
          const UpstanderHelp *entry = g_ptr_array_index (help, h);

          for (guint r = 0; entry->regions[r] != NULL; r++)
            {
              gboolean seen = FALSE;

              if (g_str_equal (entry->regions[r], "all"))
                continue;
              for (guint i = 0; i < codes->len && !seen; i++)
                seen = g_str_equal (g_ptr_array_index (codes, i), entry->regions[r]);
              if (!seen)
                g_ptr_array_add (codes, entry->regions[r]);
            }
        }
    }
  g_ptr_array_sort (codes, compare_codes);

  g_ptr_array_set_size (self->regions, 0);

  if (from_locale != NULL)
    {
      g_autofree char *code = upstander_language_isolate (from_locale);

      /* Translators: %s is a region code such as "GB", taken from the system */
      automatic = g_strdup_printf (_("Automatic (%s)"), code);
    }
  else
    automatic = g_strdup (_("Automatic"));
  gtk_string_list_append (names, automatic);
  g_ptr_array_add (self->regions, g_strdup (""));

  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);

      gtk_string_list_append (names, code);
      g_ptr_array_add (self->regions, g_strdup (code));
    }

  gtk_string_list_append (names, _("Other"));
  g_ptr_array_add (self->regions, g_strdup (OTHER_REGION));

  for (guint i = 0; i < self->regions->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->regions, i), current) == 0)
      selected = i;
  if (current != NULL && current[0] != '\0' && selected == 0)
    selected = self->regions->len - 1;

  self->updating = TRUE;
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->region_row, selected);
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
  g_clear_pointer (&self->regions, g_ptr_array_unref);

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
  gtk_widget_class_bind_template_child (widget_class, UpstanderPreferencesWindow, text_size_row);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPreferencesWindow, region_row);
  gtk_widget_class_bind_template_child (widget_class, UpstanderPreferencesWindow, forget_button);
  gtk_widget_class_bind_template_callback (widget_class, region_selected_cb);

  gtk_widget_class_install_action (widget_class, "prefs.forget", NULL, forget_activated);
}

static void
upstander_preferences_window_init (UpstanderPreferencesWindow *self)
{
  self->regions = g_ptr_array_new_with_free_func (g_free);
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;

  upstander_button_set_label_a11y (self->forget_button, _("Forget my progress"));
}

UpstanderPreferencesWindow *
upstander_preferences_window_new (UpstanderApplication *application)
{
  UpstanderPreferencesWindow *self;

  g_return_val_if_fail (UPSTANDER_IS_APPLICATION (application), NULL);

  self = g_object_new (UPSTANDER_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (upstander_application_get_settings (application));
  self->progress = g_object_ref (upstander_application_get_progress (application));

  g_object_bind_property_full (self->settings, "text-size", self->text_size_row, "selected",
                               G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                               text_size_to_row, row_to_text_size, NULL, NULL);
  fill_languages (self);
  fill_regions (self, upstander_application_get_library (application));

  return self;
}
