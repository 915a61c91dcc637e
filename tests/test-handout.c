/* test-handout.c: the lesson handout (upstander --handout) and the class summary, read back with pdftotext
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fault.h"
#include "upstander-bundle.h"
#include "upstander-handout.h"
#include "upstander-words.h"
#include "upstander-language.h"
#include "upstander-lesson-kit.h"

#include "ui-test.h"

/* Switches gettext to @language: setlocale() also drops glibc's cache of translations, which a change of LANGUAGE alone does not. */
static void
use_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
}

/*
 * Every word of @wanted is in @text. For right-to-left paragraphs that wrap
 * next to other short right-to-left lines, pdftotext interleaves pieces of
 * the lines (the PDF itself is right: see a page rendered with pdftoppm),
 * so their words are checked one by one.
 */
static void
assert_has_words (const char *text,
                  const char *wanted)
{
  g_auto(GStrv) words = g_strsplit (wanted, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      ui_test_assert_has (text, words[i]);
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

  ui_test_assert_has (text, upstander_scenario_get_title (scenario));
  for (guint s = 0; s < scenes->len; s++)
    {
      const UpstanderScene *scene = g_ptr_array_index (scenes, s);

      if (scene->decision == NULL)
        continue;
      for (guint c = 0; c < scene->decision->choices->len; c++)
        ui_test_assert_has (text, upstander_scenario_translate (scenario,
                                                        ((const UpstanderChoice *) g_ptr_array_index (scene->decision->choices, c))->label));
      for (guint q = 0; scene->decision->questions != NULL && q < scene->decision->questions->len; q++)
        ui_test_assert_has (text, upstander_scenario_translate (scenario, g_ptr_array_index (scene->decision->questions, q)));
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

  text = ui_test_pdf_text (out);
  assert_story_in (text, upstander_bundle_lookup_scenario (bundle, "the-sticker"));
  /* Summary, goals, scenes, feedback, notes, takeaways, help: the whole lesson. */
  ui_test_assert_has (text, "Someone makes a sticker of a classmate's face.");
  ui_test_assert_has (text, "Notice when a joke hurts someone.");
  ui_test_assert_has (text, "Leo: made a sticker of Ana's face lol");
  /* Bundle text that looks like markup or a format stays as it is. */
  ui_test_assert_has (text, "You: <b>what?</b> %s");
  ui_test_assert_has (text, "This helps: Ana knows someone is on her side.");
  ui_test_assert_has (text, "Ask who else could see the sticker.");
  ui_test_assert_has (text, "Laughing along makes it bigger.");
  ui_test_assert_has (text, "do not promise to keep it secret");
  ui_test_assert_has (text, "Child Helpline International");
  ui_test_assert_has (text, "Page 1 of");

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
  text = ui_test_pdf_text (out);
  assert_story_in (text, upstander_bundle_lookup_scenario (bundle, "al-sura"));
  ui_test_assert_has (text, "اسأل الطلاب من يستطيع رؤية الصورة.");

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
  for (guint i = 0; i < 3; i++)
    {
      const char *kit_options[] = { "--lesson-plan", "--worksheet", "--parent-sheet" };
      const char *kit_no_output[] = { kit_options[i], "the-sticker", NULL };
      const char *kit_no_story[] = { kit_options[i], "no-such-story", "--output", out, NULL };

      g_assert_cmpint (run_app (env, kit_no_output, &err), ==, 2);
      g_assert_nonnull (strstr (err, kit_options[i]));
      g_assert_nonnull (strstr (err, "--output"));
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (run_app (env, kit_no_story, &err), ==, 1);
      g_assert_nonnull (strstr (err, "no story “no-such-story”"));
      g_clear_pointer (&err, g_free);
    }
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
  UpstanderClassCheck *check;

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

  use_language (language);
  check = upstander_class_check_new_for_scenario (scenario);
  upstander_class_run_set_check (run, check);
  for (guint i = 0; i < 3; i++)
    upstander_class_check_add_hand (check, 0);

  /* ... with one vote, while another had three. */
  upstander_class_run_add_vote (run, (taken_index + 1) % decision->choices->len);
  upstander_class_run_add_vote (run, (taken_index + 1) % decision->choices->len);
  upstander_class_run_add_vote (run, (taken_index + 1) % decision->choices->len);
  upstander_class_run_add_vote (run, taken_index);
  g_assert_true (upstander_class_run_choose (run, taken->id, NULL));
  upstander_class_run_advance (run, NULL);
  upstander_class_check_set_round (check, UPSTANDER_CHECK_AFTER);
  for (guint i = 0; i < 7; i++)
    upstander_class_check_add_hand (check, 0);
  upstander_class_check_add_hand (check, 1);

  doc = upstander_class_summary_new (run, NULL, NULL);
  g_assert_true (upstander_document_write_pdf (doc, out, &error));
  g_assert_no_error (error);
  text = ui_test_pdf_text (out);

  ui_test_assert_has (text, upstander_scenario_get_title (scenario));
  for (guint c = 0; c < decision->choices->len; c++)
    ui_test_assert_has (text, upstander_scenario_translate (scenario, ((const UpstanderChoice *) g_ptr_array_index (decision->choices, c))->label));
  ui_test_assert_has (text, upstander_scenario_translate (scenario, upstander_session_get_ending (upstander_class_run_get_session (run))->title));
  /* Both counts of the before-and-after check. */
  ui_test_assert_has (text, _("Before and after"));
  for (guint i = 0; i < upstander_class_check_get_n_statements (check); i++)
    if (g_str_equal (language, "ar"))
      assert_has_words (text, upstander_class_check_get_statement (check, i));
    else
      ui_test_assert_has (text, upstander_class_check_get_statement (check, i));
  if (g_str_equal (language, "en"))
    {
      ui_test_assert_has (text, "before: 3 hands · after: 7 hands");
      ui_test_assert_has (text, "before: 0 hands · after: 1 hand");
      ui_test_assert_has (text, "3 votes");
      ui_test_assert_has (text, "1 vote ");
      ui_test_assert_has (text, "(the class went this way)");
    }

  g_clear_pointer (&doc, upstander_document_free);
  g_remove (out);
  g_rmdir (tmp);
  use_language ("en");
  g_object_unref (check);
  g_assert_finalize_object (run);
}

/* "Our class says": the class's lines, the decisions it took and what it learned, on one page. */
static void
check_poster (const char *dir,
              const char *name,
              const char *scenario_id,
              const char *language,
              const char *line)
{
  g_autoptr(UpstanderBundle) bundle = load_fixture (dir, name);
  UpstanderScenario *scenario = upstander_bundle_lookup_scenario (bundle, scenario_id);
  UpstanderClassRun *run = upstander_class_run_new (scenario);
  UpstanderClassVoice *voice = upstander_class_voice_new ();
  g_autofree char *tmp = g_dir_make_tmp ("upstander-poster-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (tmp, "poster.pdf", NULL);
  const UpstanderClassDecision *decision = upstander_class_run_get_current (run);
  const UpstanderChoice *taken = g_ptr_array_index (decision->choices, 0);
  const UpstanderEnding *ending;
  g_autoptr(UpstanderDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *chose = NULL;

  use_language (language);
  /* The first choice at every decision, to an ending. */
  for (guint step = 0; step < 50 && upstander_session_get_ending (upstander_class_run_get_session (run)) == NULL; step++)
    {
      const UpstanderClassDecision *current = upstander_class_run_get_current (run);

      if (current != NULL)
        g_assert_true (upstander_class_run_choose (run, ((const UpstanderChoice *) g_ptr_array_index (current->choices, 0))->id, NULL));
      upstander_class_run_advance (run, NULL);
    }
  ending = upstander_session_get_ending (upstander_class_run_get_session (run));
  g_assert_nonnull (ending);
  g_assert_true (upstander_class_voice_add_line (voice, UPSTANDER_AUDIENCE_PLATFORMS, line));
  g_assert_true (upstander_class_voice_add_line (voice, UPSTANDER_AUDIENCE_SCHOOL, "<b>%s</b> 100%"));

  doc = upstander_class_voice_poster_new (voice, run);
  g_assert_true (upstander_document_write_pdf (doc, out, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (out), ==, 1);
  text = ui_test_pdf_text (out);

  ui_test_assert_has (text, _("Our class says"));
  ui_test_assert_has (text, upstander_scenario_get_title (scenario));
  ui_test_assert_has (text, upstander_scenario_translate (scenario, decision->scene->decision->prompt));
  chose = g_strdup_printf (_("We chose: %s"), upstander_scenario_translate (scenario, taken->label));
  ui_test_assert_has (text, chose);
  ui_test_assert_has (text, _("What we learned"));
  ui_test_assert_has (text, upstander_scenario_translate (scenario, g_ptr_array_index (ending->takeaways, 0)));
  ui_test_assert_has (text, _("To the apps, games and websites"));
  ui_test_assert_has (text, line);
  ui_test_assert_has (text, _("To our school"));
  ui_test_assert_has (text, "<b>%s</b> 100%");
  /* An audience the class said nothing to has no heading. */
  ui_test_assert_lacks (text, _("To the people who make the rules"));

  g_clear_pointer (&doc, upstander_document_free);
  g_remove (out);
  g_rmdir (tmp);
  use_language ("en");
  g_assert_finalize_object (voice);
  g_assert_finalize_object (run);
}

static void
test_poster (void)
{
  check_poster ("ui", "ui-stories.xml", "the-sticker", "en", "Make reporting a sticker quick.");
}

static void
test_poster_arabic (void)
{
  check_poster ("classroom", "arabic-story.xml", "al-sura", "ar", "نريد زر إبلاغ واضحاً في كل تطبيق.");
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
  text = ui_test_pdf_text (out);
  ui_test_assert_has (text, "Paragraph 0:");
  ui_test_assert_has (text, "Paragraph 199:");

  g_remove (out);
  g_rmdir (tmp);
}

/* Writes --@option of @scenario_id from the fixture @dir/@name in @language, and reads it back. */
static char *
kit_text (const char *option,
          const char *dir,
          const char *name,
          const char *scenario_id,
          const char *language)
{
  g_autofree char *data_dir = data_dir_with (dir, name);
  g_autofree char *out = g_build_filename (data_dir, "kit.pdf", NULL);
  const char *env[] = { "XDG_DATA_HOME", data_dir, NULL };
  const char *args[] = { option, scenario_id, "--output", out, "--language", language, "--region", "GB", NULL };
  g_autofree char *err = NULL;
  char *text;

  g_assert_cmpint (run_app (env, args, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpuint (pdf_pages (out), >=, 1);
  text = ui_test_pdf_text (out);
  g_remove (out);

  return text;
}

static void
assert_goals_in (const char        *text,
                 UpstanderScenario *scenario)
{
  GPtrArray *goals = upstander_scenario_get_goals (scenario);

  g_assert_cmpuint (goals->len, >, 0);
  for (guint i = 0; i < goals->len; i++)
    ui_test_assert_has (text, upstander_scenario_translate (scenario, g_ptr_array_index (goals, i)));
}

/* Every decision's prompt, with or without its choices and questions. */
static void
assert_prompts_in (const char        *text,
                   UpstanderScenario *scenario,
                   gboolean           choices,
                   gboolean           questions)
{
  GPtrArray *scenes = upstander_scenario_get_scenes (scenario);

  for (guint s = 0; s < scenes->len; s++)
    {
      const UpstanderScene *scene = g_ptr_array_index (scenes, s);

      if (scene->decision == NULL)
        continue;
      ui_test_assert_has (text, upstander_scenario_translate (scenario, scene->decision->prompt));
      for (guint c = 0; choices && c < scene->decision->choices->len; c++)
        ui_test_assert_has (text, upstander_scenario_translate (scenario,
                                                        ((const UpstanderChoice *) g_ptr_array_index (scene->decision->choices, c))->label));
      for (guint q = 0; questions && scene->decision->questions != NULL && q < scene->decision->questions->len; q++)
        ui_test_assert_has (text, upstander_scenario_translate (scenario, g_ptr_array_index (scene->decision->questions, q)));
    }
}

/* Nothing on the page says how good a choice is, how the story ends or what the teacher is told. */
static void
assert_no_answers_in (const char        *text,
                      UpstanderScenario *scenario)
{
  GPtrArray *scenes = upstander_scenario_get_scenes (scenario);
  GPtrArray *endings = upstander_scenario_get_endings (scenario);

  ui_test_assert_lacks (text, upstander_effect_word (UPSTANDER_EFFECT_HELPFUL));
  ui_test_assert_lacks (text, upstander_effect_word (UPSTANDER_EFFECT_MIXED));
  ui_test_assert_lacks (text, upstander_effect_word (UPSTANDER_EFFECT_HARMFUL));
  ui_test_assert_lacks (text, _("Notes for the teacher"));
  for (guint s = 0; s < scenes->len; s++)
    {
      const UpstanderScene *scene = g_ptr_array_index (scenes, s);

      for (guint f = 0; scene->facilitator != NULL && f < scene->facilitator->len; f++)
        ui_test_assert_lacks (text, upstander_scenario_translate (scenario, g_ptr_array_index (scene->facilitator, f)));
      for (guint c = 0; scene->decision != NULL && c < scene->decision->choices->len; c++)
        {
          const UpstanderChoice *choice = g_ptr_array_index (scene->decision->choices, c);

          for (guint f = 0; f < choice->feedback->len; f++)
            ui_test_assert_lacks (text, upstander_scenario_translate (scenario, g_ptr_array_index (choice->feedback, f)));
        }
    }
  for (guint e = 0; e < endings->len; e++)
    {
      const UpstanderEnding *ending = g_ptr_array_index (endings, e);

      ui_test_assert_lacks (text, upstander_scenario_translate (scenario, ending->title));
      for (guint t = 0; t < ending->takeaways->len; t++)
        ui_test_assert_lacks (text, upstander_scenario_translate (scenario, g_ptr_array_index (ending->takeaways, t)));
    }
}

/* The four steps fill the 45 minutes, in order, and leave room for each part. */
static void
test_lesson_plan_steps (void)
{
  g_autoptr(UpstanderBundle) bundle = load_fixture ("ui", "ui-stories.xml");
  g_autoptr(UpstanderBundle) core = NULL;
  g_autoptr(GFile) core_file = g_file_new_for_uri ("resource:///io/github/upstander/Upstander/bundles/core.xml");
  g_autoptr(GPtrArray) scenarios = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  core = upstander_bundle_load_file (core_file, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < upstander_bundle_get_scenarios (core)->len; i++)
    g_ptr_array_add (scenarios, g_ptr_array_index (upstander_bundle_get_scenarios (core), i));
  g_ptr_array_add (scenarios, upstander_bundle_lookup_scenario (bundle, "the-sticker"));

  for (guint i = 0; i < scenarios->len; i++)
    {
      UpstanderScenario *scenario = g_ptr_array_index (scenarios, i);
      UpstanderLessonStep steps[4];
      guint n = upstander_lesson_plan_steps (scenario, steps);

      g_assert_cmpuint (n, ==, 4);
      g_assert_cmpuint (steps[0].start, ==, 0);
      g_assert_cmpuint (steps[3].end, ==, UPSTANDER_LESSON_MINUTES);
      for (guint s = 0; s < n; s++)
        {
          g_assert_cmpuint (steps[s].end, >, steps[s].start);
          if (s > 0)
            g_assert_cmpuint (steps[s].start, ==, steps[s - 1].end);
        }
      /* The story gets at least its own length, the discussion at least ten minutes. */
      g_assert_cmpuint (steps[1].end - steps[1].start, >=, MIN (upstander_scenario_get_minutes (scenario), 25));
      g_assert_cmpuint (steps[2].end - steps[2].start, >=, 10);
    }
  g_assert_cmpuint (scenarios->len, >, 10);
}

static void
test_lesson_plan (void)
{
  g_autoptr(UpstanderBundle) bundle = load_fixture ("ui", "ui-stories.xml");
  UpstanderScenario *scenario = upstander_bundle_lookup_scenario (bundle, "the-sticker");
  g_autofree char *text = kit_text ("--lesson-plan", "ui", "ui-stories.xml", "the-sticker", "en");
  UpstanderLessonStep steps[4];

  ui_test_assert_has (text, upstander_scenario_get_title (scenario));
  ui_test_assert_has (text, "Lesson plan · ages");
  ui_test_assert_has (text, "45 minutes");
  ui_test_assert_has (text, "Learning objectives");
  assert_goals_in (text, scenario);
  upstander_lesson_plan_steps (scenario, steps);
  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      g_autofree char *heading = g_strdup_printf ("%u–%u min · %s", steps[s].start, steps[s].end, steps[s].name);

      ui_test_assert_has (text, heading);
    }
  assert_prompts_in (text, scenario, FALSE, TRUE);
  ui_test_assert_has (text, "Reinforcer");
  ui_test_assert_has (text, "Outsider");
  ui_test_assert_has (text, "Defender");
  ui_test_assert_has (text, "Gives the person bullying an audience");
  ui_test_assert_has (text, "do not promise to keep it secret");
  ui_test_assert_has (text, "Child Helpline International");
}

static void
test_worksheet (void)
{
  g_autoptr(UpstanderBundle) bundle = load_fixture ("ui", "ui-stories.xml");
  UpstanderScenario *scenario = upstander_bundle_lookup_scenario (bundle, "the-sticker");
  g_autofree char *text = kit_text ("--worksheet", "ui", "ui-stories.xml", "the-sticker", "en");

  ui_test_assert_has (text, upstander_scenario_get_title (scenario));
  ui_test_assert_has (text, "The situation");
  ui_test_assert_has (text, upstander_scenario_get_summary (scenario));
  ui_test_assert_has (text, "Leo: made a sticker of Ana's face lol");
  assert_prompts_in (text, scenario, TRUE, FALSE);
  ui_test_assert_has (text, "Which would you choose, and why?");
  ui_test_assert_has (text, "What would you do?");
  ui_test_assert_has (text, "Child Helpline International");
  assert_no_answers_in (text, scenario);
}

static void
test_parent_sheet (void)
{
  g_autoptr(UpstanderBundle) bundle = load_fixture ("ui", "ui-stories.xml");
  UpstanderScenario *scenario = upstander_bundle_lookup_scenario (bundle, "the-sticker");
  g_autofree char *text = kit_text ("--parent-sheet", "ui", "ui-stories.xml", "the-sticker", "en");

  ui_test_assert_has (text, upstander_scenario_get_title (scenario));
  ui_test_assert_has (text, "For parents and carers");
  ui_test_assert_has (text, "What the class did");
  ui_test_assert_has (text, upstander_scenario_get_summary (scenario));
  assert_goals_in (text, scenario);
  ui_test_assert_has (text, "What to ask at home");
  ui_test_assert_has (text, "Who would you tell if something online upset you?");
  ui_test_assert_has (text, "Signs to notice");
  ui_test_assert_has (text, "does not want to go to school");
  ui_test_assert_has (text, "is secretive about their phone");
  ui_test_assert_has (text, "Child Helpline International");
  assert_no_answers_in (text, scenario);
}

/* A plan the author wrote replaces the composed steps, timed one after the other. */
static void
test_lesson_plan_authored (void)
{
  g_autofree char *text = kit_text ("--lesson-plan", "kit", "kit-story.xml", "the-poll", "en");

  ui_test_assert_has (text, "Lesson plan · ages 11–14 · 60 minutes");
  ui_test_assert_has (text, "0–10 min · Polls we have seen");
  ui_test_assert_has (text, "Ask what polls pupils have seen in chats, without names.");
  ui_test_assert_has (text, "10–30 min · Play the poll");
  ui_test_assert_has (text, "30–60 min · Write a class rule");
  ui_test_assert_has (text, "Why might people vote?");
  ui_test_assert_lacks (text, "Warm-up");
  ui_test_assert_has (text, "Defender");
}

/* The author's statements when the bundle has them, in its language. */
static void
test_check_statements_authored (void)
{
  g_autoptr(UpstanderBundle) bundle = load_fixture ("kit", "kit-story.xml");
  g_auto(GStrv) statements = upstander_check_statements (upstander_bundle_lookup_scenario (bundle, "the-poll"));

  g_assert_cmpuint (g_strv_length (statements), ==, 3);
  g_assert_cmpstr (statements[0], ==, "I know what to do if a poll is about a person.");
  g_assert_cmpstr (statements[2], ==, "I think voting in a mean poll is joining in.");
}

/* Else composed from the goals, which go in as plain text, never as a format. */
static void
test_check_statements_composed (void)
{
  const char *xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<bundle xmlns=\"urn:upstander:bundle:1\" id=\"t\" version=\"1\" xml:lang=\"en\">\n"
    "<info><name>T</name><description>T.</description><author>A</author><license>CC0-1.0</license></info>\n"
    "<topic id=\"chats\"><name>Chats</name></topic>\n"
    "<scenario id=\"s\" version=\"1\" ages=\"8-11\" minutes=\"3\" topics=\"chats\">\n"
    "<title>T</title><summary>S.</summary>\n"
    "<goal>Know that 100% of %s &lt;b&gt;counts&lt;/b&gt;.</goal><goal>Two.</goal><goal>Three.</goal><goal>Four.</goal>\n"
    "<cast><person id=\"you\" role=\"player\"><name>You</name></person></cast>\n"
    "<scene id=\"a\" place=\"school\" start=\"yes\"><narration><text>N.</text></narration>"
    "<continue next=\"e\"/><facilitator><text>F.</text></facilitator></scene>\n"
    "<ending id=\"e\" outcome=\"positive\"><title>E</title><text>E.</text><takeaway>T.</takeaway></ending>\n"
    "</scenario>\n</bundle>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = upstander_bundle_load_bytes (bytes, "t.xml", NULL, &error);
  g_auto(GStrv) statements = NULL;

  g_assert_no_error (error);
  statements = upstander_check_statements (upstander_bundle_lookup_scenario (bundle, "s"));
  /* Three goals at most, and the two every lesson measures: never more than five. */
  g_assert_cmpuint (g_strv_length (statements), ==, 5);
  g_assert_cmpstr (statements[0], ==, "I feel ready for this goal: Know that 100% of %s <b>counts</b>.");
  g_assert_cmpstr (statements[2], ==, "I feel ready for this goal: Three.");
  g_assert_cmpstr (statements[4], ==, "I know an adult I could tell.");
}

/*
 * Every core story's three kit documents in each of the six languages:
 * each renders, and no worksheet carries an effect word in its language.
 */
static void
test_kit_every_core_story (void)
{
  const char *languages[] = { "en", "ar", "es", "fr", "ru", "zh_CN" };
  g_autoptr(UpstanderLibrary) library = upstander_library_new ();
  g_autofree char *tmp = g_dir_make_tmp ("upstander-kit-core-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (tmp, "kit.pdf", NULL);
  guint n_core = 0;

  upstander_library_load (library);
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      const char *names[] = { languages[l], NULL };

      use_language (languages[l]);
      upstander_library_set_languages (library, names);
      n_core = 0;
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
        {
          g_autoptr(UpstanderScenario) scenario = g_list_model_get_item (G_LIST_MODEL (library), i);

          if (!g_str_equal (upstander_scenario_get_bundle_id (scenario), "core"))
            continue;
          n_core++;
          for (UpstanderKitDocument kind = UPSTANDER_KIT_LESSON_PLAN; kind <= UPSTANDER_KIT_PARENT_SHEET; kind++)
            {
              g_autoptr(UpstanderDocument) doc = upstander_kit_document_new (kind, scenario, library, "GB");
              g_autoptr(GError) error = NULL;

              g_assert_true (upstander_document_write_pdf (doc, out, &error));
              g_assert_no_error (error);
              g_assert_cmpuint (upstander_document_get_n_pages (doc), >=, 1);
              if (kind == UPSTANDER_KIT_WORKSHEET)
                {
                  g_autofree char *text = ui_test_pdf_text (out);

                  ui_test_assert_has (text, _("What would you do?"));
                  ui_test_assert_lacks (text, upstander_effect_word (UPSTANDER_EFFECT_HELPFUL));
                  ui_test_assert_lacks (text, upstander_effect_word (UPSTANDER_EFFECT_MIXED));
                  ui_test_assert_lacks (text, upstander_effect_word (UPSTANDER_EFFECT_HARMFUL));
                }
            }
        }
      g_assert_cmpuint (n_core, >=, 15);
    }

  use_language ("en");
  g_remove (out);
  g_rmdir (tmp);
}

/* Each document in Arabic: the story's text and the interface's, right to left. */
static void
test_kit_arabic (void)
{
  g_autoptr(UpstanderBundle) bundle = load_fixture ("classroom", "arabic-story.xml");
  UpstanderScenario *scenario = upstander_bundle_lookup_scenario (bundle, "al-sura");
  g_autofree char *plan = kit_text ("--lesson-plan", "classroom", "arabic-story.xml", "classroom-ar/al-sura", "ar");
  g_autofree char *worksheet = kit_text ("--worksheet", "classroom", "arabic-story.xml", "classroom-ar/al-sura", "ar");
  g_autofree char *parents = kit_text ("--parent-sheet", "classroom", "arabic-story.xml", "classroom-ar/al-sura", "ar");

  use_language ("ar");
  /* Translated, or the checks below would pass on English. */
  g_assert_cmpstr (_("Learning objectives"), !=, "Learning objectives");

  ui_test_assert_has (plan, upstander_scenario_get_title (scenario));
  assert_goals_in (plan, scenario);
  assert_prompts_in (plan, scenario, FALSE, TRUE);
  ui_test_assert_has (plan, _("Learning objectives"));
  ui_test_assert_has (plan, _("Reinforcer"));
  ui_test_assert_has (plan, _("Outsider"));
  ui_test_assert_has (plan, _("Defender"));
  ui_test_assert_has (plan, _("Safeguarding"));

  ui_test_assert_has (worksheet, upstander_scenario_get_summary (scenario));
  assert_prompts_in (worksheet, scenario, TRUE, FALSE);
  ui_test_assert_has (worksheet, _("What would you do?"));
  assert_no_answers_in (worksheet, scenario);

  ui_test_assert_has (parents, _("For parents and carers"));
  ui_test_assert_has (parents, _("Signs to notice"));
  assert_goals_in (parents, scenario);

  use_language ("en");
}

/* The parent sheet in each of the app's languages, so it can go home in the family's. */
static void
test_parent_sheet_languages (void)
{
  const char *languages[] = { "es", "fr", "ru", "zh_CN", "ar" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *text = kit_text ("--parent-sheet", "ui", "ui-stories.xml", "the-sticker", languages[i]);

      use_language (languages[i]);
      g_assert_cmpstr (_("Signs to notice"), !=, "Signs to notice");
      ui_test_assert_has (text, _("For parents and carers"));
      ui_test_assert_has (text, _("Signs to notice"));
      ui_test_assert_has (text, _("What to ask at home"));
      ui_test_assert_has (text, _("Where to get help"));
    }
  use_language ("en");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  upstander_language_bind_textdomain ();

  g_test_add_func ("/upstander/handout/cli", test_cli_handout);
  g_test_add_func ("/upstander/handout/cli-arabic", test_cli_handout_arabic);
  g_test_add_func ("/upstander/handout/cli-paper-from-locale", test_cli_handout_paper_from_locale);
  g_test_add_func ("/upstander/handout/cli-errors", test_cli_handout_errors);
  g_test_add_func ("/upstander/handout/cli-full-disk-keeps-old", test_cli_handout_full_disk);
  g_test_add_func ("/upstander/handout/exports-full-disk-keep-old", test_exports_full_disk);
  g_test_add_func ("/upstander/handout/summary-pdf", test_summary_pdf);
  g_test_add_func ("/upstander/handout/summary-pdf-arabic", test_summary_pdf_arabic);
  g_test_add_func ("/upstander/handout/document-paginates", test_document_paginates);
  g_test_add_func ("/upstander/lesson-kit/poster", test_poster);
  g_test_add_func ("/upstander/lesson-kit/poster-arabic", test_poster_arabic);
  g_test_add_func ("/upstander/lesson-kit/plan-steps", test_lesson_plan_steps);
  g_test_add_func ("/upstander/lesson-kit/lesson-plan", test_lesson_plan);
  g_test_add_func ("/upstander/lesson-kit/lesson-plan-authored", test_lesson_plan_authored);
  g_test_add_func ("/upstander/lesson-kit/check-statements-authored", test_check_statements_authored);
  g_test_add_func ("/upstander/lesson-kit/check-statements-composed", test_check_statements_composed);
  g_test_add_func ("/upstander/lesson-kit/worksheet", test_worksheet);
  g_test_add_func ("/upstander/lesson-kit/parent-sheet", test_parent_sheet);
  g_test_add_func ("/upstander/lesson-kit/arabic", test_kit_arabic);
  g_test_add_func ("/upstander/lesson-kit/every-core-story", test_kit_every_core_story);
  g_test_add_func ("/upstander/lesson-kit/parent-sheet-languages", test_parent_sheet_languages);

  return g_test_run ();
}
