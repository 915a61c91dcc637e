/* upstander-application.c: the application: actions, command line, windows
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <locale.h>

#include "upstander-application.h"
#include "upstander-cli.h"
#include "upstander-facilitator-window.h"
#include "upstander-first-run.h"
#include "upstander-language.h"
#include "upstander-preferences-window.h"
#include "upstander-window.h"

struct _UpstanderApplication
{
  AdwApplication parent_instance;

  UpstanderLibrary  *library;
  UpstanderProgress *progress;
  UpstanderSettings *settings;
  UpstanderSpeaker  *speaker;
  UpstanderClassRun *class_run;  /* nullable: here, so it outlives a rebuilt window */

  guint              loading : 1;          /* a worker parses bundles */
  guint              language_pending : 1; /* switch once it is done */
  guint              load_deferred : 1;    /* the library waits for the first frame */
  guint              switch_source;
  guint              load_fallback_source;
};

enum {
  PROP_0,
  PROP_CLASS_RUN,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (UpstanderApplication, upstander_application, ADW_TYPE_APPLICATION)

/*
 * One instance: a second launch activates the window already open (over
 * the session bus) instead of starting a second copy that would keep its
 * own idea of the progress, and write back what "Forget my progress" just
 * forgot. The commands that need no display (--validate, --list,
 * --handout) run before registration, in the process that was started,
 * and are never forwarded. Without a session bus GApplication runs as a
 * non-unique primary; the progress store then keeps a forget final by
 * itself (see upstander-progress.c).
 */
UpstanderApplication *
upstander_application_new (void)
{
  return g_object_new (UPSTANDER_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_BASE,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

/**
 * upstander_application_main:
 *
 * Everything main() does, here so that the start-up benchmark runs the very
 * same code as the app: locale, text domains, libxml2, then the application.
 *
 * Returns: the exit status
 */
int
upstander_application_main (int    argc,
                            char **argv)
{
  g_autoptr(UpstanderApplication) app = NULL;

  setlocale (LC_ALL, "");
  upstander_language_bind_textdomain ();

  /* Once, before any thread parses a bundle. */
  xmlInitParser ();

  app = upstander_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}

/* Read aloud, shared by every window (it outlives a rebuilt one). */
UpstanderSpeaker *
upstander_application_get_speaker (UpstanderApplication *self)
{
  g_return_val_if_fail (UPSTANDER_IS_APPLICATION (self), NULL);

  return self->speaker;
}

UpstanderLibrary *
upstander_application_get_library (UpstanderApplication *self)
{
  g_return_val_if_fail (UPSTANDER_IS_APPLICATION (self), NULL);

  return self->library;
}

/**
 * upstander_application_set_library:
 *
 * Shows @library instead of the app's own bundles; for tests and tools.
 * Call it before the application starts up.
 */
void
upstander_application_set_library (UpstanderApplication *self,
                                   UpstanderLibrary     *library)
{
  g_return_if_fail (UPSTANDER_IS_APPLICATION (self));
  g_return_if_fail (UPSTANDER_IS_LIBRARY (library));

  g_set_object (&self->library, library);
}

/**
 * upstander_application_set_settings:
 *
 * Uses @settings instead of the app's own; for tests that keep settings in
 * a backend of their own. Call it before the application starts up.
 */
void
upstander_application_set_settings (UpstanderApplication *self,
                                    UpstanderSettings    *settings)
{
  g_return_if_fail (UPSTANDER_IS_APPLICATION (self));
  g_return_if_fail (UPSTANDER_IS_SETTINGS (settings));

  g_set_object (&self->settings, settings);
}

UpstanderProgress *
upstander_application_get_progress (UpstanderApplication *self)
{
  g_return_val_if_fail (UPSTANDER_IS_APPLICATION (self), NULL);

  return self->progress;
}

UpstanderSettings *
upstander_application_get_settings (UpstanderApplication *self)
{
  g_return_val_if_fail (UPSTANDER_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* The classroom run in progress, or NULL. */
UpstanderClassRun *
upstander_application_get_class_run (UpstanderApplication *self)
{
  g_return_val_if_fail (UPSTANDER_IS_APPLICATION (self), NULL);

  return self->class_run;
}

void
upstander_application_set_class_run (UpstanderApplication *self,
                                     UpstanderClassRun    *run)
{
  g_return_if_fail (UPSTANDER_IS_APPLICATION (self));
  g_return_if_fail (run == NULL || UPSTANDER_IS_CLASS_RUN (run));

  if (g_set_object (&self->class_run, run))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLASS_RUN]);
}

static void
upstander_application_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  UpstanderApplication *self = UPSTANDER_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_CLASS_RUN:
      g_value_set_object (value, self->class_run);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/*
 * Closes every window at once, dialogs included, with no question asked,
 * then quits: what a child needs when someone looks over their shoulder.
 */
void
upstander_application_quick_exit (UpstanderApplication *self)
{
  GList *windows;

  g_return_if_fail (UPSTANDER_IS_APPLICATION (self));

  /* A voice reading on after the window is gone would give the reader away. */
  if (self->speaker != NULL)
    upstander_speaker_stop (self->speaker);

  windows = gtk_window_list_toplevels ();
  g_list_foreach (windows, (GFunc) g_object_ref, NULL);
  for (GList *l = windows; l != NULL; l = l->next)
    {
      /* Hide first, so nothing lingers on screen while the rest close. */
      gtk_widget_set_visible (l->data, FALSE);
    }
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free_full (windows, g_object_unref);

  g_application_quit (G_APPLICATION (self));
}

static const struct
{
  const char           *name;
  UpstanderKitDocument  kind;
} kit_options[] = {
  { "lesson-plan", UPSTANDER_KIT_LESSON_PLAN },
  { "worksheet", UPSTANDER_KIT_WORKSHEET },
  { "parent-sheet", UPSTANDER_KIT_PARENT_SHEET },
};

/* The commands that need no display run here, before GTK is initialised. */
static int
upstander_application_handle_local_options (GApplication *app,
                                            GVariantDict *options)
{
  g_autofree const char **files = NULL;
  const char *handout = NULL;
  const char *output = NULL;
  const char *language = NULL;
  const char *region = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("Upstander %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "handout", "&s", &handout))
    {
      g_variant_dict_lookup (options, "output", "^&ay", &output);
      g_variant_dict_lookup (options, "language", "&s", &language);
      g_variant_dict_lookup (options, "region", "&s", &region);
      return upstander_cli_handout (handout, output, language, region);
    }

  for (guint i = 0; i < G_N_ELEMENTS (kit_options); i++)
    {
      const char *scenario_id = NULL;

      if (g_variant_dict_lookup (options, kit_options[i].name, "&s", &scenario_id))
        {
          g_variant_dict_lookup (options, "output", "^&ay", &output);
          g_variant_dict_lookup (options, "language", "&s", &language);
          g_variant_dict_lookup (options, "region", "&s", &region);
          return upstander_cli_kit (kit_options[i].kind, scenario_id, output, language, region);
        }
    }

  if (g_variant_dict_contains (options, "validate"))
    {
      g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
      return upstander_cli_validate (files);
    }

  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files))
    {
      g_printerr (_("upstander: unexpected argument “%s”; see --help\n"), files[0]);
      return 2;
    }

  if (g_variant_dict_contains (options, "list"))
    return upstander_cli_list ();

  return -1;
}

static void start_loading  (UpstanderApplication *self);
static void first_paint_cb (UpstanderApplication *self,
                            GdkFrameClock        *clock);

static void
upstander_application_activate (GApplication *app)
{
  UpstanderApplication *self = UPSTANDER_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GdkFrameClock *clock = NULL;

  if (window == NULL)
    {
      window = GTK_WINDOW (upstander_window_new (self));
      gtk_window_present (window);
      clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
    }
  else
    gtk_window_present (window);

  /* A new window paints first; then the first-run question comes over it
   * and the bundles start loading (first_paint_cb): the reader sees the
   * app at once, and neither delays its first frame (docs/performance.md). */
  if (clock != NULL)
    {
      g_signal_connect_object (clock, "after-paint", G_CALLBACK (first_paint_cb), self, G_CONNECT_SWAPPED);
      return;
    }

  start_loading (self);
  /* Asks only what was never answered (language, who is reading), if anything. */
  upstander_first_run_present (window, self->settings);
}

/* The chosen language, for every string from now on: interface, stories, direction. */
static void
apply_language (UpstanderApplication *self)
{
  upstander_language_apply (upstander_settings_get_language (self->settings));

  if (self->library != NULL)
    upstander_library_set_languages (self->library, g_get_language_names ());

  gtk_widget_set_default_direction (gtk_get_locale_direction ());
}

/*
 * Templates are translated when they are built: every window is built
 * again in the new language and takes the place of the old one, so the
 * reader keeps theirs. Dialogs that only say something just close.
 */
static void
rebuild_windows (UpstanderApplication *self)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();
  UpstanderWindow *main_window = NULL;
  gboolean had_preferences = FALSE;
  gboolean had_notes = FALSE;

  g_list_foreach (windows, (GFunc) g_object_ref, NULL);

  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (UPSTANDER_IS_WINDOW (l->data))
        {
          UpstanderWindow *old = l->data;
          UpstanderWindow *window = upstander_window_new (self);

          upstander_window_take_place (window, old);
          gtk_window_present (GTK_WINDOW (window));
          upstander_window_restore_focus (window);
          if (old == (gpointer) gtk_application_get_active_window (GTK_APPLICATION (self)) ||
              main_window == NULL)
            main_window = window;
        }
    }

  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (UPSTANDER_IS_PREFERENCES_WINDOW (l->data))
        had_preferences = TRUE;
      if (UPSTANDER_IS_FACILITATOR_WINDOW (l->data))
        had_notes = TRUE;
      /* The new windows are not in the list; everything in it is in the old language. */
      gtk_window_destroy (l->data);
    }
  g_list_free_full (g_steal_pointer (&windows), g_object_unref);

  /* The teacher's notes, on their own screen, come back in the new language too. */
  if (had_notes)
    upstander_facilitator_window_present (self);

  if (had_preferences)
    {
      UpstanderPreferencesWindow *preferences = upstander_preferences_window_new (self);

      if (main_window != NULL)
        gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (main_window));
      gtk_window_present (GTK_WINDOW (preferences));
    }
  else if (main_window != NULL)
    {
      gtk_window_present (GTK_WINDOW (main_window));
    }
}

static void
switch_language (UpstanderApplication *self)
{
  if (self->loading)
    {
      /* setenv() must not race the worker: switch when it is done. */
      self->language_pending = TRUE;
      return;
    }

  self->language_pending = FALSE;
  apply_language (self);
  rebuild_windows (self);
}

static gboolean
switch_language_cb (gpointer user_data)
{
  UpstanderApplication *self = user_data;

  self->switch_source = 0;
  switch_language (self);

  return G_SOURCE_REMOVE;
}

static void
language_changed_cb (UpstanderApplication *self)
{
  /* From an idle: the change may come from a widget of a window about to go. */
  if (self->switch_source == 0)
    self->switch_source = g_idle_add (switch_language_cb, self);
}

static void
library_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(UpstanderApplication) self = user_data;

  GPtrArray *problems;

  upstander_library_load_finish (UPSTANDER_LIBRARY (object), result, NULL);
  self->loading = FALSE;

  /* For whoever installed a bundle and started the app from a terminal:
   * what was skipped or refused, and why (as upstander --list prints it). */
  problems = upstander_library_get_diagnostics (UPSTANDER_LIBRARY (object));
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = upstander_diagnostic_format (g_ptr_array_index (problems, i));

      g_printerr ("%s\n", line);
    }

  if (self->language_pending)
    switch_language (self);
}

/*
 * The worker that reads the bundles would cost the first frame nothing on
 * an idle second core; on a school laptop, or a busy one, it takes the CPU
 * the window needs to come up (docs/performance.md). So it starts once the
 * first window has painted, with the loading page on it.
 */
static void
start_loading (UpstanderApplication *self)
{
  g_clear_handle_id (&self->load_fallback_source, g_source_remove);
  if (!self->load_deferred)
    return;

  self->load_deferred = FALSE;
  self->loading = TRUE;
  upstander_library_load_async (self->library, NULL, library_loaded_cb, g_object_ref (self));
}

static gboolean
load_fallback_cb (gpointer user_data)
{
  UpstanderApplication *self = user_data;

  self->load_fallback_source = 0;
  start_loading (self);

  return G_SOURCE_REMOVE;
}

static void
first_paint_cb (UpstanderApplication *self,
                GdkFrameClock        *clock)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);
  start_loading (self);
  if (window != NULL)
    upstander_first_run_present (window, self->settings);
}

/*
 * Classroom Mode is an action only while an administrator makes it
 * available and has not locked it on or off: the menu hides an item whose
 * action is missing (a menu item cannot say why it is greyed out).
 */
static void
classroom_available_cb (UpstanderApplication *self)
{
  GActionMap *map = G_ACTION_MAP (self);

  if (!upstander_settings_get_classroom_available (self->settings) ||
      upstander_settings_get_locked (self->settings, "classroom-mode"))
    g_action_map_remove_action (map, "classroom-mode");
  else if (g_action_map_lookup_action (map, "classroom-mode") == NULL)
    {
      g_autoptr(GPropertyAction) classroom = g_property_action_new ("classroom-mode", self->settings, "classroom-mode");

      g_action_map_add_action (map, G_ACTION (classroom));
    }
}

/* An administrator turned the user's own stories off or on while the app runs: the catalogue drops or reads them. */
static void
user_bundles_changed_cb (UpstanderApplication *self)
{
  upstander_library_set_user_bundles (self->library, upstander_settings_get_user_bundles (self->settings));
}

static void
upstander_application_startup (GApplication *app)
{
  UpstanderApplication *self = UPSTANDER_APPLICATION (app);

  static const char *quick_exit_accels[] = { "<Control><Shift>q", "<Control>q", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (upstander_application_parent_class)->startup (app);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quick-exit", quick_exit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  /* GtkWindow's own action: closes whichever window has the focus. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  /* What GTK sets when it finds gtk/help-overlay.ui; the window builds that
   * overlay only when asked for it (upstander-window.c). */
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", shortcuts_accels);

  if (self->settings == NULL)
    self->settings = upstander_settings_new ();
  g_signal_connect_object (self->settings, "notify::classroom-available",
                           G_CALLBACK (classroom_available_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "notify::classroom-mode-locked",
                           G_CALLBACK (classroom_available_cb), self, G_CONNECT_SWAPPED);
  classroom_available_cb (self);
  self->progress = upstander_progress_new (NULL);
  upstander_progress_load (self->progress);
  /* Connects in the background; read aloud stays off until it has. Like
   * Orca, start the user's speech-dispatcher when none runs, but not when
   * SPEECHD_ADDRESS names a server: whoever set it runs that one (and the
   * tests point it at a socket nobody serves, to run without speech). */
  self->speaker = upstander_speaker_new (g_getenv ("SPEECHD_ADDRESS") == NULL);

  /* Before any worker starts and before the first window: the stored
   * language, and its direction (gtk_init, chained up to above, set the
   * environment's). */
  apply_language (self);
  g_signal_connect_object (self->settings, "notify::language",
                           G_CALLBACK (language_changed_cb), self, G_CONNECT_SWAPPED);

  if (self->library == NULL)
    {
      self->library = upstander_library_new_full (upstander_settings_get_user_bundles (self->settings));
      upstander_library_set_languages (self->library, g_get_language_names ());
      /* Read once the first window has painted (activate), or in a second
       * should no window come. */
      self->load_deferred = TRUE;
      self->load_fallback_source = g_timeout_add_seconds (1, load_fallback_cb, self);
    }
  g_signal_connect_object (self->settings, "notify::user-bundles",
                           G_CALLBACK (user_bundles_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
upstander_application_shutdown (GApplication *app)
{
  UpstanderApplication *self = UPSTANDER_APPLICATION (app);

  /* The last ending found is written before the process ends. */
  if (self->progress != NULL)
    upstander_progress_flush (self->progress);
  if (self->speaker != NULL)
    upstander_speaker_stop (self->speaker);

  G_APPLICATION_CLASS (upstander_application_parent_class)->shutdown (app);
}

static void
upstander_application_dispose (GObject *object)
{
  UpstanderApplication *self = (UpstanderApplication *)object;

  g_clear_handle_id (&self->switch_source, g_source_remove);
  g_clear_handle_id (&self->load_fallback_source, g_source_remove);
  g_clear_object (&self->library);
  g_clear_object (&self->progress);
  g_clear_object (&self->settings);
  g_clear_object (&self->speaker);
  g_clear_object (&self->class_run);

  G_OBJECT_CLASS (upstander_application_parent_class)->dispose (object);
}

static void
upstander_application_class_init (UpstanderApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = upstander_application_dispose;
  object_class->get_property = upstander_application_get_property;

  properties [PROP_CLASS_RUN] =
    g_param_spec_object ("class-run", NULL, NULL,
                         UPSTANDER_TYPE_CLASS_RUN,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
  app_class->handle_local_options = upstander_application_handle_local_options;
  app_class->activate = upstander_application_activate;
  app_class->startup = upstander_application_startup;
  app_class->shutdown = upstander_application_shutdown;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  upstander_application_quick_exit (UPSTANDER_APPLICATION (user_data));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  UpstanderApplication *self = UPSTANDER_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  UpstanderPreferencesWindow *preferences;

  preferences = upstander_preferences_window_new (self);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  UpstanderApplication *self = UPSTANDER_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "Upstander contributors", NULL };
  static const char *writers[] = { "Upstander story writers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "application-name", _("Upstander"),
                        "application-icon", APP_ID,
                        "developer-name", _("Upstander contributors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Live through short stories about cyber-bullying and practise what to do when you see it happen."),
                        "website", "https://github.com/upstander/upstander",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one a line */
                        "translator-credits", _("translator-credits"),
                        "transient-for", parent,
                        NULL);
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Stories"), writers);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Stories, guides and help contacts"),
                                      NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("The stories, guides and help contacts are licensed under the Creative Commons Attribution-ShareAlike 4.0 International licence (CC-BY-SA-4.0), unless a bundle says otherwise."));
  gtk_window_present (GTK_WINDOW (about));
}

static void
upstander_application_init (UpstanderApplication *self)
{
  static const GActionEntry actions[] = {
    { "quit", quit_activated },
    { "quick-exit", quit_activated },
    { "preferences", preferences_activated },
    { "about", about_activated },
  };
  static const GOptionEntry options[] = {
    { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Check bundle files and print their problems as FILE:LINE[:COL]: message"), NULL },
    { "list", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print the scenarios that would be shown: bundle, id, language, title"), NULL },
    { "handout", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Write the lesson handout of a story as a PDF, with no display (see --output)"), N_("SCENARIO-ID") },
    { "lesson-plan", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Write the 45-minute lesson plan of a story as a PDF, with no display (see --output)"), N_("SCENARIO-ID") },
    { "worksheet", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Write the pupils’ worksheet of a story as a PDF, with no display (see --output)"), N_("SCENARIO-ID") },
    { "parent-sheet", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Write the sheet for parents and carers about a story as a PDF, with no display (see --output)"), N_("SCENARIO-ID") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Where --handout, --lesson-plan, --worksheet or --parent-sheet writes the PDF"), N_("FILE.pdf") },
    { "language", 0, 0, G_OPTION_ARG_STRING, NULL, N_("The language of the document, such as “fr”"), N_("LANG") },
    { "region", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("The region whose help contacts the document lists, such as “GB”"), N_("REGION") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
    { NULL }
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Interactive stories about standing up to cyber-bullying."));
}
