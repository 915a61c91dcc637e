/* upstander-progress.c: which stories were finished and which endings found, kept on disk
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-progress"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "upstander-file.h"
#include "upstander-model.h"
#include "upstander-progress.h"

/*
 * The file is a small GKeyFile:
 *
 *   [upstander]
 *   format=1
 *   generation=5f0c2a9e13d47b86     (after a forget; see GENERATION_KEY)
 *   removed=workshop-1a2b3c4d5e6f/story/0c1d2e3f4a5b6c7d;   (see REMOVED_KEY)
 *
 *   [core/the-group-chat/3]
 *   finished=true
 *   endings=end-good;end-alone;
 *
 * One group per bundle id, scenario id and content version, so progress made
 * on an older version of a story is not mixed with a new one. Content ids only
 * ever appear in group names and values, never as keys, and only once they
 * match the id pattern. Nothing else is stored: no names, no free text.
 */

#define HEADER_GROUP "upstander"

/*
 * A real file holds a few lines for each story played: even thousands of
 * stories stay far below this. Anything larger is not ours: it is moved
 * aside as corrupt, never read whole into memory.
 */
#define MAX_FILE_SIZE (1024 * 1024)

/*
 * "Forget my progress" writes a new generation into the header. An instance
 * that loaded or saved an older generation knows, at its next save, that
 * everything it knew from before was forgotten by another copy of the app:
 * it keeps only what it found since, so forgetting stays final.
 */
#define GENERATION_KEY "generation"

/*
 * A story deleted from the workshop leaves a tombstone in the header,
 * "bundle/scenario/stamp", the stamp made as a generation is. Another copy
 * of the app that still holds the story's endings in memory, at its next
 * save, finds a tombstone it has not seen: it drops what it knew of that
 * story from before and keeps only what it found since, as after a forget.
 * Undo takes the story's tombstones out again. Each copy remembers which
 * tombstones it has seen (the same key in its own copy of the header) and
 * writes back only the file's, never its own memory of them, so an Undo
 * in one copy is not undone by another.
 *
 * Versions before this one read the file as it always was (the key is one
 * they do not know) and drop the key when they save: format stays 1.
 */
#define REMOVED_KEY "removed"

/* The newest tombstones kept: far more stories than a workshop deletes
 * between two saves of another copy, and a bound on what a file can make us do. */
#define MAX_TOMBSTONES 256

struct _UpstanderProgress
{
  GObject       parent_instance;

  char         *path;
  GKeyFile     *keyfile;    /* everything known, header included */
  GKeyFile     *additions;  /* endings found since the last save that succeeded */
  GHashTable   *removals;   /* "bundle/scenario/" → its tombstone, for stories removed since the last save that succeeded */
  GHashTable   *restorations; /* "bundle/scenario/" of stories put back (Undo) since then */
  GMainContext *context;    /* where saves report back */
  GThread      *save_thread; /* the worker of the save running now, joined when it reports */

  UpstanderProgressNotice pending_notice;
  guint         reported;        /* bit per UpstanderProgressNotice already handed out */
  guint         forget_serial;   /* bumped by each forget, to drop older saves' results */
  guint         read_only : 1;   /* a newer format: never overwrite it */
  guint         saving : 1;      /* a save runs in a worker */
  guint         save_pending : 1;
  guint         pending_merge : 1;
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (UpstanderProgress, upstander_progress, G_TYPE_OBJECT)

/*
 * Saves running in this process, whatever the store: a store being loaded
 * waits for them, so that it reads what this process last wrote.
 */
static GMutex saves_lock;
static GCond saves_done;
static guint saves_running;

static char *
group_name (const char *bundle_id,
            const char *scenario_id,
            guint       version)
{
  if (!upstander_id_is_valid (bundle_id) ||
      !upstander_id_is_valid (scenario_id) ||
      version == 0)
    return NULL;

  return g_strdup_printf ("%s/%s/%u", bundle_id, scenario_id, version);
}

static gboolean
group_name_is_valid (const char *group)
{
  g_auto(GStrv) parts = g_strsplit (group, "/", 4);
  guint64 version = 0;

  return g_strv_length (parts) == 3 &&
         upstander_id_is_valid (parts[0]) &&
         upstander_id_is_valid (parts[1]) &&
         g_ascii_string_to_unsigned (parts[2], 10, 1, G_MAXUINT, &version, NULL);
}

static char *
new_generation (void)
{
  return g_strdup_printf ("%08x%08x", g_random_int (), g_random_int ());
}

/* A generation is what new_generation() makes; anything else is dropped. */
static gboolean
generation_is_valid (const char *generation)
{
  if (generation == NULL || strlen (generation) != 16)
    return FALSE;
  for (const char *p = generation; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;

  return TRUE;
}

static GKeyFile *
new_keyfile (const char *generation)
{
  GKeyFile *keyfile = g_key_file_new ();

  g_key_file_set_integer (keyfile, HEADER_GROUP, "format", UPSTANDER_PROGRESS_FORMAT);
  if (generation != NULL)
    g_key_file_set_string (keyfile, HEADER_GROUP, GENERATION_KEY, generation);

  return keyfile;
}

/* The generation of @keyfile, or "" for a file never forgotten. */
static char *
dup_generation (GKeyFile *keyfile)
{
  char *generation = g_key_file_get_string (keyfile, HEADER_GROUP, GENERATION_KEY, NULL);

  return generation != NULL ? generation : g_strdup ("");
}

/*
 * The story prefix ("bundle/scenario/") of a tombstone, or NULL if @entry is
 * not one: two valid ids and a stamp.
 */
static char *
tombstone_prefix (const char *entry)
{
  const char *stamp = strrchr (entry, '/');
  g_autofree char *prefix = NULL;
  g_auto(GStrv) parts = NULL;

  if (stamp == NULL || !generation_is_valid (stamp + 1))
    return NULL;

  prefix = g_strndup (entry, stamp + 1 - entry);
  parts = g_strsplit (prefix, "/", 4);
  if (g_strv_length (parts) != 3 || parts[2][0] != '\0' ||
      !upstander_id_is_valid (parts[0]) || !upstander_id_is_valid (parts[1]))
    return NULL;

  return g_steal_pointer (&prefix);
}

/* The tombstones in @keyfile's header, oldest first: (element-type utf8) (transfer full). */
static GPtrArray *
dup_tombstones (GKeyFile *keyfile)
{
  g_auto(GStrv) entries = g_key_file_get_string_list (keyfile, HEADER_GROUP, REMOVED_KEY, NULL, NULL);
  GPtrArray *tombstones = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; entries != NULL && entries[i] != NULL; i++)
    g_ptr_array_add (tombstones, g_strdup (entries[i]));

  return tombstones;
}

/*
 * Sets @keyfile's tombstones to the valid ones of @tombstones, each once,
 * the newest MAX_TOMBSTONES. Linear in their number.
 */
static void
set_tombstones (GKeyFile  *keyfile,
                GPtrArray *tombstones)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  guint first;

  /* Newest last: walk back from the end, keeping the first copy met. */
  for (guint i = tombstones->len; i > 0 && kept->len < MAX_TOMBSTONES; i--)
    {
      const char *entry = g_ptr_array_index (tombstones, i - 1);
      g_autofree char *prefix = tombstone_prefix (entry);

      if (prefix != NULL && g_hash_table_add (seen, (gpointer) entry))
        g_ptr_array_add (kept, (gpointer) entry);
    }

  if (kept->len == 0)
    {
      g_key_file_remove_key (keyfile, HEADER_GROUP, REMOVED_KEY, NULL);
      return;
    }

  /* Back in order, oldest first. */
  for (first = 0; first < kept->len / 2; first++)
    {
      gpointer swap = kept->pdata[first];

      kept->pdata[first] = kept->pdata[kept->len - 1 - first];
      kept->pdata[kept->len - 1 - first] = swap;
    }
  g_key_file_set_string_list (keyfile, HEADER_GROUP, REMOVED_KEY,
                              (const char * const *) kept->pdata, kept->len);
}

/* The story prefix of each of @tombstones that @known does not hold: (transfer container) a set. */
static GHashTable *
new_tombstone_prefixes (GPtrArray *tombstones,
                        GPtrArray *known)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *prefixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < known->len; i++)
    g_hash_table_add (seen, g_ptr_array_index (known, i));
  for (guint i = 0; i < tombstones->len; i++)
    if (!g_hash_table_contains (seen, g_ptr_array_index (tombstones, i)))
      {
        char *prefix = tombstone_prefix (g_ptr_array_index (tombstones, i));

        if (prefix != NULL)
          g_hash_table_add (prefixes, prefix);
      }

  return prefixes;
}

static void
raise_notice (UpstanderProgress       *self,
              UpstanderProgressNotice  notice)
{
  if (self->reported & (1u << notice))
    return;

  self->reported |= 1u << notice;
  self->pending_notice = notice;
}

/* Sets @group's endings to @endings, and marks the story finished. */
static void
set_endings (GKeyFile   *keyfile,
             const char *group,
             GPtrArray  *endings)
{
  g_key_file_set_boolean (keyfile, group, "finished", TRUE);
  if (endings->len > 0)
    g_key_file_set_string_list (keyfile, group, "endings",
                                (const char * const *) endings->pdata, endings->len);
}

/* Keeps only the groups and values this version understands, in linear time. */
static GKeyFile *
sanitize (GKeyFile *in)
{
  g_autofree char *generation = g_key_file_get_string (in, HEADER_GROUP, GENERATION_KEY, NULL);
  g_autoptr(GKeyFile) out = new_keyfile (generation_is_valid (generation) ? generation : NULL);
  g_auto(GStrv) groups = g_key_file_get_groups (in, NULL);
  g_autoptr(GPtrArray) tombstones = dup_tombstones (in);

  set_tombstones (out, tombstones);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) endings = NULL;
      g_autoptr(GHashTable) seen = NULL;
      g_autoptr(GPtrArray) kept = NULL;
      gboolean finished;

      if (!group_name_is_valid (groups[i]))
        continue;

      finished = g_key_file_get_boolean (in, groups[i], "finished", NULL);
      endings = g_key_file_get_string_list (in, groups[i], "endings", NULL, NULL);
      seen = g_hash_table_new (g_str_hash, g_str_equal);
      kept = g_ptr_array_new ();
      for (guint e = 0; endings != NULL && endings[e] != NULL; e++)
        if (upstander_id_is_valid (endings[e]) && g_hash_table_add (seen, endings[e]))
          g_ptr_array_add (kept, endings[e]);

      if (finished || kept->len > 0)
        set_endings (out, groups[i], kept);
    }

  return g_steal_pointer (&out);
}

/*
 * Adds what @from knows to @into: every story finished, every ending found,
 * each once. Linear in the size of both.
 *
 * Returns: whether @into learnt anything
 */
static gboolean
merge_into (GKeyFile *into,
            GKeyFile *from)
{
  g_auto(GStrv) groups = g_key_file_get_groups (from, NULL);
  gboolean changed = FALSE;

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) theirs = NULL;
      g_auto(GStrv) ours = NULL;
      g_autoptr(GHashTable) seen = NULL;
      g_autoptr(GPtrArray) all = NULL;
      gboolean grew = FALSE;

      if (g_str_equal (groups[i], HEADER_GROUP))
        continue;

      theirs = g_key_file_get_string_list (from, groups[i], "endings", NULL, NULL);
      ours = g_key_file_get_string_list (into, groups[i], "endings", NULL, NULL);
      seen = g_hash_table_new (g_str_hash, g_str_equal);
      all = g_ptr_array_new ();
      for (guint e = 0; ours != NULL && ours[e] != NULL; e++)
        if (g_hash_table_add (seen, ours[e]))
          g_ptr_array_add (all, ours[e]);
      for (guint e = 0; theirs != NULL && theirs[e] != NULL; e++)
        if (g_hash_table_add (seen, theirs[e]))
          {
            g_ptr_array_add (all, theirs[e]);
            grew = TRUE;
          }

      if (grew || !g_key_file_get_boolean (into, groups[i], "finished", NULL))
        {
          set_endings (into, groups[i], all);
          changed = TRUE;
        }
    }

  return changed;
}

/* The start of the group names of every version of a story: "bundle/scenario/". */
static char *
story_prefix (const char *bundle_id,
              const char *scenario_id)
{
  if (!upstander_id_is_valid (bundle_id) || !upstander_id_is_valid (scenario_id))
    return NULL;

  return g_strdup_printf ("%s/%s/", bundle_id, scenario_id);
}

/* The story prefix ("bundle/scenario/") of a story's group name, or NULL for another group. */
static char *
group_story_prefix (const char *group)
{
  const char *first = strchr (group, '/');
  const char *second = first != NULL ? strchr (first + 1, '/') : NULL;

  return second != NULL ? g_strndup (group, second + 1 - group) : NULL;
}

/*
 * Removes from @keyfile every group of the stories in @prefixes (a set of
 * story_prefix()), copying each into @removed if it is not NULL. Linear in
 * the number of groups.
 */
static void
remove_groups (GKeyFile   *keyfile,
               GHashTable *prefixes,
               GKeyFile   *removed)
{
  g_auto(GStrv) groups = NULL;

  if (g_hash_table_size (prefixes) == 0)
    return;

  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *prefix = group_story_prefix (groups[i]);
      g_auto(GStrv) keys = NULL;

      if (prefix == NULL || !g_hash_table_contains (prefixes, prefix))
        continue;

      keys = g_key_file_get_keys (keyfile, groups[i], NULL, NULL);
      for (guint k = 0; removed != NULL && keys != NULL && keys[k] != NULL; k++)
        {
          g_autofree char *value = g_key_file_get_value (keyfile, groups[i], keys[k], NULL);

          g_key_file_set_value (removed, groups[i], keys[k], value);
        }
      g_key_file_remove_group (keyfile, groups[i], NULL);
    }
}

/* @strv as a set of its strings, borrowed. */
static GHashTable *
set_from_strv (const char * const *strv)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    g_hash_table_add (set, (gpointer) strv[i]);

  return set;
}

typedef enum
{
  READ_OK,
  READ_MISSING,     /* no file: a fresh start */
  READ_UNREADABLE,  /* something we may not read: leave it alone */
  READ_CORRUPT,     /* not a progress file, or not a regular file, or too big */
  READ_NEWER,       /* read as far as understood, never to be overwritten */
} ReadStatus;

/*
 * Reads at most MAX_FILE_SIZE bytes of @path. Opened first, then checked
 * on the descriptor: a FIFO or a device in its place is refused without
 * blocking (O_NONBLOCK) and nothing can be swapped in between a check and
 * the open.
 */
static ReadStatus
read_capped (const char  *path,
             char       **contents,
             gsize       *length)
{
  g_autofree char *buffer = NULL;
  struct stat info;
  gsize used = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    return errno == ENOENT ? READ_MISSING : READ_UNREADABLE;

  if (fstat (fd, &info) != 0)
    {
      close (fd);
      return READ_UNREADABLE;
    }
  if (!S_ISREG (info.st_mode) || info.st_size > MAX_FILE_SIZE)
    {
      close (fd);
      return READ_CORRUPT;
    }

  /* One byte more than allowed, to notice a file that grew past the cap. */
  buffer = g_malloc (MAX_FILE_SIZE + 1);
  while (used <= MAX_FILE_SIZE)
    {
      gssize got = read (fd, buffer + used, MAX_FILE_SIZE + 1 - used);

      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        {
          close (fd);
          return READ_UNREADABLE;
        }
      if (got == 0)
        break;
      used += got;
    }
  close (fd);

  if (used > MAX_FILE_SIZE)
    return READ_CORRUPT;

  *contents = g_realloc (g_steal_pointer (&buffer), used + 1);
  (*contents)[used] = '\0';
  *length = used;

  return READ_OK;
}

/*
 * Reads the store at @path: what this version understands of it, or NULL.
 * Touches nothing but @path: safe in a worker.
 */
static GKeyFile *
read_store (const char *path,
            ReadStatus *status)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *contents = NULL;
  gsize length = 0;
  gint64 format;

  *status = read_capped (path, &contents, &length);
  if (*status != READ_OK)
    return NULL;

  if (!g_key_file_load_from_data (keyfile, contents, length, G_KEY_FILE_NONE, NULL) ||
      !g_key_file_has_key (keyfile, HEADER_GROUP, "format", NULL) ||
      (format = g_key_file_get_int64 (keyfile, HEADER_GROUP, "format", NULL)) < 1)
    {
      *status = READ_CORRUPT;
      return NULL;
    }

  if (format > UPSTANDER_PROGRESS_FORMAT)
    *status = READ_NEWER;

  return sanitize (keyfile);
}

static void
move_aside (UpstanderProgress *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = g_strdup_printf ("%s.corrupt-%s", self->path, stamp);

  if (g_rename (self->path, aside) != 0)
    {
      g_debug ("Could not move %s aside: %s", self->path, g_strerror (errno));
      raise_notice (self, UPSTANDER_PROGRESS_NOTICE_UNWRITABLE);
    }
}

/*
 * Two instances (two windows of a family computer, or a crash and a restart)
 * each read, merge and write the file. Without a lock, one could write
 * between the other's read and write and lose what it found; an advisory
 * lock on a companion file orders them. It is released when the descriptor
 * closes, so a killed instance never leaves it held. If the lock cannot be
 * taken within a few seconds (a stuck instance), saving goes on without it:
 * the write itself stays atomic either way. This runs in the save worker,
 * never on the main thread.
 */
static int
lock_store (const char *path)
{
  g_autofree char *lock_path = g_strconcat (path, ".lock", NULL);
  int fd = g_open (lock_path, O_RDWR | O_CREAT | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0600);

  if (fd < 0)
    return -1;

  for (guint attempt = 0; attempt < 300; attempt++)
    {
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        return fd;
      if (errno != EWOULDBLOCK && errno != EINTR)
        break;
      g_usleep (10 * 1000);
    }

  close (fd);

  return -1;
}

/* What the main thread hands a save worker: copies, nothing shared. */
typedef struct
{
  char     *path;
  char     *state;      /* the whole store, serialized */
  char     *additions;  /* endings found since the last save that succeeded */
  GStrv     removals;   /* the tombstones of the stories removed since then */
  GStrv     restorations; /* story_prefix() of the stories put back since then */
  guint     merge : 1;  /* keep what another instance wrote (not after a forget) */
  guint     forget_serial;
} SaveJob;

typedef struct
{
  char     *written;    /* the store as written: ours, merged with the file */
  gboolean  newer;      /* the file is from a newer version: nothing written */
} SaveResult;

static void
save_job_free (SaveJob *job)
{
  g_free (job->path);
  g_free (job->state);
  g_free (job->additions);
  g_strfreev (job->removals);
  g_strfreev (job->restorations);
  g_free (job);
}

static void
save_result_free (SaveResult *result)
{
  g_free (result->written);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveResult, save_result_free)

static GKeyFile *
keyfile_from_data (const char *data)
{
  GKeyFile *keyfile = g_key_file_new ();

  /* Our own serialization: it always parses. */
  g_key_file_load_from_data (keyfile, data, -1, G_KEY_FILE_NONE, NULL);

  return keyfile;
}

/* In the worker: merge with the file (under the lock), write, report. */
static SaveResult *
save_in_worker (const SaveJob  *job,
                GError        **error)
{
  g_autoptr(SaveResult) result = g_new0 (SaveResult, 1);
  g_autoptr(GKeyFile) state = keyfile_from_data (job->state);
  g_autoptr(GKeyFile) on_disk = NULL;
  g_autofree char *dir = g_path_get_dirname (job->path);
  g_autofree char *data = NULL;
  gsize length = 0;
  ReadStatus status;
  gboolean written;
  int lock;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Could not create %s: %s", dir, g_strerror (saved_errno));
      return NULL;
    }

  lock = lock_store (job->path);

  on_disk = read_store (job->path, &status);
  if (status == READ_NEWER)
    {
      /* A newer version wrote it since we read it: leave it to that one. */
      if (lock >= 0)
        close (lock);
      result->newer = TRUE;
      return g_steal_pointer (&result);
    }

  if (job->merge && on_disk != NULL)
    {
      g_autofree char *ours = dup_generation (state);
      g_autofree char *theirs = dup_generation (on_disk);

      if (g_str_equal (ours, theirs))
        {
          g_autoptr(GPtrArray) known = dup_tombstones (state);
          g_autoptr(GPtrArray) on_disk_tombstones = dup_tombstones (on_disk);
          g_autoptr(GHashTable) removed_elsewhere = new_tombstone_prefixes (on_disk_tombstones, known);

          /* A story another instance removed since we read: what we knew of
           * it from before is gone; what we found since is kept. */
          if (g_hash_table_size (removed_elsewhere) > 0)
            {
              g_autoptr(GKeyFile) additions = keyfile_from_data (job->additions);

              remove_groups (state, removed_elsewhere, NULL);
              merge_into (state, additions);
            }
          /* Another instance may have written since we read: keep what it found. */
          merge_into (state, on_disk);
        }
      else
        {
          /* Another instance forgot everything since we read: what we knew
           * from before is gone; only what we found since is added. */
          g_autoptr(GKeyFile) additions = keyfile_from_data (job->additions);

          merge_into (on_disk, additions);
          g_clear_pointer (&state, g_key_file_unref);
          state = g_key_file_ref (on_disk);
        }
    }

  /* The file's tombstones, ours added, those of stories put back taken out;
   * and a story removed here is removed from what another instance wrote too. */
  {
    g_autoptr(GPtrArray) tombstones = on_disk != NULL && job->merge ? dup_tombstones (on_disk)
                                                                     : g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) kept = g_ptr_array_new ();
    g_autoptr(GHashTable) restored = set_from_strv ((const char * const *) job->restorations);
    g_autoptr(GHashTable) removed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; job->removals[i] != NULL; i++)
      {
        g_ptr_array_add (tombstones, g_strdup (job->removals[i]));
        g_hash_table_add (removed, tombstone_prefix (job->removals[i]));
      }
    for (guint i = 0; i < tombstones->len; i++)
      {
        g_autofree char *prefix = tombstone_prefix (g_ptr_array_index (tombstones, i));

        if (prefix != NULL && !g_hash_table_contains (restored, prefix))
          g_ptr_array_add (kept, g_ptr_array_index (tombstones, i));
      }
    set_tombstones (state, kept);
    remove_groups (state, removed, NULL);
  }

  data = g_key_file_to_data (state, &length, NULL);
  written = upstander_file_replace (job->path, data, length, 0600, error);

  if (lock >= 0)
    close (lock);

  if (!written)
    return NULL;

  result->written = g_steal_pointer (&data);

  return g_steal_pointer (&result);
}

static void
save_thread_done (void)
{
  g_mutex_lock (&saves_lock);
  saves_running--;
  g_cond_broadcast (&saves_done);
  g_mutex_unlock (&saves_lock);
}

/*
 * A thread of its own for each save, not GTask's pool: the pool's threads
 * do not survive fork(), and a forked child (the tests, a crash reporter)
 * that saved would wait for them forever. Saves are rare: one per ending.
 */
static gpointer
save_thread (gpointer data)
{
  GTask *task = data;
  GError *error = NULL;
  SaveResult *result = save_in_worker (g_task_get_task_data (task), &error);

  if (result != NULL)
    g_task_return_pointer (task, result, (GDestroyNotify) save_result_free);
  else
    g_task_return_error (task, error);
  g_object_unref (task);

  /* Last: by now the result waits on the main context, and this thread
   * holds nothing of the store's. */
  save_thread_done ();

  return NULL;
}

static void start_save (UpstanderProgress *self,
                        gboolean           merge);

/* Back on the main thread: take in what the file held, tell the reader. */
static void
save_done_cb (GObject      *object,
              GAsyncResult *res,
              gpointer      user_data)
{
  UpstanderProgress *self = UPSTANDER_PROGRESS (object);
  SaveJob *job = g_task_get_task_data (G_TASK (res));
  g_autoptr(SaveResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE;

  /* The worker has returned its result and only has to exit: wait for that,
   * so that no thread outlives its save (a process that exits right after
   * upstander_progress_flush() would otherwise cut it off mid-exit). */
  g_thread_join (g_steal_pointer (&self->save_thread));
  self->saving = FALSE;
  result = g_task_propagate_pointer (G_TASK (res), &error);

  if (result == NULL)
    {
      g_debug ("Could not save progress: %s", error->message);
      if (job->forget_serial == self->forget_serial)
        {
          g_autoptr(GKeyFile) unsaved = keyfile_from_data (job->additions);

          /* Sent again with the next save. */
          merge_into (self->additions, unsaved);
          /* And so are the removals, unless the story was put back since,
           * and the restorations, unless it was removed again. */
          for (guint i = 0; job->removals[i] != NULL; i++)
            {
              g_autofree char *prefix = tombstone_prefix (job->removals[i]);

              if (!g_hash_table_contains (self->restorations, prefix) &&
                  !g_hash_table_contains (self->removals, prefix))
                g_hash_table_insert (self->removals, g_steal_pointer (&prefix), g_strdup (job->removals[i]));
            }
          for (guint i = 0; job->restorations[i] != NULL; i++)
            if (!g_hash_table_contains (self->removals, job->restorations[i]))
              g_hash_table_add (self->restorations, g_strdup (job->restorations[i]));
        }
      raise_notice (self, UPSTANDER_PROGRESS_NOTICE_UNWRITABLE);
      changed = TRUE;
    }
  else if (result->newer)
    {
      self->read_only = TRUE;
      self->save_pending = FALSE;
      raise_notice (self, UPSTANDER_PROGRESS_NOTICE_NEWER);
      changed = TRUE;
    }
  else if (job->forget_serial == self->forget_serial)
    {
      g_autoptr(GKeyFile) written = keyfile_from_data (result->written);
      g_autofree char *ours = dup_generation (self->keyfile);
      g_autofree char *theirs = dup_generation (written);
      g_autoptr(GPtrArray) tombstones = dup_tombstones (written);

      if (!g_str_equal (ours, theirs))
        {
          /* Forgotten elsewhere: what was written, and what was found since. */
          merge_into (written, self->additions);
          g_clear_pointer (&self->keyfile, g_key_file_unref);
          self->keyfile = g_steal_pointer (&written);
          changed = TRUE;
        }
      else
        {
          g_autoptr(GPtrArray) known = dup_tombstones (self->keyfile);
          g_autoptr(GHashTable) removed_elsewhere = new_tombstone_prefixes (tombstones, known);

          /* Removed by another instance: as written (what it holds was found
           * since), and what was found here while the save ran. */
          if (g_hash_table_size (removed_elsewhere) > 0)
            {
              remove_groups (self->keyfile, removed_elsewhere, NULL);
              merge_into (self->keyfile, self->additions);
              changed = TRUE;
            }
          changed |= merge_into (self->keyfile, written);
        }

      /* Seen now: the file's tombstones, and ours not saved yet. */
      {
        GHashTableIter iter;
        gpointer pending;

        g_hash_table_iter_init (&iter, self->removals);
        while (g_hash_table_iter_next (&iter, NULL, &pending))
          g_ptr_array_add (tombstones, g_strdup (pending));
        set_tombstones (self->keyfile, tombstones);
      }
    }

  /* What this save wrote may hold a story removed while it ran: it stays
   * removed here, and the next save removes it on disk. */
  if (result != NULL)
    remove_groups (self->keyfile, self->removals, NULL);

  if (self->save_pending)
    {
      self->save_pending = FALSE;
      start_save (self, self->pending_merge);
    }

  if (changed)
    g_signal_emit (self, signals [SIGNAL_CHANGED], 0);
}

static void
start_save (UpstanderProgress *self,
            gboolean           merge)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, save_done_cb, NULL);
  SaveJob *job = g_new0 (SaveJob, 1);

  job->path = g_strdup (self->path);
  job->state = g_key_file_to_data (self->keyfile, NULL, NULL);
  job->additions = g_key_file_to_data (self->additions, NULL, NULL);
  {
    GPtrArray *tombstones = g_ptr_array_new ();
    GHashTableIter iter;
    gpointer prefix, tombstone;

    /* Handed to the job: its arrays own the strings now. */
    g_hash_table_iter_init (&iter, self->removals);
    while (g_hash_table_iter_next (&iter, &prefix, &tombstone))
      {
        g_ptr_array_add (tombstones, tombstone);
        g_hash_table_iter_steal (&iter);
        g_free (prefix);
      }
    g_ptr_array_add (tombstones, NULL);
    job->removals = (GStrv) g_ptr_array_free (tombstones, FALSE);
  }
  job->restorations = (GStrv) g_hash_table_get_keys_as_array (self->restorations, NULL);
  g_hash_table_steal_all (self->restorations);
  job->merge = merge;
  job->forget_serial = self->forget_serial;
  g_clear_pointer (&self->additions, g_key_file_unref);
  self->additions = g_key_file_new ();

  g_task_set_source_tag (task, start_save);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  self->saving = TRUE;

  g_mutex_lock (&saves_lock);
  saves_running++;
  g_mutex_unlock (&saves_lock);

  g_assert (self->save_thread == NULL);
  self->save_thread = g_thread_new ("upstander-progress-save", save_thread, g_steal_pointer (&task));
}

/*
 * Saves in a worker, so the main loop never waits for the disk or for
 * another instance's lock. One save at a time: what changes meanwhile is
 * saved once that one is done, in one more save.
 */
static void
save (UpstanderProgress *self,
      gboolean           merge)
{
  if (self->read_only)
    return;

  if (self->saving)
    {
      /* A forget pending stays a forget: nothing from before it may come back. */
      self->pending_merge = self->save_pending ? (self->pending_merge && merge) : merge;
      self->save_pending = TRUE;
      return;
    }

  start_save (self, merge);
}

static void
upstander_progress_finalize (GObject *object)
{
  UpstanderProgress *self = (UpstanderProgress *)object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->keyfile, g_key_file_unref);
  g_clear_pointer (&self->additions, g_key_file_unref);
  g_clear_pointer (&self->removals, g_hash_table_unref);
  g_clear_pointer (&self->restorations, g_hash_table_unref);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (upstander_progress_parent_class)->finalize (object);
}

static void
upstander_progress_class_init (UpstanderProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = upstander_progress_finalize;

  /**
   * UpstanderProgress::changed:
   *
   * Emitted when what is known about any story changed (an ending was
   * found, or the progress was forgotten).
   */
  signals [SIGNAL_CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
upstander_progress_init (UpstanderProgress *self)
{
  self->keyfile = new_keyfile (NULL);
  self->additions = g_key_file_new ();
  self->removals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->restorations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->context = g_main_context_ref_thread_default ();
}

/**
 * upstander_progress_new:
 * @path: (nullable) (type filename): the file to keep progress in, or %NULL
 *   for `$XDG_DATA_HOME/upstander/progress.ini`
 *
 * Makes a store; nothing is read until upstander_progress_load().
 */
UpstanderProgress *
upstander_progress_new (const char *path)
{
  UpstanderProgress *self = g_object_new (UPSTANDER_TYPE_PROGRESS, NULL);

  if (path != NULL)
    self->path = g_strdup (path);
  else
    self->path = g_build_filename (g_get_user_data_dir (), "upstander", "progress.ini", NULL);

  return self;
}

const char *
upstander_progress_get_path (UpstanderProgress *self)
{
  g_return_val_if_fail (UPSTANDER_IS_PROGRESS (self), NULL);

  return self->path;
}

static void
wait_for_saves (void)
{
  g_mutex_lock (&saves_lock);
  while (saves_running > 0)
    g_cond_wait (&saves_done, &saves_lock);
  g_mutex_unlock (&saves_lock);
}

/* Long enough that no save in progress, by this or another instance, is touched. */
#define STALE_TEMP_AGE_SECONDS (10 * 60)

/*
 * A writer killed between writing its temporary file and renaming it leaves
 * the temporary file behind. It holds nothing the store does not, so old
 * ones are removed: only names upstander_file_replace() makes for this
 * file, never anything else a person keeps beside it ("progress.ini.backup").
 */
static void
remove_stale_temporary_files (UpstanderProgress *self)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *base = g_path_get_basename (self->path);
  g_autoptr(GDir) entries = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (entries != NULL && (name = g_dir_read_name (entries)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf info;

      if (!upstander_file_is_temporary (name, base))
        continue;

      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &info) == 0 && S_ISREG (info.st_mode) &&
          now - (gint64) info.st_mtime > STALE_TEMP_AGE_SECONDS)
        g_unlink (path);
    }
}

/*
 * Reads the file. A missing file is a fresh start; a corrupt one (or a
 * FIFO, a device, a file over the size cap) is moved aside, and the reader
 * told once; a newer one is read as far as it can be but never written; one
 * that cannot be read at all is left alone and never overwritten.
 */
void
upstander_progress_load (UpstanderProgress *self)
{
  g_autoptr(GKeyFile) keyfile = NULL;
  ReadStatus status;

  g_return_if_fail (UPSTANDER_IS_PROGRESS (self));

  /* What this process is saving right now is read back, not missed. At
   * start-up, the only time the app loads, nothing is being saved. */
  wait_for_saves ();

  remove_stale_temporary_files (self);
  keyfile = read_store (self->path, &status);

  switch (status)
    {
    case READ_UNREADABLE:
      self->read_only = TRUE;
      raise_notice (self, UPSTANDER_PROGRESS_NOTICE_UNWRITABLE);
      break;

    case READ_CORRUPT:
      move_aside (self);
      raise_notice (self, UPSTANDER_PROGRESS_NOTICE_CORRUPT);
      break;

    case READ_NEWER:
      self->read_only = TRUE;
      raise_notice (self, UPSTANDER_PROGRESS_NOTICE_NEWER);
      break;

    case READ_OK:
    case READ_MISSING:
    default:
      break;
    }

  g_clear_pointer (&self->keyfile, g_key_file_unref);
  self->keyfile = keyfile != NULL ? g_steal_pointer (&keyfile) : new_keyfile (NULL);
  g_clear_pointer (&self->additions, g_key_file_unref);
  self->additions = g_key_file_new ();

  g_signal_emit (self, signals [SIGNAL_CHANGED], 0);
}

/**
 * upstander_progress_flush:
 *
 * Waits until every save asked for so far is written (or has failed), and
 * its result is taken in: for tests, and for the app as it quits. Runs the
 * store's main context meanwhile.
 */
void
upstander_progress_flush (UpstanderProgress *self)
{
  g_return_if_fail (UPSTANDER_IS_PROGRESS (self));

  /* Waits for the worker, then takes its result in without blocking: a
   * wake-up through the main context could be lost to a forked process
   * that shares its descriptor. */
  while (self->saving)
    {
      wait_for_saves ();
      g_main_context_iteration (self->context, FALSE);
    }
}

/**
 * upstander_progress_take_notice:
 *
 * Returns: the problem the reader has not been told about yet, at most once
 *   for each kind, or %UPSTANDER_PROGRESS_NOTICE_NONE
 */
UpstanderProgressNotice
upstander_progress_take_notice (UpstanderProgress *self)
{
  UpstanderProgressNotice notice;

  g_return_val_if_fail (UPSTANDER_IS_PROGRESS (self), UPSTANDER_PROGRESS_NOTICE_NONE);

  notice = self->pending_notice;
  self->pending_notice = UPSTANDER_PROGRESS_NOTICE_NONE;

  return notice;
}

gboolean
upstander_progress_get_finished (UpstanderProgress *self,
                                 const char        *bundle_id,
                                 const char        *scenario_id,
                                 guint              version)
{
  g_autofree char *group = NULL;

  g_return_val_if_fail (UPSTANDER_IS_PROGRESS (self), FALSE);

  group = group_name (bundle_id, scenario_id, version);

  return group != NULL && g_key_file_get_boolean (self->keyfile, group, "finished", NULL);
}

/**
 * upstander_progress_dup_endings:
 *
 * Returns: (transfer full): the ids of the endings found, possibly empty
 */
GStrv
upstander_progress_dup_endings (UpstanderProgress *self,
                                const char        *bundle_id,
                                const char        *scenario_id,
                                guint              version)
{
  g_autofree char *group = NULL;
  GStrv endings = NULL;

  g_return_val_if_fail (UPSTANDER_IS_PROGRESS (self), NULL);

  group = group_name (bundle_id, scenario_id, version);
  if (group != NULL)
    endings = g_key_file_get_string_list (self->keyfile, group, "endings", NULL, NULL);

  return endings != NULL ? endings : g_new0 (char *, 1);
}

guint
upstander_progress_get_n_endings (UpstanderProgress *self,
                                  const char        *bundle_id,
                                  const char        *scenario_id,
                                  guint              version)
{
  g_auto(GStrv) endings = upstander_progress_dup_endings (self, bundle_id, scenario_id, version);

  return endings != NULL ? g_strv_length (endings) : 0;
}

/**
 * upstander_progress_add_ending:
 *
 * Marks the story finished with @ending_id found, and saves.
 *
 * Returns: %FALSE if an id is not a valid id (nothing is stored then)
 */
gboolean
upstander_progress_add_ending (UpstanderProgress *self,
                               const char        *bundle_id,
                               const char        *scenario_id,
                               guint              version,
                               const char        *ending_id)
{
  g_autofree char *group = NULL;

  g_return_val_if_fail (UPSTANDER_IS_PROGRESS (self), FALSE);

  group = group_name (bundle_id, scenario_id, version);
  if (group == NULL || !upstander_id_is_valid (ending_id))
    return FALSE;

  {
    g_autoptr(GKeyFile) found = g_key_file_new ();
    const char *one[] = { ending_id };

    g_key_file_set_boolean (found, group, "finished", TRUE);
    g_key_file_set_string_list (found, group, "endings", one, 1);
    merge_into (self->keyfile, found);
    merge_into (self->additions, found);
  }

  save (self, TRUE);
  g_signal_emit (self, signals [SIGNAL_CHANGED], 0);

  return TRUE;
}

/* Forgets every story's progress, on disk too (unless the file is newer). */
void
upstander_progress_forget (UpstanderProgress *self)
{
  g_autofree char *generation = new_generation ();

  g_return_if_fail (UPSTANDER_IS_PROGRESS (self));

  /* A new generation: another instance's next save sees that everything
   * from before was forgotten, and does not bring it back. */
  g_clear_pointer (&self->keyfile, g_key_file_unref);
  self->keyfile = new_keyfile (generation);
  g_clear_pointer (&self->additions, g_key_file_unref);
  self->additions = g_key_file_new ();
  g_hash_table_remove_all (self->removals);
  g_hash_table_remove_all (self->restorations);
  self->forget_serial++;
  save (self, FALSE);

  g_signal_emit (self, signals [SIGNAL_CHANGED], 0);
}

/**
 * upstander_progress_remove_story:
 *
 * Forgets what is kept about one story, every version of it (a story
 * deleted from the workshop), on disk too, and saves. Other stories are
 * not touched.
 *
 * Returns: (transfer full) (nullable): what was removed, for
 *   upstander_progress_restore_story(), or %NULL if nothing was kept
 */
GBytes *
upstander_progress_remove_story (UpstanderProgress *self,
                                 const char        *bundle_id,
                                 const char        *scenario_id)
{
  g_autofree char *prefix = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr(GKeyFile) removed = NULL;
  g_autoptr(GHashTable) prefixes = NULL;
  g_autoptr(GPtrArray) known = NULL;
  g_auto(GStrv) groups = NULL;
  char *tombstone;
  char *data;
  gsize length = 0;

  g_return_val_if_fail (UPSTANDER_IS_PROGRESS (self), NULL);

  prefix = story_prefix (bundle_id, scenario_id);
  if (prefix == NULL)
    return NULL;

  /* Removed on disk at the next save even if this instance knows nothing
   * of it: another one may have found an ending there. The tombstone tells
   * other instances, which may still hold the story, and is known here
   * from now on, so this instance does not take it for another's. */
  stamp = new_generation ();
  tombstone = g_strconcat (prefix, stamp, NULL);
  known = dup_tombstones (self->keyfile);
  g_ptr_array_add (known, g_strdup (tombstone));
  set_tombstones (self->keyfile, known);
  g_hash_table_remove (self->restorations, prefix);
  g_hash_table_insert (self->removals, g_strdup (prefix), tombstone);

  prefixes = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_add (prefixes, prefix);
  removed = g_key_file_new ();
  remove_groups (self->keyfile, prefixes, removed);
  remove_groups (self->additions, prefixes, NULL);
  save (self, TRUE);

  groups = g_key_file_get_groups (removed, NULL);
  if (groups[0] == NULL)
    return NULL;

  g_signal_emit (self, signals [SIGNAL_CHANGED], 0);
  data = g_key_file_to_data (removed, &length, NULL);

  return g_bytes_new_take (data, length);
}

/**
 * upstander_progress_restore_story:
 * @removed: what upstander_progress_remove_story() returned
 *
 * Puts back what was removed (Undo), and saves. What @removed holds is
 * checked as a file read from disk would be.
 */
void
upstander_progress_restore_story (UpstanderProgress *self,
                                  GBytes            *removed)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GKeyFile) entries = NULL;
  g_auto(GStrv) groups = NULL;
  gsize length = 0;
  const char *data;

  g_return_if_fail (UPSTANDER_IS_PROGRESS (self));
  g_return_if_fail (removed != NULL);

  data = g_bytes_get_data (removed, &length);
  if (!g_key_file_load_from_data (keyfile, data, length, G_KEY_FILE_NONE, NULL))
    return;
  entries = sanitize (keyfile);
  groups = g_key_file_get_groups (entries, NULL);

  /* A removal not saved yet is called off; one already saved is undone by
   * the merge of the next save, which also takes the story's tombstones
   * off the file. */
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *prefix = group_story_prefix (groups[i]);

      if (prefix == NULL)
        continue;
      g_hash_table_remove (self->removals, prefix);
      g_hash_table_add (self->restorations, g_steal_pointer (&prefix));
    }

  g_key_file_remove_group (entries, HEADER_GROUP, NULL);
  merge_into (self->keyfile, entries);
  merge_into (self->additions, entries);
  save (self, TRUE);

  g_signal_emit (self, signals [SIGNAL_CHANGED], 0);
}
