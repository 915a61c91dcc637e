/* test-progress.c: the progress store: atomic, validated, safe with bad files
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-progress"
#define _GNU_SOURCE /* setresuid () */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <time.h>
#include <utime.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <string.h>
#include <unistd.h>
#include <valgrind/valgrind.h>

#include "fault.h"
#include "upstander-model.h"
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

  upstander_progress_flush (progress);
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
  upstander_progress_flush (again);
  g_assert_finalize_object (again);

  again = upstander_progress_new (path);
  upstander_progress_load (again);
  g_assert_false (upstander_progress_get_finished (again, "core", "the-sticker", 1));

  upstander_progress_flush (again);
  g_assert_finalize_object (again);
  upstander_progress_flush (progress);
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

  g_assert_true (upstander_id_is_valid ("a"));
  g_assert_true (upstander_id_is_valid ("end-2"));
  g_assert_false (upstander_id_is_valid (""));
  g_assert_false (upstander_id_is_valid (NULL));
  /* The same rule as the loader's: 64 characters at most, no leading hyphen. */
  g_assert_true (upstander_id_is_valid ("0-a-"));
  g_assert_false (upstander_id_is_valid ("-a"));
  g_assert_false (upstander_id_is_valid ("a_b"));
  long_id[64] = '\0';
  g_assert_true (upstander_id_is_valid (long_id));
  long_id[64] = 'a';
  g_assert_false (upstander_id_is_valid (long_id));

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
  upstander_progress_flush (progress);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "Bad Id"));
  g_assert_null (strstr (contents, ".."));

  upstander_progress_flush (progress);
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
  upstander_progress_flush (progress);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A file without the header is corrupt too, and so is a truncated one. */
  g_assert_true (g_file_set_contents (path, "[core/story/1]\nfinished=true\n", -1, NULL));
  upstander_progress_load (progress);
  g_assert_false (upstander_progress_get_finished (progress, "core", "story", 1));
  g_assert_cmpint (upstander_progress_take_notice (progress), ==, UPSTANDER_PROGRESS_NOTICE_NONE);

  upstander_progress_flush (progress);
  g_assert_finalize_object (progress);
  remove_dir (dir);
}

/*
 * What a writer killed mid-save leaves behind is cleaned up, but only once
 * old, and only names the app makes: never a file a person keeps there.
 */
static void
test_progress_stale_temporary_removed (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  g_autofree char *stale = g_build_filename (dir, ".progress.ini.upstander-tmp-Ab12Cd", NULL);
  g_autofree char *fresh = g_build_filename (dir, ".progress.ini.upstander-tmp-Zz99Yy", NULL);
  const char *kept[] = {
    "progress.ini.corrupt-1",   /* a corrupt file moved aside, for whoever wants to look */
    "progress.ini.backup",      /* a person's own copy */
    "progress.ini.Ab12Cd",
    ".progress.ini.upstander-tmp-Ab12Cd.old",
    ".progress.ini.upstander-tmp-Ab12C",
    ".other.ini.upstander-tmp-Ab12Cd",  /* another file's */
    NULL
  };
  UpstanderProgress *progress = upstander_progress_new (path);
  struct utimbuf an_hour_ago = { time (NULL) - 3600, time (NULL) - 3600 };

  g_assert_true (g_file_set_contents (stale, "[upstander]\nformat=1\n", -1, NULL));
  g_assert_true (g_file_set_contents (fresh, "[upstander]\nformat=1\n", -1, NULL));
  g_assert_cmpint (utime (stale, &an_hour_ago), ==, 0);
  for (guint i = 0; kept[i] != NULL; i++)
    {
      g_autofree char *other = g_build_filename (dir, kept[i], NULL);

      g_assert_true (g_file_set_contents (other, "mine", -1, NULL));
      g_assert_cmpint (utime (other, &an_hour_ago), ==, 0);
    }

  upstander_progress_load (progress);

  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  /* A save another instance may be making right now. */
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  for (guint i = 0; kept[i] != NULL; i++)
    {
      g_autofree char *other = g_build_filename (dir, kept[i], NULL);

      g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
    }

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
  upstander_progress_flush (progress);

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
  upstander_progress_flush (progress);
  if (notice == UPSTANDER_PROGRESS_NOTICE_NONE)
    notice = upstander_progress_take_notice (progress);
  g_assert_cmpint (notice, ==, UPSTANDER_PROGRESS_NOTICE_UNWRITABLE);
  upstander_progress_add_ending (progress, "core", "story", 1, "end-b");
  upstander_progress_flush (progress);
  g_assert_cmpint (upstander_progress_take_notice (progress), ==, UPSTANDER_PROGRESS_NOTICE_NONE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  upstander_progress_flush (progress);
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

  upstander_progress_flush (check);
  g_assert_finalize_object (check);
  upstander_progress_flush (first);
  g_assert_finalize_object (first);
  upstander_progress_flush (second);
  g_assert_finalize_object (second);
  remove_dir (dir);
}

/* Whether the store at @path, read afresh, says @scenario_id of @bundle_id version @version was finished. */
static gboolean
finished_on_disk (const char *path,
                  const char *bundle_id,
                  const char *scenario_id,
                  guint       version)
{
  UpstanderProgress *check = upstander_progress_new (path);
  gboolean finished;

  upstander_progress_load (check);
  finished = upstander_progress_get_finished (check, bundle_id, scenario_id, version);
  g_assert_finalize_object (check);

  return finished;
}

/*
 * Deleting a story removes what is kept about it, every version, here and on
 * disk, even what another instance found; nothing else; and Undo puts it back.
 */
static void
test_progress_remove_story (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  UpstanderProgress *progress = upstander_progress_new (path);
  UpstanderProgress *other = upstander_progress_new (path);
  g_autoptr(GBytes) removed = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) endings = NULL;

  upstander_progress_load (progress);
  upstander_progress_load (other);
  upstander_progress_add_ending (progress, "workshop-a", "story", 1, "end-good");
  upstander_progress_add_ending (progress, "workshop-a", "story", 1, "end-bad");
  upstander_progress_add_ending (progress, "workshop-a", "story", 2, "end-good");
  upstander_progress_add_ending (progress, "workshop-a", "story-two", 1, "end-good");
  upstander_progress_add_ending (progress, "workshop-ab", "story", 1, "end-good");
  upstander_progress_add_ending (progress, "core", "the-class-chat", 3, "end-good");
  upstander_progress_flush (progress);
  /* Found by another instance, unknown to this one. */
  upstander_progress_add_ending (other, "workshop-a", "story", 3, "end-good");
  upstander_progress_flush (other);

  removed = upstander_progress_remove_story (progress, "workshop-a", "story");
  g_assert_nonnull (removed);
  g_assert_false (upstander_progress_get_finished (progress, "workshop-a", "story", 1));
  g_assert_false (upstander_progress_get_finished (progress, "workshop-a", "story", 2));
  g_assert_cmpuint (upstander_progress_get_n_endings (progress, "workshop-a", "story", 1), ==, 0);
  g_assert_true (upstander_progress_get_finished (progress, "workshop-a", "story-two", 1));
  g_assert_true (upstander_progress_get_finished (progress, "workshop-ab", "story", 1));
  g_assert_true (upstander_progress_get_finished (progress, "core", "the-class-chat", 3));
  upstander_progress_flush (progress);

  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_nonnull (contents);
  g_assert_null (strstr (contents, "[workshop-a/story/"));
  g_assert_false (finished_on_disk (path, "workshop-a", "story", 3));
  g_assert_true (finished_on_disk (path, "workshop-a", "story-two", 1));
  g_assert_true (finished_on_disk (path, "workshop-ab", "story", 1));
  g_assert_true (finished_on_disk (path, "core", "the-class-chat", 3));

  /* Undo: both versions this instance knew, with their endings. */
  upstander_progress_restore_story (progress, removed);
  endings = upstander_progress_dup_endings (progress, "workshop-a", "story", 1);
  g_assert_cmpuint (g_strv_length (endings), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) endings, "end-good"));
  g_assert_true (g_strv_contains ((const char * const *) endings, "end-bad"));
  g_assert_true (upstander_progress_get_finished (progress, "workshop-a", "story", 2));
  upstander_progress_flush (progress);
  g_assert_true (finished_on_disk (path, "workshop-a", "story", 1));
  g_assert_true (finished_on_disk (path, "workshop-a", "story", 2));

  /* Nothing kept, nothing to undo; a bad id removes nothing. */
  g_assert_null (upstander_progress_remove_story (progress, "workshop-z", "story"));
  g_assert_null (upstander_progress_remove_story (progress, "../workshop-a", "story"));
  g_assert_true (upstander_progress_get_finished (progress, "workshop-a", "story", 1));

  upstander_progress_flush (progress);
  g_assert_finalize_object (progress);
  upstander_progress_flush (other);
  g_assert_finalize_object (other);
  remove_dir (dir);
}

/* A story removed while a save that still holds it runs stays removed, here and on disk. */
static void
test_progress_remove_story_while_saving (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  UpstanderProgress *progress = upstander_progress_new (path);
  g_autoptr(GBytes) removed = NULL;

  upstander_progress_load (progress);
  /* Starts a save that holds the story; the removal comes before it reports. */
  upstander_progress_add_ending (progress, "workshop-a", "story", 1, "end-good");
  removed = upstander_progress_remove_story (progress, "workshop-a", "story");
  g_assert_nonnull (removed);
  upstander_progress_flush (progress);

  g_assert_false (upstander_progress_get_finished (progress, "workshop-a", "story", 1));
  g_assert_false (finished_on_disk (path, "workshop-a", "story", 1));

  /* Undo after the removal was saved brings the story back... */
  upstander_progress_restore_story (progress, removed);
  g_clear_pointer (&removed, g_bytes_unref);
  upstander_progress_flush (progress);
  g_assert_true (finished_on_disk (path, "workshop-a", "story", 1));
  /* ...and so does Undo before it is saved (another save still runs). */
  upstander_progress_add_ending (progress, "core", "the-class-chat", 3, "end-good");
  removed = upstander_progress_remove_story (progress, "workshop-a", "story");
  upstander_progress_restore_story (progress, removed);
  upstander_progress_flush (progress);
  g_assert_true (upstander_progress_get_finished (progress, "workshop-a", "story", 1));
  g_assert_true (finished_on_disk (path, "workshop-a", "story", 1));

  g_assert_finalize_object (progress);
  remove_dir (dir);
}

/* What Undo hands back is checked as a file from disk is: bad ids and bad data change nothing. */
static void
test_progress_restore_rejects_bad_entries (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  UpstanderProgress *progress = upstander_progress_new (path);
  static const char bad[] = "[../etc/1]\nfinished=true\n[core/x/0]\nfinished=true\n[core/y/1]\nendings=../a;ok;\n";
  g_autoptr(GBytes) bad_ids = g_bytes_new_static (bad, sizeof bad - 1);
  g_autoptr(GBytes) not_a_keyfile = g_bytes_new_static ("\x01\xff[[[", 5);
  g_auto(GStrv) endings = NULL;

  upstander_progress_load (progress);
  upstander_progress_restore_story (progress, not_a_keyfile);
  upstander_progress_restore_story (progress, bad_ids);
  g_assert_false (upstander_progress_get_finished (progress, "core", "x", 0));
  endings = upstander_progress_dup_endings (progress, "core", "y", 1);
  g_assert_cmpstrv (endings, ((const char *[]) { "ok", NULL }));

  upstander_progress_flush (progress);
  g_assert_finalize_object (progress);
  remove_dir (dir);
}

/* The file as a key file, strictly: a torn file fails here. */
static GKeyFile *
read_strict (const char *path)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_key_file_get_integer (keyfile, "upstander", "format", NULL), ==, 1);

  return g_steal_pointer (&keyfile);
}

#define KILL_ROUNDS 100
#define ENDINGS_PER_WRITER 20

static void
write_endings (const char *path,
               guint       round)
{
  g_autoptr(UpstanderProgress) progress = upstander_progress_new (path);
  g_autofree char *scenario = g_strdup_printf ("s%u", round);

  upstander_progress_load (progress);
  for (guint e = 0; e < ENDINGS_PER_WRITER; e++)
    {
      g_autofree char *ending = g_strdup_printf ("e%u", e);

      g_assert_true (upstander_progress_add_ending (progress, "core", scenario, 1, ending));
      /* One save at a time, at a player's pace. */
      upstander_progress_flush (progress);
    }
}

/*
 * A writer killed at a random point, a hundred times over: the file is
 * always the old version or a new one, never torn, and what was saved
 * before is never lost.
 */
static void
test_progress_sigkill (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  guint n_killed = 0;
  guint n_mid_story = 0;

  for (guint round = 0; round < KILL_ROUNDS; round++)
    {
      g_autofree char *group = g_strdup_printf ("core/s%u/1", round);
      g_autoptr(GKeyFile) after = NULL;
      g_auto(GStrv) endings = NULL;
      pid_t pid;
      int status = 0;

      pid = fault_fork ();
      if (pid == 0)
        {
          write_endings (path, round);
          _exit (0);
        }

      g_usleep (g_test_rand_int_range (0, 20000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      n_killed += WIFSIGNALED (status);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          /* Killed before its first save ever finished. */
          g_assert_cmpuint (round, ==, n_killed - 1);
          continue;
        }

      after = read_strict (path);
      /* Every earlier round's story is still there, whole. */
      for (guint r = 0; r < round; r++)
        {
          g_autofree char *earlier = g_strdup_printf ("core/s%u/1", r);
          g_auto(GStrv) kept = g_key_file_get_string_list (after, earlier, "endings", NULL, NULL);
          g_autofree char *first = g_strdup ("e0");

          if (kept != NULL)
            g_assert_cmpstr (kept[0], ==, first);
        }
      /* This round's: the endings in the order they were found, a prefix. */
      endings = g_key_file_get_string_list (after, group, "endings", NULL, NULL);
      for (guint e = 0; endings != NULL && endings[e] != NULL; e++)
        {
          g_autofree char *expected = g_strdup_printf ("e%u", e);

          g_assert_cmpstr (endings[e], ==, expected);
        }
      if (endings != NULL && g_strv_length (endings) < ENDINGS_PER_WRITER)
        n_mid_story++;

      /* And the app reads it without a word. */
      {
        g_autoptr(UpstanderProgress) progress = upstander_progress_new (path);

        upstander_progress_load (progress);
        g_assert_cmpint (upstander_progress_take_notice (progress), ==, UPSTANDER_PROGRESS_NOTICE_NONE);
      }
    }

  g_test_message ("%u of %u writers were killed, %u of them between two saves of one story",
                  n_killed, KILL_ROUNDS, n_mid_story);
  g_assert_cmpuint (n_killed, >, 0);
  remove_dir (dir);
}

/* Rounds saved before a kill are never lost: checked with a known count. */
static void
test_progress_sigkill_keeps_old (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  g_autofree char *old = NULL;

  write_endings (path, 0);
  g_assert_true (g_file_get_contents (path, &old, NULL, NULL));

  for (guint round = 1; round <= 20; round++)
    {
      g_autofree char *now = NULL;
      g_autoptr(GKeyFile) keyfile = NULL;
      g_auto(GStrv) kept = NULL;
      pid_t pid;

      pid = fault_fork ();
      if (pid == 0)
        {
          write_endings (path, round);
          _exit (0);
        }
      g_usleep (g_test_rand_int_range (0, 5000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, NULL, 0), ==, pid);

      keyfile = read_strict (path);
      kept = g_key_file_get_string_list (keyfile, "core/s0/1", "endings", NULL, NULL);
      g_assert_nonnull (kept);
      g_assert_cmpuint (g_strv_length (kept), ==, ENDINGS_PER_WRITER);
    }

  remove_dir (dir);
}

static void
full_disk_child (gconstpointer data)
{
  const char *dir = data;
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  g_autoptr(UpstanderProgress) progress = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean mounted = fault_mount_tiny_tmpfs (dir);

  if (!mounted)
    g_test_message ("cannot mount a tmpfs (%s): limiting the file size instead", g_strerror (errno));
  progress = upstander_progress_new (path);
  upstander_progress_load (progress);
  g_assert_true (upstander_progress_add_ending (progress, "core", "story", 1, "end"));
  upstander_progress_flush (progress);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  if (mounted)
    fault_fill_up (dir);
  else
    fault_limit_file_size ();

  g_assert_cmpint (upstander_progress_take_notice (progress), ==, UPSTANDER_PROGRESS_NOTICE_NONE);
  g_assert_true (upstander_progress_add_ending (progress, "core", "story", 1, "end-b"));
  g_assert_true (upstander_progress_add_ending (progress, "core", "other", 1, "end"));
  upstander_progress_flush (progress);
  /* The reader is told, once; this run keeps what was found. */
  g_assert_cmpint (upstander_progress_take_notice (progress), ==, UPSTANDER_PROGRESS_NOTICE_UNWRITABLE);
  g_assert_cmpint (upstander_progress_take_notice (progress), ==, UPSTANDER_PROGRESS_NOTICE_NONE);
  g_assert_cmpuint (upstander_progress_get_n_endings (progress, "core", "story", 1), ==, 2);

  /* The old file is there, whole. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  upstander_progress_forget (progress);
  upstander_progress_flush (progress);
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
}

/* A full disk keeps the old file and tells the reader. */
static void
test_progress_full_disk (void)
{
  g_autofree char *dir = make_dir ();

  fault_in_child (full_disk_child, dir);
  remove_dir (dir);
}

static void
unwritable_dir_child (gconstpointer data)
{
  const char *dir = data;
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  g_autoptr(UpstanderProgress) progress = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* root writes anywhere: become nobody to feel the permissions. */
  if (geteuid () == 0)
    g_assert_cmpint (setresuid (65534, 65534, 65534), ==, 0);

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  progress = upstander_progress_new (path);
  upstander_progress_load (progress);
  g_assert_true (upstander_progress_get_finished (progress, "core", "story", 1));
  g_assert_true (upstander_progress_add_ending (progress, "core", "story", 1, "end-b"));
  upstander_progress_flush (progress);
  g_assert_cmpint (upstander_progress_take_notice (progress), ==, UPSTANDER_PROGRESS_NOTICE_UNWRITABLE);
  g_assert_cmpuint (upstander_progress_get_n_endings (progress, "core", "story", 1), ==, 2);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
}

/* A directory that cannot be written keeps the old file and tells the reader. */
static void
test_progress_unwritable_keeps_old (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  g_autoptr(UpstanderProgress) progress = upstander_progress_new (path);

  upstander_progress_load (progress);
  g_assert_true (upstander_progress_add_ending (progress, "core", "story", 1, "end"));
  upstander_progress_flush (progress);
  /* Readable by anyone, writable by nobody. */
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  fault_in_child (unwritable_dir_child, dir);

  g_assert_finalize_object (g_steal_pointer (&progress));
  remove_dir (dir);
}

static void
instance_child (gconstpointer data)
{
  const char *path = data;
  g_autoptr(UpstanderProgress) progress = upstander_progress_new (path);
  g_autofree char *scenario = g_strdup_printf ("p%d", (int) getpid ());

  upstander_progress_load (progress);
  for (guint e = 0; e < 30; e++)
    {
      g_autofree char *ending = g_strdup_printf ("e%u", e);

      g_assert_true (upstander_progress_add_ending (progress, "core", scenario, 1, ending));
      upstander_progress_flush (progress);
      g_assert_cmpint (upstander_progress_take_notice (progress), ==, UPSTANDER_PROGRESS_NOTICE_NONE);
    }
}

/*
 * Two instances saving at the same time: the file is never corrupt, and
 * holds only what they wrote. (Without a lock, one instance's last save can
 * replace an ending the other saved a moment before; neither ever reads a
 * broken file.)
 */
static void
test_progress_two_instances_at_once (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  pid_t pids[2];
  g_autoptr(GKeyFile) keyfile = NULL;
  g_auto(GStrv) groups = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (pids); i++)
    {
      pids[i] = fault_fork ();
      if (pids[i] == 0)
        {
          instance_child (path);
          _exit (0);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (pids); i++)
    {
      int status = 0;

      g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }

  keyfile = read_strict (path);
  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) endings = NULL;

      if (g_str_equal (groups[i], "upstander"))
        continue;
      g_assert_true (g_str_has_prefix (groups[i], "core/p"));
      endings = g_key_file_get_string_list (keyfile, groups[i], "endings", NULL, NULL);
      g_assert_nonnull (endings);
      for (guint e = 0; endings[e] != NULL; e++)
        g_assert_true (g_str_has_prefix (endings[e], "e"));
    }

  /* Nothing either instance found is lost to the other's save. */
  for (guint i = 0; i < G_N_ELEMENTS (pids); i++)
    {
      g_autofree char *group = g_strdup_printf ("core/p%d/1", (int) pids[i]);
      g_auto(GStrv) endings = g_key_file_get_string_list (keyfile, group, "endings", NULL, NULL);

      g_assert_nonnull (endings);
      g_assert_cmpuint (g_strv_length (endings), ==, 30);
    }
  remove_dir (dir);
}

/* CPU time this process (every thread of it) has used, in microseconds. */
/*
 * Two copies of the app on one file, without the single-instance guard: A
 * finds an ending, B deletes a story made in the workshop (A still holds
 * its endings in memory), both save, in either order. The file, and each
 * copy after its next save, keep A's ending and B's deletion; Undo in B
 * brings the story back everywhere.
 */
static void
test_progress_removal_survives_other_copy (gconstpointer data)
{
  gboolean removal_first = g_str_equal (data, "removal-first");
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  UpstanderProgress *seed = upstander_progress_new (path);
  UpstanderProgress *first = upstander_progress_new (path);
  UpstanderProgress *second = upstander_progress_new (path);
  g_autoptr(GBytes) removed = NULL;
  g_autoptr(GKeyFile) on_disk = NULL;

  upstander_progress_load (seed);
  g_assert_true (upstander_progress_add_ending (seed, "workshop-a", "story", 1, "end-good"));
  g_assert_true (upstander_progress_add_ending (seed, "core", "a", 1, "end"));
  upstander_progress_flush (seed);
  g_assert_finalize_object (seed);

  upstander_progress_load (first);
  upstander_progress_load (second);
  g_assert_true (upstander_progress_get_finished (first, "workshop-a", "story", 1));

  if (removal_first)
    {
      removed = upstander_progress_remove_story (second, "workshop-a", "story");
      upstander_progress_flush (second);
      g_assert_true (upstander_progress_add_ending (first, "core", "b", 1, "end"));
      upstander_progress_flush (first);
    }
  else
    {
      g_assert_true (upstander_progress_add_ending (first, "core", "b", 1, "end"));
      upstander_progress_flush (first);
      removed = upstander_progress_remove_story (second, "workshop-a", "story");
      upstander_progress_flush (second);
    }
  g_assert_nonnull (removed);

  /* On disk: A's ending, and not the story B deleted. */
  g_assert_false (finished_on_disk (path, "workshop-a", "story", 1));
  g_assert_true (finished_on_disk (path, "core", "b", 1));
  g_assert_true (finished_on_disk (path, "core", "a", 1));
  /* Still readable as format 1, by this version and the one before. */
  on_disk = read_strict (path);
  g_assert_false (g_key_file_has_group (on_disk, "workshop-a/story/1"));

  /* Both save again: nothing comes back, each has taken in the other's news. */
  g_assert_true (upstander_progress_add_ending (first, "core", "c", 1, "end"));
  upstander_progress_flush (first);
  g_assert_true (upstander_progress_add_ending (second, "core", "d", 1, "end"));
  upstander_progress_flush (second);
  g_assert_false (finished_on_disk (path, "workshop-a", "story", 1));
  g_assert_true (finished_on_disk (path, "core", "b", 1));
  g_assert_true (finished_on_disk (path, "core", "c", 1));
  g_assert_true (finished_on_disk (path, "core", "d", 1));
  g_assert_false (upstander_progress_get_finished (first, "workshop-a", "story", 1));
  g_assert_true (upstander_progress_get_finished (first, "core", "b", 1));
  g_assert_false (upstander_progress_get_finished (second, "workshop-a", "story", 1));
  g_assert_true (upstander_progress_get_finished (second, "core", "b", 1));
  g_assert_true (upstander_progress_get_finished (second, "core", "c", 1));

  /* Undo in B: the story is back on disk, and in A at its next save. */
  upstander_progress_restore_story (second, removed);
  upstander_progress_flush (second);
  g_assert_true (finished_on_disk (path, "workshop-a", "story", 1));
  g_assert_true (upstander_progress_add_ending (first, "core", "e", 1, "end"));
  upstander_progress_flush (first);
  g_assert_true (upstander_progress_get_finished (first, "workshop-a", "story", 1));
  g_assert_true (finished_on_disk (path, "workshop-a", "story", 1));
  g_assert_true (finished_on_disk (path, "core", "e", 1));

  /* Deleted again: gone from A at its next save once more. */
  g_clear_pointer (&removed, g_bytes_unref);
  removed = upstander_progress_remove_story (second, "workshop-a", "story");
  upstander_progress_flush (second);
  g_assert_true (upstander_progress_add_ending (first, "core", "f", 1, "end"));
  upstander_progress_flush (first);
  g_assert_false (upstander_progress_get_finished (first, "workshop-a", "story", 1));
  g_assert_false (finished_on_disk (path, "workshop-a", "story", 1));

  g_assert_finalize_object (first);
  g_assert_finalize_object (second);
  remove_dir (dir);
}

/*
 * A copy that finds an ending in a story while another deletes it keeps
 * that ending: it was found after what the deletion knew of (as after a
 * forget, what was found since is kept), and only what came before goes.
 */
static void
test_progress_removal_keeps_found_since (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  UpstanderProgress *first = upstander_progress_new (path);
  UpstanderProgress *second = upstander_progress_new (path);
  g_autoptr(GBytes) removed = NULL;
  g_auto(GStrv) endings = NULL;

  upstander_progress_load (first);
  g_assert_true (upstander_progress_add_ending (first, "workshop-a", "story", 1, "end-old"));
  upstander_progress_flush (first);
  upstander_progress_load (second);

  removed = upstander_progress_remove_story (second, "workshop-a", "story");
  upstander_progress_flush (second);
  g_assert_true (upstander_progress_add_ending (first, "workshop-a", "story", 1, "end-new"));
  upstander_progress_flush (first);

  endings = upstander_progress_dup_endings (first, "workshop-a", "story", 1);
  g_assert_cmpstrv (endings, ((const char * const []) { "end-new", NULL }));
  g_clear_pointer (&endings, g_strfreev);
  g_assert_true (finished_on_disk (path, "workshop-a", "story", 1));
  g_assert_cmpuint (upstander_progress_get_n_endings (first, "workshop-a", "story", 1), ==, 1);

  g_assert_finalize_object (first);
  g_assert_finalize_object (second);
  remove_dir (dir);
}

/*
 * Tombstones read from the file are checked as everything else is: only
 * two valid ids and a stamp, each once, the newest few hundred; bad ones
 * are dropped, and the file stays loadable and savable.
 */
static void
test_progress_tombstones_checked (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  g_autoptr(GString) contents = g_string_new ("[upstander]\nformat=1\nremoved=");
  UpstanderProgress *progress = upstander_progress_new (path);
  g_autoptr(GKeyFile) written = NULL;
  g_auto(GStrv) tombstones = NULL;

  g_string_append (contents, "../etc/passwd/0123456789abcdef;core/x/ABCDEF0123456789;core/x/0123;"
                             "core//0123456789abcdef;core/a/b/0123456789abcdef;\\s;;");
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (contents, "workshop-%u/story/%016x;workshop-%u/story/%016x;", i, i, i, i);
  g_string_append (contents, "\n[workshop-999/story/1]\nfinished=true\n");
  g_assert_true (g_file_set_contents (path, contents->str, contents->len, NULL));

  upstander_progress_load (progress);
  g_assert_cmpint (upstander_progress_take_notice (progress), ==, UPSTANDER_PROGRESS_NOTICE_NONE);
  /* Known, not news: a story kept beside its own tombstone stays. */
  g_assert_true (upstander_progress_get_finished (progress, "workshop-999", "story", 1));
  g_assert_true (upstander_progress_add_ending (progress, "core", "a", 1, "end"));
  upstander_progress_flush (progress);
  g_assert_true (upstander_progress_get_finished (progress, "workshop-999", "story", 1));

  written = read_strict (path);
  tombstones = g_key_file_get_string_list (written, "upstander", "removed", NULL, NULL);
  g_assert_nonnull (tombstones);
  g_assert_cmpuint (g_strv_length (tombstones), ==, 256);
  g_assert_cmpstr (tombstones[0], ==, "workshop-744/story/00000000000002e8");
  g_assert_cmpstr (tombstones[255], ==, "workshop-999/story/00000000000003e7");
  g_assert_true (g_key_file_has_group (written, "workshop-999/story/1"));

  g_assert_finalize_object (progress);
  remove_dir (dir);
}

static gint64
cpu_usec (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);

  return (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
         usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

/*
 * A bound on CPU time, not a benchmark: linear loading takes a few tens of
 * milliseconds here, the old quadratic one over 100 s. Under memcheck time
 * is valgrind's, and only correctness is checked.
 */
#define MAX_BIG_FILE_CPU_USEC (2 * G_USEC_PER_SEC)
#define BIG_FILE_SIZE (400 * 1024)

static void
big_file_child (gconstpointer data)
{
  const char *path = data;
  g_autoptr(UpstanderProgress) progress = upstander_progress_new (path);
  g_autoptr(GString) contents = g_string_new ("[upstander]\nformat=1\n");
  guint n_distinct = 0;
  gint64 start, used;

  /* Tombstones of deleted stories, each twice, far more than are kept. */
  g_string_append (contents, "removed=");
  for (guint t = 0; t < 2000; t++)
    g_string_append_printf (contents, "workshop-%u/story/%016x;workshop-%u/story/%016x;", t, t, t, t);
  g_string_append (contents, "\n");
  /* Many small stories, then one with every ending twice: the duplicates
   * the old check was quadratic in (over 100 s for this file). */
  for (guint g = 0; g < 1000; g++)
    g_string_append_printf (contents, "[core/s%u/1]\nfinished=true\nendings=a;b;a;\n", g);
  g_string_append (contents, "[core/big/1]\nfinished=true\nendings=");
  for (guint e = 0; contents->len < BIG_FILE_SIZE; e++, n_distinct++)
    g_string_append_printf (contents, "e%u;e%u;", e, e);
  g_string_append (contents, "\n");
  g_assert_true (g_file_set_contents (path, contents->str, contents->len, NULL));

  /* A hang ends here, not in the harness's timeout. */
  alarm (RUNNING_ON_VALGRIND ? 600 : 60);

  start = cpu_usec ();
  upstander_progress_load (progress);
  /* A save merges with the file on disk: linear too. */
  g_assert_true (upstander_progress_add_ending (progress, "core", "big", 1, "new-one"));
  upstander_progress_flush (progress);
  used = cpu_usec () - start;

  g_test_message ("a %" G_GSIZE_FORMAT "-byte file loaded and saved in %" G_GINT64_FORMAT " us of CPU time",
                  contents->len, used);
  if (!RUNNING_ON_VALGRIND)
    g_assert_cmpint (used, <, MAX_BIG_FILE_CPU_USEC);

  g_assert_cmpint (upstander_progress_take_notice (progress), ==, UPSTANDER_PROGRESS_NOTICE_NONE);
  g_assert_cmpuint (upstander_progress_get_n_endings (progress, "core", "big", 1), ==, n_distinct + 1);
  g_assert_cmpuint (upstander_progress_get_n_endings (progress, "core", "s7", 1), ==, 2);
}

/* A 400 KB file loads in linear time, duplicates and all. */
static void
test_progress_big_file_linear (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);

  fault_in_child (big_file_child, path);
  remove_dir (dir);
}

/* A file over the size cap is never read: moved aside, a fresh start. */
static void
test_progress_oversized_moved_aside (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  g_autoptr(GString) contents = g_string_new ("[upstander]\nformat=1\n");
  UpstanderProgress *progress = upstander_progress_new (path);

  for (guint g = 0; contents->len <= 1024 * 1024; g++)
    g_string_append_printf (contents, "[core/s%u/1]\nfinished=true\n", g);
  g_assert_true (g_file_set_contents (path, contents->str, contents->len, NULL));

  upstander_progress_load (progress);
  g_assert_cmpint (upstander_progress_take_notice (progress), ==, UPSTANDER_PROGRESS_NOTICE_CORRUPT);
  g_assert_false (upstander_progress_get_finished (progress, "core", "s0", 1));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_finalize_object (progress);
  remove_dir (dir);
}

static void
not_regular_child (gconstpointer data)
{
  const char *path = data;
  g_autoptr(UpstanderProgress) progress = upstander_progress_new (path);
  GStatBuf info;

  /* If opening it blocked, this would end the child, and fail the test. */
  alarm (RUNNING_ON_VALGRIND ? 120 : 10);

  upstander_progress_load (progress);
  g_assert_cmpint (upstander_progress_take_notice (progress), ==, UPSTANDER_PROGRESS_NOTICE_CORRUPT);
  /* Moved aside: the path is free for a real file. */
  g_assert_cmpint (g_lstat (path, &info), !=, 0);

  g_assert_true (upstander_progress_add_ending (progress, "core", "story", 1, "end"));
  upstander_progress_flush (progress);
  g_assert_cmpint (upstander_progress_take_notice (progress), ==, UPSTANDER_PROGRESS_NOTICE_NONE);
  g_assert_cmpint (g_lstat (path, &info), ==, 0);
  g_assert_true (S_ISREG (info.st_mode));
}

/*
 * A FIFO where the file should be is corrupt, and never blocks; so is a
 * device reached through a link (the link is moved aside, not the device).
 */
static void
test_progress_not_regular (gconstpointer data)
{
  const char *kind = data;
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);

  if (g_str_equal (kind, "fifo"))
    g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  else
    g_assert_cmpint (symlink ("/dev/zero", path), ==, 0);

  fault_in_child (not_regular_child, path);
  g_assert_true (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS));
  remove_dir (dir);
}

static gboolean
has_story (const char *path,
           const char *scenario_id)
{
  g_autoptr(GKeyFile) keyfile = read_strict (path);
  g_autofree char *group = g_strdup_printf ("core/%s/1", scenario_id);

  return g_key_file_has_group (keyfile, group);
}

/*
 * Two copies of the app on one progress file, without the single-instance
 * guard (no session bus): what one forgets, the other's next save does not
 * write back, and nothing found after the forget is lost.
 */
static void
test_progress_forget_final_across_instances (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  UpstanderProgress *first = upstander_progress_new (path);
  UpstanderProgress *second = upstander_progress_new (path);

  upstander_progress_load (first);
  upstander_progress_load (second);
  g_assert_true (upstander_progress_add_ending (first, "core", "a", 1, "end"));
  upstander_progress_flush (first);
  g_assert_true (upstander_progress_add_ending (second, "core", "b", 1, "end"));
  upstander_progress_flush (second);
  /* The second copy has taken in what the first found. */
  g_assert_true (upstander_progress_get_finished (second, "core", "a", 1));
  g_assert_true (has_story (path, "a"));
  g_assert_true (has_story (path, "b"));

  upstander_progress_forget (first);
  upstander_progress_flush (first);
  g_assert_false (has_story (path, "a"));

  /* The second copy still shows the old progress, until its next save. */
  g_assert_true (upstander_progress_add_ending (second, "core", "c", 1, "end"));
  upstander_progress_flush (second);
  g_assert_false (has_story (path, "a"));
  g_assert_false (has_story (path, "b"));
  g_assert_true (has_story (path, "c"));
  g_assert_false (upstander_progress_get_finished (second, "core", "a", 1));
  g_assert_false (upstander_progress_get_finished (second, "core", "b", 1));
  g_assert_true (upstander_progress_get_finished (second, "core", "c", 1));

  /* And both go on sharing what they find. */
  g_assert_true (upstander_progress_add_ending (first, "core", "d", 1, "end"));
  upstander_progress_flush (first);
  g_assert_true (has_story (path, "c"));
  g_assert_true (has_story (path, "d"));
  g_assert_false (has_story (path, "a"));

  g_assert_finalize_object (first);
  g_assert_finalize_object (second);
  remove_dir (dir);
}

static void
record_thread_cb (UpstanderProgress *progress,
                  GPtrArray         *threads)
{
  g_ptr_array_add (threads, g_thread_self ());
}

/*
 * Saving never holds up the caller (the main loop): with another instance
 * holding the lock, add_ending() returns at once and the file is written
 * later, by a worker; what it reports comes back on the caller's thread.
 */
static void
test_progress_saves_off_main_thread (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  g_autofree char *lock_path = g_build_filename (dir, "progress.ini.lock", NULL);
  g_autofree char *blocker = g_build_filename (dir, "sub", NULL);
  g_autofree char *locked_out = g_build_filename (blocker, "progress.ini", NULL);
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  UpstanderProgress *progress = upstander_progress_new (path);
  int lock;

  upstander_progress_load (progress);
  g_signal_connect (progress, "changed", G_CALLBACK (record_thread_cb), threads);

  lock = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  g_assert_cmpint (lock, >=, 0);
  g_assert_cmpint (flock (lock, LOCK_EX), ==, 0);

  g_assert_true (upstander_progress_add_ending (progress, "core", "story", 1, "end"));
  /* Known at once; not on disk while the lock is held elsewhere. */
  g_assert_true (upstander_progress_get_finished (progress, "core", "story", 1));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  close (lock);
  upstander_progress_flush (progress);
  g_assert_true (has_story (path, "story"));
  g_assert_finalize_object (progress);

  /* A failure is told on the caller's thread too: the folder is made a
   * file after loading, so the save fails (even for root). */
  progress = upstander_progress_new (locked_out);
  upstander_progress_load (progress);
  g_assert_cmpint (upstander_progress_take_notice (progress), ==, UPSTANDER_PROGRESS_NOTICE_NONE);
  g_assert_true (g_file_set_contents (blocker, "a file where a folder should be", -1, NULL));
  g_signal_connect (progress, "changed", G_CALLBACK (record_thread_cb), threads);
  g_assert_true (upstander_progress_add_ending (progress, "core", "story", 1, "end"));
  /* Not yet: the worker's result is taken in by the main context. */
  g_assert_cmpint (upstander_progress_take_notice (progress), ==, UPSTANDER_PROGRESS_NOTICE_NONE);
  upstander_progress_flush (progress);
  g_assert_cmpint (upstander_progress_take_notice (progress), ==, UPSTANDER_PROGRESS_NOTICE_UNWRITABLE);

  g_assert_cmpuint (threads->len, >=, 3);
  for (guint i = 0; i < threads->len; i++)
    g_assert_true (g_ptr_array_index (threads, i) == (gpointer) g_thread_self ());

  g_assert_finalize_object (progress);
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
  g_test_add_func ("/upstander/progress/stale-temporary-removed", test_progress_stale_temporary_removed);
  g_test_add_func ("/upstander/progress/unwritable", test_progress_unwritable);
  g_test_add_func ("/upstander/progress/merges-other-instance", test_progress_merges_other_instance);
  g_test_add_func ("/upstander/progress/remove-story", test_progress_remove_story);
  g_test_add_func ("/upstander/progress/remove-story-while-saving", test_progress_remove_story_while_saving);
  g_test_add_func ("/upstander/progress/restore-rejects-bad-entries", test_progress_restore_rejects_bad_entries);
  g_test_add_func ("/upstander/progress/sigkill-never-torn", test_progress_sigkill);
  g_test_add_func ("/upstander/progress/sigkill-keeps-old", test_progress_sigkill_keeps_old);
  g_test_add_func ("/upstander/progress/full-disk-keeps-old", test_progress_full_disk);
  g_test_add_func ("/upstander/progress/unwritable-dir-keeps-old", test_progress_unwritable_keeps_old);
  g_test_add_func ("/upstander/progress/two-instances-at-once", test_progress_two_instances_at_once);
  g_test_add_func ("/upstander/progress/big-file-linear", test_progress_big_file_linear);
  g_test_add_func ("/upstander/progress/oversized-moved-aside", test_progress_oversized_moved_aside);
  g_test_add_data_func ("/upstander/progress/fifo-does-not-block", "fifo", test_progress_not_regular);
  g_test_add_data_func ("/upstander/progress/device-is-corrupt", "device", test_progress_not_regular);
  g_test_add_func ("/upstander/progress/forget-final-across-instances", test_progress_forget_final_across_instances);
  g_test_add_func ("/upstander/progress/saves-off-main-thread", test_progress_saves_off_main_thread);
  g_test_add_data_func ("/upstander/progress/removal-survives-other-copy/removal-first", "removal-first",
                        test_progress_removal_survives_other_copy);
  g_test_add_data_func ("/upstander/progress/removal-survives-other-copy/ending-first", "ending-first",
                        test_progress_removal_survives_other_copy);
  g_test_add_func ("/upstander/progress/removal-keeps-found-since", test_progress_removal_keeps_found_since);
  g_test_add_func ("/upstander/progress/tombstones-checked", test_progress_tombstones_checked);

  return g_test_run ();
}
