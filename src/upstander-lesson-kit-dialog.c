/* upstander-lesson-kit-dialog.c: print a lesson plan, worksheet, parent sheet or handout of any story, in any language
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "upstander-language.h"
#include "upstander-lesson-kit-dialog.h"
#include "upstander-util.h"

/*
 * The document is written by the app's own command line (--lesson-plan,
 * --worksheet, --parent-sheet, --handout) in a child process: a document
 * in another language needs LANGUAGE and the stories' language list
 * switched, which this process must not do under the open windows. The
 * child writes the file atomically and says what went wrong on stderr.
 */

struct _UpstanderLessonKitDialog
{
  AdwWindow          parent_instance;

  UpstanderSettings *settings;
  GPtrArray         *story_ids;   /* char*: "BUNDLE/SCENARIO", one per row of story_row */
  char              *executable;
  gboolean           busy;

  AdwToastOverlay   *toasts;
  AdwComboRow       *story_row;
  AdwComboRow       *document_row;
  AdwComboRow       *language_row;
};

G_DEFINE_FINAL_TYPE (UpstanderLessonKitDialog, upstander_lesson_kit_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_EXECUTABLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* In the order of document_row's items. */
static const struct
{
  const char *option;
  const char *file_part;
} documents[] = {
  { "--lesson-plan", "lesson-plan" },
  { "--worksheet", "worksheet" },
  { "--parent-sheet", "parent-sheet" },
  { "--handout", "handout" },
};

static void
set_busy (UpstanderLessonKitDialog *self,
          gboolean                  busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kit.save", !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
show_toast (UpstanderLessonKitDialog *self,
            const char               *text)
{
  /* A toast's title is markup in libadwaita 1.2, and what the child said
   * may hold a file name with markup characters. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (escaped));
}

static void
communicate_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(UpstanderLessonKitDialog) self = user_data;
  GSubprocess *child = G_SUBPROCESS (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *display = g_object_steal_data (G_OBJECT (child), "display-name");

  if (!g_subprocess_communicate_utf8_finish (child, result, NULL, &err, &error))
    {
      show_toast (self, error->message);
    }
  else if (!g_subprocess_get_if_exited (child) || g_subprocess_get_exit_status (child) != 0)
    {
      g_autofree char *message = g_strstrip (g_strdup (err != NULL && err[0] != '\0' ? err : _("The document could not be written")));

      show_toast (self, message);
    }
  else
    {
      /* Translators: a notice after the lesson kit saved a document; %s is the file's name */
      g_autofree char *message = g_strdup_printf (_("Saved “%s”"), display);

      show_toast (self, message);
    }

  set_busy (self, FALSE);
}

/**
 * upstander_lesson_kit_dialog_write:
 * @file: a local file
 *
 * Writes the chosen document of the chosen story, in the chosen language,
 * to @file, and says how it went in a toast. #UpstanderLessonKitDialog:busy
 * is %TRUE until then.
 */
void
upstander_lesson_kit_dialog_write (UpstanderLessonKitDialog *self,
                                   GFile                    *file)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const UpstanderLanguage *languages;
  guint n_languages;
  guint story = adw_combo_row_get_selected (self->story_row);
  guint document = adw_combo_row_get_selected (self->document_row);
  guint language = adw_combo_row_get_selected (self->language_row);
  const char *region;

  g_return_if_fail (UPSTANDER_IS_LESSON_KIT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (self->busy || story >= self->story_ids->len || document >= G_N_ELEMENTS (documents))
    return;
  if (path == NULL)
    {
      show_toast (self, _("Choose a folder on this computer"));
      return;
    }

  g_ptr_array_add (argv, self->executable);
  g_ptr_array_add (argv, (gpointer) documents[document].option);
  g_ptr_array_add (argv, g_ptr_array_index (self->story_ids, story));
  g_ptr_array_add (argv, "--output");
  g_ptr_array_add (argv, path);

  /* Row 0 is the app's own language, which the child inherits. */
  languages = upstander_language_get_all (&n_languages);
  if (language > 0 && language <= n_languages)
    {
      g_ptr_array_add (argv, "--language");
      g_ptr_array_add (argv, (gpointer) languages[language - 1].code);
    }

  region = self->settings != NULL ? upstander_settings_get_region (self->settings) : NULL;
  if (region != NULL && region[0] != '\0')
    {
      g_ptr_array_add (argv, "--region");
      g_ptr_array_add (argv, (gpointer) region);
    }
  g_ptr_array_add (argv, NULL);

  child = g_subprocess_newv ((const char * const *) argv->pdata,
                             G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  if (child == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  g_object_set_data_full (G_OBJECT (child), "display-name", g_file_get_basename (file), g_free);
  set_busy (self, TRUE);
  g_subprocess_communicate_utf8_async (child, NULL, NULL, communicate_cb, g_object_ref (self));
}

static void
write_cb (GtkWidget *widget,
          GFile     *file)
{
  upstander_lesson_kit_dialog_write (UPSTANDER_LESSON_KIT_DIALOG (widget), file);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UpstanderLessonKitDialog *self = UPSTANDER_LESSON_KIT_DIALOG (widget);
  guint story = adw_combo_row_get_selected (self->story_row);
  guint document = adw_combo_row_get_selected (self->document_row);
  g_autofree char *name = NULL;
  const char *id;

  if (story >= self->story_ids->len || document >= G_N_ELEMENTS (documents))
    return;

  id = strchr (g_ptr_array_index (self->story_ids, story), '/') + 1;
  name = g_strdup_printf ("%s-%s.pdf", id, documents[document].file_part);
  upstander_ask_where_to_save (widget, _("Save as PDF"), name, write_cb);
}

static void
upstander_lesson_kit_dialog_dispose (GObject *object)
{
  UpstanderLessonKitDialog *self = (UpstanderLessonKitDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), UPSTANDER_TYPE_LESSON_KIT_DIALOG);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (upstander_lesson_kit_dialog_parent_class)->dispose (object);
}

static void
upstander_lesson_kit_dialog_finalize (GObject *object)
{
  UpstanderLessonKitDialog *self = (UpstanderLessonKitDialog *)object;

  g_clear_pointer (&self->story_ids, g_ptr_array_unref);
  g_free (self->executable);

  G_OBJECT_CLASS (upstander_lesson_kit_dialog_parent_class)->finalize (object);
}

static void
upstander_lesson_kit_dialog_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  UpstanderLessonKitDialog *self = UPSTANDER_LESSON_KIT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_EXECUTABLE:
      g_value_set_string (value, self->executable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_lesson_kit_dialog_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  UpstanderLessonKitDialog *self = UPSTANDER_LESSON_KIT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_EXECUTABLE:
      if (g_value_get_string (value) != NULL && g_strcmp0 (self->executable, g_value_get_string (value)) != 0)
        {
          g_free (self->executable);
          self->executable = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_lesson_kit_dialog_class_init (UpstanderLessonKitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upstander_lesson_kit_dialog_dispose;
  object_class->finalize = upstander_lesson_kit_dialog_finalize;
  object_class->get_property = upstander_lesson_kit_dialog_get_property;
  object_class->set_property = upstander_lesson_kit_dialog_set_property;

  /**
   * UpstanderLessonKitDialog:busy:
   *
   * Whether a document is being written.
   */
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * UpstanderLessonKitDialog:executable:
   *
   * The program whose command line writes the document: this one by
   * default; a test running outside the app points it at the built app.
   */
  properties [PROP_EXECUTABLE] =
    g_param_spec_string ("executable", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-lesson-kit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, UpstanderLessonKitDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, UpstanderLessonKitDialog, story_row);
  gtk_widget_class_bind_template_child (widget_class, UpstanderLessonKitDialog, document_row);
  gtk_widget_class_bind_template_child (widget_class, UpstanderLessonKitDialog, language_row);

  gtk_widget_class_install_action (widget_class, "kit.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
upstander_lesson_kit_dialog_init (UpstanderLessonKitDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->story_ids = g_ptr_array_new_with_free_func (g_free);
  /* The program that writes the PDF: this one, so the child loads the same stories. */
  self->executable = g_file_read_link ("/proc/self/exe", NULL);
  if (self->executable == NULL)
    self->executable = g_strdup ("upstander");
}

static void
fill_languages (UpstanderLessonKitDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const UpstanderLanguage *languages;
  guint n_languages;

  gtk_string_list_append (names, _("The app’s language"));
  languages = upstander_language_get_all (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    gtk_string_list_append (names, languages[i].name);

  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
}

static void
fill_stories (UpstanderLessonKitDialog *self,
              UpstanderLibrary         *library,
              UpstanderScenario        *selected)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  guint n_items = library != NULL ? g_list_model_get_n_items (G_LIST_MODEL (library)) : 0;
  guint selected_row = 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(UpstanderScenario) scenario = g_list_model_get_item (G_LIST_MODEL (library), i);
      /* Translators: a story in the lesson kit's list: its title, then its age band */
      g_autofree char *title = g_strdup_printf (_("%s (ages %u–%u)"), upstander_scenario_get_title (scenario),
                                                upstander_scenario_get_age_min (scenario),
                                                upstander_scenario_get_age_max (scenario));

      /* The same story even when the library was reloaded (a new language) since it was opened. */
      if (selected != NULL &&
          g_strcmp0 (upstander_scenario_get_id (scenario), upstander_scenario_get_id (selected)) == 0 &&
          g_strcmp0 (upstander_scenario_get_bundle_id (scenario), upstander_scenario_get_bundle_id (selected)) == 0)
        selected_row = i;
      gtk_string_list_append (titles, title);
      g_ptr_array_add (self->story_ids, g_strdup_printf ("%s/%s", upstander_scenario_get_bundle_id (scenario),
                                                         upstander_scenario_get_id (scenario)));
    }

  adw_combo_row_set_model (self->story_row, G_LIST_MODEL (titles));
  adw_combo_row_set_selected (self->story_row, selected_row);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kit.save", n_items > 0);
}

/**
 * upstander_lesson_kit_dialog_new:
 * @scenario: (nullable): the story to select first, if the library has it
 *
 * Returns: (transfer full): the lesson kit, listing every story of the app's library
 */
UpstanderLessonKitDialog *
upstander_lesson_kit_dialog_new (UpstanderApplication *application,
                                 UpstanderScenario    *scenario)
{
  UpstanderLessonKitDialog *self;

  g_return_val_if_fail (UPSTANDER_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (scenario == NULL || UPSTANDER_IS_SCENARIO (scenario), NULL);

  self = g_object_new (UPSTANDER_TYPE_LESSON_KIT_DIALOG, NULL);
  self->settings = g_object_ref (upstander_application_get_settings (application));
  fill_stories (self, upstander_application_get_library (application), scenario);
  fill_languages (self);

  return self;
}
