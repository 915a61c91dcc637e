/* fuzz-progress.c: libFuzzer target: any bytes as the progress file, read, queried and saved over */
#define G_LOG_DOMAIN "fuzz-progress"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz.h"
#include "upstander-model.h"
#include "upstander-progress.h"

static char *dir;
static char *path;

static void
remove_all (void)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_unlink (file);
    }
}

static void
cleanup (void)
{
  remove_all ();
  g_rmdir (dir);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(UpstanderProgress) progress = NULL;
  g_auto(GStrv) endings = NULL;
  UpstanderProgressNotice notice;

  fuzz_init ();
  if (dir == NULL)
    {
      dir = g_dir_make_tmp ("upstander-fuzz-progress-XXXXXX", NULL);
      g_assert (dir != NULL);
      path = g_build_filename (dir, "progress.ini", NULL);
      atexit (cleanup);
    }

  /* The reader reads a file, as the app does: write the input there. */
  remove_all ();
  g_assert (g_file_set_contents (path, (const char *) data, size, NULL));

  progress = upstander_progress_new (path);
  upstander_progress_load (progress);
  notice = upstander_progress_take_notice (progress);
  g_assert (notice == UPSTANDER_PROGRESS_NOTICE_NONE ||
            notice == UPSTANDER_PROGRESS_NOTICE_CORRUPT ||
            notice == UPSTANDER_PROGRESS_NOTICE_NEWER);

  /* Whatever was read, only valid ids come back out. */
  endings = upstander_progress_dup_endings (progress, "core", "the-sticker", 1);
  for (guint i = 0; endings[i] != NULL; i++)
    g_assert (upstander_id_is_valid (endings[i]));
  (void) upstander_progress_get_finished (progress, "core", "the-sticker", 1);
  (void) upstander_progress_get_n_endings (progress, "a", "b", G_MAXUINT);

  /* A save merges with the file as it is on disk, generation and all. */
  if (notice == UPSTANDER_PROGRESS_NOTICE_NONE)
    {
      g_assert (upstander_progress_add_ending (progress, "core", "the-sticker", 1, "found"));
      upstander_progress_flush (progress);
      g_assert (upstander_progress_get_n_endings (progress, "core", "the-sticker", 1) >= 1);

      /* A story deleted and put back, through the file's tombstones. */
      {
        g_autoptr(GBytes) removed = upstander_progress_remove_story (progress, "core", "the-sticker");

        g_assert (removed != NULL);
        upstander_progress_flush (progress);
        g_assert (!upstander_progress_get_finished (progress, "core", "the-sticker", 1));
        upstander_progress_restore_story (progress, removed);
        upstander_progress_flush (progress);
        g_assert (upstander_progress_get_finished (progress, "core", "the-sticker", 1));
      }
    }

  remove_all ();

  return 0;
}
