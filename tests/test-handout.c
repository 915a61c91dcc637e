/* test-handout.c: the lesson handout (upstander --handout) and the class summary, read back with pdftotext */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fault.h"
#include "upstander-bundle.h"
#include "upstander-handout.h"

/*
 * What pdftotext gives back differs from the text drawn in ways that do not
 * matter here: line breaks and spaces between glyphs, bidi marks around
 * right-to-left runs, full stops that move to the other end of a right-to-left line,
 * and Arabic lam-alef ligatures read back as alef-lam.
 * Both sides are compared without them.
 */
static char *
normalize (const char *text,
           gboolean    from_pdf)
{
  g_autoptr(GRegex) drop = g_regex_new ("[\\s.\\x{200E}\\x{200F}\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}]+", 0, 0, NULL);
  g_autoptr(GString) in = g_string_new (text);

  /* Before the spaces go, or "يفعل الشاهد" would hold a lam-alef. */
  if (!from_pdf)
    {
      g_string_replace (in, "لا", "ال", 0);
      g_string_replace (in, "لأ", "أل", 0);
      g_string_replace (in, "لإ", "إل", 0);
      g_string_replace (in, "لآ", "آل", 0);
    }

  return g_regex_replace_literal (drop, in->str, -1, 0, "", 0, NULL);
}

/* The text of a PDF as pdftotext reads it, normalized. */
static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return normalize (out, TRUE);
}

static void
assert_has (const char *text,
            const char *wanted)
{
  g_autofree char *flat = normalize (wanted, FALSE);

  if (strstr (text, flat) == NULL)
    g_error ("“%s” is not in the PDF's text:\n%s", flat, text);
}

static guint
pdf_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *pages;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);

  return atoi (pages + strlen ("Pages:"));
}

/* "595 x 842" for A4, "612 x 792" for Letter: the first page's size in points, as pdfinfo gives it. */
static char *
pdf_page_size (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) size = g_regex_new ("Page size: +([0-9.]+ x [0-9.]+) pts", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  if (!g_regex_match (size, out, 0, &match))
    g_error ("pdfinfo gave no page size:\n%s", out);

  return g_match_info_fetch (match, 1);
}

/* The title, every choice label and every discussion question of @scenario are in @text. */
static void
assert_story_in (const char        *text,
                 UpstanderScenario *scenario)
{
  GPtrArray *scenes = upstander_scenario_get_scenes (scenario);

  assert_has (text, upstander_scenario_get_title (scenario));
  for (guint s = 0; s < scenes->len; s++)
    {
      const UpstanderScene *scene = g_ptr_array_index (scenes, s);

      if (scene->decision == NULL)
        continue;
      for (guint c = 0; c < scene->decision->choices->len; c++)
        assert_has (text, upstander_scenario_translate (scenario,
                                                        ((const UpstanderChoice *) g_ptr_array_index (scene->decision->choices, c))->label));
      for (guint q = 0; scene->decision->questions != NULL && q < scene->decision->questions->len; q++)
        assert_has (text, upstander_scenario_translate (scenario, g_ptr_array_index (scene->decision->questions, q)));
    }
}

static UpstanderBundle *
load_fixture (const char *dir,
              const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  UpstanderBundle *bundle = upstander_bundle_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);

  return bundle;
}

/* A private data directory holding @name as an installed bundle. */
static char *
data_dir_with (const char *dir,
               const char *name)
{
  g_autofree char *data_dir = g_dir_make_tmp ("upstander-handout-XXXXXX", NULL);
  g_autofree char *bundles = g_build_filename (data_dir, "upstander", "bundles", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "fixtures", dir, name, NULL);
  g_autofree char *copy = g_build_filename (bundles, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_cmpint (g_mkdir_with_parents (bundles, 0700), ==, 0);
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));

  return g_steal_pointer (&data_dir);
}

static int
run_app (const char * const *env_extra,
         const char * const *args,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("UPSTANDER_EXE"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  /* No display: the handout is for scripts too. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  for (guint i = 0; env_extra != NULL && env_extra[i] != NULL; i += 2)
    envp = g_environ_setenv (envp, env_extra[i], env_extra[i + 1], TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));

  return WEXITSTATUS (status);
}

static void
test_cli_handout (void)
{
  g_autofree char *data_dir = data_dir_with ("ui", "ui-stories.xml");
  g_autofree char *out = g_build_filename (data_dir, "sticker.pdf", NULL);
  g_autoptr(UpstanderBundle) bundle = load_fixture ("ui", "ui-stories.xml");
  const char *env[] = { "XDG_DATA_HOME", data_dir, "LANGUAGE", "en", NULL };
  const char *args[] = { "--handout", "the-sticker", "--output", out, "--region", "gb", NULL };
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (run_app (env, args, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpuint (pdf_pages (out), >=, 1);

  text = pdf_text (out);
  assert_story_in (text, upstander_bundle_lookup_scenario (bundle, "the-sticker"));
  /* Summary, goals, scenes, feedback, notes, takeaways, help: the whole lesson. */
  assert_has (text, "Someone makes a sticker of a classmate's face.");
  assert_has (text, "Notice when a joke hurts someone.");
  assert_has (text, "Leo: made a sticker of Ana's face lol");
  /* Bundle text that looks like markup or a format stays as it is. */
  assert_has (text, "You: <b>what?</b> %s");
  assert_has (text, "This helps: Ana knows someone is on her side.");
  assert_has (text, "Ask who else could see the sticker.");
  assert_has (text, "Laughing along makes it bigger.");
  assert_has (text, "do not promise to keep it secret");
  assert_has (text, "Child Helpline International");
  assert_has (text, "Page 1 of");

  g_remove (out);
}

/*
 * The paper follows LC_PAPER: Letter for a US locale, A4 for the rest. The
 * US locale is compiled into a private LOCPATH, since a fresh system has
 * only C.UTF-8 (localedef and its sources come with the "locales" package).
 */
static void
test_cli_handout_paper_from_locale (void)
{
  g_autofree char *data_dir = data_dir_with ("ui", "ui-stories.xml");
  g_autofree char *locales = g_build_filename (data_dir, "locales", NULL);
  g_autofree char *us_locale = g_build_filename (locales, "en_US.UTF-8", NULL);
  g_autofree char *letter = g_build_filename (data_dir, "letter.pdf", NULL);
  g_autofree char *a4 = g_build_filename (data_dir, "a4.pdf", NULL);
  const char *localedef[] = { "localedef", "-i", "en_US", "-f", "UTF-8", us_locale, NULL };
  /* LC_ALL (set for every test) would outrank LC_PAPER: run with LANG instead. */
  const char *us_env[] = { "XDG_DATA_HOME", data_dir, "LC_ALL", "", "LANG", "C.UTF-8",
                           "LC_PAPER", "en_US.UTF-8", "LOCPATH", locales, NULL };
  const char *c_env[] = { "XDG_DATA_HOME", data_dir, "LC_ALL", "", "LANG", "C.UTF-8",
                          "LC_PAPER", "C.UTF-8", NULL };
  const char *letter_args[] = { "--handout", "the-sticker", "--output", letter, NULL };
  const char *a4_args[] = { "--handout", "the-sticker", "--output", a4, NULL };
  g_autofree char *letter_size = NULL;
  g_autofree char *a4_size = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_cmpint (g_mkdir_with_parents (locales, 0700), ==, 0);
  g_spawn_sync (NULL, (char **) localedef, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_assert_cmpint (run_app (us_env, letter_args, NULL), ==, 0);
  g_assert_cmpint (run_app (c_env, a4_args, NULL), ==, 0);

  letter_size = pdf_page_size (letter);
  a4_size = pdf_page_size (a4);
  g_assert_cmpstr (letter_size, ==, "612 x 792");
  g_assert_cmpstr (a4_size, ==, "595 x 842");
}

static void
test_cli_handout_arabic (void)
{
  g_autofree char *data_dir = data_dir_with ("classroom", "arabic-story.xml");
  g_autofree char *out = g_build_filename (data_dir, "ar.pdf", NULL);
  g_autoptr(UpstanderBundle) bundle = load_fixture ("classroom", "arabic-story.xml");
  const char *env[] = { "XDG_DATA_HOME", data_dir, NULL };
  const char *args[] = { "--handout", "classroom-ar/al-sura", "--output", out, "--language", "ar", NULL };
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (run_app (env, args, &err), ==, 0);
  text = pdf_text (out);
  assert_story_in (text, upstander_bundle_lookup_scenario (bundle, "al-sura"));
  assert_has (text, "اسأل الطلاب من يستطيع رؤية الصورة.");

  g_remove (out);
}

static void
test_cli_handout_errors (void)
{
  g_autofree char *data_dir = data_dir_with ("ui", "ui-stories.xml");
  g_autofree char *out = g_build_filename (data_dir, "x.pdf", NULL);
  const char *env[] = { "XDG_DATA_HOME", data_dir, "LANGUAGE", "en", NULL };
  const char *no_story[] = { "--handout", "no-such-story", "--output", out, NULL };
  const char *no_output[] = { "--handout", "the-sticker", NULL };
  const char *bad_language[] = { "--handout", "the-sticker", "--output", out, "--language", "../../etc", NULL };
  const char *bad_region[] = { "--handout", "the-sticker", "--output", out, "--region", "Great Britain", NULL };
  const char *bad_dir[] = { "--handout", "the-sticker", "--output", "/nonexistent/dir/x.pdf", NULL };
  char *err = NULL;

  g_assert_cmpint (run_app (env, no_story, &err), ==, 1);
  g_assert_nonnull (strstr (err, "no story “no-such-story”"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_app (env, no_output, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--output"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_app (env, bad_language, &err), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_app (env, bad_region, &err), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_app (env, bad_dir, &err), ==, 1);
  g_assert_nonnull (strstr (err, "/nonexistent/dir/x.pdf"));
  g_clear_pointer (&err, g_free);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
full_disk_child (gconstpointer data)
{
  const char *data_dir = data;
  g_autofree char *out_dir = g_build_filename (data_dir, "out", NULL);
  g_autofree char *out = g_build_filename (out_dir, "handout.pdf", NULL);
  const char *env[] = { "XDG_DATA_HOME", data_dir, "LANGUAGE", "en", NULL };
  const char *args[] = { "--handout", "the-sticker", "--output", out, NULL };
  g_autofree char *old = g_strnfill (2000, 'o');
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GDir) entries = NULL;
  const char *name;
  gboolean mounted;

  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  mounted = fault_mount_tiny_tmpfs (out_dir);
  if (!mounted)
    g_test_message ("cannot mount a tmpfs (%s): limiting the file size instead", g_strerror (errno));
  g_assert_true (g_file_set_contents (out, old, -1, NULL));
  if (mounted)
    fault_fill_up (out_dir);
  else
    fault_limit_file_size ();

  g_assert_cmpint (run_app (env, args, &err), ==, 1);
  g_test_message ("%s", err);
  /* The message names the file. */
  g_assert_nonnull (strstr (err, out));
  /* The old file is there, byte for byte, and nothing half-written beside it. */
  g_assert_true (g_file_get_contents (out, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, old);
  entries = g_dir_open (out_dir, 0, NULL);
  while ((name = g_dir_read_name (entries)) != NULL)
    g_assert_true (g_str_equal (name, "handout.pdf") || g_str_equal (name, "filler"));
}

/* On a full disk, --handout fails, says which file, and keeps the old one. */
static void
test_cli_handout_full_disk (void)
{
  g_autofree char *data_dir = data_dir_with ("ui", "ui-stories.xml");

  fault_in_child (full_disk_child, data_dir);
}

static void
exports_full_disk_child (gconstpointer data)
{
  const char *dir = data;
  g_autofree char *csv_path = g_build_filename (dir, "summary.csv", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "summary.pdf", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(UpstanderDocument) doc = upstander_document_new ("Summary", PANGO_DIRECTION_LTR);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *new_csv = g_strnfill (100 * 1024, 'n');
  gboolean mounted = fault_mount_tiny_tmpfs (dir);

  if (!mounted)
    g_test_message ("cannot mount a tmpfs (%s): limiting the file size instead", g_strerror (errno));
  g_assert_true (g_file_set_contents (csv_path, "old csv", -1, NULL));
  g_assert_true (g_file_set_contents (pdf_path, "old pdf", -1, NULL));
  if (mounted)
    fault_fill_up (dir);
  else
    fault_limit_file_size ();

  /* What the classroom page's CSV export calls. */
  g_assert_false (upstander_save_file (csv, new_csv, strlen (new_csv), &error));
  g_assert_nonnull (strstr (error->message, csv_path));
  g_assert_true (g_file_get_contents (csv_path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "old csv");
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);

  /* And its PDF exports. */
  upstander_document_add (doc, UPSTANDER_DOC_BODY, 0, "Votes and the way the class went.");
  g_assert_false (upstander_document_write_pdf (doc, pdf_path, &error));
  g_assert_nonnull (strstr (error->message, pdf_path));
  g_assert_true (g_file_get_contents (pdf_path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "old pdf");
}

/* The GUI's exports keep the old file on a full disk, and say which file failed. */
static void
test_exports_full_disk (void)
{
  g_autofree char *dir = g_dir_make_tmp ("upstander-exports-XXXXXX", NULL);

  fault_in_child (exports_full_disk_child, dir);
  g_rmdir (dir);
}

/* The summary PDF: every decision's votes and the path, in English and Arabic. */
static void
check_summary (const char *dir,
               const char *name,
               const char *scenario_id,
               const char *language)
{
  g_autoptr(UpstanderBundle) bundle = load_fixture (dir, name);
  UpstanderScenario *scenario = upstander_bundle_lookup_scenario (bundle, scenario_id);
  UpstanderClassRun *run = upstander_class_run_new (scenario);
  g_autofree char *tmp = g_dir_make_tmp ("upstander-summary-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (tmp, "summary.pdf", NULL);
  const UpstanderClassDecision *decision = upstander_class_run_get_current (run);
  const UpstanderChoice *taken = NULL;
  guint taken_index = 0;
  g_autoptr(UpstanderDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* The class takes a choice that ends the story (the order is shuffled per run)... */
  for (guint c = 0; taken == NULL && c < decision->choices->len; c++)
    {
      const UpstanderChoice *choice = g_ptr_array_index (decision->choices, c);

      if (upstander_scenario_lookup_ending (scenario, choice->next) != NULL)
        {
          taken = choice;
          taken_index = c;
        }
    }
  g_assert_nonnull (taken);

  /* ... with one vote, while another had three. */
  g_setenv ("LANGUAGE", language, TRUE);
  upstander_class_run_add_vote (run, (taken_index + 1) % decision->choices->len);
  upstander_class_run_add_vote (run, (taken_index + 1) % decision->choices->len);
  upstander_class_run_add_vote (run, (taken_index + 1) % decision->choices->len);
  upstander_class_run_add_vote (run, taken_index);
  g_assert_true (upstander_class_run_choose (run, taken->id, NULL));
  upstander_class_run_advance (run, NULL);

  doc = upstander_class_summary_new (run, NULL, NULL);
  g_assert_true (upstander_document_write_pdf (doc, out, &error));
  g_assert_no_error (error);
  text = pdf_text (out);

  assert_has (text, upstander_scenario_get_title (scenario));
  for (guint c = 0; c < decision->choices->len; c++)
    assert_has (text, upstander_scenario_translate (scenario, ((const UpstanderChoice *) g_ptr_array_index (decision->choices, c))->label));
  assert_has (text, upstander_scenario_translate (scenario, upstander_session_get_ending (upstander_class_run_get_session (run))->title));
  if (g_str_equal (language, "en"))
    {
      assert_has (text, "3 votes");
      assert_has (text, "1 vote ");
      assert_has (text, "(the class went this way)");
    }

  g_clear_pointer (&doc, upstander_document_free);
  g_remove (out);
  g_rmdir (tmp);
  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_finalize_object (run);
}

static void
test_summary_pdf (void)
{
  check_summary ("ui", "ui-stories.xml", "the-sticker", "en");
}

static void
test_summary_pdf_arabic (void)
{
  check_summary ("classroom", "arabic-story.xml", "al-sura", "ar");
}

static void
test_document_paginates (void)
{
  g_autoptr(UpstanderDocument) doc = upstander_document_new ("Long", PANGO_DIRECTION_LTR);
  g_autofree char *tmp = g_dir_make_tmp ("upstander-doc-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (tmp, "long.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 200; i++)
    upstander_document_add_printf (doc, i % 10 == 0 ? UPSTANDER_DOC_HEADING : UPSTANDER_DOC_BODY, i % 3,
                                   "Paragraph %u: a line of text long enough to wrap across the width of an A4 page at least once or twice.", i);
  g_assert_true (upstander_document_write_pdf (doc, out, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (out), >, 3);
  g_assert_cmpuint (pdf_pages (out), ==, upstander_document_get_n_pages (doc));
  text = pdf_text (out);
  assert_has (text, "Paragraph 0:");
  assert_has (text, "Paragraph 199:");

  g_remove (out);
  g_rmdir (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upstander/handout/cli", test_cli_handout);
  g_test_add_func ("/upstander/handout/cli-arabic", test_cli_handout_arabic);
  g_test_add_func ("/upstander/handout/cli-paper-from-locale", test_cli_handout_paper_from_locale);
  g_test_add_func ("/upstander/handout/cli-errors", test_cli_handout_errors);
  g_test_add_func ("/upstander/handout/cli-full-disk-keeps-old", test_cli_handout_full_disk);
  g_test_add_func ("/upstander/handout/exports-full-disk-keep-old", test_exports_full_disk);
  g_test_add_func ("/upstander/handout/summary-pdf", test_summary_pdf);
  g_test_add_func ("/upstander/handout/summary-pdf-arabic", test_summary_pdf_arabic);
  g_test_add_func ("/upstander/handout/document-paginates", test_document_paginates);

  return g_test_run ();
}
