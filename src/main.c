/* main.c: starts Upstander */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include "upstander-application.h"

int
main (int   argc,
      char *argv[])
{
  return upstander_application_main (argc, argv);
}
