/* upstander-application.c: the application: actions, command line, windows */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-application.h"
#include "upstander-cli.h"
#include "upstander-window.h"

struct _UpstanderApplication
{
  AdwApplication parent_instance;

  UpstanderLibrary *library;
};

G_DEFINE_FINAL_TYPE (UpstanderApplication, upstander_application, ADW_TYPE_APPLICATION)

UpstanderApplication *
upstander_application_new (void)
{
  return g_object_new (UPSTANDER_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_BASE,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       NULL);
}

UpstanderLibrary *
upstander_application_get_library (UpstanderApplication *self)
{
  g_return_val_if_fail (UPSTANDER_IS_APPLICATION (self), NULL);

  return self->library;
}

/* The commands that need no display run here, before GTK is initialised. */
static int
upstander_application_handle_local_options (GApplication *app,
                                            GVariantDict *options)
{
  g_autofree const char **files = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("Upstander %s\n", PACKAGE_VERSION);
      return 0;
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

static void
upstander_application_activate (GApplication *app)
{
  UpstanderApplication *self = UPSTANDER_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (upstander_window_new (self));

  gtk_window_present (window);
}

static void
upstander_application_startup (GApplication *app)
{
  UpstanderApplication *self = UPSTANDER_APPLICATION (app);

  G_APPLICATION_CLASS (upstander_application_parent_class)->startup (app);

  self->library = upstander_library_new ();
  upstander_library_load_async (self->library, NULL, NULL, NULL);
}

static void
upstander_application_dispose (GObject *object)
{
  UpstanderApplication *self = (UpstanderApplication *)object;

  g_clear_object (&self->library);

  G_OBJECT_CLASS (upstander_application_parent_class)->dispose (object);
}

static void
upstander_application_class_init (UpstanderApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = upstander_application_dispose;
  app_class->handle_local_options = upstander_application_handle_local_options;
  app_class->activate = upstander_application_activate;
  app_class->startup = upstander_application_startup;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
upstander_application_init (UpstanderApplication *self)
{
  static const GActionEntry actions[] = {
    { "quit", quit_activated },
  };
  static const GOptionEntry options[] = {
    { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Check bundle files and print their problems as FILE:LINE:COL: message"), NULL },
    { "list", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print the scenarios that would be shown: bundle, id, language, title"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
    { NULL }
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Interactive stories about standing up to cyber-bullying."));
}
