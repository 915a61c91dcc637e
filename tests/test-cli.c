/* test-cli.c: upstander --validate, --list, --help and --version, and a second launch, as a user runs them
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include <signal.h>
#include <string.h>
#include <sys/wait.h>

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the built app with @args (NULL-terminated) and no display. */
static void
run_app (Run         *run,
         const char **envp_extra,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int wait_status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("UPSTANDER_EXE"));
  va_start (args, envp_extra);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  for (guint i = 0; envp_extra != NULL && envp_extra[i] != NULL; i += 2)
    envp = g_environ_setenv (envp, envp_extra[i], envp_extra[i + 1], TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static void
test_validate_valid (void)
{
  g_autofree char *path = fixture ("example.xml");
  g_auto(Run) run = { 0 };

  run_app (&run, NULL, "--validate", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
}

static void
test_validate_errors (void)
{
  g_autofree char *path = fixture ("broken-next.xml");
  g_autofree char *expected = g_strdup_printf ("%s:43: error: next=\"nowhere\" is not a scene or ending of scenario “the-sticker”\n", path);
  g_auto(Run) run = { 0 };

  run_app (&run, NULL, "--validate", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, expected);
}

static void
test_validate_parse_error_has_column (void)
{
  g_autofree char *path = fixture ("truncated.xml");
  g_autofree char *prefix = g_strdup_printf ("%s:4:", path);
  g_auto(Run) run = { 0 };
  g_auto(GStrv) fields = NULL;

  run_app (&run, NULL, "--validate", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.out, prefix));
  /* FILE:LINE:COL: error: … */
  fields = g_strsplit (run.out + strlen (path) + 1, ":", 3);
  g_assert_cmpint (atoi (fields[0]), ==, 4);
  g_assert_cmpint (atoi (fields[1]), >, 0);
  g_assert_true (g_str_has_prefix (fields[2], " error: "));
}

static void
test_validate_unreadable (void)
{
  g_autofree char *good = fixture ("example.xml");
  g_auto(Run) run = { 0 };

  run_app (&run, NULL, "--validate", good, "/nonexistent/bundle.xml", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.out, "/nonexistent/bundle.xml: error: could not read the file"));
}

static void
test_validate_directory (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", NULL);
  g_auto(Run) run = { 0 };

  run_app (&run, NULL, "--validate", dir, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.out, "not a regular file"));
}

static void
test_validate_needs_files (void)
{
  g_auto(Run) run = { 0 };

  run_app (&run, NULL, "--validate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "at least one bundle file"));
}

/* A data directory with the example bundle installed; @copy: where it is. */
static char *
data_dir_with_example (char **copy)
{
  g_autofree char *data_dir = g_dir_make_tmp ("upstander-cli-XXXXXX", NULL);
  g_autofree char *bundles = g_build_filename (data_dir, "upstander", "bundles", NULL);
  g_autofree char *source = fixture ("example.xml");
  g_autofree char *contents = NULL;
  gsize length;

  *copy = g_build_filename (bundles, "example.xml", NULL);
  g_assert_cmpint (g_mkdir_with_parents (bundles, 0700), ==, 0);
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (*copy, contents, length, NULL));

  return g_steal_pointer (&data_dir);
}

static void
test_list (void)
{
  g_autofree char *copy = NULL;
  g_autofree char *data_dir = data_dir_with_example (&copy);
  g_autofree char *bundles = g_path_get_dirname (copy);
  const char *env[] = { "XDG_DATA_DIRS", data_dir, "LANGUAGE", "en", NULL };
  g_auto(Run) run = { 0 };

  run_app (&run, env, "--list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "example\tthe-sticker\ten\tThe sticker\n"));

  g_assert_cmpint (g_remove (copy), ==, 0);
  g_assert_cmpint (g_rmdir (bundles), ==, 0);
}

/*
 * --output /dev/stdout sends the PDF down the pipe: a pipe or a device is
 * written to straight, never replaced by a rename (as root, that would
 * replace the link /dev/stdout itself).
 */
static void
test_handout_to_stdout (void)
{
  g_autofree char *copy = NULL;
  g_autofree char *data_dir = data_dir_with_example (&copy);
  const char *env[] = { "XDG_DATA_DIRS", data_dir, "LANGUAGE", "en", NULL };
  g_auto(Run) run = { 0 };

  run_app (&run, env, "--handout", "example/the-sticker", "--output", "/dev/stdout", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "%PDF-"));
  g_assert_true (g_file_test ("/dev/stdout", G_FILE_TEST_IS_SYMLINK));

  g_assert_cmpint (g_remove (copy), ==, 0);
}

static void
test_help_and_version (void)
{
  g_auto(Run) help = { 0 };
  g_auto(Run) version = { 0 };

  run_app (&help, NULL, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--validate"));
  g_assert_nonnull (strstr (help.out, "--list"));

  run_app (&version, NULL, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "Upstander "));
}

static void
test_unexpected_argument (void)
{
  g_auto(Run) run = { 0 };

  run_app (&run, NULL, "stray.xml", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "unexpected argument"));
}

/* Asks the bus @method about @name; the answer is of @type. */
static GVariant *
ask_bus (GDBusConnection    *bus,
         const char         *method,
         const char         *name,
         const GVariantType *type)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", method, g_variant_new ("(s)", name),
                                       type, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);

  return reply;
}

static gboolean
bus_name_has_owner (GDBusConnection *bus,
                    const char      *name)
{
  g_autoptr(GVariant) reply = ask_bus (bus, "NameHasOwner", name, G_VARIANT_TYPE ("(b)"));
  gboolean has_owner = FALSE;

  g_variant_get (reply, "(b)", &has_owner);

  return has_owner;
}

static GPid
bus_name_owner_pid (GDBusConnection *bus,
                    const char      *name)
{
  g_autoptr(GVariant) reply = ask_bus (bus, "GetConnectionUnixProcessID", name, G_VARIANT_TYPE ("(u)"));
  guint32 pid = 0;

  g_variant_get (reply, "(u)", &pid);

  return (GPid) pid;
}

/*
 * One running copy: a second launch hands over to the first (which shows
 * its window) and exits, with no display of its own; the commands that
 * need no display still run in the process started, with a copy running.
 * A second copy would keep its own idea of the progress and write back
 * what "Forget my progress" forgot in the first.
 */
static void
test_second_launch_activates_first (void)
{
  const char *argv[] = { g_getenv ("UPSTANDER_EXE"), NULL };
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) second = { 0 };
  g_auto(Run) list = { 0 };
  GPid first;
  int status = 0;

  /* The suite runs under Xvfb and a private session bus (CONTRIBUTING.md). */
  g_assert_nonnull (g_getenv ("DISPLAY"));
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (bus_name_has_owner (bus, APP_ID));

  g_spawn_async (NULL, (char **) argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &first, &error);
  g_assert_no_error (error);

  /* Until the first copy has registered; a guard against a hang, not a timing. */
  for (guint i = 0; !bus_name_has_owner (bus, APP_ID); i++)
    {
      if (waitpid (first, &status, WNOHANG) == first)
        g_error ("the first copy exited before it registered (status %d)", status);
      if (i > 1200)
        {
          kill (first, SIGTERM);
          g_error ("the first copy did not register within a minute");
        }
      g_usleep (50 * 1000);
    }
  g_assert_cmpint (bus_name_owner_pid (bus, APP_ID), ==, first);

  /* Without a display it could not open a window of its own: it exits 0
   * only by handing over to the first. */
  run_app (&second, NULL, NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_cmpint (waitpid (first, &status, WNOHANG), ==, 0);
  g_assert_cmpint (bus_name_owner_pid (bus, APP_ID), ==, first);

  /* Commands run here and now, not in the first copy. */
  run_app (&list, NULL, "--list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_true (g_str_has_prefix (list.out, "core\t"));

  g_assert_cmpint (kill (first, SIGTERM), ==, 0);
  g_assert_cmpint (waitpid (first, &status, 0), ==, first);
  g_spawn_close_pid (first);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upstander/cli/validate-valid", test_validate_valid);
  g_test_add_func ("/upstander/cli/validate-errors", test_validate_errors);
  g_test_add_func ("/upstander/cli/validate-parse-error-has-column", test_validate_parse_error_has_column);
  g_test_add_func ("/upstander/cli/validate-unreadable", test_validate_unreadable);
  g_test_add_func ("/upstander/cli/validate-directory", test_validate_directory);
  g_test_add_func ("/upstander/cli/validate-needs-files", test_validate_needs_files);
  g_test_add_func ("/upstander/cli/list", test_list);
  g_test_add_func ("/upstander/cli/handout-to-stdout", test_handout_to_stdout);
  g_test_add_func ("/upstander/cli/help-and-version", test_help_and_version);
  g_test_add_func ("/upstander/cli/unexpected-argument", test_unexpected_argument);
  g_test_add_func ("/upstander/cli/second-launch-activates-first", test_second_launch_activates_first);

  return g_test_run ();
}
