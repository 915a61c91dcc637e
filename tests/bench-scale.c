/* bench-scale.c: start-up, memory, loading, search and listing at school scale, each as a ratio
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-scale"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

/*
 * Every figure is a median over alternating runs, next to a baseline
 * measured in the same run on the same machine, and printed with its ratio:
 * on a shared machine the absolute numbers drift, the ratios much less.
 * Each measurement runs in a fresh process of bench-launcher (see there);
 * this program only generates the libraries, starts the runs and does the
 * sums. Run: meson test -C _build --benchmark (under Xvfb, like the tests).
 */

#define WINDOW_ROUNDS 7
#define GL_WINDOW_ROUNDS 3
#define SEARCH_ROUNDS 3
#define LOAD_ROUNDS 5
#define LIST_ROUNDS 3

typedef struct
{
  GHashTable *values;   /* key -> GArray of double, every value reported under it */
  double      wall_ms;  /* fork to exit */
  double      cpu_ms;   /* of the whole process, from wait4() */
  double      maxrss_kib;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->values, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static const char *
data_dir (const char *name)
{
  static GHashTable *dirs;
  char *dir;

  if (dirs == NULL)
    dirs = g_hash_table_new (g_str_hash, g_str_equal);
  if ((dir = g_hash_table_lookup (dirs, name)) == NULL)
    {
      dir = g_build_filename (g_test_get_dir (G_TEST_BUILT), "bench-data", name, NULL);
      g_hash_table_insert (dirs, (char *) name, dir);
    }

  return dir;
}

/* The generated libraries, under the build directory, made once and kept. */
static void
generate (const char *kind,
          const char *source,
          const char *out)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "bench-generate.py", NULL);
  const char *argv[] = { python, script, kind, source, out, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_nonnull (python);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
}

static void
generate_libraries (void)
{
  static gboolean done;
  g_autofree char *core = NULL;
  g_autofree char *example = NULL;

  if (done)
    return;
  done = TRUE;

  core = g_test_build_filename (G_TEST_DIST, "..", "resources", "bundles", "core.xml", NULL);
  example = g_test_build_filename (G_TEST_DIST, "fixtures", "example.xml", NULL);
  generate ("big", core, data_dir ("big"));
  generate ("small", example, data_dir ("small"));
  g_mkdir_with_parents (data_dir ("none"), 0700);
}

static void
add_value (GHashTable *values,
           const char *key,
           double      value)
{
  GArray *array = g_hash_table_lookup (values, key);

  if (array == NULL)
    {
      array = g_array_new (FALSE, FALSE, sizeof (double));
      g_hash_table_insert (values, g_strdup (key), array);
    }
  g_array_append_val (array, value);
}

typedef enum {
  RENDERER_CAIRO,    /* the test environment's: GSK_RENDERER=cairo, GDK_DEBUG=gl-disable */
  RENDERER_DEFAULT,  /* what a desktop gets: GL (under Xvfb, Mesa's llvmpipe) */
  N_RENDERERS
} Renderer;

/*
 * Runs @argv with XDG_DATA_HOME=@data_home and its report pipe on fd 3,
 * and waits for it. The start time is taken right before fork(), on the
 * same monotonic clock the child reports with.
 */
static void
run_child_with (const char * const *argv,
                const char         *data_home,
                Renderer            renderer,
                gint64             *started,
                Result             *result)
{
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", data_home, TRUE);
  g_autoptr(GString) report = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  struct rusage usage;
  int fds[2];
  char buffer[4096];
  gssize n;
  pid_t pid;
  int status;

  if (renderer == RENDERER_DEFAULT)
    {
      env = g_environ_unsetenv (env, "GSK_RENDERER");
      env = g_environ_unsetenv (env, "GDK_DEBUG");
    }

  g_assert_no_errno (pipe (fds));
  *started = g_get_monotonic_time ();
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      /* stdout is this program's TAP stream: nothing of the child's goes there. */
      dup2 (null, 1);
      dup2 (fds[1], 3);
      if (fds[0] != 3)
        close (fds[0]);
      if (fds[1] != 3)
        close (fds[1]);
      execve (argv[0], (char **) argv, env);
      _exit (127);
    }

  close (fds[1]);
  while ((n = read (fds[0], buffer, sizeof buffer)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      g_string_append_len (report, buffer, n);
    }
  close (fds[0]);

  while (wait4 (pid, &status, 0, &usage) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  result->wall_ms = (g_get_monotonic_time () - *started) / 1000.0;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s %s failed (status %d): %s", argv[0], argv[1], status, report->str);

  result->cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
                   (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
  result->maxrss_kib = usage.ru_maxrss;
  result->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);

  lines = g_strsplit (report->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", 2);

      if (g_strv_length (fields) == 2)
        add_value (result->values, fields[0], g_ascii_strtod (fields[1], NULL));
    }
}

static void
run_child (const char * const *argv,
           const char         *data_home,
           gint64             *started,
           Result             *result)
{
  run_child_with (argv, data_home, RENDERER_CAIRO, started, result);
}

static double
value (const Result *result,
       const char   *key)
{
  GArray *array = g_hash_table_lookup (result->values, key);

  if (array == NULL || array->len == 0)
    g_error ("the run reported no %s", key);

  return g_array_index (array, double, 0);
}

static GArray *
values (const Result *result,
        const char   *key)
{
  GArray *array = g_hash_table_lookup (result->values, key);

  if (array == NULL)
    g_error ("the run reported no %s", key);

  return array;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *array)
{
  g_assert_cmpuint (array->len, >, 0);
  g_array_sort (array, compare_doubles);

  if (array->len % 2 == 1)
    return g_array_index (array, double, array->len / 2);

  return (g_array_index (array, double, array->len / 2 - 1) +
          g_array_index (array, double, array->len / 2)) / 2;
}

static double
maximum (GArray *array)
{
  g_array_sort (array, compare_doubles);

  return g_array_index (array, double, array->len - 1);
}

static GArray *
doubles (void)
{
  return g_array_new (FALSE, FALSE, sizeof (double));
}

static void
append (GArray *array,
        double  value)
{
  g_array_append_val (array, value);
}

static char *
launcher_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "bench-launcher", NULL);
}

/* (1) and (2): the start-up runs, shared by the two tests that report them. */
typedef enum {
  CONFIG_EMPTY,
  CONFIG_CORE,
  CONFIG_BIG,
  CONFIG_BIG_RETURNING,  /* who is reading was answered before: nothing asked */
  N_CONFIGS
} Config;

static const char * const config_names[N_CONFIGS] = {
  "empty AdwApplicationWindow",
  "app, core stories",
  "app, 1,000 more stories",
  "the same, returning reader",
};

typedef struct
{
  GArray *frame_ms;
  GArray *frame_cpu_ms;       /* the whole process, its threads too */
  GArray *frame_main_cpu_ms;  /* the main thread alone */
  GArray *frame_mib;
  GArray *complete_ms;
  GArray *complete_mib;
} StartupFigures;

static StartupFigures startups[N_RENDERERS][N_CONFIGS];

/* The start-up runs with @renderer, made once for every test that reports them. */
static StartupFigures *
measure_startup (Renderer renderer)
{
  g_autofree char *launcher = launcher_path ();
  StartupFigures *startup = startups[renderer];
  int rounds = renderer == RENDERER_CAIRO ? WINDOW_ROUNDS : GL_WINDOW_ROUNDS;

  if (startup[CONFIG_EMPTY].frame_ms != NULL)
    return startup;

  generate_libraries ();
  for (guint c = 0; c < N_CONFIGS; c++)
    {
      startup[c].frame_ms = doubles ();
      startup[c].frame_cpu_ms = doubles ();
      startup[c].frame_main_cpu_ms = doubles ();
      startup[c].frame_mib = doubles ();
      startup[c].complete_ms = doubles ();
      startup[c].complete_mib = doubles ();
    }

  /* One warm-up run each, then rounds in turn, so drift hits all alike. */
  for (int round = -1; round < rounds; round++)
    {
      for (guint c = 0; c < N_CONFIGS; c++)
        {
          const char *argv[] = { launcher, "window", c == CONFIG_EMPTY ? "empty" : "app",
                                 c == CONFIG_BIG_RETURNING ? "returning" : NULL, NULL };
          g_auto(Result) result = { 0 };
          gboolean big = c == CONFIG_BIG || c == CONFIG_BIG_RETURNING;
          gint64 started;

          run_child_with (argv, data_dir (big ? "big" : "none"), renderer, &started, &result);
          if (round < 0)
            continue;

          append (startup[c].frame_ms, (value (&result, "frame-us") - started) / 1000.0);
          append (startup[c].frame_cpu_ms, value (&result, "frame-cpu-us") / 1000.0);
          append (startup[c].frame_main_cpu_ms, value (&result, "frame-main-cpu-us") / 1000.0);
          append (startup[c].frame_mib, value (&result, "frame-hwm-kib") / 1024.0);
          if (c != CONFIG_EMPTY)
            {
              append (startup[c].complete_ms, (value (&result, "complete-us") - started) / 1000.0);
              append (startup[c].complete_mib, value (&result, "complete-hwm-kib") / 1024.0);
            }
        }
    }

  return startup;
}

static void
bench_first_frame (void)
{
  StartupFigures *startup = measure_startup (RENDERER_CAIRO);
  double empty;

  empty = median (startup[CONFIG_EMPTY].frame_ms);

  g_test_message ("exec -> first painted frame, median of %d runs each:", WINDOW_ROUNDS);
  g_test_message ("  %-28s %7.1f ms (baseline)", config_names[CONFIG_EMPTY], empty);
  for (guint c = CONFIG_CORE; c < N_CONFIGS; c++)
    {
      double frame = median (startup[c].frame_ms);
      double complete = median (startup[c].complete_ms);

      g_test_message ("  %-28s %7.1f ms, %.2fx (every bundle in and painted: %.1f ms, %.2fx)",
                      config_names[c], frame, frame / empty, complete, complete / empty);
    }

  g_test_message ("CPU time until that frame (depends much less on the machine's load):");
  g_test_message ("  %-28s %7.1f ms, main thread %.1f ms (baseline)", config_names[CONFIG_EMPTY],
                  median (startup[CONFIG_EMPTY].frame_cpu_ms), median (startup[CONFIG_EMPTY].frame_main_cpu_ms));
  for (guint c = CONFIG_CORE; c < N_CONFIGS; c++)
    g_test_message ("  %-28s %7.1f ms, %.2fx; main thread %.1f ms, %.2fx", config_names[c],
                    median (startup[c].frame_cpu_ms),
                    median (startup[c].frame_cpu_ms) / median (startup[CONFIG_EMPTY].frame_cpu_ms),
                    median (startup[c].frame_main_cpu_ms),
                    median (startup[c].frame_main_cpu_ms) / median (startup[CONFIG_EMPTY].frame_main_cpu_ms));

  g_test_minimized_result (median (startup[CONFIG_BIG].frame_ms) / empty,
                           "first frame with 1,000 stories: %.2fx the empty window (target <= 1.15x)",
                           median (startup[CONFIG_BIG].frame_ms) / empty);
  g_test_minimized_result (median (startup[CONFIG_BIG_RETURNING].frame_ms) / empty,
                           "the same for a returning reader: %.2fx the empty window (target <= 1.15x)",
                           median (startup[CONFIG_BIG_RETURNING].frame_ms) / empty);
}

static void
report_peak_memory (Renderer renderer)
{
  StartupFigures *startup = measure_startup (renderer);
  double empty = median (startup[CONFIG_EMPTY].frame_mib);

  g_test_message ("peak RSS (VmHWM), %s, median of %d runs each:",
                  renderer == RENDERER_CAIRO ? "cairo renderer" : "default (GL) renderer",
                  renderer == RENDERER_CAIRO ? WINDOW_ROUNDS : GL_WINDOW_ROUNDS);
  g_test_message ("  %-28s %6.1f MiB at first frame (baseline)", config_names[CONFIG_EMPTY], empty);
  for (guint c = CONFIG_CORE; c < N_CONFIGS; c++)
    {
      double frame = median (startup[c].frame_mib);
      double complete = median (startup[c].complete_mib);

      g_test_message ("  %-28s %6.1f MiB at first frame (+%.1f), %6.1f MiB with every bundle in and painted (+%.1f, %.2fx)",
                      config_names[c], frame, frame - empty, complete, complete - empty, complete / empty);
    }

  g_test_minimized_result (median (startup[CONFIG_CORE].complete_mib) - empty,
                           "peak RSS with the core stories, %s: empty window + %.1f MiB (target <= + 30 MiB)",
                           renderer == RENDERER_CAIRO ? "cairo" : "GL",
                           median (startup[CONFIG_CORE].complete_mib) - empty);
}

static void
bench_peak_memory (void)
{
  report_peak_memory (RENDERER_CAIRO);
}

/*
 * The same with the renderer a desktop uses: GL keeps more memory, in the
 * empty window and the app alike. Under Xvfb it is Mesa's software GL, so
 * only its memory says something, not its times.
 */
static void
bench_peak_memory_gl (void)
{
  report_peak_memory (RENDERER_DEFAULT);
}

/* (3) the 1,000-story library: the loader against libxml2 alone, CPU and memory. */
static void
bench_load_library (void)
{
  g_autofree char *launcher = launcher_path ();
  g_autofree char *bundles = NULL;
  g_autoptr(GArray) load_cpu = doubles ();
  g_autoptr(GArray) parse_cpu = doubles ();
  g_autoptr(GArray) load_mib = doubles ();
  g_autoptr(GArray) parse_mib = doubles ();
  g_autoptr(GArray) xmllint_cpu = doubles ();
  double input_mib = 0, stories = 0;

  generate_libraries ();
  bundles = g_build_filename (data_dir ("big"), "upstander", "bundles", NULL);

  for (guint round = 0; round < LOAD_ROUNDS; round++)
    {
      const char *load_argv[] = { launcher, "load", bundles, NULL };
      const char *parse_argv[] = { launcher, "parse", bundles, NULL };
      const char *xmllint_argv[] = { launcher, "parse", "--xmllint", bundles, NULL };
      g_auto(Result) load = { 0 };
      g_auto(Result) parse = { 0 };
      g_auto(Result) xmllint = { 0 };
      gint64 started;

      run_child (load_argv, data_dir ("none"), &started, &load);
      run_child (parse_argv, data_dir ("none"), &started, &parse);
      run_child (xmllint_argv, data_dir ("none"), &started, &xmllint);

      g_assert_cmpfloat (value (&load, "diagnostics"), ==, 0);
      stories = value (&load, "stories");
      input_mib = value (&load, "input-kib") / 1024.0;
      append (load_cpu, value (&load, "cpu-us") / 1000.0);
      append (parse_cpu, value (&parse, "cpu-us") / 1000.0);
      append (xmllint_cpu, value (&xmllint, "cpu-us") / 1000.0);
      append (load_mib, (value (&load, "hwm-kib") - value (&load, "hwm-start-kib")) / 1024.0);
      append (parse_mib, (value (&parse, "hwm-kib") - value (&parse, "hwm-start-kib")) / 1024.0);
    }

  g_assert_cmpfloat (stories, ==, 1000);
  g_test_message ("loading %.0f stories in 10 bundles (%.1f MiB of XML), median of %d runs each:",
                  stories, input_mib, LOAD_ROUNDS);
  /* Two baselines: the parse `xmllint --noout` does, as the issue measured,
   * and a parse with the loader's own options, which skip the indentation
   * (NOBLANKS) and so cost less: the loader's own work shows more there. */
  g_test_message ("  CPU:  bare libxml2 parse as xmllint --noout %.0f ms (baseline), UpstanderLibrary %.0f ms, "
                  "%.2fx (target <= 2.5x)",
                  median (xmllint_cpu), median (load_cpu), median (load_cpu) / median (xmllint_cpu));
  g_test_message ("        bare libxml2 parse with the loader's options %.0f ms, UpstanderLibrary %.2fx that",
                  median (parse_cpu), median (load_cpu) / median (parse_cpu));
  g_test_message ("  peak RSS growth: bare parse +%.1f MiB, UpstanderLibrary +%.1f MiB, %.2fx the parse, "
                  "%.2fx the input size (target <= 4x)",
                  median (parse_mib), median (load_mib), median (load_mib) / median (parse_mib),
                  median (load_mib) / input_mib);

  g_test_minimized_result (median (load_cpu) / median (xmllint_cpu),
                           "loading 1,000 stories: %.2fx the CPU of xmllint's bare parse, "
                           "%.2fx a parse with the loader's options",
                           median (load_cpu) / median (xmllint_cpu), median (load_cpu) / median (parse_cpu));
}

/* (4) a keystroke in the catalogue's search, with the core stories and with 1,000 more. */
static void
bench_search (void)
{
  g_autofree char *launcher = launcher_path ();
  g_autoptr(GArray) core_filter = doubles ();
  g_autoptr(GArray) big_filter = doubles ();
  g_autoptr(GArray) core_paint = doubles ();
  g_autoptr(GArray) big_paint = doubles ();
  guint keystrokes = 0;

  generate_libraries ();

  for (guint round = 0; round < SEARCH_ROUNDS; round++)
    {
      const char *argv[] = { launcher, "search", NULL };
      g_auto(Result) core = { 0 };
      g_auto(Result) big = { 0 };
      gint64 started;
      GArray *big_values;

      run_child (argv, data_dir ("none"), &started, &core);
      run_child (argv, data_dir ("big"), &started, &big);

      g_array_append_vals (core_filter, values (&core, "filter-ms")->data, values (&core, "filter-ms")->len);
      g_array_append_vals (core_paint, values (&core, "paint-ms")->data, values (&core, "paint-ms")->len);
      big_values = values (&big, "filter-ms");
      keystrokes = big_values->len;
      g_array_append_vals (big_filter, big_values->data, big_values->len);
      g_array_append_vals (big_paint, values (&big, "paint-ms")->data, values (&big, "paint-ms")->len);
    }

  g_assert_cmpuint (keystrokes, >, 0);
  g_test_message ("catalogue search, %u keystrokes a run, %d runs: from \"search-changed\" to the filter's result",
                  keystrokes, SEARCH_ROUNDS);
  g_test_message ("  core stories (baseline):  median %.2f ms, worst %.2f ms; to the painted frame %.1f ms",
                  median (core_filter), maximum (core_filter), median (core_paint));
  g_test_message ("  with 1,000 more stories:  median %.2f ms, worst %.2f ms (%.1fx the baseline, "
                  "target <= 16 ms); to the painted frame %.1f ms",
                  median (big_filter), maximum (big_filter), median (big_filter) / median (core_filter),
                  median (big_paint));

  g_test_minimized_result (maximum (big_filter),
                           "search with 1,000 stories: worst keystroke %.2f ms (target <= 16 ms)",
                           maximum (big_filter));
}

/* (5) `upstander --list` over 10,000 small bundles, against parsing them. */
static void
bench_list_small_bundles (void)
{
  g_autofree char *launcher = launcher_path ();
  g_autofree char *bundles = NULL;
  g_autoptr(GArray) list_wall = doubles ();
  g_autoptr(GArray) list_cpu = doubles ();
  g_autoptr(GArray) list_mib = doubles ();
  g_autoptr(GArray) parse_wall = doubles ();
  g_autoptr(GArray) parse_cpu = doubles ();
  g_autoptr(GArray) parse_mib = doubles ();
  const char *upstander = g_getenv ("UPSTANDER_EXE");
  double files = 0;

  g_assert_nonnull (upstander);
  generate_libraries ();
  bundles = g_build_filename (data_dir ("small"), "upstander", "bundles", NULL);

  for (guint round = 0; round < LIST_ROUNDS; round++)
    {
      const char *list_argv[] = { upstander, "--list", NULL };
      const char *parse_argv[] = { launcher, "parse", "--core", bundles, NULL };
      g_auto(Result) list = { 0 };
      g_auto(Result) parse = { 0 };
      gint64 started;

      run_child (list_argv, data_dir ("small"), &started, &list);
      run_child (parse_argv, data_dir ("none"), &started, &parse);

      files = value (&parse, "files");
      append (list_wall, list.wall_ms);
      append (list_cpu, list.cpu_ms);
      append (list_mib, list.maxrss_kib / 1024.0);
      append (parse_wall, parse.wall_ms);
      append (parse_cpu, parse.cpu_ms);
      append (parse_mib, parse.maxrss_kib / 1024.0);
    }

  g_test_message ("listing %.0f bundles (whole processes, median of %d runs each):", files, LIST_ROUNDS);
  g_test_message ("  bare libxml2 parse (baseline): %.0f ms, CPU %.0f ms, peak RSS %.1f MiB",
                  median (parse_wall), median (parse_cpu), median (parse_mib));
  g_test_message ("  upstander --list:              %.0f ms (%.2fx, target <= 2000 ms), CPU %.0f ms (%.2fx), "
                  "peak RSS %.1f MiB",
                  median (list_wall), median (list_wall) / median (parse_wall),
                  median (list_cpu), median (list_cpu) / median (parse_cpu), median (list_mib));

  g_test_minimized_result (median (list_wall),
                           "10,000 bundles listed in %.0f ms (target <= 2000 ms), %.2fx a bare parse",
                           median (list_wall), median (list_wall) / median (parse_wall));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upstander/bench/first-frame", bench_first_frame);
  g_test_add_func ("/upstander/bench/peak-memory", bench_peak_memory);
  g_test_add_func ("/upstander/bench/peak-memory-gl", bench_peak_memory_gl);
  g_test_add_func ("/upstander/bench/load-library", bench_load_library);
  g_test_add_func ("/upstander/bench/search", bench_search);
  g_test_add_func ("/upstander/bench/list-small-bundles", bench_list_small_bundles);

  return g_test_run ();
}
