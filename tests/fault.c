/* fault.c: faults a test injects: a full disk, a file size limit, a child process to hold them
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-fault"
#define _GNU_SOURCE /* unshare () */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fault.h"

/*
 * Faults change the process for good (a mount namespace, a resource limit),
 * so they are injected in a child: fault_in_child() runs the test body
 * there, and the test fails if the child does.
 */

/* fork(), with nothing buffered twice. */
pid_t
fault_fork (void)
{
  pid_t pid;

  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);

  return pid;
}

void
fault_in_child (void          (*func) (gconstpointer),
                gconstpointer   data)
{
  pid_t pid = fault_fork ();
  int status = 0;

  if (pid == 0)
    {
      func (data);
      fflush (stdout);
      fflush (stderr);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

/*
 * Mounts a 64 KiB tmpfs on @dir in a mount namespace of this process's own,
 * so the host sees nothing. Needs root or user namespaces; returns %FALSE
 * (errno set) where neither is available.
 */
gboolean
fault_mount_tiny_tmpfs (const char *dir)
{
  int flags = CLONE_NEWNS | (geteuid () == 0 ? 0 : CLONE_NEWUSER);

  if (unshare (flags) != 0)
    return FALSE;
  /* ("none": ignored for a propagation change, but valgrind reads it.) */
  if (mount ("none", "/", "none", MS_REC | MS_PRIVATE, NULL) != 0)
    return FALSE;

  return mount ("tmpfs", dir, "tmpfs", 0, "size=64k,mode=0700") == 0;
}

/* Fills the file system of @dir until it has no byte left. */
void
fault_fill_up (const char *dir)
{
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  int fd = g_open (filler, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  char block[1024] = { 0 };

  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, sizeof block) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  close (fd);
}

/*
 * Where no tmpfs can be mounted: from now on this process, and every process
 * it starts, fails every write to a regular file with EFBIG, as a full disk
 * fails it with ENOSPC.
 */
void
fault_limit_file_size (void)
{
  struct rlimit limit = { 0, 0 };

  /* Ignored, so that write() fails instead of the signal killing the writer. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
}
