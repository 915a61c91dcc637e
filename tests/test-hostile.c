/* test-hostile.c: bundles built to break the loader are refused clearly, and nothing else breaks */
#include "upstander-bundle.h"
#include "upstander-library.h"

#include <glib/gstdio.h>
#include <string.h>

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

static void
test_case (gconstpointer data)
{
  const HostileCase *hostile = data;
  g_autofree char *path = hostile_path (hostile->file);
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = load_path (path, diagnostics, &error);
  const UpstanderDiagnostic *first_error = NULL;

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const UpstanderDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      g_autofree char *line = upstander_diagnostic_format (diagnostic);

      g_test_message ("%s", line);
      /* One diagnostic is one line of output, whatever libxml2 said. */
      g_assert_null (strchr (diagnostic->message, '\n'));
      if (first_error == NULL && diagnostic->severity == UPSTANDER_SEVERITY_ERROR)
        first_error = diagnostic;
    }

  g_assert_null (bundle);
  g_assert_error (error, UPSTANDER_BUNDLE_ERROR, UPSTANDER_BUNDLE_ERROR_INVALID);
  g_assert_nonnull (first_error);
  g_assert_cmpstr (first_error->file, ==, path);
  g_assert_cmpuint (first_error->line, ==, hostile->line);
  g_assert_nonnull (strstr (first_error->message, hostile->message));
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

/* 20 MiB: refused after reading at most the cap, not parsed. */
static void
test_too_large (void)
{
  gsize size = 20 * 1024 * 1024;
  g_autofree char *contents = g_malloc (size);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = NULL;

  memset (contents, ' ', size);
  memcpy (contents, "<?xml version=\"1.0\"?><bundle", 28);
  path = write_temp ("huge.xml", contents, size);

  bundle = load_path (path, diagnostics, &error);
  g_assert_null (bundle);
  g_assert_error (error, UPSTANDER_BUNDLE_ERROR, UPSTANDER_BUNDLE_ERROR_TOO_LARGE);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  g_assert_nonnull (strstr (((UpstanderDiagnostic *) g_ptr_array_index (diagnostics, 0))->message,
                            "larger than 16 MiB"));

  remove_temp (path);
}

/* 100 000 nested elements: libxml2's depth limit stops it, with a line. */
static void
test_deep_nesting (void)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n"
                                         "<bundle xmlns=\"urn:upstander:bundle:1\" id=\"h\" version=\"1\" xml:lang=\"en\">\n");
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "<info>");
  path = write_temp ("deep.xml", xml->str, xml->len);

  bundle = load_path (path, diagnostics, &error);
  g_assert_null (bundle);
  g_assert_error (error, UPSTANDER_BUNDLE_ERROR, UPSTANDER_BUNDLE_ERROR_INVALID);
  g_assert_cmpuint (((UpstanderDiagnostic *) g_ptr_array_index (diagnostics, 0))->line, ==, 3);
  g_assert_nonnull (strstr (((UpstanderDiagnostic *) g_ptr_array_index (diagnostics, 0))->message,
                            "depth"));

  remove_temp (path);
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

  /* The two hostile files that are valid (UTF-16, literal markup) load too; both
   * have the bundle id "example", so only one of them is kept. */
  g_assert_cmpuint (upstander_library_get_bundles (library)->len, ==, 2);
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

  g_test_add_func ("/upstander/hostile/utf16-accepted", test_utf16_accepted);
  g_test_add_func ("/upstander/hostile/markup-and-format-literal", test_markup_and_format_literal);
  g_test_add_func ("/upstander/hostile/too-large", test_too_large);
  g_test_add_func ("/upstander/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/upstander/hostile/fifo-refused", test_fifo_refused);
  g_test_add_func ("/upstander/hostile/library-survives", test_library_survives);

  return g_test_run ();
}
