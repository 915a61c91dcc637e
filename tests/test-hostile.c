/* test-hostile.c: bundles built to break the loader are refused clearly, and nothing else breaks
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "upstander-bundle.h"
#include "upstander-library.h"

#include <fcntl.h>
#include <malloc.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <valgrind/valgrind.h>

/* Every load of a file here must take at most this much CPU time and grow
 * the peak resident set by at most this much: bounds on the loader, not
 * benchmarks (the 16 MiB read cap is the largest thing it ever holds). */
#define MAX_LOAD_USEC (1 * G_USEC_PER_SEC)
#define MAX_LOAD_PEAK_KIB (64 * 1024)

/* What any input of at most 16 MiB may cost, however it was built (issue 11):
 * the generated floods below are held to this. */
#define MAX_ANY_LOAD_USEC (2 * G_USEC_PER_SEC)
#define MAX_ANY_LOAD_PEAK_KIB (256 * 1024)

typedef struct
{
  const char *file;
  guint       line;     /* where the first error must be; 0: no line (the whole file) */
  const char *message;  /* part of that error */
} HostileCase;

/* Every file in tests/hostile/ that must be refused, and what the author is told. */
static const HostileCase cases[] = {
  { "doctype-xxe.xml", 2, "a DOCTYPE is not allowed" },
  { "billion-laughs.xml", 2, "a DOCTYPE is not allowed" },
  { "quadratic-blowup.xml", 2, "a DOCTYPE is not allowed" },
  { "external-dtd.xml", 2, "a DOCTYPE is not allowed" },
  { "xinclude.xml", 4, "include" },
  { "processing-instruction.xml", 2, "processing instructions" },
  { "empty.xml", 1, "the file is empty" },
  { "truncated.xml", 4, "Couldn't find end of Start Tag" },
  { "invalid-utf8.xml", 4, "not proper UTF-8" },
  { "undefined-entity.xml", 4, "Entity 'jerry' not defined" },
  { "nul-byte.xml", 4, "Char 0x0 out of allowed range" },
  { "char-ref-zero.xml", 4, "invalid xmlChar value 0" },
  { "c0-control.xml", 4, "invalid Char value 7" },
  { "xml-1.1.xml", 1, "version=\"1.0\"" },
  { "wrong-namespace.xml", 2, "the root element must be" },
  { "no-namespace.xml", 2, "the root element must be" },
  { "duplicate-attribute.xml", 2, "Attribute id redefined" },
  { "unknown-encoding.xml", 1, "Unsupported encoding" },
  { "latin1.xml", 1, "save the bundle as UTF-8" },
  { "gzip-compressed.xml", 1, "the file is compressed" },
  { "duplicate-ids.xml", 40, "a second scene or ending with id=\"start\"" },
  { "dangling-next.xml", 43, "next=\"nowhere\" is not a scene or ending" },
  { "no-reachable-ending.xml", 21, "no ending can be reached from scene “start”" },
  { "no-start.xml", 11, "has no scene with start=\"yes\"" },
  { "two-starts.xml", 40, "is a second start" },
  { "bad-id.xml", 28, "is not a valid id" },
  { "huge-id.xml", 11, "is not a valid id" },
  { "bidi-override.xml", 24, "U+202E" },
  { "bidi-isolate-raw.xml", 24, "U+2067" },
  { "blank-text.xml", 24, "<text> is empty" },
  { "malformed-lang.xml", 13, "is not a language tag" },
  { "path-escape.xml", 24, "image" },
  { "absolute-path.xml", 24, "Invalid attribute src" },
  { "long-line.xml", 24, "the limit is 4000" },
  { "too-many-choices.xml", 36, "a decision has at most 4 choices" },
  { "dead-end-scene.xml", 40, "has no way forward" },
  { "bare-ampersand.xml", 24, "xmlParseEntityRef: no name" },
  { "bidi-override-charref.xml", 24, "U+202E" },
  { "bidi-isolate-charref.xml", 29, "U+2066" },
  { "bidi-embedding-raw.xml", 22, "U+202A" },
  { "empty-text.xml", 42, "<text> is empty" },
  { "too-long-title.xml", 47, "the limit is 200" },
  { "too-many-scenes.xml", 838, "more than 200 scenes and endings" },
  /* A second original, then a translation: the translation must not join the refused one. */
  { "second-original-message.xml", 23, "a <message> has one <text>" },
  { "second-original-title.xml", 47, "a second <title> here" },
  /* After one choice the only way out needs a flag nothing can set any more. */
  { "stuck-without-flag.xml", 40, "no ending can be reached from scene “hall” when it is reached with no flag set" },
};

/* Files in tests/hostile/ that load: what they test is how. */
static const char *loadable[] = {
  "utf16-bom.xml",
  "markup-and-format.xml",
  "unreachable-scene.xml",
  "missing-translation.xml",
  "flag-settable-later.xml",
};

static char *
hostile_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "hostile", name, NULL);
}

static UpstanderBundle *
load_path (const char  *path,
           GPtrArray   *diagnostics,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return upstander_bundle_load_file (file, NULL, diagnostics, error);
}

/* Peak resident set of this process (VmHWM), in KiB. */
static gsize
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *hwm;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  hwm = strstr (status, "VmHWM:");
  g_assert_nonnull (hwm);

  return g_ascii_strtoull (hwm + strlen ("VmHWM:"), NULL, 10);
}

/* Starts the peak resident set again from the current one (Linux ≥ 4.0). */
static void
reset_peak_rss (void)
{
  int fd = open ("/proc/self/clear_refs", O_WRONLY);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "5", 1), ==, 1);
  close (fd);
}

typedef struct
{
  gint64 max_cpu_usec;
  gsize  max_peak_kib;
} Bounds;

static const Bounds small_bounds = { MAX_LOAD_USEC, MAX_LOAD_PEAK_KIB };
static const Bounds any_bounds = { MAX_ANY_LOAD_USEC, MAX_ANY_LOAD_PEAK_KIB };

/* AddressSanitizer (build-aux/setup.sh's third stage) makes every
 * allocation several times dearer and keeps freed memory in quarantine:
 * the bounds are the same bounds on an instrumented program. */
#if defined(__SANITIZE_ADDRESS__)
#define SANITIZER_FACTOR 6
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZER_FACTOR 6
#endif
#endif
#ifndef SANITIZER_FACTOR
#define SANITIZER_FACTOR 1
#endif

/* CPU time (user and system) this process has used, in microseconds: unlike
 * the wall clock, it does not grow when other processes share the machine. */
static gint64
cpu_usec (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);

  return ((gint64) usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
         usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

typedef void (*CheckFunc) (const char        *path,
                           UpstanderBundle   *bundle,
                           GPtrArray         *diagnostics,
                           GError            *error,
                           gconstpointer      data);

/* In the child: load, measure, check; everything freed before it exits. */
static void
load_in_child (const char    *path,
               const Bounds  *bounds,
               CheckFunc      check,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = NULL;
  gsize before, after;
  gint64 start, elapsed;

  /* A hang ends here, not in the test harness's timeout. */
  alarm (RUNNING_ON_VALGRIND ? 120 : 10);

  /* Memory the parent freed but kept would hide what the load needs. */
  malloc_trim (0);
  reset_peak_rss ();
  before = peak_rss_kib ();
  start = cpu_usec ();
  bundle = load_path (path, diagnostics, &error);
  elapsed = cpu_usec () - start;
  after = peak_rss_kib ();

  g_test_message ("%s: %" G_GINT64_FORMAT " us CPU, peak +%" G_GSIZE_FORMAT " KiB",
                  path, elapsed, after - before);
  /* Under memcheck, time and memory are valgrind's: it checks the
   * allocations themselves instead. */
  if (!RUNNING_ON_VALGRIND)
    {
      g_assert_cmpint (elapsed, <, bounds->max_cpu_usec * SANITIZER_FACTOR);
      g_assert_cmpuint (after - before, <=, bounds->max_peak_kib * SANITIZER_FACTOR);
    }

  check (path, bundle, diagnostics, error, data);
}

/* Runs @func in a child process of its own: a crash, a hang or a runaway
 * allocation fails this case only. */
static void
run_in_child (void          (*func) (gconstpointer data),
              gconstpointer   data)
{
  pid_t pid;
  int status = 0;

  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);

  if (pid == 0)
    {
      func (data);
      fflush (stdout);
      fflush (stderr);
      _exit (0);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (WIFSIGNALED (status))
    g_error ("the child was killed by signal %d", WTERMSIG (status));
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

typedef struct
{
  const char    *path;
  const Bounds  *bounds;
  CheckFunc      check;
  gconstpointer  data;
} BoundedLoad;

static void
bounded_load_cb (gconstpointer data)
{
  const BoundedLoad *load = data;

  load_in_child (load->path, load->bounds, load->check, load->data);
}

/*
 * Loads @path in a child process of its own, so that the peak resident set
 * measured is this one load's. Then @check looks at the result, there too.
 */
static void
load_within (const char    *path,
             const Bounds  *bounds,
             CheckFunc      check,
             gconstpointer  data)
{
  BoundedLoad load = { path, bounds, check, data };

  run_in_child (bounded_load_cb, &load);
}

static void
load_bounded (const char    *path,
              CheckFunc      check,
              gconstpointer  data)
{
  load_within (path, &small_bounds, check, data);
}

static void
check_refused (const char      *path,
               UpstanderBundle *bundle,
               GPtrArray       *diagnostics,
               GError          *error,
               gconstpointer    data)
{
  const HostileCase *hostile = data;
  const UpstanderDiagnostic *first_error = NULL;

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const UpstanderDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      g_autofree char *line = upstander_diagnostic_format (diagnostic);

      g_test_message ("%s", line);
      /* One diagnostic is one line of output, whatever libxml2 said. */
      g_assert_null (strchr (diagnostic->message, '\n'));
      g_assert_true (g_utf8_validate (diagnostic->message, -1, NULL));
      if (first_error == NULL && diagnostic->severity == UPSTANDER_SEVERITY_ERROR)
        first_error = diagnostic;
    }

  /* Nothing half-loaded. */
  g_assert_null (bundle);
  g_assert_error (error, UPSTANDER_BUNDLE_ERROR, UPSTANDER_BUNDLE_ERROR_INVALID);
  g_assert_nonnull (first_error);
  g_assert_cmpstr (first_error->file, ==, path);
  g_assert_cmpuint (first_error->line, ==, hostile->line);
  g_assert_nonnull (strstr (first_error->message, hostile->message));
}

/* A library of @hostile beside one good bundle still loads the good one. */
static void
assert_library_survives (const char *hostile,
                         guint       n_failed)
{
  g_autofree char *session_fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "session.xml", NULL);
  g_autofree char *dir = g_dir_make_tmp ("upstander-survives-XXXXXX", NULL);
  g_autofree char *good = g_build_filename (dir, "good.xml", NULL);
  g_autofree char *base = g_path_get_basename (hostile);
  g_autofree char *bad = g_build_filename (dir, base, NULL);
  g_autofree char *contents = NULL;
  const char *dirs[] = { dir, NULL };
  g_autoptr(UpstanderLibrary) library = NULL;

  g_assert_true (g_file_get_contents (session_fixture, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (good, contents, -1, NULL));
  g_assert_cmpint (symlink (hostile, bad), ==, 0);

  library = upstander_library_new_for_sources (NULL, dirs);
  /* Survival, not time: the deadline is wall time (test-library tests it),
   * and a loaded machine or valgrind could make a valid bundle miss it. */
  upstander_library_set_bundle_timeout (library, 0);
  upstander_library_load (library);
  g_assert_nonnull (upstander_library_lookup_scenario (library, "session-fixture", "walk-home"));
  g_assert_cmpuint (upstander_library_get_n_failed (library), ==, n_failed);

  g_assert_cmpint (g_remove (bad), ==, 0);
  g_assert_cmpint (g_remove (good), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_case (gconstpointer data)
{
  const HostileCase *hostile = data;
  g_autofree char *path = hostile_path (hostile->file);

  load_bounded (path, check_refused, hostile);
  assert_library_survives (path, 1);
}

static void
check_loaded (const char      *path,
              UpstanderBundle *bundle,
              GPtrArray       *diagnostics,
              GError          *error,
              gconstpointer    data)
{
  g_assert_no_error (error);
  g_assert_nonnull (bundle);
  g_assert_cmpuint (upstander_diagnostics_count (diagnostics, UPSTANDER_SEVERITY_ERROR), ==, 0);
}

static void
test_loadable (gconstpointer data)
{
  g_autofree char *path = hostile_path (data);

  load_bounded (path, check_loaded, NULL);
  assert_library_survives (path, 0);
}

/* UTF-16 with a byte-order mark is accepted: editors on some systems save it. */
static void
test_utf16_accepted (void)
{
  g_autofree char *path = hostile_path ("utf16-bom.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = load_path (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (upstander_scenario_get_title (upstander_bundle_lookup_scenario (bundle, "the-sticker")),
                   ==, "The sticker");
}

/* Markup and format directives load as the literal text they are. */
static void
test_markup_and_format_literal (void)
{
  g_autofree char *path = hostile_path ("markup-and-format.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = load_path (path, NULL, &error);
  const UpstanderScene *start;
  const UpstanderLine *narration;

  g_assert_no_error (error);
  start = upstander_scenario_get_start (upstander_bundle_lookup_scenario (bundle, "the-sticker"));
  narration = g_ptr_array_index (start->lines, 1);
  g_assert_cmpstr (upstander_text_get_original (g_ptr_array_index (narration->texts, 0)), ==,
                   "<span size=\"99999\">big</span> <a href=\"file:///etc/passwd\">x</a> Tom & Jerry %s%n %d");
}

static char *
write_temp (const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *dir = g_dir_make_tmp ("upstander-hostile-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  return path;
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
check_too_large (const char      *path,
                 UpstanderBundle *bundle,
                 GPtrArray       *diagnostics,
                 GError          *error,
                 gconstpointer    data)
{
  g_assert_null (bundle);
  g_assert_error (error, UPSTANDER_BUNDLE_ERROR, UPSTANDER_BUNDLE_ERROR_TOO_LARGE);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  g_assert_nonnull (strstr (((UpstanderDiagnostic *) g_ptr_array_index (diagnostics, 0))->message,
                            "larger than 16 MiB"));
}

/* 20 MiB: refused after reading at most the cap, not parsed. */
static void
test_too_large (void)
{
  gsize size = 20 * 1024 * 1024;
  g_autofree char *contents = g_malloc (size);
  g_autofree char *path = NULL;

  memset (contents, ' ', size);
  memcpy (contents, "<?xml version=\"1.0\"?><bundle", 28);
  path = write_temp ("huge.xml", contents, size);

  load_bounded (path, check_too_large, NULL);
  assert_library_survives (path, 1);

  remove_temp (path);
}

/* 100 MiB (sparse, so the test writes nothing): the same, in the same bounds. */
static void
test_100_mib (void)
{
  g_autofree char *path = write_temp ("100mib.xml", "<?xml version=\"1.0\"?><bundle", 28);

  g_assert_cmpint (truncate (path, 100 * 1024 * 1024), ==, 0);

  load_bounded (path, check_too_large, NULL);
  assert_library_survives (path, 1);

  remove_temp (path);
}

static void
check_deep (const char      *path,
            UpstanderBundle *bundle,
            GPtrArray       *diagnostics,
            GError          *error,
            gconstpointer    data)
{
  g_assert_null (bundle);
  g_assert_error (error, UPSTANDER_BUNDLE_ERROR, UPSTANDER_BUNDLE_ERROR_INVALID);
  g_assert_cmpuint (((UpstanderDiagnostic *) g_ptr_array_index (diagnostics, 0))->line, ==, 3);
  g_assert_nonnull (strstr (((UpstanderDiagnostic *) g_ptr_array_index (diagnostics, 0))->message,
                            "depth"));
}

/* 100 000 nested elements: libxml2's depth limit stops it, with a line. */
static void
test_deep_nesting (void)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n"
                                         "<bundle xmlns=\"urn:upstander:bundle:1\" id=\"h\" version=\"1\" xml:lang=\"en\">\n");
  g_autofree char *path = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "<info>");
  path = write_temp ("deep.xml", xml->str, xml->len);

  load_bounded (path, check_deep, NULL);
  assert_library_survives (path, 1);

  remove_temp (path);
}

static void
check_unreachable (const char      *path,
                   UpstanderBundle *bundle,
                   GPtrArray       *diagnostics,
                   GError          *error,
                   gconstpointer    data)
{
  const UpstanderDiagnostic *warning;

  g_assert_no_error (error);
  g_assert_nonnull (bundle);
  g_assert_cmpuint (upstander_diagnostics_count (diagnostics, UPSTANDER_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (upstander_diagnostics_count (diagnostics, UPSTANDER_SEVERITY_WARNING), >=, 1);
  warning = g_ptr_array_index (diagnostics, 0);
  g_assert_cmpuint (warning->line, ==, 46);
  g_assert_nonnull (strstr (warning->message, "scene “island” cannot be reached from the start"));
}

/* An unreachable scene is only a warning: the story still loads. */
static void
test_unreachable_warning (void)
{
  g_autofree char *path = hostile_path ("unreachable-scene.xml");

  load_bounded (path, check_unreachable, NULL);
}

static void
check_translation_falls_back (const char      *path,
                              UpstanderBundle *bundle,
                              GPtrArray       *diagnostics,
                              GError          *error,
                              gconstpointer    data)
{
  const char * const languages[] = { "fr", NULL };
  const UpstanderScene *start;
  const UpstanderLine *narration, *message;

  g_assert_no_error (error);
  upstander_bundle_set_languages (bundle, languages);
  start = upstander_scenario_get_start (upstander_bundle_lookup_scenario (bundle, "the-sticker"));
  message = g_ptr_array_index (start->lines, 0);
  narration = g_ptr_array_index (start->lines, 1);
  /* Translated where there is one, the bundle's language where there is not. */
  g_assert_cmpstr (upstander_bundle_translate (bundle, g_ptr_array_index (narration->texts, 0)), ==,
                   "Ana n’a rien écrit.");
  g_assert_cmpstr (upstander_bundle_translate (bundle, g_ptr_array_index (message->texts, 0)), ==,
                   "made a sticker of Ana's face lol");
}

/* A missing translation falls back to the bundle's own language. */
static void
test_missing_translation (void)
{
  g_autofree char *path = hostile_path ("missing-translation.xml");

  load_bounded (path, check_translation_falls_back, NULL);
}

/* A bundle that is a symlink to a device (it would never end) or a symlink
 * loop is not read, and a library beside them still loads. */
static void
test_symlink_to_device (void)
{
  g_autofree char *dir = g_dir_make_tmp ("upstander-hostile-XXXXXX", NULL);
  g_autofree char *zero = g_build_filename (dir, "zero.xml", NULL);
  g_autofree char *loop = g_build_filename (dir, "loop.xml", NULL);
  const char *paths[] = { zero, loop };

  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
  g_assert_cmpint (symlink (loop, loop), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UpstanderBundle) bundle = load_path (paths[i], NULL, &error);

      g_assert_null (bundle);
      g_assert_error (error, UPSTANDER_BUNDLE_ERROR, UPSTANDER_BUNDLE_ERROR_READ);
      /* Not even listed by a library: only regular files are bundles. */
      assert_library_survives (paths[i], 0);
    }

  g_assert_cmpint (g_remove (zero), ==, 0);
  g_assert_cmpint (g_remove (loop), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A FIFO would block a reader forever; it is refused without being opened. */
static void
test_fifo_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("upstander-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pipe.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = NULL;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  bundle = load_path (path, NULL, &error);
  g_assert_null (bundle);
  g_assert_error (error, UPSTANDER_BUNDLE_ERROR, UPSTANDER_BUNDLE_ERROR_READ);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

typedef struct
{
  char          *dir;
  char          *target;
  volatile gint  stop;
  volatile gint  n_swaps;
} SwapRace;

/* Points @target at a FIFO and at a regular file in turn, each swap atomic. */
static gpointer
swap_thread (gpointer data)
{
  SwapRace *race = data;
  g_autofree char *fifo = g_build_filename (race->dir, "pipe", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "session.xml", NULL);
  g_autofree char *regular = g_canonicalize_filename (fixture, NULL);
  g_autofree char *link = g_build_filename (race->dir, "link", NULL);

  for (guint i = 0; !g_atomic_int_get (&race->stop); i++)
    {
      g_assert_cmpint (symlink (i % 2 == 0 ? fifo : regular, link), ==, 0);
      g_assert_cmpint (rename (link, race->target), ==, 0);
      g_atomic_int_inc (&race->n_swaps);
    }

  return NULL;
}

static void
fifo_swap_race_cb (gconstpointer data)
{
  SwapRace race = { 0 };
  g_autofree char *fifo = NULL;
  GThread *thread;
  guint n_loaded = 0, n_refused = 0;

  race.dir = g_dir_make_tmp ("upstander-race-XXXXXX", NULL);
  race.target = g_build_filename (race.dir, "bundle.xml", NULL);
  fifo = g_build_filename (race.dir, "pipe", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  /* A read that blocks on the FIFO ends here, as a failure. */
  alarm (RUNNING_ON_VALGRIND ? 300 : 20);

  thread = g_thread_new ("swap", swap_thread, &race);
  while (!g_file_test (race.target, G_FILE_TEST_IS_SYMLINK))
    g_thread_yield ();
  for (guint i = 0; i < 400; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UpstanderBundle) bundle = NULL;
      gint n_swaps = g_atomic_int_get (&race.n_swaps);

      /* A refusal is quicker than a swap: wait for one between loads. */
      while (g_atomic_int_get (&race.n_swaps) == n_swaps)
        g_thread_yield ();

      bundle = load_path (race.target, NULL, &error);

      if (bundle != NULL)
        n_loaded++;
      else
        {
          g_assert_error (error, UPSTANDER_BUNDLE_ERROR, UPSTANDER_BUNDLE_ERROR_READ);
          g_assert_nonnull (strstr (error->message, "not a regular file"));
          n_refused++;
        }
    }
  g_atomic_int_set (&race.stop, 1);
  g_thread_join (thread);

  g_test_message ("%u loaded, %u refused as not regular", n_loaded, n_refused);
  g_assert_cmpuint (n_loaded + n_refused, ==, 400);
  /* Both sides of the race were met (the swaps outnumber the loads by far). */
  g_assert_cmpuint (n_loaded, >, 0);
  g_assert_cmpuint (n_refused, >, 0);

  g_assert_cmpint (unlink (race.target), ==, 0);
  g_assert_cmpint (unlink (fifo), ==, 0);
  g_assert_cmpint (g_rmdir (race.dir), ==, 0);
  g_free (race.target);
  g_free (race.dir);
}

/* A bundle path swapped for a FIFO between checks never hangs the loader:
 * what is opened is what is checked. */
static void
test_fifo_swap_race (void)
{
  run_in_child (fifo_swap_race_cb, NULL);
}

/* A file name with a line break, a terminal escape and a bidi override
 * cannot forge a diagnostic line or colour a terminal. */
static void
test_file_name_escaped (void)
{
  g_autofree char *path = write_temp ("evil\nx.xml:1: error: fake\033[31m\u202e.xml", "<oops", -1);
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = load_path (path, diagnostics, &error);

  g_assert_null (bundle);
  g_assert_cmpuint (diagnostics->len, >, 0);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const UpstanderDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      g_autofree char *line = upstander_diagnostic_format (diagnostic);

      g_assert_cmpstr (diagnostic->file, ==, path);
      g_assert_null (strchr (line, '\n'));
      g_assert_null (strchr (line, '\033'));
      g_assert_null (strstr (line, "\u202e"));
      g_assert_nonnull (strstr (line, "evil?x.xml:1: error: fake?[31m?.xml:1"));
    }
  g_assert_null (strchr (error->message, '\n'));
  g_assert_null (strchr (error->message, '\033'));

  remove_temp (path);
}

/* Generated inputs: each built from tests/fixtures/example.xml by putting a
 * flood where @anchor was, all on the anchor's line so the expected line
 * stays that line. */

static GString *
example_bundle (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "example.xml", NULL);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));

  return g_string_new (contents);
}

/* Replaces @anchor with @prefix, then @unit @n times (with "%u" in it, the
 * unit's number), then @suffix. */
static void
flood (GString    *xml,
       const char *anchor,
       const char *prefix,
       const char *unit,
       guint       n,
       const char *suffix)
{
  const char *at = strstr (xml->str, anchor);
  g_autoptr(GString) middle = g_string_new (prefix);
  g_auto(GStrv) pieces = g_strsplit (unit, "%u", -1);
  gsize position;

  g_assert_nonnull (at);
  position = at - xml->str;
  for (guint i = 0; i < n; i++)
    {
      for (guint p = 0; pieces[p] != NULL; p++)
        {
          if (p > 0)
            g_string_append_printf (middle, "%u", i);
          g_string_append (middle, pieces[p]);
        }
    }
  g_string_append (middle, suffix);

  g_string_erase (xml, position, strlen (anchor));
  g_string_insert_len (xml, position, middle->str, middle->len);
}

#define EXAMPLE_TOPIC "<topic id=\"group-chat\"><name>Group chats</name></topic>"
#define EXAMPLE_TOPICS "topics=\"group-chat\""
#define EXAMPLE_NOTE "<facilitator><text>Ask who else could see the sticker.</text></facilitator>"

/* A topic with 32 long names, named 150 000 times: 1.8 GB when each
 * reference copied every name. */
static void
generate_topic_amplification (GString *xml)
{
  g_autofree char *name = g_strnfill (200, 'n');
  g_autoptr(GString) topic = g_string_new (EXAMPLE_TOPIC "<topic id=\"a\">");

  g_string_append_printf (topic, "<name>%s</name>", name);
  for (guint i = 0; i < 31; i++)
    g_string_append_printf (topic, "<name xml:lang=\"xa-%c%c\">%s</name>", 'a' + i / 26, 'a' + i % 26, name);
  g_string_append (topic, "</topic>");

  flood (xml, EXAMPLE_TOPIC, topic->str, "", 0, "");
  flood (xml, EXAMPLE_TOPICS, "topics=\"", "a ", 150000, "\"");
}

/* The same, with the separators written as character references, which
 * the streaming pass does not decode: the loader counts again. */
static void
generate_topic_amplification_charrefs (GString *xml)
{
  flood (xml, EXAMPLE_TOPIC, EXAMPLE_TOPIC "<topic id=\"a\"><name>A</name></topic>", "", 0, "");
  flood (xml, EXAMPLE_TOPICS, "topics=\"", "a&#32;", 150000, "a\"");
}

/* 1.5 million different topic ids that no <topic> declares. */
static void
generate_unknown_topic_ids (GString *xml)
{
  flood (xml, EXAMPLE_TOPICS, "topics=\"", "u%u ", 1500000, "\"");
}

static void
generate_unknown_topic_ids_charrefs (GString *xml)
{
  flood (xml, EXAMPLE_TOPICS, "topics=\"", "u%u&#10;", 300000, "\"");
}

/* libxml2 checks each attribute of a tag against every earlier one. */
static void
generate_many_attributes (GString *xml)
{
  flood (xml, "<info>", "<info", " a%u=\"x\"", 80000, ">");
}

/* 60 000 namespace declarations on the root, then 60 000 elements. */
static void
generate_namespaces_on_root (GString *xml)
{
  flood (xml, "xml:lang=\"en\">", "xml:lang=\"en\"", " xmlns:p%u=\"urn:x\"", 60000, ">");
  flood (xml, "</info>", "</info>", "<x/>", 60000, "");
}

/* The same declarations one per element. */
static void
generate_namespaces_spread (GString *xml)
{
  flood (xml, "</info>", "</info>", "<p%u:x xmlns:p%u=\"urn:x\"/>", 60000, "");
}

/* 60 000 elements that each fail the schema, under every count limit:
 * libxml2 2.9.14 walked back over the whole document for each error. */
static void
generate_schema_failures (GString *xml)
{
  flood (xml, EXAMPLE_NOTE, "<facilitator>", "<text bogus=\"1\">x</text>", 60000, "</facilitator>");
}

/* 60 000 topics that each fail the schema (no name): over the topic limit. */
static void
generate_schema_failing_topics (GString *xml)
{
  flood (xml, EXAMPLE_TOPIC, EXAMPLE_TOPIC, "<topic id=\"t\"/>", 60000, "");
}

/* 16 MiB of paragraphs: refused at the limit, not after building them all. */
static void
generate_paragraph_flood (GString *xml)
{
  flood (xml, EXAMPLE_NOTE, EXAMPLE_NOTE, "<p>x</p>", 16 * 1024 * 1024 / 8 - 1000, "");
}

/* 2 million empty comments. */
static void
generate_comment_flood (GString *xml)
{
  flood (xml, EXAMPLE_NOTE, EXAMPLE_NOTE, "<!---->", 2000000, "");
}

/* The other repeated elements and list attributes issue 11 names. */
static void
generate_help_flood (GString *xml)
{
  flood (xml, "<help region=\"all\">", "", "<help region=\"GB\"><advice><text>x</text></advice></help>", 250000,
         "<help region=\"all\">");
}

static void
generate_region_flood (GString *xml)
{
  flood (xml, "<help region=\"all\">", "<help region=\"", "GB ", 5000000, "\">");
}

static void
generate_continue_flood (GString *xml)
{
  flood (xml, "<continue next=\"end\"/>", "", "<continue next=\"end\" if=\"reached-out\"/>", 300000,
         "<continue next=\"end\"/>");
}

static void
generate_question_flood (GString *xml)
{
  flood (xml, "<discuss><question>How might Ana feel?</question></discuss>", "<discuss>",
         "<question>?</question>", 700000, "</discuss>");
}

static void
generate_item_flood (GString *xml)
{
  flood (xml, "<list><item>Stop</item>", "<list>", "<item>x</item>", 1000000, "");
}

/* 110 scenarios, each a chain of 15 decisions whose choices set 15 flags:
 * 65 535 combinations of scene and flags each (under the bound of one
 * scenario), 7 million in all. */
static void
generate_flag_combinations (GString *xml)
{
  g_autoptr(GString) scenarios = g_string_new (NULL);

  for (guint s = 0; s < 110; s++)
    {
      g_string_append_printf (scenarios,
                              "<scenario id=\"combinations-%u\" version=\"1\" ages=\"8-11\" minutes=\"3\" topics=\"group-chat\">"
                              "<title>t</title><summary>s</summary><goal>g</goal>"
                              "<cast><person id=\"you\" role=\"player\"><name>You</name></person></cast>", s);
      for (guint i = 0; i < 15; i++)
        {
          g_autofree char *next = i < 14 ? g_strdup_printf ("s%u", i + 1) : g_strdup ("end");

          g_string_append_printf (scenarios,
                                  "<scene id=\"s%u\" place=\"school\"%s><decision><prompt>p</prompt>"
                                  "<choice id=\"a%u\" next=\"%s\" effect=\"helpful\" sets=\"f%u\"><label>a</label><feedback><text>f</text></feedback></choice>"
                                  "<choice id=\"c%u\" next=\"%s\" effect=\"mixed\"><label>c</label><feedback><text>f</text></feedback></choice>"
                                  "</decision></scene>",
                                  i, i == 0 ? " start=\"yes\"" : "", i, next, i, i, next);
        }
      g_string_append (scenarios, "<ending id=\"end\" outcome=\"positive\"><title>e</title><text>e</text><takeaway>t</takeaway></ending></scenario>");
    }

  flood (xml, "<help region=\"all\">", scenarios->str, "", 0, "<help region=\"all\">");
}

/* A valid bundle just under 16 MiB: 63 000 facilitator notes of 250 characters. */
static void
generate_large_valid (GString *xml)
{
  g_autofree char *note = g_strnfill (250, 'n');
  g_autofree char *unit = g_strdup_printf ("<text>%s</text>", note);

  flood (xml, EXAMPLE_NOTE, "<facilitator>", unit, 63000, "</facilitator>");
  g_assert_cmpuint (xml->len, <=, 16 * 1024 * 1024);
}

/* A valid bundle with about 100 000 elements, each kind close to its limit. */
static void
generate_many_valid_elements (GString *xml)
{
  flood (xml, EXAMPLE_NOTE, "<facilitator>", "<text>Ask who else could see it.</text>", 63000, "</facilitator>");
  flood (xml, "<discuss><question>How might Ana feel?</question></discuss>",
         "<discuss>", "<question>How might Ana feel?</question>", 11990, "</discuss>");
  flood (xml, "<takeaway>A private message shows you care.</takeaway>",
         "", "<takeaway>A private message shows you care.</takeaway>", 11990, "");
  flood (xml, "<goal>Notice when a joke hurts someone.</goal>",
         "", "<goal>Notice when a joke hurts someone.</goal>", 3990, "");
  flood (xml, "<name>Ana</name>", "<name>Ana</name>", "<name xml:lang=\"xa-%u\">Ana</name>", 31, "");
}

/* The valid flood above, then one bad element at its end. */
static void
generate_large_valid_then_bad (GString *xml)
{
  generate_large_valid (xml);
  flood (xml, "</facilitator>", "<bogus/></facilitator>", "", 0, "");
}

typedef struct
{
  const char *name;
  void      (*generate) (GString *xml);
  guint       line;     /* where the first error must be; 0: the bundle loads */
  const char *message;
} GeneratedCase;

static const GeneratedCase generated[] = {
  { "topic-amplification", generate_topic_amplification, 11, "topics= lists 150000 values; the limit is 20" },
  { "topic-amplification-charrefs", generate_topic_amplification_charrefs, 11, "topics= lists 150001 values; the limit is 20" },
  { "unknown-topic-ids", generate_unknown_topic_ids, 11, "topics= lists 1500000 values" },
  { "unknown-topic-ids-charrefs", generate_unknown_topic_ids_charrefs, 11, "topics= lists 300000 values" },
  { "many-attributes", generate_many_attributes, 3, "more than 16 attributes on one element" },
  { "namespaces-on-root", generate_namespaces_on_root, 2, "more than 16 attributes on one element" },
  { "namespaces-spread", generate_namespaces_spread, 8, "more than 16 namespace declarations" },
  { "schema-failures", generate_schema_failures, 37, "Invalid attribute bogus for element text" },
  { "schema-failing-topics", generate_schema_failing_topics, 9, "more than 200 <topic> elements in one bundle" },
  { "paragraph-flood", generate_paragraph_flood, 37, "more than 4000 <p> elements in one bundle" },
  { "comment-flood", generate_comment_flood, 37, "more than 10000 comments in one bundle" },
  { "help-flood", generate_help_flood, 53, "more than 200 <help> elements in one bundle" },
  { "region-flood", generate_region_flood, 53, "region= lists 5000000 values; the limit is 300" },
  { "continue-flood", generate_continue_flood, 43, "more than 4000 <continue> elements in one bundle" },
  { "question-flood", generate_question_flood, 27, "more than 12000 <question> elements in one bundle" },
  { "item-flood", generate_item_flood, 66, "more than 4000 <item> elements in one bundle" },
  { "flag-combinations", generate_flag_combinations, 53, "the bundle has more than 300000 combinations of scene and flags" },
  { "large-valid", generate_large_valid, 0, NULL },
  { "many-valid-elements", generate_many_valid_elements, 0, NULL },
  { "large-valid-then-bad", generate_large_valid_then_bad, 37, "Did not expect element bogus there" },
};

static void
test_generated (gconstpointer data)
{
  const GeneratedCase *generated_case = data;
  g_autoptr(GString) xml = example_bundle ();
  g_autofree char *name = g_strconcat (generated_case->name, ".xml", NULL);
  g_autofree char *path = NULL;
  HostileCase expected = { name, generated_case->line, generated_case->message };

  generated_case->generate (xml);
  g_assert_cmpuint (xml->len, <=, 16 * 1024 * 1024);
  path = write_temp (name, xml->str, xml->len);
  g_test_message ("%s: %" G_GSIZE_FORMAT " bytes", name, xml->len);

  if (generated_case->line == 0)
    {
      load_within (path, &any_bounds, check_loaded, NULL);
      assert_library_survives (path, 0);
    }
  else
    {
      load_within (path, &any_bounds, check_refused, &expected);
      assert_library_survives (path, 1);
    }

  remove_temp (path);
}

/* Under memcheck the bounds are not measured (see load_in_child()): fewer
 * bundles take the same paths in a time valgrind can afford. */
#define N_SMALL_BUNDLES (RUNNING_ON_VALGRIND ? 300u : 10000u)

static void
many_bundles_cb (gconstpointer data)
{
  const char *dirs[] = { data, NULL };
  g_autoptr(UpstanderLibrary) library = NULL;
  gsize before, after;
  gint64 start, elapsed;

  alarm (RUNNING_ON_VALGRIND ? 600 : 60);
  malloc_trim (0);
  reset_peak_rss ();
  before = peak_rss_kib ();
  start = cpu_usec ();

  library = upstander_library_new_for_sources (NULL, dirs);
  upstander_library_load (library);

  elapsed = cpu_usec () - start;
  after = peak_rss_kib ();
  g_test_message ("10 000 bundles: %" G_GINT64_FORMAT " us CPU, peak +%" G_GSIZE_FORMAT " KiB",
                  elapsed, after - before);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, N_SMALL_BUNDLES);
  g_assert_cmpuint (upstander_library_get_n_failed (library), ==, 0);
  if (!RUNNING_ON_VALGRIND)
    {
      g_assert_cmpint (elapsed, <, MAX_ANY_LOAD_USEC * SANITIZER_FACTOR);
      g_assert_cmpuint (after - before, <=, MAX_ANY_LOAD_PEAK_KIB * SANITIZER_FACTOR);
    }
}

/* A folder of 10 000 small bundles: the whole library (what --list shows)
 * within the bounds of one large bundle. */
static void
test_many_small_bundles (void)
{
  g_autoptr(GString) example = example_bundle ();
  g_autofree char *dir = g_dir_make_tmp ("upstander-many-XXXXXX", NULL);

  for (guint i = 0; i < N_SMALL_BUNDLES; i++)
    {
      g_autoptr(GString) bundle = g_string_new (example->str);
      g_autofree char *id = g_strdup_printf ("id=\"example-%u\"", i);
      g_autofree char *name = g_strdup_printf ("%05u.xml", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      FILE *out;

      g_string_replace (bundle, "id=\"example\"", id, 1);
      /* Plainly written: g_file_set_contents() would sync each one. */
      out = fopen (path, "w");
      g_assert_nonnull (out);
      g_assert_cmpuint (fwrite (bundle->str, 1, bundle->len, out), ==, bundle->len);
      g_assert_cmpint (fclose (out), ==, 0);
    }

  run_in_child (many_bundles_cb, dir);

  for (guint i = 0; i < N_SMALL_BUNDLES; i++)
    {
      g_autofree char *name = g_strdup_printf ("%05u.xml", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* All the hostile files beside one good bundle: the good one still loads. */
static void
test_library_survives (void)
{
  g_autofree char *hostile_dir = g_test_build_filename (G_TEST_DIST, "hostile", NULL);
  g_autofree char *fixtures_dir = g_test_build_filename (G_TEST_DIST, "fixtures", NULL);
  g_autofree char *session_fixture = g_build_filename (fixtures_dir, "session.xml", NULL);
  g_autofree char *good_dir = g_dir_make_tmp ("upstander-good-XXXXXX", NULL);
  g_autofree char *good = g_build_filename (good_dir, "good.xml", NULL);
  g_autofree char *contents = NULL;
  const char *dirs[] = { hostile_dir, good_dir, NULL };
  g_autoptr(UpstanderLibrary) library = NULL;

  g_assert_true (g_file_get_contents (session_fixture, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (good, contents, -1, NULL));

  library = upstander_library_new_for_sources (NULL, dirs);
  upstander_library_load (library);

  /* The hostile files that are valid load too; two (UTF-16, literal markup)
   * have the bundle id "example", so only one of them is kept. */
  g_assert_cmpuint (upstander_library_get_bundles (library)->len, ==, G_N_ELEMENTS (loadable));
  g_assert_nonnull (upstander_library_lookup_scenario (library, "session-fixture", "walk-home"));
  g_assert_cmpuint (upstander_library_get_n_failed (library), ==, G_N_ELEMENTS (cases));

  g_assert_cmpint (g_remove (good), ==, 0);
  g_assert_cmpint (g_rmdir (good_dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/upstander/hostile/%s", cases[i].file);

      g_test_add_data_func (test_path, &cases[i], test_case);
    }

  for (guint i = 0; i < G_N_ELEMENTS (loadable); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/upstander/hostile/loads/%s", loadable[i]);

      g_test_add_data_func (test_path, loadable[i], test_loadable);
    }

  for (guint i = 0; i < G_N_ELEMENTS (generated); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/upstander/hostile/generated/%s", generated[i].name);

      g_test_add_data_func (test_path, &generated[i], test_generated);
    }

  g_test_add_func ("/upstander/hostile/utf16-accepted", test_utf16_accepted);
  g_test_add_func ("/upstander/hostile/markup-and-format-literal", test_markup_and_format_literal);
  g_test_add_func ("/upstander/hostile/too-large", test_too_large);
  g_test_add_func ("/upstander/hostile/100-mib", test_100_mib);
  g_test_add_func ("/upstander/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/upstander/hostile/unreachable-warning", test_unreachable_warning);
  g_test_add_func ("/upstander/hostile/missing-translation", test_missing_translation);
  g_test_add_func ("/upstander/hostile/symlink-to-device", test_symlink_to_device);
  g_test_add_func ("/upstander/hostile/fifo-refused", test_fifo_refused);
  g_test_add_func ("/upstander/hostile/fifo-swap-race", test_fifo_swap_race);
  g_test_add_func ("/upstander/hostile/file-name-escaped", test_file_name_escaped);
  g_test_add_func ("/upstander/hostile/library-survives", test_library_survives);
  g_test_add_func ("/upstander/hostile/many-small-bundles", test_many_small_bundles);

  return g_test_run ();
}
