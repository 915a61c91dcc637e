/* test-cli.c: upstander --validate, --list, --help and --version, as a user runs them */
#include <glib.h>
#include <glib/gstdio.h>

#include <string.h>

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

static void
test_list (void)
{
  g_autofree char *data_dir = g_dir_make_tmp ("upstander-cli-XXXXXX", NULL);
  g_autofree char *bundles = g_build_filename (data_dir, "upstander", "bundles", NULL);
  g_autofree char *source = fixture ("example.xml");
  g_autofree char *copy = g_build_filename (bundles, "example.xml", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  const char *env[] = { "XDG_DATA_DIRS", data_dir, "LANGUAGE", "en", NULL };
  g_auto(Run) run = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (bundles, 0700), ==, 0);
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));

  run_app (&run, env, "--list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "example\tthe-sticker\ten\tThe sticker\n"));

  g_assert_cmpint (g_remove (copy), ==, 0);
  g_assert_cmpint (g_rmdir (bundles), ==, 0);
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
  g_test_add_func ("/upstander/cli/help-and-version", test_help_and_version);
  g_test_add_func ("/upstander/cli/unexpected-argument", test_unexpected_argument);

  return g_test_run ();
}
