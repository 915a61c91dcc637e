/* upstander-file.c: writing a whole file so that a reader sees the old one or the new one, never half
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "upstander-file.h"

/*
 * Every file the app writes (progress, handout and summary PDFs, CSV) goes
 * through upstander_file_replace(): the bytes go to a temporary file beside
 * the destination, are flushed to disk, and only then is the temporary file
 * renamed over the destination. A full disk, a file size limit or a crash
 * leave the old file exactly as it was.
 *
 * The temporary name is ".NAME.upstander-tmp-XXXXXX": hidden, and of a shape
 * no file a person keeps has, so that cleaning up after a writer killed
 * mid-save (upstander_file_is_temporary()) can never remove anything else,
 * such as "progress.ini.backup". (g_file_set_contents() uses "NAME.XXXXXX",
 * which "NAME.backup" matches.)
 */

#define TEMP_INFIX ".upstander-tmp-"
#define TEMP_RANDOM "XXXXXX"
/* Keeps the temporary name under NAME_MAX (255) whatever the destination's length. */
#define MAX_BASE_IN_TEMP 200

static gboolean
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int          fd,
           const char  *contents,
           gsize        length,
           GError     **error)
{
  while (length > 0)
    {
      gssize written = write (fd, contents, MIN (length, G_MAXSSIZE));

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return set_errno_error (error, errno);
        }
      contents += written;
      length -= written;
    }

  return TRUE;
}

/* So that the rename itself survives a power cut; best effort. */
static void
sync_directory (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * upstander_file_replace:
 * @path: (type filename): the file to write
 * @contents: (array length=length): what to write
 * @length: how many bytes
 * @mode: permissions of a new file, as for open() (the umask applies)
 * @error: the reason on failure
 *
 * Writes @contents to @path atomically: a reader of @path sees either the
 * old file or the whole new one. On failure the old file is untouched, the
 * temporary file is gone, and @error is in %G_FILE_ERROR with only the
 * reason as its message (such as “No space left on device”): the caller
 * names the file in its own words.
 *
 * Returns: whether @path now holds @contents
 */
gboolean
upstander_file_replace (const char  *path,
                        const char  *contents,
                        gsize        length,
                        int          mode,
                        GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  int saved_errno;
  int fd;

  g_return_val_if_fail (path != NULL && path[0] != '\0', FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  if (strlen (base) > MAX_BASE_IN_TEMP)
    base[MAX_BASE_IN_TEMP] = '\0';
  temp = g_strconcat (dir, G_DIR_SEPARATOR_S ".", base, TEMP_INFIX TEMP_RANDOM, NULL);

  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, mode);
  if (fd < 0)
    return set_errno_error (error, errno);

  if (!write_all (fd, contents, length, error))
    goto failed;

  /* Some file systems only report a full disk here, at fsync or close. */
  if (fsync (fd) != 0)
    {
      set_errno_error (error, errno);
      goto failed;
    }
  if (close (fd) != 0)
    {
      fd = -1;
      set_errno_error (error, errno);
      goto failed;
    }
  fd = -1;

  if (g_rename (temp, path) != 0)
    {
      set_errno_error (error, errno);
      goto failed;
    }

  sync_directory (dir);

  return TRUE;

failed:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (temp);
  errno = saved_errno;

  return FALSE;
}

/**
 * upstander_file_save:
 * @path: (type filename): the file to write
 * @contents: (array length=length): what to write
 * @length: how many bytes
 * @mode: permissions of a new file, as for open() (the umask applies)
 * @error: the reason on failure
 *
 * Like upstander_file_replace(), except that a destination that exists and
 * is not a regular file (a pipe, a terminal, `/dev/stdout`) is written to
 * straight: there is nothing there to keep whole, and renaming over it would
 * replace the device node or the link itself. For what a person asks to
 * write somewhere; the app's own files always use upstander_file_replace().
 *
 * Returns: whether @contents was written
 */
gboolean
upstander_file_save (const char  *path,
                     const char  *contents,
                     gsize        length,
                     int          mode,
                     GError     **error)
{
  struct stat info;
  gboolean written;
  int fd;

  g_return_val_if_fail (path != NULL && path[0] != '\0', FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Opened without creating or truncating anything, to see what is there. */
  fd = g_open (path, O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0 && errno == ENXIO)
    /* A pipe nobody reads yet: wait for its reader, as a shell would. */
    fd = g_open (path, O_WRONLY | O_CLOEXEC | O_NOCTTY, 0);

  if (fd < 0 || fstat (fd, &info) != 0 || S_ISREG (info.st_mode))
    {
      if (fd >= 0)
        close (fd);
      return upstander_file_replace (path, contents, length, mode, error);
    }

  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  written = write_all (fd, contents, length, error);
  if (close (fd) != 0 && written)
    written = set_errno_error (error, errno);

  return written;
}

/**
 * upstander_file_is_temporary:
 * @name: (type filename): a file name, without a directory
 * @base: (type filename): the name of a file written with upstander_file_replace()
 *
 * Returns: whether @name is a temporary file upstander_file_replace() makes
 *   while writing @base, and nothing else
 */
gboolean
upstander_file_is_temporary (const char *name,
                             const char *base)
{
  gsize base_length;
  const char *rest;

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (base != NULL, FALSE);

  base_length = MIN (strlen (base), MAX_BASE_IN_TEMP);
  if (name[0] != '.' || strncmp (name + 1, base, base_length) != 0)
    return FALSE;

  rest = name + 1 + base_length;
  if (!g_str_has_prefix (rest, TEMP_INFIX))
    return FALSE;

  rest += strlen (TEMP_INFIX);
  if (strlen (rest) != strlen (TEMP_RANDOM))
    return FALSE;
  for (; *rest != '\0'; rest++)
    if (!g_ascii_isalnum (*rest))
      return FALSE;

  return TRUE;
}
