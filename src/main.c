/* main.c: starts Upstander */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <locale.h>

#include "upstander-application.h"
#include "upstander-language.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(UpstanderApplication) app = NULL;

  setlocale (LC_ALL, "");
  upstander_language_bind_textdomain ();

  /* Once, before any thread parses a bundle. */
  xmlInitParser ();

  app = upstander_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
