/* driver.c: replays fuzz inputs (files or directories of them) without libFuzzer */
#include <glib.h>

#include "fuzz.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static int
replay (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;
      int count = 0;

      if (dir == NULL)
        g_error ("%s", error->message);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_build_filename (path, name, NULL));
      /* The same order on every run. */
      g_ptr_array_sort (names, compare_names);
      for (guint i = 0; i < names->len; i++)
        count += replay (g_ptr_array_index (names, i));
      return count;
    }

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  g_print ("# %s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  LLVMFuzzerTestOneInput ((const guint8 *) contents, length);

  return 1;
}

int
main (int   argc,
      char *argv[])
{
  int count = 0;

  if (argc < 2)
    {
      g_printerr ("Usage: %s FILE-OR-DIRECTORY...\n", argv[0]);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    count += replay (argv[i]);

  g_print ("1..1\nok 1 - replayed %d inputs\n", count);

  return count > 0 ? 0 : 1;
}
