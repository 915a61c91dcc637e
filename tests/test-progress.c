/* test-progress.c: the progress store: atomic, validated, safe with bad files */
#define G_LOG_DOMAIN "test-progress"

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "upstander-progress.h"

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("upstander-progress-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_chmod (dir, 0700);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_progress_round_trip (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "sub", "progress.ini", NULL);
  UpstanderProgress *progress = upstander_progress_new (path);
  UpstanderProgress *again;
  g_auto(GStrv) endings = NULL;
  GStatBuf st;

  upstander_progress_load (progress);
  g_assert_cmpint (upstander_progress_take_notice (progress), ==, UPSTANDER_PROGRESS_NOTICE_NONE);
  g_assert_false (upstander_progress_get_finished (progress, "core", "the-sticker", 1));

  g_assert_true (upstander_progress_add_ending (progress, "core", "the-sticker", 1, "end"));
  g_assert_true (upstander_progress_add_ending (progress, "core", "the-sticker", 1, "end"));
  g_assert_true (upstander_progress_add_ending (progress, "core", "the-sticker", 1, "end-b"));
  g_assert_true (upstander_progress_get_finished (progress, "core", "the-sticker", 1));
  g_assert_cmpuint (upstander_progress_get_n_endings (progress, "core", "the-sticker", 1), ==, 2);
  /* Another content version is another story. */
  g_assert_false (upstander_progress_get_finished (progress, "core", "the-sticker", 2));

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  again = upstander_progress_new (path);
  upstander_progress_load (again);
  endings = upstander_progress_dup_endings (again, "core", "the-sticker", 1);
  g_assert_cmpuint (g_strv_length (endings), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) endings, "end"));
  g_assert_true (g_strv_contains ((const char * const *) endings, "end-b"));
  g_assert_cmpint (upstander_progress_take_notice (again), ==, UPSTANDER_PROGRESS_NOTICE_NONE);

  upstander_progress_forget (again);
  g_assert_false (upstander_progress_get_finished (again, "core", "the-sticker", 1));
  g_assert_finalize_object (again);

  again = upstander_progress_new (path);
  upstander_progress_load (again);
  g_assert_false (upstander_progress_get_finished (again, "core", "the-sticker", 1));

  g_assert_finalize_object (again);
  g_assert_finalize_object (progress);
  remove_dir (dir);
}

static void
test_progress_rejects_bad_ids (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  UpstanderProgress *progress = upstander_progress_new (path);
  g_autofree char *contents = NULL;
  g_autofree char *long_id = g_strnfill (65, 'a');

  upstander_progress_load (progress);
  g_assert_false (upstander_progress_add_ending (progress, "core", "bad id", 1, "end"));
  g_assert_false (upstander_progress_add_ending (progress, "core", "x]\n[y", 1, "end"));
  g_assert_false (upstander_progress_add_ending (progress, "Core", "story", 1, "end"));
  g_assert_false (upstander_progress_add_ending (progress, "core", "story", 1, "-end"));
  g_assert_false (upstander_progress_add_ending (progress, "core", "story", 1, "a=b"));
  g_assert_false (upstander_progress_add_ending (progress, "core", long_id, 1, "end"));
  g_assert_false (upstander_progress_add_ending (progress, "core", "story", 0, "end"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (upstander_progress_id_is_valid ("a"));
  g_assert_true (upstander_progress_id_is_valid ("end-2"));
  g_assert_false (upstander_progress_id_is_valid (""));
  g_assert_false (upstander_progress_id_is_valid (NULL));

  /* Hostile groups and values in the file are dropped when it is read. */
  g_assert_true (g_file_set_contents (path,
                                      "[upstander]\nformat=1\n"
                                      "[core/ok/1]\nfinished=true\nendings=good;Bad Id;../x;good;\n"
                                      "[core/../1]\nfinished=true\n"
                                      "[core/x/y/1]\nfinished=true\n",
                                      -1, NULL));
  upstander_progress_load (progress);
  g_assert_cmpint (upstander_progress_take_notice (progress), ==, UPSTANDER_PROGRESS_NOTICE_NONE);
  g_assert_cmpuint (upstander_progress_get_n_endings (progress, "core", "ok", 1), ==, 1);
  g_assert_true (upstander_progress_add_ending (progress, "core", "ok", 1, "other"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "Bad Id"));
  g_assert_null (strstr (contents, ".."));

  g_assert_finalize_object (progress);
  remove_dir (dir);
}

static void
test_progress_corrupt_moved_aside (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  UpstanderProgress *progress = upstander_progress_new (path);
  g_autoptr(GDir) d = NULL;
  const char *name;
  gboolean moved = FALSE;

  g_assert_true (g_file_set_contents (path, "\x01\x02 this is [not a key file", -1, NULL));
  upstander_progress_load (progress);
  g_assert_cmpint (upstander_progress_take_notice (progress), ==, UPSTANDER_PROGRESS_NOTICE_CORRUPT);
  /* Said once only. */
  g_assert_cmpint (upstander_progress_take_notice (progress), ==, UPSTANDER_PROGRESS_NOTICE_NONE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    moved |= g_str_has_prefix (name, "progress.ini.corrupt-");
  g_assert_true (moved);

  /* A fresh start works. */
  g_assert_true (upstander_progress_add_ending (progress, "core", "story", 1, "end"));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A file without the header is corrupt too, and so is a truncated one. */
  g_assert_true (g_file_set_contents (path, "[core/story/1]\nfinished=true\n", -1, NULL));
  upstander_progress_load (progress);
  g_assert_false (upstander_progress_get_finished (progress, "core", "story", 1));
  g_assert_cmpint (upstander_progress_take_notice (progress), ==, UPSTANDER_PROGRESS_NOTICE_NONE);

  g_assert_finalize_object (progress);
  remove_dir (dir);
}

static void
test_progress_newer_not_overwritten (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  const char *newer = "[upstander]\nformat=7\n[core/story/1]\nfinished=true\nendings=end;\nfuture=yes\n";
  UpstanderProgress *progress = upstander_progress_new (path);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, newer, -1, NULL));
  upstander_progress_load (progress);
  g_assert_cmpint (upstander_progress_take_notice (progress), ==, UPSTANDER_PROGRESS_NOTICE_NEWER);
  g_assert_true (upstander_progress_get_finished (progress, "core", "story", 1));
  g_assert_true (upstander_progress_add_ending (progress, "core", "story", 1, "other"));
  upstander_progress_forget (progress);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, newer);

  g_assert_finalize_object (progress);
  remove_dir (dir);
}

static void
test_progress_unwritable (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autofree char *path = g_build_filename (locked, "progress.ini", NULL);
  UpstanderProgress *progress;
  UpstanderProgressNotice notice;

  if (geteuid () == 0)
    {
      /* root writes anywhere: make the parent a file instead. */
      g_assert_true (g_file_set_contents (locked, "", -1, NULL));
    }
  else
    {
      g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
    }

  progress = upstander_progress_new (path);
  upstander_progress_load (progress);
  /* Told when loading finds the place unusable, or at the first save. */
  notice = upstander_progress_take_notice (progress);

  /* Progress is kept for this run, and the reader told once. */
  upstander_progress_add_ending (progress, "core", "story", 1, "end");
  g_assert_true (upstander_progress_get_finished (progress, "core", "story", 1));
  if (notice == UPSTANDER_PROGRESS_NOTICE_NONE)
    notice = upstander_progress_take_notice (progress);
  g_assert_cmpint (notice, ==, UPSTANDER_PROGRESS_NOTICE_UNWRITABLE);
  upstander_progress_add_ending (progress, "core", "story", 1, "end-b");
  g_assert_cmpint (upstander_progress_take_notice (progress), ==, UPSTANDER_PROGRESS_NOTICE_NONE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_finalize_object (progress);
  g_unlink (locked);
  remove_dir (dir);
}

static void
test_progress_merges_other_instance (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  UpstanderProgress *first = upstander_progress_new (path);
  UpstanderProgress *second = upstander_progress_new (path);
  UpstanderProgress *check;

  upstander_progress_load (first);
  upstander_progress_load (second);
  upstander_progress_add_ending (first, "core", "a", 1, "end");
  upstander_progress_add_ending (second, "core", "b", 1, "end");

  check = upstander_progress_new (path);
  upstander_progress_load (check);
  g_assert_true (upstander_progress_get_finished (check, "core", "a", 1));
  g_assert_true (upstander_progress_get_finished (check, "core", "b", 1));

  g_assert_finalize_object (check);
  g_assert_finalize_object (first);
  g_assert_finalize_object (second);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upstander/progress/round-trip", test_progress_round_trip);
  g_test_add_func ("/upstander/progress/rejects-bad-ids", test_progress_rejects_bad_ids);
  g_test_add_func ("/upstander/progress/corrupt-moved-aside", test_progress_corrupt_moved_aside);
  g_test_add_func ("/upstander/progress/newer-not-overwritten", test_progress_newer_not_overwritten);
  g_test_add_func ("/upstander/progress/unwritable", test_progress_unwritable);
  g_test_add_func ("/upstander/progress/merges-other-instance", test_progress_merges_other_instance);

  return g_test_run ();
}
