/* main.c: starts Upstander */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <locale.h>

#include "upstander-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(UpstanderApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Once, before any thread parses a bundle. */
  xmlInitParser ();

  app = upstander_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
