/* upstander-progress.c: which stories were finished and which endings found, kept on disk */
#define G_LOG_DOMAIN "upstander-progress"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "upstander-progress.h"

/*
 * The file is a small GKeyFile:
 *
 *   [upstander]
 *   format=1
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
#define MAX_ID_LENGTH 64

struct _UpstanderProgress
{
  GObject   parent_instance;

  char     *path;
  GKeyFile *keyfile;

  UpstanderProgressNotice pending_notice;
  guint     reported;      /* bit per UpstanderProgressNotice already handed out */
  guint     read_only : 1; /* a newer format: never overwrite it */
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (UpstanderProgress, upstander_progress, G_TYPE_OBJECT)

/**
 * upstander_progress_id_is_valid:
 * @id: (nullable): an id from a bundle
 *
 * Returns: whether @id matches `[a-z0-9][a-z0-9-]{0,63}`, the only ids the
 *   store accepts
 */
gboolean
upstander_progress_id_is_valid (const char *id)
{
  gsize len = 0;

  if (id == NULL || id[0] == '\0' || id[0] == '-')
    return FALSE;

  for (const char *p = id; *p != '\0'; p++, len++)
    {
      if (len >= MAX_ID_LENGTH)
        return FALSE;
      if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
        return FALSE;
    }

  return TRUE;
}

static char *
group_name (const char *bundle_id,
            const char *scenario_id,
            guint       version)
{
  if (!upstander_progress_id_is_valid (bundle_id) ||
      !upstander_progress_id_is_valid (scenario_id) ||
      version == 0)
    return NULL;

  return g_strdup_printf ("%s/%s/%u", bundle_id, scenario_id, version);
}

static gboolean
group_name_is_valid (const char *group)
{
  g_auto(GStrv) parts = g_strsplit (group, "/", -1);
  guint64 version = 0;

  return g_strv_length (parts) == 3 &&
         upstander_progress_id_is_valid (parts[0]) &&
         upstander_progress_id_is_valid (parts[1]) &&
         g_ascii_string_to_unsigned (parts[2], 10, 1, G_MAXUINT, &version, NULL);
}

static GKeyFile *
new_keyfile (void)
{
  GKeyFile *keyfile = g_key_file_new ();

  g_key_file_set_integer (keyfile, HEADER_GROUP, "format", UPSTANDER_PROGRESS_FORMAT);

  return keyfile;
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

/* Keeps only the groups and values this version understands. */
static GKeyFile *
sanitize (GKeyFile *in)
{
  g_autoptr(GKeyFile) out = new_keyfile ();
  g_auto(GStrv) groups = g_key_file_get_groups (in, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) endings = NULL;
      g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
      g_auto(GStrv) kept_endings = NULL;
      gboolean finished;

      if (!group_name_is_valid (groups[i]))
        continue;

      finished = g_key_file_get_boolean (in, groups[i], "finished", NULL);
      endings = g_key_file_get_string_list (in, groups[i], "endings", NULL, NULL);
      for (guint e = 0; endings != NULL && endings[e] != NULL; e++)
        {
          gboolean dup = FALSE;

          for (guint d = 0; d < e; d++)
            dup |= g_str_equal (endings[d], endings[e]);
          if (!dup && upstander_progress_id_is_valid (endings[e]))
            g_strv_builder_add (kept, endings[e]);
        }
      kept_endings = g_strv_builder_end (kept);

      if (!finished && kept_endings[0] == NULL)
        continue;

      g_key_file_set_boolean (out, groups[i], "finished", finished || kept_endings[0] != NULL);
      if (kept_endings[0] != NULL)
        g_key_file_set_string_list (out, groups[i], "endings",
                                    (const char * const *) kept_endings,
                                    g_strv_length (kept_endings));
    }

  return g_steal_pointer (&out);
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
 * Reads the file. A missing file is a fresh start; a corrupt one is moved
 * aside (and the reader told once); a newer one is read as far as it can be
 * but never written.
 */
static GKeyFile *
read_file (UpstanderProgress *self,
           gboolean           report)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gint64 format;

  if (!g_file_get_contents (self->path, &contents, &length, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT) && report)
        {
          /* Something is there that we cannot read: do not overwrite it. */
          self->read_only = TRUE;
          raise_notice (self, UPSTANDER_PROGRESS_NOTICE_UNWRITABLE);
        }
      return NULL;
    }

  if (!g_key_file_load_from_data (keyfile, contents, length, G_KEY_FILE_NONE, &error) ||
      !g_key_file_has_key (keyfile, HEADER_GROUP, "format", NULL) ||
      (format = g_key_file_get_int64 (keyfile, HEADER_GROUP, "format", NULL)) < 1)
    {
      if (report)
        {
          move_aside (self);
          raise_notice (self, UPSTANDER_PROGRESS_NOTICE_CORRUPT);
        }
      return NULL;
    }

  if (format > UPSTANDER_PROGRESS_FORMAT)
    {
      if (report)
        {
          self->read_only = TRUE;
          raise_notice (self, UPSTANDER_PROGRESS_NOTICE_NEWER);
        }
      else
        {
          return NULL;
        }
    }

  return sanitize (keyfile);
}

static void
merge_into (GKeyFile *into,
            GKeyFile *from)
{
  g_auto(GStrv) groups = g_key_file_get_groups (from, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) theirs = NULL;
      g_auto(GStrv) ours = NULL;
      g_autoptr(GStrvBuilder) all = g_strv_builder_new ();
      g_auto(GStrv) merged = NULL;

      if (g_str_equal (groups[i], HEADER_GROUP))
        continue;

      theirs = g_key_file_get_string_list (from, groups[i], "endings", NULL, NULL);
      ours = g_key_file_get_string_list (into, groups[i], "endings", NULL, NULL);
      if (ours != NULL)
        g_strv_builder_addv (all, (const char **) ours);
      for (guint e = 0; theirs != NULL && theirs[e] != NULL; e++)
        if (ours == NULL || !g_strv_contains ((const char * const *) ours, theirs[e]))
          g_strv_builder_add (all, theirs[e]);
      merged = g_strv_builder_end (all);

      g_key_file_set_boolean (into, groups[i], "finished", TRUE);
      if (merged[0] != NULL)
        g_key_file_set_string_list (into, groups[i], "endings",
                                    (const char * const *) merged, g_strv_length (merged));
    }
}

/*
 * Two instances (two windows of a family computer, or a crash and a restart)
 * each read, merge and write the file. Without a lock, one could write
 * between the other's read and write and lose what it found; an advisory
 * lock on a companion file orders them. It is released when the descriptor
 * closes, so a killed instance never leaves it held. If the lock cannot be
 * taken within a few seconds (a stuck instance), saving goes on without it:
 * the write itself stays atomic either way.
 */
static int
lock_store (const char *path)
{
  g_autofree char *lock_path = g_strconcat (path, ".lock", NULL);
  int fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

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

static void
save (UpstanderProgress *self,
      gboolean           merge)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  int lock = -1;

  if (self->read_only)
    return;

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_debug ("Could not create %s: %s", dir, g_strerror (errno));
      raise_notice (self, UPSTANDER_PROGRESS_NOTICE_UNWRITABLE);
      return;
    }

  lock = lock_store (self->path);

  /* Another instance may have written since we read: keep what it found. */
  if (merge)
    {
      g_autoptr(GKeyFile) on_disk = read_file (self, FALSE);

      if (on_disk != NULL)
        merge_into (self->keyfile, on_disk);
    }

  data = g_key_file_to_data (self->keyfile, &length, NULL);
  if (!g_file_set_contents_full (self->path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &error))
    {
      g_debug ("Could not save progress: %s", error->message);
      raise_notice (self, UPSTANDER_PROGRESS_NOTICE_UNWRITABLE);
    }

  if (lock >= 0)
    close (lock);
}

static void
upstander_progress_finalize (GObject *object)
{
  UpstanderProgress *self = (UpstanderProgress *)object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->keyfile, g_key_file_unref);

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
  self->keyfile = new_keyfile ();
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

/* Long enough that no save in progress, by this or another instance, is touched. */
#define STALE_TEMP_AGE_SECONDS (10 * 60)

/*
 * g_file_set_contents_full() writes "progress.ini.XXXXXX" and renames it over
 * the file; a writer killed in between leaves the temporary file behind. They
 * hold nothing the file does not, so old ones are removed.
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

      if (!g_str_has_prefix (name, base) || strlen (name) != strlen (base) + 7 ||
          name[strlen (base)] != '.')
        continue;

      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &info) == 0 && S_ISREG (info.st_mode) &&
          now - (gint64) info.st_mtime > STALE_TEMP_AGE_SECONDS)
        g_unlink (path);
    }
}

void
upstander_progress_load (UpstanderProgress *self)
{
  g_autoptr(GKeyFile) keyfile = NULL;

  g_return_if_fail (UPSTANDER_IS_PROGRESS (self));

  remove_stale_temporary_files (self);
  keyfile = read_file (self, TRUE);
  g_clear_pointer (&self->keyfile, g_key_file_unref);
  self->keyfile = keyfile != NULL ? g_steal_pointer (&keyfile) : new_keyfile ();

  g_signal_emit (self, signals [SIGNAL_CHANGED], 0);
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
  g_auto(GStrv) endings = NULL;

  g_return_val_if_fail (UPSTANDER_IS_PROGRESS (self), FALSE);

  group = group_name (bundle_id, scenario_id, version);
  if (group == NULL || !upstander_progress_id_is_valid (ending_id))
    return FALSE;

  endings = upstander_progress_dup_endings (self, bundle_id, scenario_id, version);
  g_key_file_set_boolean (self->keyfile, group, "finished", TRUE);
  if (!g_strv_contains ((const char * const *) endings, ending_id))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) all = NULL;

      g_strv_builder_addv (builder, (const char **) endings);
      g_strv_builder_add (builder, ending_id);
      all = g_strv_builder_end (builder);
      g_key_file_set_string_list (self->keyfile, group, "endings",
                                  (const char * const *) all, g_strv_length (all));
    }

  save (self, TRUE);
  g_signal_emit (self, signals [SIGNAL_CHANGED], 0);

  return TRUE;
}

/* Forgets every story's progress, on disk too (unless the file is newer). */
void
upstander_progress_forget (UpstanderProgress *self)
{
  g_return_if_fail (UPSTANDER_IS_PROGRESS (self));

  g_clear_pointer (&self->keyfile, g_key_file_unref);
  self->keyfile = new_keyfile ();
  save (self, FALSE);

  g_signal_emit (self, signals [SIGNAL_CHANGED], 0);
}
